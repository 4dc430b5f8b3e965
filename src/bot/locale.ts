// Discord locales ↔ the two reply languages. Japanese is the default for everyone; English for
// clients set to English (en-US, en-GB).
import type { LocalizationMap } from 'discord.js';
import type { Bilingual, Locale } from '../reply/copy-types.ts';

export const ENGLISH_LOCALES = ['en-US', 'en-GB'] as const;

export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale === 'en-US' || discordLocale === 'en-GB' ? 'en' : 'ja';
}

/** The English localizations of a Japanese-default name or description. */
export function englishLocalizations(text: Bilingual): LocalizationMap {
  return { 'en-US': text.en, 'en-GB': text.en };
}

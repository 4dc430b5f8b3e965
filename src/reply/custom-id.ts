// Button custom_ids: everything a button needs to answer, and nothing the user wrote.
// A button must keep working after a restart and on a reply sent weeks ago, so the id carries the
// whole state (which refusal, which platform, which language) and the format is versioned:
//
//   gg:v1:refusal:<refusalKind>:<platform>:<locale>   → the refusal as its own plain message
//   gg:v1:report:<platform>:<locale>                  → report / block steps for the platform
//   gg:v1:replied:<locale>                            → what to do if you already replied
//
// A future v2 must keep parsing v1 (old replies stay in people's DMs).
import { z } from 'zod';
import { PlatformSchema, type Platform } from '../detector/types.ts';
import { REFUSAL_KINDS, type Locale, type RefusalKind } from './copy-types.ts';

/** Every custom_id of this app starts with the namespace; the version follows. */
export const CUSTOM_ID_NAMESPACE = 'gg:';
export const CUSTOM_ID_PREFIX = `${CUSTOM_ID_NAMESPACE}v1:`;

const LocaleSchema = z.enum(['ja', 'en']);

export const ButtonActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('refusal'), kind: z.enum(REFUSAL_KINDS), platform: PlatformSchema, locale: LocaleSchema }),
  z.object({ action: z.literal('report'), platform: PlatformSchema, locale: LocaleSchema }),
  z.object({ action: z.literal('replied'), locale: LocaleSchema }),
]);
export type ButtonAction = z.infer<typeof ButtonActionSchema>;

export function encodeButton(a: ButtonAction): string {
  switch (a.action) {
    case 'refusal':
      return `${CUSTOM_ID_PREFIX}refusal:${a.kind}:${a.platform}:${a.locale}`;
    case 'report':
      return `${CUSTOM_ID_PREFIX}report:${a.platform}:${a.locale}`;
    case 'replied':
      return `${CUSTOM_ID_PREFIX}replied:${a.locale}`;
  }
}

/** Parses a custom_id from Discord (an edge: never trust it). Null for anything unknown. */
export function decodeButton(customId: string): ButtonAction | null {
  if (!customId.startsWith(CUSTOM_ID_PREFIX) || customId.length > 100) return null;
  const [action, ...rest] = customId.slice(CUSTOM_ID_PREFIX.length).split(':');
  let candidate: unknown;
  if (action === 'refusal' && rest.length === 3) candidate = { action, kind: rest[0], platform: rest[1], locale: rest[2] };
  else if (action === 'report' && rest.length === 2) candidate = { action, platform: rest[0], locale: rest[1] };
  else if (action === 'replied' && rest.length === 1) candidate = { action, locale: rest[0] };
  const parsed = ButtonActionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** Convenience for builders. */
export const buttonIds = {
  refusal: (kind: RefusalKind, platform: Platform, locale: Locale) => encodeButton({ action: 'refusal', kind, platform, locale }),
  report: (platform: Platform, locale: Locale) => encodeButton({ action: 'report', platform, locale }),
  replied: (locale: Locale) => encodeButton({ action: 'replied', locale }),
};

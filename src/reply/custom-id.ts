// Button custom_ids: everything a button needs to answer, and nothing the user wrote.
// A button must keep working after a restart and on a reply sent weeks ago, so the id carries the
// whole state and the format is versioned:
//
//   gg:v2:refusal:<platform>:<part>[.<part>…]:<locale> → the composed refusal as its own plain message
//   gg:v2:report:<platform>:<category|->:<locale>       → report / block steps naming the category
//   gg:v2:replied:<locale>                              → what to do if you already replied
//
// The first format is still read (old replies stay in people's DMs):
//
//   gg:v1:refusal:<refusalKind>:<platform>:<locale>      → the parts that family stands for
//   gg:v1:report:<platform>:<locale>                     → report steps without a category
//   gg:v1:replied:<locale>
import { z } from 'zod';
import { CategorySchema, PlatformSchema, type Category, type Platform } from '../detector/types.ts';
import { copy } from './copy.ts';
import { REFUSAL_KINDS, REFUSAL_PARTS, type Locale, type RefusalPart } from './copy-types.ts';
import { MAX_REFUSAL_PARTS } from './refusal.ts';

/** Every custom_id of this app starts with the namespace; the version follows. */
export const CUSTOM_ID_NAMESPACE = 'gg:';
export const CUSTOM_ID_PREFIX = `${CUSTOM_ID_NAMESPACE}v2:`;
const V1_PREFIX = `${CUSTOM_ID_NAMESPACE}v1:`;

const LocaleSchema = z.enum(['ja', 'en']);
const PartsSchema = z.array(z.enum(REFUSAL_PARTS)).min(1).max(MAX_REFUSAL_PARTS);

export const ButtonActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('refusal'), parts: PartsSchema, platform: PlatformSchema, locale: LocaleSchema }),
  z.object({ action: z.literal('report'), platform: PlatformSchema, category: CategorySchema.nullable(), locale: LocaleSchema }),
  z.object({ action: z.literal('replied'), locale: LocaleSchema }),
]);
export type ButtonAction = z.infer<typeof ButtonActionSchema>;

export function encodeButton(a: ButtonAction): string {
  switch (a.action) {
    case 'refusal':
      return `${CUSTOM_ID_PREFIX}refusal:${a.platform}:${a.parts.join('.')}:${a.locale}`;
    case 'report':
      return `${CUSTOM_ID_PREFIX}report:${a.platform}:${a.category ?? '-'}:${a.locale}`;
    case 'replied':
      return `${CUSTOM_ID_PREFIX}replied:${a.locale}`;
  }
}

const LegacyKind = z.enum(REFUSAL_KINDS);

function candidateV2(action: string | undefined, rest: string[]): unknown {
  if (action === 'refusal' && rest.length === 3) return { action, platform: rest[0], parts: (rest[1] ?? '').split('.'), locale: rest[2] };
  if (action === 'report' && rest.length === 3) return { action, platform: rest[0], category: rest[1] === '-' ? null : rest[1], locale: rest[2] };
  if (action === 'replied' && rest.length === 1) return { action, locale: rest[0] };
  return undefined;
}

function candidateV1(action: string | undefined, rest: string[]): unknown {
  if (action === 'refusal' && rest.length === 3) {
    const kind = LegacyKind.safeParse(rest[0]);
    return kind.success ? { action, parts: copy.legacyRefusalParts[kind.data], platform: rest[1], locale: rest[2] } : undefined;
  }
  if (action === 'report' && rest.length === 2) return { action, platform: rest[0], category: null, locale: rest[1] };
  if (action === 'replied' && rest.length === 1) return { action, locale: rest[0] };
  return undefined;
}

/** Parses a custom_id from Discord (an edge: never trust it). Null for anything unknown. */
export function decodeButton(customId: string): ButtonAction | null {
  if (customId.length > 100) return null;
  const v2 = customId.startsWith(CUSTOM_ID_PREFIX);
  if (!v2 && !customId.startsWith(V1_PREFIX)) return null;
  const [action, ...rest] = customId.slice(CUSTOM_ID_PREFIX.length).split(':');
  const parsed = ButtonActionSchema.safeParse(v2 ? candidateV2(action, rest) : candidateV1(action, rest));
  return parsed.success ? parsed.data : null;
}

/** Convenience for builders. */
export const buttonIds = {
  refusal: (parts: RefusalPart[], platform: Platform, locale: Locale) => encodeButton({ action: 'refusal', parts, platform, locale }),
  report: (platform: Platform, category: Category | null, locale: Locale) => encodeButton({ action: 'report', platform, category, locale }),
  replied: (locale: Locale) => encodeButton({ action: 'replied', locale }),
};

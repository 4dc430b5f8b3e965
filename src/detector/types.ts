// Shared vocabulary of the detector. The IDs are fixed by docs/domain.md: the stats, the digest
// and the CLI contract all depend on them, so never rename one.
import { z } from 'zod';

export const CATEGORY_IDS = [
  'off_platform_contact',
  'contact_details',
  'pre_contract_call',
  'personal_info',
  'direct_deal',
  'off_platform_payment',
  'upfront_payment',
  'unrealistic_pay',
  'demographic_limit',
  'vague_details',
  'pressure',
  'app_install',
  'recruitment_scheme',
] as const;
export const CategorySchema = z.enum(CATEGORY_IDS);
export type Category = z.infer<typeof CategorySchema>;

export const LEVELS = ['none', 'low', 'medium', 'high'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export const PLATFORMS = ['crowdworks', 'lancers', 'coconala', 'other'] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

export const STAGES = ['before_contract', 'after_contract', 'after_escrow', 'unknown'] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

/** Tools a message can name; stored in stats, so the list is closed. */
export const TOOL_IDS = [
  'line',
  'email',
  'chatwork',
  'skype',
  'zoom',
  'google_meet',
  'phone',
  'telegram',
  'discord',
  'instagram',
  'x',
  'whatsapp',
  'wechat',
  'kakao',
  'slack',
  'messenger',
  'signal',
  'google_form',
  'paypay',
  'bank',
  'gift_card',
  'crypto',
] as const;
export const ToolSchema = z.enum(TOOL_IDS);
export type Tool = z.infer<typeof ToolSchema>;

/** What kind of text it is (domain.md): it sets how cues count. */
export const TEXT_KINDS = ['message', 'posting', 'chat', 'question', 'rule_text'] as const;
export const TextKindSchema = z.enum(TEXT_KINDS);
export type TextKind = z.infer<typeof TextKindSchema>;

export const LEVEL_RANK: Record<Level, number> = { none: 0, low: 1, medium: 2, high: 3 };

export function maxLevel(a: Level, b: Level): Level {
  return LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b;
}
export function minLevel(a: Level, b: Level): Level {
  return LEVEL_RANK[a] <= LEVEL_RANK[b] ? a : b;
}

export interface Span {
  /** UTF-16 offsets into the raw input text, end exclusive. */
  start: number;
  end: number;
}

export interface Finding {
  rule: string;
  category: Category;
  /** Weight after context adjustments (stage, platform, quotes). */
  weight: number;
  span: Span;
  /** The raw text of the span, with contact details masked. */
  phrase: string;
  description: string;
  explanation: string;
}

/** Why a finding was dropped or softened; kept so eval and tests can explain decisions. */
export interface Mitigation {
  rule: string;
  reason:
    | 'negated'
    | 'tool_is_work'
    | 'own_traffic'
    | 'quoted'
    | 'official_route'
    | 'after_escrow'
    | 'after_contract'
    | 'article'
    | 'own_refusal'
    | 'own_words'
    | 'platform_rules'
    | 'description'
    | 'condition';
  span: Span;
}

export interface CheckOptions {
  platform?: Platform | undefined;
  stage?: Stage | undefined;
}

/** The pure result of analysing one text. Copy (refusal, advice) is added by src/reply. */
export interface Verdict {
  level: Level;
  score: number;
  categories: Category[];
  findings: Finding[];
  mitigations: Mitigation[];
  tools: Tool[];
  platform: Platform;
  /** Where the platform came from: the caller, the text, or the default. */
  platformSource: 'given' | 'inferred' | 'default';
  stage: Stage;
  stageSource: 'given' | 'inferred' | 'default';
  /** What kind of text it is: a message, a job posting, a chat log, a question about a received text, or a rule text / article. */
  kind: TextKind;
  /** The text mentions the platform's official route (サービス外連絡申請 etc.) as the way forward. */
  officialRoute: boolean;
  /** True when the input was longer than the analysed cap; only part of it was analysed. */
  truncated: boolean;
  /**
   * When truncated: how many characters were read from the start and from the end of the input
   * (src/detector/cap.ts); the characters in between were not read.
   */
  read?: { head: number; tail: number } | undefined;
  analysedChars: number;
  inputChars: number;
}

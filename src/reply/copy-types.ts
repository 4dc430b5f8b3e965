// Shapes of the user-facing copy. The copy itself lives in src/reply/copy.ts so a Japanese
// reviewer can read all of it in one place.
import type { Category, Level, Platform, Stage } from '../detector/types.ts';

export type Locale = 'ja' | 'en';
export interface Bilingual {
  ja: string;
  en: string;
}

/** One refusal family per kind of request; chosen from the verdict's strongest category. */
export const REFUSAL_KINDS = [
  'contact_tool',
  'call',
  'personal_data',
  'direct_deal',
  'outside_payment',
  'fees',
  'pressure',
  'recruitment',
  'generic',
] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export interface CopyBook {
  /** 危険 / 注意 / 軽微 / 問題なし */
  levelLabel: Record<Level, Bilingual>;
  /** One line a beginner understands, per level. */
  levelHeadline: Record<Level, Bilingual>;
  categoryLabel: Record<Category, Bilingual>;
  platformLabel: Record<Platform, Bilingual>;
  stageLabel: Record<Stage, Bilingual>;
  /** Which refusal family answers which category. */
  refusalKindOf: Record<Category, RefusalKind>;
  /**
   * Refusal texts: kind → platform → text. Every platform has its own wording because each
   * platform names a different route (CrowdWorks サービス外連絡申請, Lancers 連絡先公開申請 after
   * 仮払い, coconala: no off-site contact at all).
   */
  refusals: Record<RefusalKind, Record<Platform, Bilingual>>;
  /** What is allowed instead, per platform and stage (the official route). */
  route: (platform: Platform, stage: Stage) => Bilingual;
  /** Next steps per level (none gets a short "still be careful" list). */
  advice: Record<Level, Bilingual[]>;
  /** How to report and block on each platform. */
  reportSteps: Record<Platform, Bilingual[]>;
  /** If the user already replied or sent data. */
  alreadyReplied: Bilingual[];
  /** Footer: a level describes the text, it is not a guarantee about the client. */
  disclaimer: Bilingual;
  /** Shown when the input was cut at the analysed cap. */
  truncatedNote: (analysedChars: number) => Bilingual;
}

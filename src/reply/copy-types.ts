// Shapes of the user-facing copy. The copy itself lives in src/reply/copy.ts so a Japanese
// reviewer can read all of it in one place.
import type { Category, Level, Platform, Stage, TextKind } from '../detector/types.ts';

export type Locale = 'ja' | 'en';
export interface Bilingual {
  ja: string;
  en: string;
}

/**
 * What a refusal can decline, one sentence each, in the order a refusal says them. A refusal is
 * composed from the parts its verdict's findings call for (src/reply/refusal.ts).
 */
export const REFUSAL_PARTS = [
  'contact', // moving to an outside tool, exchanging contact details
  'approval', // an application the client sent or presses for: decide after reading it
  'call', // a call or video interview before the contract
  'personal', // personal information
  'direct', // a contract outside the platform
  'payment', // pay outside the platform
  'account', // lending a bank account, moving other people's money
  'fees', // paying fees or buying products to get work
  'app', // installing an app
  'recruit', // seminars, courses, investment
  'work_first', // starting work before escrow
  'hurry', // deadlines and pressure to decide now
  'details', // vague work or pay: ask for the details here
] as const;
export type RefusalPart = (typeof REFUSAL_PARTS)[number];

/** Refusal families of the first button format (gg:v1:refusal:<kind>); old replies still carry them. */
export const REFUSAL_KINDS = ['contact_tool', 'call', 'personal_data', 'direct_deal', 'outside_payment', 'fees', 'pressure', 'recruitment', 'generic'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** Where a reply is read: it decides how the user is told to change the platform or stage. */
export type Door = 'discord' | 'cli' | 'console';

export interface RefusalCopy {
  /** The thanks a refusal opens with, by its first part. */
  opening: Record<RefusalPart, Bilingual>;
  /** Before the first and the second sentence: 恐れ入りますが、/ また、 */
  connectors: readonly [Bilingual, Bilingual];
  /** One sentence per part and platform. Each English sentence starts with "I ". */
  sentences: Record<RefusalPart, Record<Platform, Bilingual>>;
  closing: Bilingual;
}

export interface AdviceCopy {
  /** "Do not …" per part, for 🔴 (and for 🟠 parts other than contact and calls). */
  dont: Record<RefusalPart, Record<Platform, Bilingual>>;
  useRefusal: Bilingual;
  /** The report line of a 🔴 reply: the platform's path, naming the category found. */
  report: (platform: Platform, category: Category, platformKnown: boolean) => Bilingual;
  block: Bilingual;
  /** 🟠: what to check on this platform, and the route when contact or calls are involved. */
  mediumChecks: Record<Platform, Bilingual>;
  mediumRoute: Record<Platform, Bilingual | null>;
  mediumPlatformPays: Record<Platform, Bilingual>;
  mediumUseRefusal: Bilingual;
  low: Record<Platform, Bilingual[]>;
  none: Record<Platform, Bilingual[]>;
}

export interface CopyBook {
  /** 危険 / 注意 / 軽微 / 問題なし */
  levelLabel: Record<Level, Bilingual>;
  /** One line a beginner understands, per level; shown after the label, so it does not repeat it. */
  levelHeadline: Record<Level, Bilingual>;
  categoryLabel: Record<Category, Bilingual>;
  platformLabel: Record<Platform, Bilingual>;
  stageLabel: Record<Stage, Bilingual>;
  refusal: RefusalCopy;
  /** The parts each first-format refusal family stands for. */
  legacyRefusalParts: Record<RefusalKind, RefusalPart[]>;
  /** What is allowed instead, per platform and stage (the official route). */
  route: (platform: Platform, stage: Stage) => Bilingual;
  advice: AdviceCopy;
  /** How to report and block, on each platform, for the category found (null: not known). */
  reportSteps: (platform: Platform, category: Category | null) => Bilingual[];
  /** If the user already replied or sent data. */
  alreadyReplied: Bilingual[];
  /** Footer: a level describes the text, it is not a guarantee about the client. */
  disclaimer: Bilingual;
  /** Shown when a long text was read in part: how much from the start and from the end. */
  readNote: (read: { head: number; tail: number }, inputChars: number) => Bilingual;
  /** What the kind of text means for the verdict (questions, rule texts, chat logs). */
  kindNote: Record<TextKind, Bilingual | null>;
  /** The platform and stage the verdict assumed, how it got them, and how to change them here. */
  assumed: (a: { platform: Platform; platformHow: SourceHow; stage: Stage; stageHow: SourceHow; door: Door }) => Bilingual;
}

export type SourceHow = 'given' | 'inferred' | 'default';

// Verdict → everything a reply says: headline, findings, the allowed route, a refusal, next steps.
// No Discord and no terminal here: the CLI, the local console and the bot all render a Report.
import type { Category, Level, Verdict } from '../detector/types.ts';
import { copy } from './copy.ts';
import type { Bilingual, Locale, RefusalKind } from './copy-types.ts';

export interface Report {
  verdict: Verdict;
  headline: Bilingual;
  levelLabel: Bilingual;
  /** What the platform allows instead at this stage. */
  route: Bilingual;
  refusalKind: RefusalKind | null;
  /** A refusal to paste back; null when nothing was found. */
  refusal: Bilingual | null;
  advice: Bilingual[];
  reportSteps: Bilingual[];
  alreadyReplied: Bilingual[];
  disclaimer: Bilingual;
  truncatedNote: Bilingual | null;
}

/** The refusal family for a verdict: the strongest category decides. */
export function refusalKindFor(categories: Category[], level: Level): RefusalKind | null {
  if (level === 'none') return null;
  const top = categories[0];
  return top ? copy.refusalKindOf[top] : 'generic';
}

export function composeReport(verdict: Verdict): Report {
  const kind = refusalKindFor(verdict.categories, verdict.level);
  return {
    verdict,
    headline: copy.levelHeadline[verdict.level],
    levelLabel: copy.levelLabel[verdict.level],
    route: copy.route(verdict.platform, verdict.stage),
    refusalKind: kind,
    refusal: kind ? copy.refusals[kind][verdict.platform] : null,
    advice: copy.advice[verdict.level],
    reportSteps: copy.reportSteps[verdict.platform],
    alreadyReplied: copy.alreadyReplied,
    disclaimer: copy.disclaimer,
    truncatedNote: verdict.truncated ? copy.truncatedNote(verdict.analysedChars) : null,
  };
}

export function pick(b: Bilingual, locale: Locale): string {
  return b[locale];
}

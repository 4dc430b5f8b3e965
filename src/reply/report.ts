// Verdict → everything a reply says: headline, notes, findings with their reasons, the allowed
// route, a refusal, next steps. No Discord and no terminal here: the CLI, the local console and
// the bot all render a Report.
import type { Category, Verdict } from '../detector/types.ts';
import { adviceFor } from './advice.ts';
import { copy } from './copy.ts';
import type { Bilingual, Door, Locale, RefusalPart } from './copy-types.ts';
import { explainFinding } from './explanations.ts';
import { partOf, refusalFor } from './refusal.ts';

export interface Report {
  verdict: Verdict;
  headline: Bilingual;
  levelLabel: Bilingual;
  /** Why each finding was flagged, in the order of verdict.findings (per rule, variant and platform). */
  explanations: Bilingual[];
  /** What the platform allows instead at this stage. */
  route: Bilingual;
  /** What the refusal declines (empty when there is none); a button carries them. */
  refusalParts: RefusalPart[];
  /** A refusal to paste back; null for `low` and `none`. */
  refusal: Bilingual | null;
  advice: Bilingual[];
  /** The category the report steps name: the strongest one found. */
  reportCategory: Category | null;
  reportSteps: Bilingual[];
  alreadyReplied: Bilingual[];
  disclaimer: Bilingual;
  /** Shown above the findings: the kind of text, and which part of a long text was read. */
  notes: Bilingual[];
}

export function composeReport(verdict: Verdict): Report {
  const refusal = refusalFor(verdict);
  const parts = refusal?.parts ?? [];
  const reportCategory = reportCategoryFor(verdict);
  const notes: Bilingual[] = [];
  const kindNote = copy.kindNote[verdict.kind];
  if (kindNote) notes.push(kindNote);
  if (verdict.truncated) notes.push(copy.readNote(verdict.read ?? { head: verdict.analysedChars, tail: 0 }, verdict.inputChars));
  return {
    verdict,
    headline: copy.levelHeadline[verdict.level],
    levelLabel: copy.levelLabel[verdict.level],
    explanations: verdict.findings.map((f) => explainFinding(f, verdict.platform)),
    route: copy.route(verdict.platform, verdict.stage),
    refusalParts: parts,
    refusal: refusal?.text ?? null,
    advice: adviceFor(verdict, parts, reportCategory),
    reportCategory,
    reportSteps: copy.reportSteps(verdict.platform, reportCategory),
    alreadyReplied: copy.alreadyReplied,
    disclaimer: copy.disclaimer,
    notes,
  };
}

/**
 * The category a report names: the strongest one, except that a request to connect on an outside
 * tool (「IDを追加してください」, filed under personal data) is reported as the contact move it is.
 */
export function reportCategoryFor(v: Pick<Verdict, 'findings' | 'categories'>): Category | null {
  const top = v.findings[0];
  if (top && (partOf(top) === 'contact' || partOf(top) === 'approval')) {
    return top.category === 'off_platform_contact' || top.category === 'contact_details' ? top.category : 'off_platform_contact';
  }
  return v.categories[0] ?? top?.category ?? null;
}

/** The platform and stage the verdict assumed, and how to change them through this door. */
export function assumedLine(r: Report, door: Door): Bilingual {
  const v = r.verdict;
  return copy.assumed({ platform: v.platform, platformHow: v.platformSource, stage: v.stage, stageHow: v.stageSource, door });
}

export function pick(b: Bilingual, locale: Locale): string {
  return b[locale];
}

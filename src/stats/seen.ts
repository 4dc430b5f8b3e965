// When a reply may say 「この文面（または似た文面）は直近30日にほかに N 件チェックされています」.
//
// The line answers "did anyone else check this text?", which is also an attacker's question: with a
// second account, whether a given text (a victim's message) was checked by someone. So it is shown
// only where it helps — a text judged risky (medium or high) — only from SEEN_MIN_PEOPLE other
// people on (a couple of accounts of one's own cannot reach it), and each person gets a limited
// number of look-ups (src/bot: every medium/high check counts, shown or not).
import type { Level } from '../detector/types.ts';

export const SEEN_MIN_PEOPLE = 5;
/** Look-ups per person and hour (every medium or high verdict is one). */
export const SEEN_LOOKUPS_PER_HOUR = 10;

/** Verdicts on which the line can appear (and which use up a look-up). */
export function seenApplies(level: Level): boolean {
  return level === 'high' || level === 'medium';
}

/** The number to show, or null: not risky, or fewer than SEEN_MIN_PEOPLE others. */
export function seenToShow(level: Level, seenOthers: number | null | undefined): number | null {
  if (!seenApplies(level) || seenOthers === null || seenOthers === undefined) return null;
  return seenOthers >= SEEN_MIN_PEOPLE ? seenOthers : null;
}

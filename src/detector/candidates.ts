// Stage 2: candidates. Every rule's patterns run over the folded text; a match becomes a candidate
// when its window holds what the rule requires and none of what it excludes (rules/*.yaml:
// requires, requiresAfter, unless…). Whether a candidate is really a request of the reader is
// decided later, one candidate at a time (role.ts), so a disclaimer that negates the first mention
// of a tool cannot hide a plain request further on.
import { headingAbove } from './kind.ts';
import { foldSpanToClean, type NormalizedText } from './normalize.ts';
import type { CompiledRule } from './rules.ts';
import { clauseEnd, clauseStart, matchEndIn, sentenceAt, sentenceIndexAt, testIn, testWhole, type TextView } from './text.ts';
import type { Mitigation } from './types.ts';

/** Matches looked at per pattern, and candidates kept per rule: bounded work on hostile input. */
const MAX_MATCHES_PER_PATTERN = 40;
export const MAX_CANDIDATES_PER_RULE = 6;

export interface Candidate {
  rule: CompiledRule;
  /** fold span of the match */
  a: number;
  b: number;
  /** end of the evidence span (the request verb after the cue, when there is one) */
  spanEnd: number;
  sIdx: number;
  /** end of the named cue (the tool word) when the pattern marks one */
  cueEnd: number | null;
}

export type Drop = (c: { rule: CompiledRule; a: number; b: number }, reason: Mitigation['reason']) => void;

function isKatakana(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}
function isLatin(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z]/.test(ch);
}

/** Rejects a match inside a longer word of the original script: ライン in オンライン, line in online. */
export function crossesWordBoundary(t: NormalizedText, a: number, b: number): boolean {
  const { start: cs, end: ce } = foldSpanToClean(t, a, b);
  const first = t.clean[cs];
  const last = t.clean[ce - 1];
  const before = t.clean[cs - 1];
  const after = t.clean[ce];
  if (isKatakana(first) && isKatakana(before)) return true;
  if (isLatin(first) && isLatin(before)) return true;
  if (isKatakana(last) && isKatakana(after) && after !== 'ー') return true;
  if (isLatin(last) && isLatin(after)) return true;
  return false;
}

export function windowBounds(view: TextView, rule: CompiledRule, sIdx: number, a: number, b: number): [number, number] {
  const w = rule.context.window;
  if (w === 'text') return [0, view.fold.length];
  const s = sentenceAt(view, sIdx);
  if (w === 'sentence') {
    // A sentence that is only a few characters long (a heading, 「LINE ID:」 on its own line)
    // borrows its neighbours; chat-style fragments (「まず面談ね。ズームで。あした夜9時どう？」)
    // borrow until the window holds about 40 characters.
    let start = s.start;
    let end = s.end;
    if (s.end - s.start < 14) {
      for (let k = sIdx - 1, n = 0; k >= 0 && n < 2 && s.end - start < 40; k--, n++) start = sentenceAt(view, k).start;
      for (let k = sIdx + 1, n = 0; k < view.sentences.length && n < 2 && end - s.start < 40; k++, n++) end = sentenceAt(view, k).end;
    }
    return [start, end];
  }
  if (w === 'clause') return [clauseStart(view, sIdx, a), clauseEnd(view, sIdx, b)];
  return [Math.max(0, a - w), Math.min(view.fold.length, b + w)];
}

const anyPattern = (): boolean => true;

// An application instruction addressed to the applicant: what to write or send when applying.
const APPLICANT_ASK = /(?:ご応募|応募|ご提案|提案)(?:の際|時|いただく際|される際|する際|にあたって|にあたり)[^。\n]{0,40}?(?:書いて|お書き|ご記入|記入して|記載して|ご記載|お知らせ|添えて|明記|お送り|送って|教えて)/;

/** The sentence is an application instruction (what to write when applying). */
function askedOfApplicant(view: TextView, sIdx: number): boolean {
  const s = sentenceAt(view, sIdx);
  return APPLICANT_ASK.test(view.fold.slice(s.start, s.end));
}

/**
 * Candidates of one rule, pattern by pattern: each match whose window passes the rule's own
 * context (at most `limit`). Matches the window excludes are reported through `drop`. Lazy: the
 * caller stops pulling once a candidate counts, so a rule whose first match holds costs one scan.
 * `mayMatch` says which patterns can match the text at all (prefilter.ts); the others are not run.
 */
function underHeading(fold: string, at: number, headings: RegExp[]): boolean {
  if (headings.length === 0) return false;
  const heading = headingAbove(fold, at);
  return heading !== null && headings.some((r) => testIn(r, heading));
}

export function* ruleCandidates(
  view: TextView,
  rule: CompiledRule,
  drop: Drop,
  mayMatch: (re: RegExp) => boolean = anyPattern,
  limit = MAX_CANDIDATES_PER_RULE,
): Generator<Candidate, void, undefined> {
  const { fold, t } = view;
  const out: Candidate[] = [];
  const ctx = rule.context;
  let textExcluded: boolean | undefined;
  for (const re of rule.patterns) {
    if (out.length >= limit) break;
    if (!mayMatch(re)) continue;
    let m: RegExpExecArray | null;
    let n = 0;
    let from = 0;
    // Each step resumes from `from`: the caller may run other patterns (and this one, for another
    // rule sharing it) between two pulls.
    while (out.length < limit && n++ < MAX_MATCHES_PER_PATTERN) {
      re.lastIndex = from;
      m = re.exec(fold);
      if (m === null) break;
      from = re.lastIndex;
      const a = m.index;
      const b = m.index + m[0].length;
      if (b === a) {
        from = b + 1;
        continue;
      }
      if (ctx.wordBoundary && crossesWordBoundary(t, a, b)) continue;
      const sIdx = sentenceIndexAt(view.sentences, a);
      const [wa, wb] = windowBounds(view, rule, sIdx, a, b);
      const win = fold.slice(wa, wb);
      if (!ctx.requires.every((r) => testIn(r, win))) continue;
      let spanEnd = b;
      let okAfter = true;
      for (const r of ctx.requiresAfter) {
        const e = matchEndIn(r, fold.slice(b, Math.max(b, wb)));
        if (e < 0) {
          okAfter = false;
          break;
        }
        spanEnd = Math.max(spanEnd, b + e);
      }
      if (!okAfter) continue;
      const namedCueEnd = m.indices?.groups?.['cue']?.[1];
      const cand: Candidate = { rule, a, b, spanEnd, sIdx, cueEnd: namedCueEnd ?? null };
      if (ctx.unless.some((r) => testIn(r, win))) {
        drop(cand, 'tool_is_work');
        continue;
      }
      const sent = sentenceAt(view, sIdx);
      const cueEnd = namedCueEnd ?? b;
      const after = fold.slice(cueEnd, Math.min(sent.end, cueEnd + 40));
      const before = fold.slice(Math.max(sent.start, a - 14), a);
      if (ctx.unlessAfter.some((r) => testIn(r, after)) || ctx.unlessBefore.some((r) => testIn(r, before))) {
        drop(cand, 'tool_is_work');
        continue;
      }
      textExcluded ??= ctx.unlessText.some((r) => testWhole(view, r));
      // A text about forms or automation still asks its applicants for something in its own
      // application instructions (「ご応募の際、お電話番号を書いていただけますか」).
      if (textExcluded && !underHeading(fold, a, ctx.textExceptUnder) && !(ctx.textExceptAsked && askedOfApplicant(view, sIdx))) {
        drop(cand, 'tool_is_work');
        continue;
      }
      // Another pattern of the same rule may match the same words: one candidate per place.
      if (!out.some((o) => o.a < b && a < o.b)) {
        out.push(cand);
        re.lastIndex = 0;
        yield cand;
      }
    }
    re.lastIndex = 0;
  }
}

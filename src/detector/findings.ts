// The findings a verdict shows, after scoring: one finding per phrase, phrases that end on a word,
// and contact details masked the same way in every phrase of the text.
//
// - A pattern can stop inside a word (「LINEで連絡くだ」「USDTでお支払」): the phrase runs on to the
//   end of the inflection (「LINEで連絡ください」), a bracket it opens or closes is completed, and
//   a contact value it touches is covered whole (then masked whole).
// - Two findings of one category on the same words are one finding (「マニュアル（9,800円）を
//   ご購入いただく」 and 「9,800円）をご購入いただ」): the stronger keeps the union of the words.
//   Findings of different categories stay apart: each explains a different concern.
// - Contact values are collected once per text (the lexicon's masks, the handles contact-details
//   rules found, handle-like tokens in the model's phrase) and every occurrence of each is masked
//   in every phrase: never masked in one finding and shown raw in another.
//
// Pure: findings, the analysed text and the rules in; findings out. Scores are not touched.
import { contactValues, everyOccurrence, handleRanges, looseContactRanges, mergeValues, renderPhrase, type ContactValue } from './mask.ts';
import type { NormalizedText } from './normalize.ts';
import type { RuleSet } from './rules.ts';
import type { Finding, Span } from './types.ts';

export interface FindingContext {
  /** The analysed text (raw, before normalization) and its normalized views. */
  t: NormalizedText;
  rules: RuleSet;
  /** Maps a span of the analysed text to the input (src/detector/cap.ts); identity when absent. */
  toInput?: (span: Span) => Span;
}

const HIRAGANA = /[ぁ-ゖ]/;
// After a kanji stem, only these open an inflection (払|い, 込|み, 連絡|し, 送っ): particles
// (を, が, で, に, と, の, は, も, へ, や, か) start the next word.
const OKURIGANA = /[いうえきくけげこさしすせそちっつてぬねみむめりるれろわ]/;
const MAX_TAIL = 16;
const POLITE_END = /(?:ください|くださいませ|下さい|ます|ません|ました|です|でした|ましょう|ませんか|さい)/g;

/** Where a phrase ending at `end` should end: at the end of the word or inflection it is inside. */
export function wordEnd(raw: string, end: number): number {
  const last = raw[end - 1] ?? '';
  const next = raw[end] ?? '';
  // An honorific prefix of the next word (「詳細はLINEでお|伝えします」) belongs to that word.
  if (/[おご御]/.test(last) && /\p{Script=Han}/u.test(next) && end > 1) return end - 1;
  if (!HIRAGANA.test(next)) return end;
  const inWord = HIRAGANA.test(last) || (/\p{Script=Han}/u.test(last) && OKURIGANA.test(next));
  if (!inWord) return end;
  let e = end;
  while (e < raw.length && e - end < MAX_TAIL && HIRAGANA.test(raw[e] as string)) e += 1;
  // The run stops at a kanji after an honorific prefix (「LINEで|お伝え」): the prefix is that word's.
  if (e > end && e < raw.length && /[おご]/.test(raw[e - 1] as string) && /\p{Script=Han}/u.test(raw[e] as string)) e -= 1;
  if (e - end < MAX_TAIL || e >= raw.length || !HIRAGANA.test(raw[e] as string)) return e;
  // A long run of kana: stop after the first polite ending in it, else after four characters.
  const run = raw.slice(end, e);
  POLITE_END.lastIndex = 0;
  const m = POLITE_END.exec(run);
  POLITE_END.lastIndex = 0;
  return m ? end + m.index + m[0].length : end + 4;
}

const OPENERS: Record<string, string> = { '（': '）', '(': ')', '「': '」', '『': '』', '【': '】', '［': '］', '[': ']' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(OPENERS).map(([o, c]) => [c, o]));
const BRACKET_REACH = 30;

/** Completes a bracket the phrase opens or closes, when its partner is close by. */
export function balanceBrackets(raw: string, span: Span): Span {
  let { start, end } = span;
  const text = raw.slice(start, end);
  const stack: string[] = [];
  let unmatchedClose: string | undefined;
  for (const ch of text) {
    if (OPENERS[ch]) stack.push(ch);
    else if (CLOSERS[ch]) {
      if (stack[stack.length - 1] === CLOSERS[ch]) stack.pop();
      else unmatchedClose ??= ch;
    }
  }
  if (unmatchedClose) {
    const open = CLOSERS[unmatchedClose] as string;
    const at = raw.lastIndexOf(open, start - 1);
    if (at >= 0 && start - at <= BRACKET_REACH && !raw.slice(at, start).includes('\n')) start = at;
  }
  const open = stack[0];
  if (open) {
    const close = OPENERS[open] as string;
    const at = raw.indexOf(close, end);
    if (at >= 0 && at - end < BRACKET_REACH && !raw.slice(end, at).includes('\n')) end = at + 1;
  }
  return { start, end };
}

/** Widens a span so it never starts or ends inside a contact value. */
function coverValues(span: Span, values: ContactValue[]): Span {
  let { start, end } = span;
  for (const v of values) {
    if (v.end <= start || v.start >= end) continue;
    start = Math.min(start, v.start);
    end = Math.max(end, v.end);
  }
  return { start, end };
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Keeps one finding per category and phrase: the strongest, over the union of the overlapping words. */
export function mergeOverlapping(findings: Finding[]): Finding[] {
  const order = [...findings].sort((x, y) => y.weight - x.weight || y.span.end - y.span.start - (x.span.end - x.span.start) || x.rule.localeCompare(y.rule));
  const kept: Finding[] = [];
  for (const f of order) {
    const same = kept.find((k) => k.category === f.category && overlaps(k.span, f.span));
    if (same) same.span = { start: Math.min(same.span.start, f.span.start), end: Math.max(same.span.end, f.span.end) };
    else kept.push({ ...f, span: { ...f.span } });
  }
  // Merging can make two kept findings of one category touch: repeat until stable (few findings).
  return kept.length < findings.length ? mergeOverlapping(kept) : kept;
}

/** The findings as the verdict shows them; order and weights are kept. */
export function finalizeFindings(findings: Finding[], ctx: FindingContext): Finding[] {
  if (findings.length === 0) return [];
  const raw = ctx.t.raw;
  const ruleIds = new Set(ctx.rules.rules.map((r) => r.id));

  // 1. Contact values, once for the whole text.
  const found: ContactValue[] = [...contactValues(ctx.t, ctx.rules)];
  for (const f of findings) {
    if (!ruleIds.has(f.rule)) found.push(...looseContactRanges(raw, f.span).map((s) => ({ ...s, kind: 'handle' as const })));
    else if (f.category === 'contact_details') found.push(...handleRanges(raw, f.span).map((s) => ({ ...s, kind: 'handle' as const })));
  }
  const values = everyOccurrence(raw, mergeValues(found));

  // 2. Spans that end on a word, with whole brackets and whole values.
  const shaped = findings.map((f) => {
    let span = { start: f.span.start, end: wordEnd(raw, f.span.end) };
    span = balanceBrackets(raw, span);
    span = coverValues(span, values);
    return { ...f, span };
  });

  // 3. One finding per category and phrase, strongest first as the detector orders them.
  const merged = mergeOverlapping(shaped).sort((x, y) => y.weight - x.weight || x.span.start - y.span.start);

  // 4. Phrases rendered from one set of masks; spans handed back in input offsets.
  const toInput = ctx.toInput ?? ((s: Span): Span => s);
  return merged.map((f) => ({ ...f, phrase: renderPhrase(raw, f.span, values), span: toInput(f.span) }));
}

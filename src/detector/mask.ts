// Masking of contact details in the phrases a verdict shows: `ID: ab****`. A phrase must point at
// the words that made a message risky without repeating the handle, address or number itself.
import { foldSpanToRaw, type NormalizedText } from './normalize.ts';
import type { RuleSet } from './rules.ts';
import type { Span } from './types.ts';

/** Lexicon macros whose matches are contact values; each names its value group `v`. */
const CONTACT_MACROS = ['MASK_EMAIL', 'MASK_PHONE', 'MASK_HANDLE', 'MASK_URL'] as const;

/** Raw ranges of contact values in the text, sorted and merged. */
export function contactMaskRanges(t: NormalizedText, rules: RuleSet): Span[] {
  const ranges: Span[] = [];
  for (const name of CONTACT_MACROS) {
    const re = rules.macro(name);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(t.fold)) !== null && n++ < 200) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      const v = m.groups?.['v'] ?? m[0];
      const off = m.index + m[0].indexOf(v);
      ranges.push(foldSpanToRaw(t, off, off + v.length));
    }
    re.lastIndex = 0;
  }
  return mergeRanges(ranges, []);
}

/**
 * Handle-like tokens without a marker (「kzm_0324 まで」), for phrases chosen by the statistical
 * model rather than by a rule that knows where the value is: Latin/digit runs of 4+ characters
 * that hold a digit, `_` or `@`, and long digit runs. Over-masking here costs nothing.
 */
export function looseContactRanges(raw: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /[A-Za-z0-9_.@\-Ａ-Ｚａ-ｚ０-９＿＠]{4,}/g;
  const part = raw.slice(span.start, span.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(part)) !== null) {
    if (/[0-9０-９_＿@＠]/.test(m[0]) && !/^[0-9０-９,.]{1,6}$/.test(m[0])) out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return out;
}

/** Merges two sorted-or-not range lists into one sorted list without overlaps. */
export function mergeRanges(a: Span[], b: Span[]): Span[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start);
  const merged: Span[] = [];
  for (const r of all) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Replaces all but the first two characters of a contact value with asterisks. */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  const keep = chars.length >= 6 ? 2 : 1;
  return chars.map((ch, k) => (k < keep || /[\s@.＠\-－ー]/.test(ch) ? ch : '*')).join('');
}

const MAX_PHRASE = 60;

/** The raw text of a span with contact values masked, shortened to head…tail when long. */
export function renderPhrase(raw: string, span: Span, masks: Span[], max = MAX_PHRASE): string {
  let out = '';
  let pos = span.start;
  for (const m of masks) {
    if (m.end <= span.start || m.start >= span.end) continue;
    const a = Math.max(m.start, span.start);
    const b = Math.min(m.end, span.end);
    if (a > pos) out += raw.slice(pos, a);
    // Mask relative to the whole value so a phrase that starts mid-value still hides it.
    const masked = maskValue(raw.slice(m.start, m.end));
    out += Array.from(masked).slice(Array.from(raw.slice(m.start, a)).length, Array.from(raw.slice(m.start, b)).length).join('');
    pos = b;
  }
  if (pos < span.end) out += raw.slice(pos, span.end);
  if (!Number.isFinite(max)) return out;
  out = out.replace(/\s+/g, ' ').trim();
  const chars = Array.from(out);
  if (chars.length > max) out = `${chars.slice(0, 28).join('')}…${chars.slice(-28).join('')}`;
  return out;
}

/** Masks every contact value in a whole text (for showing a user's own input back safely). */
export function maskAll(raw: string, masks: Span[]): string {
  return renderPhrase(raw, { start: 0, end: raw.length }, masks, Number.POSITIVE_INFINITY);
}

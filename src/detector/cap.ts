// The analysed cap: a text longer than the cap is read from its start and its end, and the middle
// is skipped. The end matters as much as the start: a contact detail or a request is often the last
// line of a long message (「…詳しくはこちらへ　LINE ID: …」), and a head-only cut let it through.
//
// Pure: text in, analysed text and a map back to the input out. Offsets are UTF-16 units.
import type { Span } from './types.ts';

/** Share of the cap given to the end of the text; the rest goes to the start. */
export const TAIL_SHARE = 0.25;
/** Joins the start and the end, so a sentence of one never runs into a sentence of the other. */
export const JOIN = '\n\n';
export interface CappedText {
  /** What the detector analyses: the whole input, or its start + JOIN + its end. */
  text: string;
  truncated: boolean;
  /** Input characters read from the start (the whole input when not truncated). */
  head: number;
  /** Input characters read from the end (0 when not truncated). */
  tail: number;
  inputChars: number;
  /** head + tail: how many input characters were read. */
  analysedChars: number;
  /** Maps a span of `text` back to the input. A span across the join covers the skipped middle. */
  toInput(span: Span): Span;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

// Cuts never split a surrogate pair: the start may end one unit early, the end start one unit late.
function headEnd(text: string, max: number): number {
  return max > 0 && isHigh(text.charCodeAt(max - 1)) ? max - 1 : max;
}
function tailStart(text: string, max: number): number {
  const start = text.length - max;
  return start < text.length && isLow(text.charCodeAt(start)) ? start + 1 : start;
}

export function capText(input: string, max: number): CappedText {
  const n = input.length;
  if (n <= max) {
    return { text: input, truncated: false, head: n, tail: 0, inputChars: n, analysedChars: n, toInput: (s) => ({ start: s.start, end: s.end }) };
  }
  const tailBudget = max >= 40 ? Math.floor(max * TAIL_SHARE) : 0;
  const head = headEnd(input, max - tailBudget);
  const start = tailBudget > 0 ? Math.max(head, tailStart(input, tailBudget)) : n;
  const tail = n - start;
  const text = tail > 0 ? input.slice(0, head) + JOIN + input.slice(start) : input.slice(0, head);
  const joinEnd = head + (tail > 0 ? JOIN.length : 0);
  const mapStart = (p: number): number => (p < head ? p : p < joinEnd ? start : p - joinEnd + start);
  const mapEnd = (p: number): number => (p <= head ? p : p <= joinEnd ? head : p - joinEnd + start);
  return {
    text,
    truncated: true,
    head,
    tail,
    inputChars: n,
    analysedChars: head + tail,
    toInput: (s) => ({ start: mapStart(s.start), end: Math.max(mapStart(s.start), mapEnd(s.end)) }),
  };
}

// The analysed text as every later stage sees it: the normalized views, the sentences, the
// bracketed quotes and, on demand, kuromoji tokens of one sentence (or of its tail). Tokenizing is
// the most expensive step of a check, so only sentences that hold a candidate are ever tokenized,
// and each at most once per start offset.
import { foldSpanToClean, normalize, type NormalizedText } from './normalize.ts';
import type { Token, Tokenizer } from './tokenizer.ts';

export interface Sentence {
  /** fold offsets, end exclusive */
  start: number;
  end: number;
}

export interface TokenizedSpan {
  tokens: Token[];
  /** fold offset of each token's start / end */
  fStart: number[];
  fEnd: number[];
}

export interface TextView {
  t: NormalizedText;
  fold: string;
  sentences: Sentence[];
  /** Bracketed quotes 「…」『…』“…” as [open, close] fold offsets. */
  quotes: Array<[number, number]>;
  tokenizer: Tokenizer;
  tokenized: Map<number, TokenizedSpan>;
  /** Per sentence, the tokenization that starts earliest: later tails are sliced from it. */
  covering: Map<number, TokenizedSpan>;
  /** Whole-text tests already run, by pattern source: many rules share one (unlessText). */
  wholeTests: Map<string, boolean>;
}

export function createView(text: string, tokenizer: Tokenizer): TextView {
  const t = normalize(text);
  return { t, fold: t.fold, sentences: splitSentences(t.fold), quotes: computeQuotes(t.fold), tokenizer, tokenized: new Map(), covering: new Map(), wholeTests: new Map() };
}

// A space after a sentence-final particle, a ♪-like mark (folded to 〇) or an emoji ends a casual
// sentence too: 「DMで教えるね♪ ここだと書けないので」.
const SENTENCE_BREAK = /[。！？!?\n]|(?<=[ねよわ〇\p{Extended_Pictographic}])[ \u3000]/gu;

/** Longest "sentence" the context checks look at; longer runs without punctuation are cut. */
export const MAX_SENTENCE = 300;

export function splitSentences(fold: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number): void => {
    let s = start;
    while (end - s > MAX_SENTENCE) {
      // Prefer a comma or a space near the limit; otherwise cut hard.
      const chunk = fold.slice(s, s + MAX_SENTENCE);
      const cut = Math.max(chunk.lastIndexOf('、'), chunk.lastIndexOf(' '), chunk.lastIndexOf(','));
      const e = cut > MAX_SENTENCE / 2 ? s + cut + 1 : s + MAX_SENTENCE;
      out.push({ start: s, end: e });
      s = e;
    }
    if (end > s) out.push({ start: s, end });
  };
  let s = 0;
  SENTENCE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_BREAK.exec(fold)) !== null) {
    const e = m.index + 1;
    if (e > s) push(s, e);
    s = e;
  }
  if (s < fold.length) push(s, fold.length);
  return out;
}

export function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid] as Sentence).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function sentenceAt(view: TextView, idx: number): Sentence {
  return view.sentences[idx] ?? { start: 0, end: view.fold.length };
}

/**
 * Tokens of a sentence from fold offset `from` (default: its start) to its end. A sentence is
 * tokenized at most once from each start; a later request for a tail inside an earlier
 * tokenization is served from it.
 */
export function tokenizeRange(view: TextView, idx: number, from?: number): TokenizedSpan {
  const s = sentenceAt(view, idx);
  const start = Math.max(s.start, Math.min(from ?? s.start, s.end));
  const key = idx * 100_000 + (start - s.start);
  const cached = view.tokenized.get(key);
  if (cached) return cached;
  const covering = view.covering.get(idx);
  if (covering && covering.fStart.length > 0 && (covering.fStart[0] as number) <= start) {
    let k = 0;
    while (k < covering.fStart.length && (covering.fStart[k] as number) < start) k += 1;
    // Only where a token boundary falls at `start` (「らいんで」 read as らい+んで has none after らいん).
    if (k === 0 || (covering.fEnd[k - 1] as number) <= start) {
      const tail = { tokens: covering.tokens.slice(k), fStart: covering.fStart.slice(k), fEnd: covering.fEnd.slice(k) };
      view.tokenized.set(key, tail);
      return tail;
    }
  }
  const { start: cs, end: ce } = foldSpanToClean(view.t, start, s.end);
  const text = view.t.clean.slice(cs, ce);
  const tokens = view.tokenizer.tokenize(text);
  const fStart = tokens.map((k) => view.t.cleanToFold[cs + k.start] ?? start);
  const fEnd = tokens.map((k) => view.t.cleanToFold[Math.min(cs + k.start + k.surface.length, view.t.clean.length)] ?? s.end);
  const ts = { tokens, fStart, fEnd };
  view.tokenized.set(key, ts);
  if (!covering || (covering.fStart[0] ?? Infinity) > start) view.covering.set(idx, ts);
  return ts;
}

// Conjunctive particles that close a clause for negation scope: 〜が、〜けど、〜ので、〜ば …
const CLAUSE_PARTICLES = new Set(['が', 'けど', 'けれど', 'けれども', 'のに', 'ので', 'から', 'ば', 'し', 'ても', 'でも', 'たら', 'と']);
const FINITE = new Set(['ます', 'です', 'た', 'だ', 'ました', 'でした']);

export function isClauseParticle(tok: Token): boolean {
  return tok.pos === '助詞' && tok.posDetail === '接続助詞' && CLAUSE_PARTICLES.has(tok.surface);
}

/** The fold offset where the clause holding `pos` ends. */
export function clauseEnd(view: TextView, sIdx: number, pos: number, ts: TokenizedSpan = tokenizeRange(view, sIdx)): number {
  const s = sentenceAt(view, sIdx);
  for (let k = 0; k < ts.tokens.length; k++) {
    const tok = ts.tokens[k] as Token;
    if ((ts.fStart[k] as number) < pos) continue;
    if (isClauseParticle(tok)) return ts.fEnd[k] as number;
    // A comma closes the clause after a finished predicate (「払います、サイトの支払いは使いません」),
    // a sentence-final particle (「招待しますね、申請はいりません」) or a condition (「登録いただけない
    // 場合は、このお話はなかったことに」).
    if (tok.posDetail === '読点' && k > 0) {
      const prev = ts.tokens[k - 1] as Token;
      const p2 = k > 1 ? (ts.tokens[k - 2] as Token).surface : '';
      const condition = prev.surface === '場合' || (prev.surface === 'は' && p2 === '場合') || prev.surface === 'なら' || prev.surface === '限り';
      if (FINITE.has(prev.surface) || prev.posDetail === '終助詞' || condition) return ts.fStart[k] as number;
    }
  }
  return s.end;
}

export function clauseStart(view: TextView, sIdx: number, pos: number): number {
  const s = sentenceAt(view, sIdx);
  const ts = tokenizeRange(view, sIdx);
  let start = s.start;
  for (let k = 0; k < ts.tokens.length; k++) {
    const tok = ts.tokens[k] as Token;
    if ((ts.fEnd[k] as number) > pos) break;
    if (isClauseParticle(tok)) start = ts.fEnd[k] as number;
  }
  return start;
}

// Opening bracket code → its closing code (0 when the code opens nothing).
function closeOf(open: number): number {
  switch (open) {
    case 0x300c: // 「
      return 0x300d;
    case 0x300e: // 『
      return 0x300f;
    case 0x201c: // “
      return 0x201d;
    case 0x3010: // 【
      return 0x3011;
    case 0x301d: // 〝
      return 0x301f;
    default:
      return 0;
  }
}

export function computeQuotes(fold: string): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const stack: Array<[number, number]> = [];
  for (let i = 0; i < fold.length; i++) {
    const c = fold.charCodeAt(i);
    if (closeOf(c) !== 0) stack.push([c, i]);
    else if (stack.length > 0 && closeOf((stack[stack.length - 1] as [number, number])[0]) === c) {
      const [, open] = stack.pop() as [number, number];
      if (c !== 0x3011) pairs.push([open, i]);
    } else if (c === 0x0a && stack.length > 4) {
      stack.length = 0; // unbalanced junk; do not let it grow
    }
  }
  return pairs;
}

export function testIn(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const ok = re.test(text);
  re.lastIndex = 0;
  return ok;
}

/** `testIn` on the whole fold, run once per pattern source and text (rule patterns share flags). */
export function testWhole(view: TextView, re: RegExp): boolean {
  let ok = view.wholeTests.get(re.source);
  if (ok === undefined) {
    ok = testIn(re, view.fold);
    view.wholeTests.set(re.source, ok);
  }
  return ok;
}

/** The distinct strings a global regex matches in `text`, stopping once there are `upTo`. */
export function distinctMatches(re: RegExp, text: string, upTo: number): Set<string> {
  const seen = new Set<string>();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while (seen.size < upTo && n++ < 200 && (m = re.exec(text)) !== null) seen.add(m[0]);
  re.lastIndex = 0;
  return seen;
}

export function matchEndIn(re: RegExp, text: string): number {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? m.index + m[0].length : -1;
}

/** Index of the first match of a global regex in `text`, or -1. */
export function matchIndexIn(re: RegExp, text: string): number {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? m.index : -1;
}

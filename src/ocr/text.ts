// OCR output → the text the detector reads. Tesseract's Japanese model returns words separated by
// spaces (「ご 応募 あり が と う」), breaks every wrapped line of a chat bubble, and reads the whole
// screen: the status bar (9:41 87%), the header, times and 既読 beside the bubbles, the input box,
// avatars and icons as stray characters. This module keeps what a person would call the message:
//   - each line is split where its words are far apart (a time beside a bubble is its own piece);
//   - pieces that are screen furniture (times, dates, 既読, battery, known UI labels) or noise
//     (short and unsure, or very unsure) are dropped;
//   - spaces are removed wherever a Japanese character is on either side, and NFKC applied;
//   - the wrapped lines of one paragraph (one bubble, one section) are joined back into one line;
//     a line that ends well before the paragraph's right edge was a real line break and stays one.
// Pure: OCR structure in, text out. No image, no worker, no clock.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0–100, as Tesseract reports it. */
  confidence: number;
  bbox: Box;
}

export interface OcrLine {
  words: OcrWord[];
  bbox: Box;
}

export interface OcrParagraph {
  lines: OcrLine[];
  bbox: Box;
}

export interface ReadText {
  /** The message text for the detector ('' when nothing readable was found). */
  text: string;
  /** Character-weighted mean word confidence of the kept text, 0–100 (0 when nothing was kept). */
  confidence: number;
  /** Characters of `text`, whitespace excluded. */
  chars: number;
}

const JA = /[\u3005-\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60\u30fc]/u;
const isJa = (ch: string | undefined): boolean => ch !== undefined && JA.test(ch);

/** A piece of a line: words close enough together to belong to one thing on screen. */
interface Piece {
  text: string;
  confidence: number;
  bbox: Box;
}

/** Joins OCR words: no space next to a Japanese character, one space between two Latin words. */
export function joinWords(words: readonly string[]): string {
  let out = '';
  for (const raw of words) {
    const w = raw.trim();
    if (!w) continue;
    if (out && !isJa(out.at(-1)) && !isJa(w[0])) out += ' ';
    out += w;
  }
  return out;
}

/** Removes spaces that OCR put between Japanese characters (and between Japanese and Latin). */
export function joinJapaneseSpaces(s: string): string {
  return s.replace(/[ \t\u3000]+/g, (sp, at: number, all: string) => (isJa(all[at - 1]) || isJa(all[at + sp.length]) ? '' : ' '));
}

const TIME = String.raw`(?:午前|午後|AM|PM)?\s?\d{1,2}[:;.]\d{2}(?:\s?(?:AM|PM))?`;
const WEEKDAY = String.raw`[(（]?[日月火水木金土][)）]?`;
const CHROME: RegExp[] = [
  new RegExp(`^${TIME}$`, 'i'),
  // 既読, 既読 2, 既読 14:05 (read receipts, often OCR'd with a space inside).
  new RegExp(`^既\\s?読(?:\\s?\\d{1,3})?(?:\\s?${TIME})?$`, 'i'),
  // Dates: 2025/05/12 14:03, 2025年5月12日(月), 5/12(月), 今日, 昨日.
  new RegExp(String.raw`^\d{4}[/年.\-]\d{1,2}[/月.\-]\d{1,2}日?(?:\s?${WEEKDAY})?(?:\s?${TIME})?$`, 'i'),
  new RegExp(String.raw`^\d{1,2}[/月]\d{1,2}日?\s?${WEEKDAY}(?:\s?${TIME})?$`, 'i'),
  /^(?:今日|昨日|一昨日|おととい|today|yesterday)$/i,
  // The status bar: a battery percentage with at most a few stray glyphs around it.
  /^[^\u3040-\u30ff\u4e00-\u9fff]*\d{1,3}\s?%[^\u3040-\u30ff]{0,12}$/,
];
/** Labels of app screens (input boxes, buttons, titles), compared with spaces removed. */
const UI_LABELS = new Set([
  'メッセージを入力',
  'メッセージを入力してください',
  'メッセージを送信',
  'メッセージ',
  'コメントを入力',
  '入力してください',
  '送信',
  '戻る',
  'トーク',
  'Aa',
  '応募する',
  '仕事の詳細',
]);

export function isChrome(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (UI_LABELS.has(t.replace(/\s+/g, ''))) return true;
  return CHROME.some((re) => re.test(t));
}

const visibleChars = (s: string): number => s.replace(/\s+/g, '').length;

/** Noise: icons and avatars read as characters. Short pieces need to be sure; anything needs some certainty. */
function isNoise(p: Piece): boolean {
  const n = visibleChars(p.text);
  if (n === 0) return true;
  if (p.confidence < NOISE_CONFIDENCE) return true;
  if (n <= 2 && p.confidence < SHORT_CONFIDENCE) return true;
  // No letter or digit at all (「|」「、」「( )」): punctuation alone is never a message.
  return !/[\p{L}\p{N}]/u.test(p.text);
}

/** A lone symbol at the end of a piece is kept only when Tesseract is at least this sure of it. */
export const SYMBOL_CONFIDENCE = 60;
/** A gap wider than this many character heights separates two things on screen. */
const GAP_HEIGHTS = 2;
/** Below this a piece is dropped whatever its length (a stamp or photo read as text). */
export const NOISE_CONFIDENCE = 45;
/** One or two characters are kept only when Tesseract is at least this sure (「はい」 vs an avatar). */
export const SHORT_CONFIDENCE = 80;

const height = (b: Box): number => Math.max(1, b.y1 - b.y0);
const union = (a: Box, b: Box): Box => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const SYMBOLS_ONLY = /^[^\p{L}\p{N}]+$/u;

/**
 * The ends of a piece are where the screen leaks in: a bubble's edge or an icon read as 「|」「」」
 * 「!」, and a 既読 mark printed right beside the first line of the user's own bubble. Symbols at an
 * end go when Tesseract doubts them; a leading 既読 goes when a gap separates it from the text
 * (「既読スルー」 inside a sentence has none). Words are kept otherwise, even doubtful ones:
 * Tesseract scores correct Japanese words at a line's end as low as 0, and losing 「ID:」 or 「友」
 * costs the detector more than a stray glyph does.
 */
function trimEdges(g: OcrWord[], h: number): void {
  const doubtfulSymbol = (w: OcrWord | undefined): boolean => w !== undefined && SYMBOLS_ONLY.test(w.text.trim()) && w.confidence < SYMBOL_CONFIDENCE;
  while (doubtfulSymbol(g[0])) g.shift();
  while (doubtfulSymbol(g.at(-1))) g.pop();
  // 既読 as one word or as 既 + 読, then (after any doubtful symbols) a gap before the text.
  let k = 0;
  let mark = '';
  while (k < g.length && mark.length < 2) {
    const t = g[k]?.text.trim() ?? '';
    if (!t || !'既読'.startsWith(mark + t)) break;
    mark += t;
    k++;
  }
  if (mark !== '既読') return;
  let j = k;
  while (doubtfulSymbol(g[j])) j++;
  const before = g[k - 1];
  const next = g[j];
  if (before && next && next.bbox.x0 - before.bbox.x1 > 0.5 * h) g.splice(0, j);
}

/**
 * Splits a line where two neighbouring words are more than about a character height apart (inside a
 * bubble, Japanese words touch and Latin words are a third of that apart; a time or 既読 beside the
 * bubble is further). Then each piece loses the words at its ends that Tesseract itself barely
 * believes: bubble edges, avatars and icons read as characters sit at the ends of a line, while a
 * doubtful word inside a sentence (「、ID:」 mixes scripts and scores low) is still part of it.
 */
function pieces(line: OcrLine): Piece[] {
  const words = line.words.filter((w) => w.text.trim().length > 0);
  if (words.length === 0) return [];
  const h = median(words.map((w) => height(w.bbox))) || height(line.bbox);
  const groups: OcrWord[][] = [];
  let current: OcrWord[] = [];
  for (const w of words) {
    const prev = current.at(-1);
    if (prev && w.bbox.x0 - prev.bbox.x1 > GAP_HEIGHTS * h) {
      groups.push(current);
      current = [];
    }
    current.push(w);
  }
  groups.push(current);
  const out: Piece[] = [];
  for (const g of groups) {
    trimEdges(g, h);
    if (g.length === 0) continue;
    const text = joinJapaneseSpaces(joinWords(g.map((w) => w.text.normalize('NFKC'))));
    let weight = 0;
    let sum = 0;
    for (const w of g) {
      const n = Math.max(1, visibleChars(w.text));
      weight += n;
      sum += w.confidence * n;
    }
    out.push({ text, confidence: weight ? sum / weight : 0, bbox: g.map((w) => w.bbox).reduce(union) });
  }
  return out;
}

/** OCR misreadings worth undoing because the detector reads them: 3.000円 → 3,000円. */
function tidy(s: string): string {
  return s.replace(/(\d{1,3})((?:\.\d{3})+)(?=円)/g, (_m, a: string, rest: string) => a + rest.replace(/\./g, ','));
}

interface KeptLine {
  text: string;
  bbox: Box;
}

/**
 * Tesseract sometimes cuts one bubble into two blocks. A paragraph whose first line sits right under
 * the previous paragraph's last line (less than a line's height between them) and starts at the same
 * left edge continues it; bubbles and sections are further apart than that.
 */
function continues(prev: KeptLine, next: KeptLine): boolean {
  const h = height(prev.bbox);
  return next.bbox.y0 - prev.bbox.y1 < 0.8 * h && Math.abs(next.bbox.x0 - prev.bbox.x0) < h;
}

export function toMessageText(paragraphs: readonly OcrParagraph[]): ReadText {
  let weight = 0;
  let confSum = 0;
  // Lines kept per paragraph, then paragraphs merged where one continues the other.
  const groups: KeptLine[][] = [];
  for (const para of paragraphs) {
    const kept: KeptLine[] = [];
    for (const line of para.lines) {
      const ps = pieces(line).filter((p) => !isChrome(p.text) && !isNoise(p));
      if (ps.length === 0) continue;
      for (const p of ps) {
        const n = visibleChars(p.text);
        weight += n;
        confSum += p.confidence * n;
      }
      kept.push({ text: joinJapaneseSpaces(ps.map((p) => p.text).join(' ')), bbox: ps.map((p) => p.bbox).reduce(union) });
    }
    const first = kept[0];
    if (!first) continue;
    const last = groups.at(-1)?.at(-1);
    if (last && continues(last, first)) groups.at(-1)?.push(...kept);
    else groups.push(kept);
  }
  const out = groups.map((kept) => {
    const right = Math.max(...kept.map((k) => k.bbox.x1));
    let text = '';
    kept.forEach((k, i) => {
      const prev = kept[i - 1];
      if (prev) {
        // A line that stops well short of the paragraph's right edge ended there on purpose.
        // So does one before a heading or a list item (【業務内容】, ・, ※, ■).
        const hardBreak = right - prev.bbox.x1 > 2.5 * height(prev.bbox) || /^[【■□●◆◇・※＊*]/.test(k.text) || /】$/.test(prev.text);
        text += hardBreak ? '\n' : isJa(text.at(-1)) || isJa(k.text[0]) ? '' : ' ';
      }
      text += k.text;
    });
    return tidy(text);
  });
  const text = out.join('\n').trim();
  return { text, confidence: weight ? Math.round(confSum / weight) : 0, chars: visibleChars(text) };
}

/**
 * Tesseract's TSV output → paragraphs of lines of words. One string crosses from the worker thread
 * instead of an object per word, symbol and choice (which cost the event loop its structured clone).
 * Columns: level page block par line word left top width height conf text; level 3 = paragraph,
 * 4 = line, 5 = word.
 */
export function parseTsv(tsv: string): OcrParagraph[] {
  const paragraphs: OcrParagraph[] = [];
  let para: OcrParagraph | undefined;
  let line: OcrLine | undefined;
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c.length < 12) continue;
    const [level, left, top, width, height] = [c[0], c[6], c[7], c[8], c[9]].map(Number) as [number, number, number, number, number];
    const bbox = { x0: left, y0: top, x1: left + width, y1: top + height };
    if (level === 3) {
      para = { lines: [], bbox };
      paragraphs.push(para);
      line = undefined;
    } else if (level === 4 && para) {
      line = { words: [], bbox };
      para.lines.push(line);
    } else if (level === 5 && line) {
      const text = c.slice(11).join('\t');
      if (text.trim()) line.words.push({ text, confidence: Math.max(0, Number(c[10])), bbox });
    }
  }
  return paragraphs;
}

// Kanji words a writer may spell in kana to slip past a filter (「きょうざい費」「じょせい限定」
// 「年れい」). The table (lexicon.yaml `readings`) gives each word's per-character readings; every
// occurrence of the word in a rule pattern is widened at load to all its kanji/kana spellings, so
// rules written with kanji also match the kana forms. Pure string work on pattern sources.

/** word → per-character readings ("はら/ばら" = either). */
export type ReadingTable = Record<string, string[]>;

const MAX_VARIANTS = 16;

/** All spellings of a word: each character either as written or as one of its readings. */
export function spellings(word: string, readings: string[]): string[] {
  const chars = Array.from(word);
  if (chars.length !== readings.length) throw new Error(`readings for ${word}: ${readings.length} parts for ${chars.length} characters`);
  let out = [''];
  chars.forEach((ch, k) => {
    const options = [ch, ...(readings[k] as string).split('/').filter(Boolean)];
    const next: string[] = [];
    for (const prefix of out) for (const o of options) next.push(prefix + o);
    out = next.slice(0, MAX_VARIANTS * 4);
  });
  // The written form first; longer spellings before shorter ones inside the alternation.
  const [first, ...rest] = out;
  return [first as string, ...rest.filter((s) => s !== first).sort((a, b) => b.length - a.length)].slice(0, MAX_VARIANTS);
}

/**
 * Widens every table word in a regular-expression source to its spellings, outside character
 * classes and escapes, and not where a quantifier follows (「女性?」 would change meaning).
 */
export function widenReadings(src: string, table: ReadingTable): string {
  return readingWidener(table)(src);
}

/** The widening for one table, with its alternations built once (loadRules compiles hundreds of patterns). */
export function readingWidener(table: ReadingTable): (src: string) => string {
  const words = Object.keys(table).sort((a, b) => b.length - a.length);
  if (words.length === 0) return (src) => src;
  const alts = new Map(words.map((w) => [w, `(?:${spellings(w, table[w] as string[]).join('|')})`]));
  const firsts = new Set(words.map((w) => w[0]));
  return (src) => widen(src, words, alts, firsts);
}

function widen(src: string, words: string[], alts: Map<string, string>, firsts: Set<string | undefined>): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; ) {
    const ch = src[i] as string;
    if (ch === '\\') {
      out += src.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      i += 1;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      i += 1;
      continue;
    }
    const w = firsts.has(ch) ? words.find((x) => src.startsWith(x, i)) : undefined;
    if (w && !/^[?*+{]/.test(src.slice(i + w.length, i + w.length + 1))) {
      out += alts.get(w) as string;
      i += w.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

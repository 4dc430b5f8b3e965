// Text normalization with an offset map back to the raw input.
//
// Two views are built:
//   clean: NFKC, zero-width/bidi/control characters and zalgo marks removed. kuromoji reads this.
//   fold:  clean, then lower-cased, katakana folded to hiragana, small vowels enlarged, mask
//          characters unified to 〇, and letters spaced or dotted apart joined (L I N E → line).
//          Rules match on this.
// Every character of both views knows the raw [start, end) it came from, so a match can always be
// shown as the exact phrase the user pasted.

export interface NormalizedText {
  raw: string;
  clean: string;
  /** raw offsets per clean char */
  cleanStart: Int32Array;
  cleanEnd: Int32Array;
  fold: string;
  /** clean index per fold char */
  foldToClean: Int32Array;
  /** fold index of the first fold char at or after each clean char (length clean.length + 1) */
  cleanToFold: Int32Array;
}

// Characters that are stable under NFKC and need no per-char normalize() call: ASCII printable,
// hiragana, full-width katakana (without the halfwidth forms), CJK unified ideographs and the
// common Japanese punctuation. This fast path keeps normalization cheap next to tokenization.
function isNfkcStable(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0x3041 && cp <= 0x3096) ||
    (cp >= 0x30a1 && cp <= 0x30fa) ||
    cp === 0x30fc ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    cp === 0x3001 ||
    cp === 0x3002 ||
    cp === 0x300c ||
    cp === 0x300d ||
    cp === 0x3005
  );
}

function isVoicingMark(cp: number): boolean {
  return cp === 0x3099 || cp === 0x309a || cp === 0xff9e || cp === 0xff9f;
}

const RE_MARK = /\p{M}/u;
const RE_FORMAT = /\p{Cf}/u;

// Zero-width, bidi and other invisible characters: dropped entirely.
function isInvisible(cp: number, ch: string): boolean {
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff) return true;
  if (cp === 0x00ad || cp === 0x034f || cp === 0x180e || cp === 0x3164 || cp === 0xffa0) return true;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return true; // variation selectors
  if (cp >= 0xe0100 && cp <= 0xe01ef) return true;
  return cp > 0x7f && RE_FORMAT.test(ch);
}

/** Builds the clean view. */
function buildClean(raw: string): { clean: string; start: number[]; end: number[] } {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const n = raw.length;
  let i = 0;
  let lastWasSpace = true;
  const push = (s: string, a: number, b: number): void => {
    // One entry per UTF-16 unit, so clean offsets and the map always line up.
    for (let q = 0; q < s.length; q++) {
      const ch = s[q] as string;
      const isSpace = ch === ' ';
      if (isSpace && lastWasSpace) continue; // fold runs of spaces
      out.push(ch);
      start.push(a);
      end.push(b);
      lastWasSpace = isSpace || ch === '\n';
    }
  };
  while (i < n) {
    const code = raw.charCodeAt(i);
    // Fast path for the common, already-normal characters.
    if (isNfkcStable(code) && !(i + 1 < n && isVoicingOrMarkAt(raw, i + 1))) {
      push(raw[i] as string, i, i + 1);
      i += 1;
      continue;
    }
    // Lone surrogates are dropped; paired ones form one code point.
    let cp = code;
    let len = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < n ? raw.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        len = 2;
      } else {
        i += 1;
        continue;
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      i += 1;
      continue;
    }
    const ch = raw.slice(i, i + len);
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x0b || code === 0x0c) {
      // \r\n counts as one break
      if (code === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
        push('\n', i, i + 2);
        i += 2;
      } else {
        push('\n', i, i + 1);
        i += 1;
      }
      continue;
    }
    if (code === 0x09 || (cp < 0x20 && cp !== 0x0a) || (cp >= 0x7f && cp <= 0x9f)) {
      push(' ', i, i + len);
      i += len;
      continue;
    }
    if (isInvisible(cp, ch)) {
      i += len;
      continue;
    }
    if (RE_MARK.test(ch) && !isVoicingMark(cp)) {
      // A stray combining mark (zalgo): dropped.
      i += len;
      continue;
    }
    // Gather the cluster: base + voicing marks (kept, composed by NFKC) + other marks (dropped).
    let j = i + len;
    let cluster = ch;
    while (j < n) {
      const c2 = raw.codePointAt(j) ?? 0;
      const s2 = String.fromCodePoint(c2);
      if (isVoicingMark(c2)) {
        cluster += s2;
      } else if (!RE_MARK.test(s2) && !(c2 >= 0xfe00 && c2 <= 0xfe0f) && c2 !== 0x200d) {
        break;
      }
      j += s2.length;
    }
    // A circled number alone opens a list item (①応募者に…) and stays as it is; in a run of digits
    // (⓪⑨⓪-①②③④) it is a digit like any other.
    let norm = cp >= 0x2460 && cp <= 0x2473 && !digitLike(raw.codePointAt(i - 1) ?? 0) && !digitLike(raw.codePointAt(j) ?? 0) ? cluster : cluster.normalize('NFKC');
    // NFKC turns the ideographic space into a space and ¥ stays; tidy a few look-alikes here.
    norm = norm.replace(/[\u2010-\u2015\u2212\uff70]/g, '-').replace(/[\u3000\u00a0\u2000-\u200a\u202f\u205f]/g, ' ');
    // Curly and double-prime quotes read like 「」: “20代女性限定” quotes a posting the same way.
    norm = norm.replace(/[\u201c\u301d]/g, '「').replace(/[\u201d\u301e\u301f]/g, '」');
    push(norm, i, j);
    i = j;
  }
  return { clean: out.join(''), start, end };
}

const digitLike = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x2776 && c <= 0x2793) || c === 0x2d || c === 0x30fc || c === 0xff0d;

function isVoicingOrMarkAt(raw: string, i: number): boolean {
  const c = raw.charCodeAt(i);
  if (c < 0x300) return false;
  if (isVoicingMark(c)) return true;
  // Kana, CJK ideographs and Japanese punctuation hold no combining marks: skip the regex for them.
  if ((c >= 0x3000 && c <= 0x3098) || (c >= 0x309b && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  if (c >= 0xfe00 && c <= 0xfe0f) return true;
  return RE_MARK.test(raw[i] as string);
}

// Katakana Phonetic Extensions (small ㇰ…ㇿ) folded to their ordinary hiragana.
const SMALL_KATAKANA_EXT = Array.from('くしすとぬはひふへほむらりるれろ');
const MASK_CHARS = new Set('〇○●◯◎◇◆□■×✕✖＊*※☆★♡♥❤♪'.split(''));
const SMALL_VOWEL: Record<string, string> = { ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', ゎ: 'わ' };

/** Folds one clean character for matching; the result is always one character. */
export function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
    return c === 0x2a ? '〇' : ch; // * (NFKC of ＊) is a mask character
  }
  if (c >= 0x4e00 && c <= 0x9fff) return ch;
  if (c >= 0x3041 && c <= 0x3096) return SMALL_VOWEL[ch] ?? ch;
  if (c >= 0x30a1 && c <= 0x30f6) {
    const h = String.fromCharCode(c - 0x60);
    return SMALL_VOWEL[h] ?? h;
  }
  if (c >= 0x31f0 && c <= 0x31ff) return SMALL_KATAKANA_EXT[c - 0x31f0] ?? ch; // ㇻイン
  if (MASK_CHARS.has(ch)) return '〇';
  if (c >= 0xc0 && c <= 0x24f) {
    const lower = ch.toLowerCase();
    return lower.length === 1 ? lower : ch; // İ lowers to two characters: keep it as is
  }
  return ch;
}

/** Folds a literal pattern the same way the text is folded (katakana → hiragana, small vowels). */
export function foldPatternSource(src: string): string {
  let out = '';
  for (const ch of src) {
    const c = ch.charCodeAt(0);
    if (c >= 0x30a1 && c <= 0x30f6) {
      const h = String.fromCharCode(c - 0x60);
      out += SMALL_VOWEL[h] ?? h;
    } else if (SMALL_VOWEL[ch]) {
      out += SMALL_VOWEL[ch];
    } else {
      out += ch;
    }
  }
  return out;
}

// Scripts for the spaced-letter check: 1 Latin/digit, 2 hiragana, 3 the mask 〇 (joins either).
function scriptOf(c: number): number {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return 1;
  if (c >= 0x3041 && c <= 0x3096) return 2;
  if (c === 0x3007) return 3;
  return 0;
}
const SEPARATORS = new Set([0x20, 0x2e, 0x30fb, 0x2d, 0x5f, 0x2c, 0x3001, 0x2f, 0x7c, 0x3a, 0x0a]);

/**
 * Marks separators to drop inside runs like "l i n e", "L.I.N.E", "ら・い・ん" or one letter per
 * line: at least three single characters, each separated by one or two separator characters. A
 * single is a letter with no neighbour of its own script ("e" in "L I N Eで" is one).
 */
function spacedRunDrops(f: string[]): Uint8Array {
  const n = f.length;
  const codes = new Int32Array(n);
  for (let k = 0; k < n; k++) codes[k] = (f[k] as string).charCodeAt(0);
  const sc = (k: number): number => (k < 0 || k >= n ? 0 : scriptOf(codes[k] as number));
  const same = (x: number, y: number): boolean => x !== 0 && y !== 0 && (x === y || x === 3 || y === 3);
  const isSingleAt = (k: number): boolean => {
    const x = sc(k);
    return x !== 0 && !same(x, sc(k - 1)) && !same(x, sc(k + 1));
  };
  const drop = new Uint8Array(n);
  let k = 0;
  while (k < n) {
    if (!isSingleAt(k)) {
      k += 1;
      continue;
    }
    const singles = [k];
    let p = k + 1;
    for (;;) {
      let q = p;
      while (q < n && q - p < 2 && SEPARATORS.has(codes[q] as number)) q += 1;
      if (q === p || !isSingleAt(q)) break;
      singles.push(q);
      p = q + 1;
    }
    if (singles.length >= 3) {
      for (let s = 0; s + 1 < singles.length; s++) {
        for (let t = (singles[s] as number) + 1; t < (singles[s + 1] as number); t++) drop[t] = 1;
      }
      k = (singles[singles.length - 1] as number) + 1;
    } else {
      k += 1;
    }
  }
  return drop;
}

export function normalize(raw: string): NormalizedText {
  const { clean, start, end } = buildClean(raw);
  const folded = new Array<string>(clean.length);
  for (let k = 0; k < clean.length; k++) folded[k] = foldChar(clean[k] as string);
  const drop = spacedRunDrops(folded);
  const foldParts: string[] = [];
  const foldToClean: number[] = [];
  const cleanToFold = new Int32Array(clean.length + 1);
  for (let k = 0; k < folded.length; k++) {
    cleanToFold[k] = foldParts.length;
    if (drop[k]) continue;
    foldParts.push(folded[k] as string);
    foldToClean.push(k);
  }
  cleanToFold[clean.length] = foldParts.length;
  return {
    raw,
    clean,
    cleanStart: Int32Array.from(start),
    cleanEnd: Int32Array.from(end),
    fold: foldParts.join(''),
    foldToClean: Int32Array.from(foldToClean),
    cleanToFold,
  };
}

/** Raw [start, end) of a fold span [a, b). */
export function foldSpanToRaw(t: NormalizedText, a: number, b: number): { start: number; end: number } {
  if (t.fold.length === 0 || b <= a) return { start: 0, end: 0 };
  const ca = t.foldToClean[Math.min(a, t.fold.length - 1)] ?? 0;
  const cb = t.foldToClean[Math.min(b - 1, t.fold.length - 1)] ?? ca;
  return { start: t.cleanStart[ca] ?? 0, end: t.cleanEnd[cb] ?? t.raw.length };
}

/** Clean [start, end) of a fold span [a, b). */
export function foldSpanToClean(t: NormalizedText, a: number, b: number): { start: number; end: number } {
  if (t.fold.length === 0 || b <= a) return { start: 0, end: 0 };
  const ca = t.foldToClean[Math.min(a, t.fold.length - 1)] ?? 0;
  const cb = t.foldToClean[Math.min(b - 1, t.fold.length - 1)] ?? ca;
  return { start: ca, end: cb + 1 };
}

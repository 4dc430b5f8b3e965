// Fingerprints for 「この文面（または似た文面）は…ほかに N 件」.
//
// The text is reduced to a canonical form first: the detector's normalizer (NFKC, kana folding,
// de-obfuscation), every contact detail (email, phone, handle, link; the detector's own MASK_*
// macros) replaced by one placeholder, digit runs collapsed, and everything but letters and digits
// dropped. So the same template sent with another LINE ID, phone number, amount or emoji gives the
// same canonical form, and a changed name moves only a few characters of it.
//
// From the canonical form: one exact fingerprint, and MinHash over character 3-grams cut into
// bands (LSH), so texts with high Jaccard similarity share at least one band. Every value that
// leaves this module is a truncated keyed HMAC; the canonical form and the MinHash values stay in
// memory only.
//
// Only what the detector reads is fingerprinted: the first DEFAULT_MAX_CHARS (8,000) characters.
// Every step is linear in that (the normalizer, the contact patterns, one pass, MinHash), so a
// 100,000-character paste costs what 8,000 do.
import { DEFAULT_MAX_CHARS } from '../detector/detect.ts';
import { contactMaskRanges } from '../detector/mask.ts';
import { normalize } from '../detector/normalize.ts';
import type { RuleSet } from '../detector/rules.ts';
import { FINGERPRINT_BYTES, type Keyring } from './keys.ts';

/** 8 bands of 4 rows: P(shared band) ≈ 0.99 at Jaccard 0.8, 0.40 at 0.5, 0.013 at 0.2. */
export const BANDS = 8;
export const ROWS = 4;
const HASHES = BANDS * ROWS;
/** Below this many canonical characters only the exact fingerprint is used. */
export const MIN_NEAR_CHARS = 8;
const SHINGLE = 3;
/** Stands for any contact detail (a private-use character: never produced by normalize()). */
const PLACEHOLDER = '\uE000';

export interface Fingerprints {
  exact: Buffer;
  /** Near-duplicate band hashes; empty for very short texts. */
  bands: Buffer[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /[0-9]/;

/** The canonical form described above. Pure; exported for tests only. */
export function canonicalText(raw: string, rules: RuleSet): string {
  const t = normalize(raw);
  const masks = contactMaskRanges(t, rules);
  let out = '';
  let m = 0;
  let inMask = false;
  let lastDigit = false;
  for (let i = 0; i < t.fold.length; i++) {
    const rawPos = t.cleanStart[t.foldToClean[i] as number] as number;
    while (m < masks.length && (masks[m] as { end: number }).end <= rawPos) m++;
    const mask = masks[m];
    if (mask && mask.start <= rawPos && rawPos < mask.end) {
      if (!inMask) out += PLACEHOLDER;
      inMask = true;
      lastDigit = false;
      continue;
    }
    inMask = false;
    const ch = t.fold[i] as string;
    if (DIGIT.test(ch)) {
      if (!lastDigit) out += '0';
      lastDigit = true;
      continue;
    }
    lastDigit = false;
    // Surrogate pairs (rare letters, emoji) are dropped with the rest of the symbols.
    if (LETTER_OR_DIGIT.test(ch)) out += ch;
  }
  return out;
}

/** murmur3's 32-bit finalizer: a cheap, well-mixing permutation of 32-bit integers. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds: the MinHash permutations need not be secret, because what is stored is an HMAC of
// the band values. Changing them changes every fingerprint (old "seen" counts stop matching).
const SEEDS = (() => {
  const s = new Uint32Array(HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < HASHES; i++) {
    x = fmix32(x + 0x6d2b79f5 + i);
    s[i] = x;
  }
  return s;
})();

/** MinHash signature of the 3-gram set of `s`. Exported for tests. */
export function minhash(s: string): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const n = s.length;
  const count = Math.max(1, n - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    // FNV-1a over the (up to) three UTF-16 units of the shingle.
    let x = 0x811c9dc5;
    const end = Math.min(n, i + SHINGLE);
    for (let j = i; j < end; j++) x = Math.imul(x ^ s.charCodeAt(j), 0x01000193);
    for (let k = 0; k < HASHES; k++) {
      const v = fmix32((x ^ (SEEDS[k] as number)) >>> 0);
      if (v < (sig[k] as number)) sig[k] = v;
    }
  }
  return sig;
}

/** Jaccard similarity estimated from two signatures (tests and tuning only). */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** The first `max` characters, as the detector caps its input (never half a surrogate pair). */
export function capped(text: string, max = DEFAULT_MAX_CHARS): string {
  if (text.length <= max) return text;
  const c = text.charCodeAt(max - 1);
  return text.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}

/** Keyed fingerprints of a text, or null when nothing of it is left to compare (only symbols). */
export function fingerprintText(raw: string, rules: RuleSet, keys: Keyring, maxChars = DEFAULT_MAX_CHARS): Fingerprints | null {
  const canon = canonicalText(capped(raw, maxChars), rules);
  if (canon.length === 0 || canon === PLACEHOLDER) return null;
  const exact = keys.mac('exact', FINGERPRINT_BYTES, canon);
  if (canon.length < MIN_NEAR_CHARS) return { exact, bands: [] };
  const sig = minhash(canon);
  const bands: Buffer[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = Buffer.from(sig.buffer, sig.byteOffset + b * ROWS * 4, ROWS * 4);
    bands.push(keys.mac('band', FINGERPRINT_BYTES, String(b), rows));
  }
  return { exact, bands };
}

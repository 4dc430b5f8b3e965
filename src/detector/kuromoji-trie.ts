// Faster lookups for kuromoji 0.1.2, with the same results: the dictionary trie's common-prefix
// search, and the lattice builder that calls it at every position of a sentence.
//
// kuromoji 0.1.2 looks up every position of a sentence with `trie.commonPrefixSearch(tail)` (the
// doublearray package). That call first converts the *whole* rest of the sentence to UTF-8 in a
// fresh 4-bytes-per-character buffer, then walks the trie byte by byte, and copies and decodes the
// bytes of each word found. The walk stops after a few characters (dictionary words are short), so
// almost all of that conversion is wasted: a 10-character string costs ~80 µs and a sentence grows
// quadratically. Here each character is encoded only when the walk reaches it, and a word found is
// the string's own prefix. The lattice builder likewise rebuilt a surrogate-aware copy of the rest of
// the sentence at every position (twice); here the sentence is mapped once. The trie, the lattice
// and the tokens are unchanged (test/detector/tokenizer.test.ts compares every token with
// kuromoji's own builder).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The parts of doublearray's DoubleArray this search uses. */
interface DoubleArrayLike {
  bc: { getBase(i: number): number; getCheck(i: number): number };
  commonPrefixSearch(key: string): Array<{ k: string; v?: number }>;
}

const ROOT_ID = 0;
const TERM_CODE = 0;
const NOT_FOUND = -1;

/** UTF-8 bytes of one code point into `out` (at most 4); the count, or -1 for a malformed one. */
function utf8(cp: number, out: number[]): number {
  if (cp < 0x80) {
    out[0] = cp;
    return 1;
  }
  if (cp < 1 << 11) {
    out[0] = (cp >>> 6) | 0xc0;
    out[1] = (cp & 0x3f) | 0x80;
    return 2;
  }
  if (cp < 1 << 16) {
    out[0] = (cp >>> 12) | 0xe0;
    out[1] = ((cp >> 6) & 0x3f) | 0x80;
    out[2] = (cp & 0x3f) | 0x80;
    return 3;
  }
  if (cp < 1 << 21) {
    out[0] = (cp >>> 18) | 0xf0;
    out[1] = ((cp >> 12) & 0x3f) | 0x80;
    out[2] = ((cp >> 6) & 0x3f) | 0x80;
    out[3] = (cp & 0x3f) | 0x80;
    return 4;
  }
  return 0; // as doublearray: a code point past UTF-8's range adds no bytes
}

/** Replaces the trie's commonPrefixSearch with a lazy one; returns the trie. */
export function speedUpTrie<T extends DoubleArrayLike>(trie: T): T {
  const original = trie.commonPrefixSearch.bind(trie);
  const { bc } = trie;
  const traverse = (parent: number, code: number): number => {
    const child = bc.getBase(parent) + code;
    return bc.getCheck(child) === parent ? child : NOT_FOUND;
  };
  const bytes: number[] = [0, 0, 0, 0];
  trie.commonPrefixSearch = (key: string): Array<{ k: string; v?: number }> => {
    const result: Array<{ k: string; v?: number }> = [];
    let parent = ROOT_ID;
    let i = 0;
    while (i < key.length) {
      let cp = key.charCodeAt(i);
      let width = 1;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        const lo = key.charCodeAt(i + 1);
        // doublearray gives up on a malformed pair (and kuromoji then fails): keep its behaviour.
        if (!(lo >= 0xdc00 && lo <= 0xdfff)) return original(key);
        cp = (cp - 0xd800) * 1024 + 0x10000 + (lo - 0xdc00);
        width = 2;
      }
      const n = utf8(cp, bytes);
      for (let b = 0; b < n; b++) {
        const child = traverse(parent, bytes[b] as number);
        if (child === NOT_FOUND) return result;
        parent = child;
        const grand = traverse(child, TERM_CODE);
        if (grand === NOT_FOUND) continue;
        // A word that ends inside a character cannot come from the dictionary's own strings;
        // should it ever, the original decoding decides.
        if (b !== n - 1) return original(key);
        const base = bc.getBase(grand);
        const r: { k: string; v?: number } = base <= 0 ? { v: -base - 1, k: '' } : { k: '' };
        r.k = key.slice(0, i + width);
        result.push(r);
      }
      i += width;
    }
    return result;
  };
  return trie;
}

/** kuromoji's own classes the builder creates (as its ViterbiBuilder does). */
interface SurrogateAwareString {
  str: string;
  index_mapping: number[];
  length: number;
  toString(): string;
}
const SAS = require('kuromoji/src/util/SurrogateAwareString.js') as new (s: string) => SurrogateAwareString;
const ViterbiNode = require('kuromoji/src/viterbi/ViterbiNode.js') as new (
  id: number,
  cost: number,
  start: number,
  length: number,
  type: string,
  left: number,
  right: number,
  surface: string,
) => unknown;
const ViterbiLattice = require('kuromoji/src/viterbi/ViterbiLattice.js') as new () => { append(node: unknown): void; appendEos(): void };

/** kuromoji's character class of one character (its unknown-word dictionary's lookup). */
interface CharClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number;
  is_grouping: number;
}

interface ViterbiBuilderLike {
  trie: DoubleArrayLike;
  token_info_dictionary: { target_map: Record<number, ArrayLike<number | string>>; dictionary: { getShort(i: number): number } };
  unknown_dictionary: {
    lookup(ch: string): CharClass;
    target_map: Record<number, ArrayLike<number | string>>;
    dictionary: { getShort(i: number): number };
  };
  build(sentence: string): unknown;
}

/** kuromoji's parseInt(String(id), 10), without the round trip for an integer id. */
const toId = (x: number | string): number => (typeof x === 'number' && Number.isSafeInteger(x) && !Object.is(x, -0) ? x : parseInt(String(x), 10));

/**
 * kuromoji's ViterbiBuilder.build, node for node, with the sentence's surrogate-aware index built
 * once instead of for every position's tail (twice). Its quirks are kept: an unknown word's length is
 * counted in code points when it is one character and in UTF-16 units when grouped.
 */
export function speedUpBuilder<T extends ViterbiBuilderLike>(builder: T, wordIds?: (key: number) => ArrayLike<number | string> | undefined): T {
  builder.build = function build(this: T, sentenceStr: string): unknown {
    const lattice = new ViterbiLattice();
    const sentence = new SAS(sentenceStr);
    const map = sentence.index_mapping;
    const n = sentence.length;
    const charAt = (idx: number): string => {
      const a = map[idx] as number;
      const b = map[idx + 1];
      return b === undefined ? sentenceStr.slice(a) : sentenceStr.slice(a, b);
    };
    const tid = this.token_info_dictionary;
    const unk = this.unknown_dictionary;
    // Each position's character class, and where its run of one class ends: a grouped unknown word
    // is that run, sliced once (kuromoji re-reads the run from every position in it: quadratic in
    // a long run of letters or digits).
    const classes = new Array<CharClass>(n);
    for (let idx = 0; idx < n; idx++) classes[idx] = unk.lookup(charAt(idx));
    const runEnd = new Int32Array(n);
    for (let idx = n - 1; idx >= 0; idx--) {
      const next = classes[idx + 1];
      runEnd[idx] = next !== undefined && next.class_name === (classes[idx] as CharClass).class_name ? (runEnd[idx + 1] as number) : idx + 1;
    }
    for (let pos = 0; pos < n; pos++) {
      const tail = sentenceStr.slice(map[pos] as number);
      const vocabulary = this.trie.commonPrefixSearch(tail);
      for (const entry of vocabulary) {
        // Straight from the word map's buffer when it is read in place (no property lookup through a Proxy).
        const ids = (wordIds ? wordIds(entry.v as number) : tid.target_map[entry.v as number]) as ArrayLike<number | string>;
        for (let i = 0; i < ids.length; i++) {
          const id = toId(ids[i] as number | string);
          const left = tid.dictionary.getShort(id);
          const right = tid.dictionary.getShort(id + 2);
          const cost = tid.dictionary.getShort(id + 4);
          lattice.append(new ViterbiNode(id, cost, pos + 1, entry.k.length, 'KNOWN', left, right, entry.k));
        }
      }
      // One position of the sentence map is one code point (a lone high surrogate takes the unit
      // after it along): kuromoji wraps it in a SurrogateAwareString, whose length is then 1.
      const headClass = classes[pos] as CharClass;
      if (vocabulary.length === 0 || headClass.is_always_invoke === 1) {
        let key = charAt(pos);
        let keyLength = 1;
        const end = runEnd[pos] as number;
        if (headClass.is_grouping === 1 && end - pos > 1) {
          key = end < n ? sentenceStr.slice(map[pos] as number, map[end] as number) : sentenceStr.slice(map[pos] as number);
          keyLength = key.length; // a grouped key is a plain string: its length in UTF-16 units
        }
        const ids = unk.target_map[headClass.class_id] as ArrayLike<number | string>;
        for (let j = 0; j < ids.length; j++) {
          const id = toId(ids[j] as number | string);
          const left = unk.dictionary.getShort(id);
          const right = unk.dictionary.getShort(id + 2);
          const cost = unk.dictionary.getShort(id + 4);
          lattice.append(new ViterbiNode(id, cost, pos + 1, keyLength, 'UNKNOWN', left, right, key));
        }
      }
    }
    lattice.appendEos();
    return lattice;
  };
  return builder;
}

// kuromoji, built once per process and handed to whoever needs it. Loading the dictionary costs
// about a second and most of the process's memory, so nothing may build it lazily on a hot path.
//
// The dictionary is loaded here rather than by kuromoji's builder, into kuromoji's own classes and
// with the same contents (test/detector/tokenizer.test.ts compares the tokens): the builder reads
// each file in small chunks, decompresses it in small chunks, each step waiting for the main thread,
// copies every decompressed buffer, and builds the word map one value at a time. Here the files are
// read at once and decompressed whole in the thread pool, so the caller's own start-up work (rules,
// model) runs meanwhile; the buffers are used as they are, and the word map is read from its buffer
// when kuromoji looks a word up (targetMapView) instead of being built. The result: a shorter start
// and about 150 MB less memory.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzip } from 'node:zlib';
import type kuromoji from 'kuromoji';
import { speedUpBuilder, speedUpTrie } from './kuromoji-trie.ts';

export interface Token {
  surface: string;
  /** 0-based UTF-16 offset into the tokenized string */
  start: number;
  pos: string;
  posDetail: string;
  /** IPADIC's second-level part of speech (副詞可能, 接尾 …), '*' when none. */
  posDetail2: string;
  /** Conjugated form (連用形, 基本形, 命令ｉ …), '*' for words that do not conjugate. */
  conjForm: string;
  baseForm: string;
}

export interface Tokenizer {
  tokenize(text: string): Token[];
}

const require = createRequire(import.meta.url);

export function dictPath(): string {
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/** kuromoji 0.1.2's dictionary container (src/dict/DynamicDictionaries.js), as far as it is used here. */
interface Dictionaries {
  token_info_dictionary: {
    loadDictionary(buffer: Uint8Array): unknown;
    loadPosVector(buffer: Uint8Array): unknown;
    target_map: Record<number, number[]>;
    getFeatures(id: string): string;
  };
  loadTrie(base: Int32Array, check: Int32Array): unknown;
  trie: Parameters<typeof speedUpTrie>[0];
  loadConnectionCosts(costs: Int16Array): unknown;
  unknown_dictionary: { getFeatures(id: string): string };
  loadUnknownDictionaries(unk: Uint8Array, pos: Uint8Array, map: Uint8Array, catMap: Uint8Array, compatCatMap: Uint32Array, invokeDef: Uint8Array): unknown;
}
const Dictionaries = require('kuromoji/src/dict/DynamicDictionaries.js') as new () => Dictionaries;
const KuromojiTokenizer = require('kuromoji/src/Tokenizer.js') as new (dic: Dictionaries) => kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

/** The dictionary files, in the order loadDictionary takes them. */
const FILES = [
  'base.dat.gz',
  'check.dat.gz',
  'tid.dat.gz',
  'tid_pos.dat.gz',
  'tid_map.dat.gz',
  'cc.dat.gz',
  'unk.dat.gz',
  'unk_pos.dat.gz',
  'unk_map.dat.gz',
  'unk_char.dat.gz',
  'unk_compat.dat.gz',
  'unk_invoke.dat.gz',
] as const;
type DictFile = (typeof FILES)[number];

/**
 * Decompresses a gzip file in one piece in the thread pool: the output buffer is sized from the
 * gzip trailer (ISIZE), so zlib does not hand back to the main thread every 16 KB.
 */
function gunzipWhole(file: string): Promise<Buffer> {
  const gz = readFileSync(file);
  const size = gz.length >= 4 ? gz.readUInt32LE(gz.length - 4) : 0;
  return new Promise((resolve, reject) => {
    gunzip(gz, { chunkSize: Math.max(64 * 1024, size + 1) }, (err, out) => (err ? reject(new Error(`${path.basename(file)}: ${err.message}`)) : resolve(out)));
  });
}

type View<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; new (buffer: ArrayBufferLike): T; BYTES_PER_ELEMENT: number };

/** A typed array over the buffer's memory (no copy), or over an aligned copy when it cannot be. */
function view<T>(Type: View<T>, b: Buffer): T {
  if (b.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new Error('kuromoji dictionary: truncated file');
  if (b.byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(b.buffer, b.byteOffset, b.byteLength / Type.BYTES_PER_ELEMENT);
  return new Type(new Uint8Array(b).buffer);
}

/**
 * tid_map.dat: int32 count, then (key, n, n values) … as kuromoji's TokenInfoDictionary.loadTargetMap
 * reads it (little-endian, reads past the end are 0), into the same object: trie id → token ids.
 */
export function readTargetMap(b: Uint8Array): Record<number, number[]> {
  const n = b.length;
  const int = (i: number): number => (i + 4 > n ? 0 : (b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24));
  const map: Record<number, number[]> = {};
  let pos = 4;
  while (pos + 1 <= n) {
    const key = int(pos);
    const count = int(pos + 4);
    pos += 8;
    if (count <= 0) continue;
    const values = map[key] ?? (map[key] = []);
    for (let i = 0; i < count; i++, pos += 4) values.push(int(pos));
  }
  return map;
}

/** Token ids of one trie id of the word map, read from the file's buffer; undefined when it has none. */
export type WordIds = (key: number) => number[] | undefined;

/**
 * The word map as a lookup in its file's buffer, without building it: kuromoji looks a trie id up
 * only when a word of the text matches in the dictionary (a few hundred times per message), so each
 * lookup reads its token ids from the buffer. Building the map instead means 325,000 arrays, ~50 MB
 * of heap and most of the dictionary's load time in garbage collection. Reads past the end are 0,
 * as in kuromoji's ByteBuffer. Null for a file where a key repeats (it is read the eager way).
 */
export function targetMapLookup(b: Uint8Array): WordIds | null {
  const n = b.length;
  const int = (i: number): number => (i + 4 > n ? 0 : (b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24));
  // Where each key's record is: slot[key] = byte offset of its count, or -1 (two passes over the
  // records: the largest key, then the offsets).
  const records = (visit: (key: number, countAt: number) => boolean): void => {
    let pos = 4;
    while (pos + 1 <= n) {
      const key = int(pos);
      const count = int(pos + 4);
      pos += 8;
      if (count <= 0) continue;
      if (!visit(key, pos - 4)) return;
      pos += 4 * count;
    }
  };
  let maxKey = -1;
  records((key) => {
    maxKey = Math.max(maxKey, key);
    return key >= 0;
  });
  if (maxKey < 0 || maxKey > 1 << 26) return null; // not the shape kuromoji writes
  const slot = new Int32Array(maxKey + 1).fill(-1);
  let repeated = false;
  records((key, countAt) => {
    if (key < 0 || slot[key] !== -1) repeated = true;
    else slot[key] = countAt;
    return !repeated;
  });
  if (repeated) return null;
  return (key) => {
    const start = slot[key];
    if (start === undefined || start < 0) return undefined;
    const count = int(start);
    const ids = new Array<number>(count);
    for (let i = 0; i < count; i++) ids[i] = int(start + 4 + 4 * i);
    return ids;
  };
}

/** The word map as kuromoji reads it (an object keyed by trie id), over targetMapLookup when it can be. */
export function targetMapView(b: Uint8Array, lookup: WordIds | null = targetMapLookup(b)): Record<number, number[]> {
  if (!lookup) return readTargetMap(b);
  return new Proxy({} as Record<number, number[]>, {
    get(_target, prop): number[] | undefined {
      return typeof prop === 'string' ? lookup(Number(prop)) : undefined;
    },
  });
}

/**
 * Memoizes a dictionary's feature lines by token id: kuromoji decodes a token's features from the
 * dictionary's UTF-8 bytes, one byte at a time, for every token of every text, and the same few
 * thousand words make up most texts. The cache is emptied when it grows large.
 */
function memoizeFeatures(dict: { getFeatures(id: string): string }): void {
  const original = dict.getFeatures.bind(dict);
  const memo = new Map<string, string>();
  dict.getFeatures = (id: string): string => {
    let line = memo.get(id);
    if (line === undefined) {
      line = original(id);
      if (memo.size >= FEATURE_MEMO) memo.clear();
      memo.set(id, line);
    }
    return line;
  };
}
const FEATURE_MEMO = 50_000;

/** kuromoji's Tokenizer over the dictionary in `dir`, loaded as described at the top. */
export async function loadKuromoji(dir: string): Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> {
  // Every file is read and queued before the first await: decompression runs while the caller goes on.
  const pending = FILES.map((f) => gunzipWhole(path.join(dir, f)));
  const loaded = new Map<DictFile, Buffer>();
  (await Promise.all(pending)).forEach((b, i) => loaded.set(FILES[i] as DictFile, b));
  const as = <T>(Type: View<T>, f: DictFile): T => view(Type, loaded.get(f) as Buffer);
  const dic = new Dictionaries();
  dic.loadTrie(as(Int32Array, 'base.dat.gz'), as(Int32Array, 'check.dat.gz'));
  speedUpTrie(dic.trie);
  dic.token_info_dictionary.loadDictionary(as(Uint8Array, 'tid.dat.gz'));
  dic.token_info_dictionary.loadPosVector(as(Uint8Array, 'tid_pos.dat.gz'));
  const tidMap = as(Uint8Array, 'tid_map.dat.gz');
  const wordIds = targetMapLookup(tidMap);
  dic.token_info_dictionary.target_map = targetMapView(tidMap, wordIds);
  memoizeFeatures(dic.token_info_dictionary);
  dic.loadConnectionCosts(as(Int16Array, 'cc.dat.gz'));
  dic.loadUnknownDictionaries(
    as(Uint8Array, 'unk.dat.gz'),
    as(Uint8Array, 'unk_pos.dat.gz'),
    as(Uint8Array, 'unk_map.dat.gz'),
    as(Uint8Array, 'unk_char.dat.gz'),
    as(Uint32Array, 'unk_compat.dat.gz'),
    as(Uint8Array, 'unk_invoke.dat.gz'),
  );
  const tokenizer = new KuromojiTokenizer(dic);
  memoizeFeatures(dic.unknown_dictionary);
  speedUpBuilder((tokenizer as unknown as { viterbi_builder: Parameters<typeof speedUpBuilder>[0] }).viterbi_builder, wordIds ?? undefined);
  return tokenizer;
}

/** Wraps a kuromoji tokenizer: offsets in UTF-16 units, the fields the detector reads. */
export function wrapKuromoji(t: kuromoji.Tokenizer<kuromoji.IpadicFeatures>): Tokenizer {
  return {
    tokenize(text: string): Token[] {
      if (text.length === 0) return [];
      // word_position counts code points, not UTF-16 units, so offsets are recomputed by
      // walking the surfaces in order.
      let cursor = 0;
      return t.tokenize(text).map((k) => {
        const at = text.indexOf(k.surface_form, cursor);
        const start = at < 0 ? cursor : at;
        cursor = start + k.surface_form.length;
        return {
          surface: k.surface_form,
          start,
          pos: k.pos,
          posDetail: k.pos_detail_1,
          posDetail2: k.pos_detail_2,
          conjForm: k.conjugated_form,
          baseForm: k.basic_form === '*' ? k.surface_form : k.basic_form,
        };
      });
    },
  };
}

/**
 * Starts loading the dictionary at once (files read, decompression queued) and resolves when the
 * tokenizer is ready; the caller may do other work before awaiting it.
 */
export function buildTokenizer(dir: string = dictPath()): Promise<Tokenizer> {
  return loadKuromoji(dir).then(wrapKuromoji);
}

// The dictionary loader (src/detector/tokenizer.ts) against kuromoji's own builder: the same word
// map, and the same tokens, every feature, for ~3,000 labeled texts in test/fixtures/.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import kuromoji from 'kuromoji';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTokenizer, dictPath, loadKuromoji, readTargetMap, targetMapView } from '../../src/detector/tokenizer.ts';
import { labeledSample } from '../helpers/labeled.ts';

type Kuromoji = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;
let stock: Kuromoji;
let ours: Kuromoji;

beforeAll(async () => {
  stock = await new Promise<Kuromoji>((resolve, reject) => kuromoji.builder({ dicPath: dictPath() }).build((err, t) => (err ? reject(err) : resolve(t))));
  ours = await loadKuromoji(dictPath());
}, 60_000);

describe('kuromoji dictionary loader', () => {
  it('reads the word map exactly as kuromoji does, built or looked up in place', () => {
    const file = new Uint8Array(gunzipSync(readFileSync(path.join(dictPath(), 'tid_map.dat.gz'))));
    const theirs = (stock as unknown as { token_info_dictionary: { target_map: Record<number, number[]> } }).token_info_dictionary.target_map;
    const mine = readTargetMap(file);
    expect(Object.keys(mine).length).toBeGreaterThan(300_000);
    expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
    const view = targetMapView(file);
    let max = 0;
    let differing = 0;
    for (const key of Object.keys(theirs).map(Number)) {
      const a = view[key];
      const b = theirs[key] as number[];
      if (!a || a.length !== b.length || a.some((x, i) => x !== b[i])) differing++;
      max = Math.max(max, key);
    }
    expect(differing).toBe(0);
    for (const missing of [-1, max + 1, 1.5]) expect(view[missing]).toBeUndefined();
    let absent = 0;
    for (let k = 0; k <= max; k++) if (!(k in theirs) && view[k] !== undefined) absent++;
    expect(absent).toBe(0);
  });

  it('reads a word map whose keys repeat the eager way, merging them as kuromoji does', () => {
    // count, then (key, n, values…): key 5 twice.
    const file = new Uint8Array(new Int32Array([2, 5, 1, 100, 7, 1, 200, 5, 2, 300, 400]).buffer);
    expect({ ...targetMapView(file) }).toEqual({ 5: [100, 300, 400], 7: [200] });
  });

  it('gives the same tokens, with every feature, for 3,000 labeled texts', () => {
    const texts = labeledSample();
    expect(texts.length).toBeGreaterThan(3000);
    let differing = 0;
    for (const t of texts) if (JSON.stringify(ours.tokenize(t)) !== JSON.stringify(stock.tokenize(t))) differing++;
    expect(differing).toBe(0);
  }, 120_000);

  it('gives the same tokens on odd text: emoji, lone surrogates, runs of unknown characters', () => {
    const odd = [
      '😀😀で連絡👍ください🙇‍♀️',
      'ＡＢＣ１２３ｱｲｳｴｵ　ｶﾞｷﾞ',
      'abc\ud800def',
      '\ud800\ud800あ',
      'あ\udc00い',
      '𠮷野家で𠮷田さんと',
      'ーーー〜〜〜！！！？？？',
      '①②③ⅠⅡⅢ㈱㍉',
      `${'x'.repeat(300)}ライン${'あ'.repeat(50)}`,
    ];
    const run = (t: Kuromoji, s: string): string => {
      try {
        return JSON.stringify(t.tokenize(s));
      } catch (e) {
        return `threw ${(e as Error).name}`;
      }
    };
    for (const s of odd) expect(run(ours, s), s).toBe(run(stock, s));
  });

  it('rejects with the file name when a dictionary file is missing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gaibu-guard-dict-'));
    try {
      for (const f of readdirSync(dictPath())) if (f !== 'cc.dat.gz') symlinkSync(path.join(dictPath(), f), path.join(dir, f));
      await expect(buildTokenizer(dir)).rejects.toThrow(/cc\.dat\.gz/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

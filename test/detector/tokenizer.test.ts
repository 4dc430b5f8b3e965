// The dictionary loader (src/detector/tokenizer.ts) against kuromoji's own builder: the same word
// map, and the same tokens, every feature, for ~3,000 labeled texts in test/fixtures/.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import kuromoji from 'kuromoji';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTokenizer, dictPath, loadKuromoji, readTargetMap } from '../../src/detector/tokenizer.ts';
import { labeledSample } from '../helpers/labeled.ts';

type Kuromoji = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;
let stock: Kuromoji;
let ours: Kuromoji;

beforeAll(async () => {
  stock = await new Promise<Kuromoji>((resolve, reject) => kuromoji.builder({ dicPath: dictPath() }).build((err, t) => (err ? reject(err) : resolve(t))));
  ours = await loadKuromoji(dictPath());
}, 60_000);

describe('kuromoji dictionary loader', () => {
  it('reads the word map exactly as kuromoji does', () => {
    const file = new Uint8Array(gunzipSync(readFileSync(path.join(dictPath(), 'tid_map.dat.gz'))));
    const theirs = (stock as unknown as { token_info_dictionary: { target_map: Record<number, number[]> } }).token_info_dictionary.target_map;
    const mine = readTargetMap(file);
    expect(Object.keys(mine).length).toBeGreaterThan(300_000);
    expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
  });

  it('gives the same tokens, with every feature, for 3,000 labeled texts', () => {
    const texts = labeledSample();
    expect(texts.length).toBeGreaterThan(3000);
    let differing = 0;
    for (const t of texts) if (JSON.stringify(ours.tokenize(t)) !== JSON.stringify(stock.tokenize(t))) differing++;
    expect(differing).toBe(0);
  }, 120_000);

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

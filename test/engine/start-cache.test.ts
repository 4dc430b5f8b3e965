// The start-up caches (src/start-cache.ts): the same rules as from the YAML and the same model as
// from weights.json, and a file edited after the cache was written is loaded from the file again,
// never taken from the cache.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, loadRules, type RuleSet } from '../../src/detector/rules.ts';
import { normalize } from '../../src/detector/normalize.ts';
import { requiredLiterals } from '../../src/detector/prefilter.ts';
import { DEFAULT_MODEL_DIR, loadSimilarity } from '../../src/detector/similarity.ts';
import { labeledSample } from '../helpers/labeled.ts';
import { MODEL_CACHE_FILE, readModelCache, readRulesCache, RULES_CACHE_FILE, writeModelCache, writeRulesCache } from '../../src/start-cache.ts';

let dir: string;
let rulesDir: string;
let cacheFile: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gaibu-guard-rules-cache-'));
  rulesDir = path.join(dir, 'rules');
  cpSync(DEFAULT_RULES_DIR, rulesDir, { recursive: true });
  cacheFile = path.join(dir, 'rules-cache.json');
  writeRulesCache(cacheFile, rulesDir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a rule set holds, patterns as their source and flags. */
const shape = (set: RuleSet): string => JSON.stringify(set, (_k, v: unknown) => (v instanceof RegExp ? `/${v.source}/${v.flags}` : v));

/** A cache that counts what it answered. */
function counting(file: string) {
  const cache = readRulesCache(file);
  if (!cache) throw new Error('no cache');
  const n = { yamlHits: 0, yamlMisses: 0, probedHits: 0, probedMisses: 0 };
  return {
    n,
    cache: {
      yaml(text: string): unknown {
        const data = cache.yaml(text);
        if (data === undefined) n.yamlMisses++;
        else n.yamlHits++;
        return data;
      },
      probed(re: RegExp): boolean {
        const hit = cache.probed(re);
        if (hit) n.probedHits++;
        else n.probedMisses++;
        return hit;
      },
    },
  };
}

describe('rules start-up cache', () => {
  it('gives exactly the rules the YAML gives, without parsing or probing anything again', () => {
    const { n, cache } = counting(cacheFile);
    const cached = loadRules({ dir: rulesDir, cache });
    expect(shape(cached)).toBe(shape(loadRules({ dir: rulesDir })));
    expect(n.yamlMisses).toBe(0);
    expect(n.probedMisses).toBe(0);
    expect(n.yamlHits).toBeGreaterThan(10);
    // Every pattern, context pattern and macro the probe covers was found in the cache.
    expect(n.probedHits).toBeGreaterThanOrEqual(cached.rules.reduce((k, r) => k + r.patterns.length, 0));
  });

  it('reads a rule file edited after the build from the file, and probes its new pattern', () => {
    const file = path.join(rulesDir, 'pressure.yaml');
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, original.replace('description: 申請の承認や連絡先交換の強要', 'description: 書き換えた説明'));
      const { n, cache } = counting(cacheFile);
      const rule = loadRules({ dir: rulesDir, cache }).rules.find((r) => r.id === 'pressure.approve_or_end');
      expect(rule?.description).toBe('書き換えた説明');
      expect(n.yamlMisses).toBe(1);

      // A new pattern is not one the cache knows: it is probed for backtracking at start.
      writeFileSync(file, original.replace("- 'あとは(?:あなた|〇〇様|あなた様)だけ'", "- 'あとは(?:あなた|〇〇様|あなた様|貴方)だけ'"));
      const again = counting(cacheFile);
      loadRules({ dir: rulesDir, cache: again.cache });
      expect(again.n.probedMisses).toBe(1);
    } finally {
      writeFileSync(file, original);
    }
  }, 30_000);

  it("holds each rule pattern's literals as read from the pattern, and knows no edited pattern", () => {
    const cache = readRulesCache(cacheFile);
    const rules = loadRules({ dir: rulesDir, checkBacktracking: false });
    let listed = 0;
    for (const re of rules.rules.flatMap((r) => r.patterns)) {
      expect(cache?.literals?.(re)).toEqual(requiredLiterals(re));
      listed++;
    }
    expect(listed).toBeGreaterThan(100);
    const [first] = rules.rules[0]?.patterns ?? [];
    expect(first).toBeDefined();
    expect(cache?.literals?.(new RegExp(`${(first as RegExp).source}|x`, 'gu'))).toBeUndefined();
  });

  it('is ignored when missing or unreadable', () => {
    expect(readRulesCache(path.join(dir, 'missing.json'))).toBeUndefined();
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"format": 2}');
    expect(readRulesCache(bad)).toBeUndefined();
  });

  it('is written by the build for the shipped rules', () => {
    expect(existsSync(RULES_CACHE_FILE)).toBe(true);
    const { n, cache } = counting(RULES_CACHE_FILE);
    loadRules({ cache });
    expect(n.yamlMisses).toBe(0);
    expect(n.probedMisses).toBe(0);
  });
});

describe('model start-up cache', () => {
  it('scores 3,000 labeled texts exactly as the model read from weights.json', () => {
    const file = path.join(dir, 'model-cache.bin');
    expect(writeModelCache(file).grams).toBeGreaterThan(10_000);
    const cache = readModelCache(file);
    expect(cache).toBeDefined();
    const cached = loadSimilarity(DEFAULT_MODEL_DIR, cache);
    const plain = loadSimilarity(DEFAULT_MODEL_DIR);
    expect(cached.trainedOn).toEqual(plain.trainedOn);
    let flagged = 0;
    for (const t of labeledSample()) {
      const fold = normalize(t).fold;
      expect(cached.probability(fold)).toBe(plain.probability(fold));
      const s = cached.score(fold);
      expect(s).toEqual(plain.score(fold));
      if (s) flagged++;
    }
    expect(flagged).toBeGreaterThan(100); // the comparison covered scored texts, not only nulls
  }, 60_000);

  it('is not used for another weights.json', () => {
    const cache = readModelCache(MODEL_CACHE_FILE);
    const text = readFileSync(path.join(DEFAULT_MODEL_DIR, 'weights.json'), 'utf8');
    expect(cache?.model(text)).toBeDefined(); // written by the build for the shipped model
    expect(cache?.model(`${text} `)).toBeUndefined();
    expect(readModelCache(path.join(dir, 'missing.bin'))).toBeUndefined();
    const truncated = path.join(dir, 'truncated.bin');
    writeFileSync(truncated, readFileSync(MODEL_CACHE_FILE).subarray(0, 5000));
    expect(readModelCache(truncated)).toBeUndefined();
  });
});

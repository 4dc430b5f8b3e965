// Start-up caches, written by `npm run build` (so by `npm ci`) into dist/, each keyed by the content
// it was made from, so nothing stale is ever used: a rule or model file changed after the build
// misses its cache and is loaded the slow way, and a missing or unreadable cache only means a
// slower start.
// - dist/rules-cache.json: the parsed YAML of each rule file and the patterns that passed the
//   backtracking probe (keys: SHA-256 of the file's text; of a pattern's flags and source).
//   Parsing the YAML and probing every pattern is most of what loading the rules costs.
// - dist/model-cache.bin: the statistical model's weight table, ready to use (key: SHA-256 of
//   weights.json). Parsing 1.6 MB of JSON into ~100,000 properties, validating and re-tabling
//   them is most of what loading the model costs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';
import { z } from 'zod';
import { requiredLiterals } from './detector/prefilter.ts';
import { loadRules, type RulesLoadCache } from './detector/rules.ts';
import { DEFAULT_MODEL_DIR, ModelFileSchema, weightTable, type ModelFile, type SimilarityLoadCache, type WeightTable } from './detector/similarity.ts';
import { CATEGORY_IDS } from './detector/types.ts';
import { PROJECT_ROOT } from './paths.ts';

export const RULES_CACHE_FILE = path.join(PROJECT_ROOT, 'dist', 'rules-cache.json');
export const MODEL_CACHE_FILE = path.join(PROJECT_ROOT, 'dist', 'model-cache.bin');

const CacheFileSchema = z.object({
  format: z.literal(1),
  yaml: z.record(z.string(), z.unknown()),
  probed: z.array(z.string()),
  /** Per rule pattern (key as `probed`), its required literals (src/detector/prefilter.ts). */
  literals: z.record(z.string(), z.array(z.string()).nullable()).optional(),
});

const sha = (s: string): string => createHash('sha256').update(s).digest('base64url');
const patternKey = (re: RegExp): string => sha(`${re.flags}/${re.source}`);

/** The cache at `file`, or undefined when there is none (or it cannot be read). */
export function readRulesCache(file: string = RULES_CACHE_FILE): RulesLoadCache | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = CacheFileSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const yaml = new Map(Object.entries(parsed.data.yaml));
  const probed = new Set(parsed.data.probed);
  const literals = new Map(Object.entries(parsed.data.literals ?? {}));
  return { yaml: (text) => yaml.get(sha(text)), probed: (re) => probed.has(patternKey(re)), literals: (re) => literals.get(patternKey(re)) };
}

/**
 * Loads the rules in `dir` the slow way (every file parsed, every pattern probed) and writes what it
 * did to `file`. Throws, writing nothing, when the rules do not load.
 */
export function writeRulesCache(file: string = RULES_CACHE_FILE, dir?: string): { files: number; patterns: number } {
  const yaml: Record<string, unknown> = {};
  const probed = new Set<string>();
  const rules = loadRules({
    ...(dir ? { dir } : {}),
    checkBacktracking: true,
    cache: {
      yaml(text) {
        const data: unknown = YAML.parse(text);
        // Only what survives JSON unchanged (YAML can express values JSON cannot).
        if (isDeepStrictEqual(JSON.parse(JSON.stringify(data)) as unknown, data)) yaml[sha(text)] = data;
        return data;
      },
      probed(re) {
        probed.add(patternKey(re)); // recorded before the probe; a failing probe throws and nothing is written
        return false;
      },
    },
  });
  const literals: Record<string, string[] | null> = {};
  for (const rule of rules.rules) for (const re of rule.patterns) literals[patternKey(re)] = requiredLiterals(re);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ format: 1, yaml, probed: [...probed], literals }));
  return { files: Object.keys(yaml).length, patterns: probed.size };
}

// ---- the model's weight table --------------------------------------------------------------------
// Layout: uint32 header length, the header (JSON), uint32 grams length, the grams (UTF-8, one per
// line), zero padding to a multiple of 4, then the rows (float32, `width` per gram, little-endian).

const ModelHeaderSchema = z.object({ format: z.literal(1), key: z.string(), grams: z.number().int().min(0), width: z.number().int().min(1), file: ModelFileSchema });

/** The model cache at `file`, or undefined when there is none (or it cannot be read). */
export function readModelCache(file: string = MODEL_CACHE_FILE): SimilarityLoadCache | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const headerLength = buf.readUInt32LE(0);
    const header = ModelHeaderSchema.parse(JSON.parse(buf.toString('utf8', 4, 4 + headerLength)));
    const gramsAt = 4 + headerLength + 4;
    const gramsEnd = gramsAt + buf.readUInt32LE(4 + headerLength);
    const grams = header.grams === 0 ? [] : buf.toString('utf8', gramsAt, gramsEnd).split('\n');
    const rowsAt = Math.ceil(gramsEnd / 4) * 4;
    const size = header.grams * header.width;
    if (grams.length !== header.grams || buf.length !== rowsAt + size * 4) return undefined;
    // Float32 views need 4-byte alignment: readFileSync gives a buffer of its own at offset 0.
    const rows = (buf.byteOffset + rowsAt) % 4 === 0 ? new Float32Array(buf.buffer, buf.byteOffset + rowsAt, size) : new Float32Array(new Uint8Array(buf.subarray(rowsAt)).buffer);
    return {
      model(text) {
        if (sha(text) !== header.key) return undefined;
        // Rows are handed out as views when looked up: no 100,000 small arrays to build (and collect) at start.
        const index = new Map<string, number>();
        grams.forEach((g, i) => index.set(g, i * header.width));
        const width = header.width;
        const table: WeightTable = {
          get(gram) {
            const at = index.get(gram);
            return at === undefined ? undefined : rows.subarray(at, at + width);
          },
          first(gram) {
            const at = index.get(gram);
            return at === undefined ? undefined : rows[at];
          },
        };
        return { file: header.file, table };
      },
    };
  } catch {
    return undefined;
  }
}

/** Writes the weight table of `dir`/weights.json to `file`. Throws, writing nothing, when the model does not load. */
export function writeModelCache(file: string = MODEL_CACHE_FILE, dir: string = DEFAULT_MODEL_DIR): { grams: number } {
  const text = fs.readFileSync(path.join(dir, 'weights.json'), 'utf8');
  const model: ModelFile = ModelFileSchema.parse(JSON.parse(text));
  const table = weightTable(model);
  const width = 1 + CATEGORY_IDS.filter((c) => model.categories[c]).length; // as weightTable lays the rows out
  const grams = [...table.keys()];
  if (grams.some((g) => g.includes('\n'))) throw new Error('an n-gram holds a line break');
  const withoutWeights: ModelFile = {
    ...model,
    weights: {},
    categories: Object.fromEntries(Object.entries(model.categories).map(([c, m]) => [c, { bias: m.bias, weights: {} }])) as ModelFile['categories'],
  };
  const header = Buffer.from(JSON.stringify({ format: 1, key: sha(text), grams: grams.length, width, file: withoutWeights }));
  const gramBytes = Buffer.from(grams.join('\n'));
  const rows = new Float32Array(grams.length * width);
  grams.forEach((g, i) => rows.set(table.get(g) as Float32Array, i * width));
  const len = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const head = Buffer.concat([len(header.length), header, len(gramBytes.length), gramBytes]);
  const padding = Buffer.alloc((4 - (head.length % 4)) % 4);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.concat([head, padding, Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength)]));
  return { grams: grams.length };
}

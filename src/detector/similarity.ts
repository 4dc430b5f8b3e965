// The statistical fallback: a character n-gram logistic regression trained on the project's
// labeled messages (npm run train). The rules chase known phrasings; this model catches the
// paraphrases they miss (「普段お使いのメッセージアプリで」「画面越しにご挨拶」) and is shown as
// one finding with its own explanation. It is consulted only when the rules alone would not
// flag the text, and the detector applies the same stage, platform, quote and negation
// policy to it as to a rule.
//
// Pure: the model is data loaded once (rules/model/), scoring is arithmetic on the folded text.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { sigmoid } from './logreg.ts';
import { DEFAULT_RULES_DIR, ExampleSchema, RuleLoadError } from './rules.ts';
import { CATEGORY_IDS, CategorySchema, type Category } from './types.ts';

/** Bump when gramText or distinctGrams change: the model file's digest includes it. */
export const FEATURE_VERSION = 3;

/** Stands for whitespace and punctuation: n-grams never span it, so layout and 。 carry no weight. */
export const GAP = '|';

/**
 * The text the n-grams are taken from, 1:1 in length with the fold: digits unified, whitespace and
 * punctuation turned into gaps (whether a writer ends with 。 or a space says nothing about scams).
 */
export function gramText(fold: string): string {
  return fold
    // Identifiers are the rules' business, not wording: a run that mixes letters with digits or
    // with URL and address punctuation (ja-073519, sakura_22, example.co.jp/x) becomes a gap, so an
    // ID or a link in an ordinary posting does not make it "resemble" a scam.
    .replace(/[a-z0-9._\-/:@%+=?&#~]+/g, (run) => (/[a-z]/.test(run) && /[0-9._/:@%+=?&#~]/.test(run) ? GAP.repeat(run.length) : run))
    .replace(/[0-9]/g, '0')
    .replace(/[\s。、，,．.！!？?・…「」『』（）()【】\[\]|:：;；~〜ー\-－―]/g, (c) => (c === 'ー' ? c : GAP))
    .replace(/[\uD800-\uDFFF]/g, '〓');
}

/** Kana and kanji in a text, at most `cap` counted: what a Japanese message is made of. */
export function contentChars(fold: string, cap = 100): number {
  let n = 0;
  for (let i = 0; i < fold.length && n < cap; i++) {
    const c = fold.charCodeAt(i);
    if ((c >= 0x3041 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || c === 0x3005) n++;
  }
  return n;
}

/** Distinct character n-grams (1..maxN) of a gram text; none spans a gap. */
export function distinctGrams(s: string, maxN: number): Set<string> {
  const out = new Set<string>();
  for (let n = 1; n <= maxN; n++) {
    for (let i = 0; i + n <= s.length; i++) {
      const g = s.slice(i, i + n);
      if (!g.includes(GAP)) out.add(g);
    }
  }
  return out;
}

export const SimilarityConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/),
    /** Weight of the finding (3 = medium on its own). */
    weight: z.number().min(0).max(10),
    /** Probability from which the text counts as resembling a scam. */
    threshold: z.number().min(0.5).max(0.99),
    description: z.string().min(2),
    /** One explanation per category: what resembles what. */
    explanations: z.record(CategorySchema, z.string().min(8)),
    training: z
      .object({
        /** Labeled JSONL files (globs relative to the repository root). */
        sources: z.array(z.string().min(1)).min(1),
        maxN: z.number().int().min(1).max(5),
        c: z.number().positive(),
        categoryC: z.number().positive(),
        /** Weights smaller than this are left out of the model file. */
        prune: z.number().min(0),
        categoryPrune: z.number().min(0),
        /**
         * Real third-party texts, read from `dir` (relative to the repository root) when it is
         * there: unlabeled postings count as legit; each line weighs `weight`.
         */
        real: z
          .object({
            dir: z.string().min(1),
            files: z.array(z.object({ file: z.string().min(1), label: z.enum(['scam', 'legit']).optional(), weight: z.number().positive() }).strict()),
          })
          .strict()
          .optional(),
      })
      .strict(),
    /** The model alone never flags a text with fewer kana and kanji than this (「ok」「Thank you」). */
    minContent: z.number().int().min(0).max(100),
    examples: z.object({ hit: z.array(ExampleSchema).min(1), miss: z.array(ExampleSchema).min(1) }).strict(),
  })
  .strict();
export type SimilarityConfig = z.infer<typeof SimilarityConfigSchema>;

// A plain loop instead of z.record: the tables hold ~100,000 entries and are checked at startup.
function isWeightTable(x: unknown): x is Record<string, number> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  for (const k in x) {
    const w: unknown = (x as Record<string, unknown>)[k];
    if (typeof w !== 'number' || !Number.isFinite(w) || k.length === 0) return false;
  }
  return true;
}
const WeightTable = z.custom<Record<string, number>>(isWeightTable, 'expected an object of n-gram → finite number');
export const ModelFileSchema = z
  .object({
    format: z.literal(1),
    /** What it was trained on: files, line counts and a digest of their contents. */
    trainedOn: z.object({ files: z.array(z.object({ file: z.string(), lines: z.number().int() })), sha256: z.string().regex(/^[0-9a-f]{64}$/), lines: z.number().int().positive() }),
    maxN: z.number().int().min(1).max(5),
    bias: z.number(),
    weights: WeightTable,
    categories: z.record(CategorySchema, z.object({ bias: z.number(), weights: WeightTable })),
  })
  .strict();
export type ModelFile = z.infer<typeof ModelFileSchema>;

export interface SimilarityScore {
  probability: number;
  /** Categories ranked by their own model, most likely first. */
  categories: Array<{ category: Category; probability: number }>;
  /** Fold [start, end) of the part of the text that weighs most towards "scam". */
  focus: [number, number];
}

export interface SimilarityModel {
  config: SimilarityConfig;
  trainedOn: ModelFile['trainedOn'];
  /** The full score when the text reaches the threshold (ranking and focus only then), else null. */
  score(fold: string): SimilarityScore | null;
  /** Probability only. */
  probability(fold: string): number;
}

export const DEFAULT_MODEL_DIR = path.join(DEFAULT_RULES_DIR, 'model');

function readYaml(file: string, dir: string): unknown {
  try {
    return YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch (e) {
    throw new RuleLoadError(`model/${file}`, undefined, '(yaml)', (e as Error).message);
  }
}

export function loadSimilarityConfig(dir: string = DEFAULT_MODEL_DIR): SimilarityConfig {
  const parsed = SimilarityConfigSchema.safeParse(readYaml('similarity.yaml', dir));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuleLoadError('model/similarity.yaml', undefined, issue?.path.join('.') || '(root)', issue?.message ?? 'invalid');
  }
  for (const c of CATEGORY_IDS) {
    if (!parsed.data.explanations[c]) throw new RuleLoadError('model/similarity.yaml', parsed.data.id, `explanations.${c}`, 'missing');
  }
  return parsed.data;
}

/** A start-up cache (src/start-cache.ts, written by the build): the weight table made from exactly this weights.json text. */
export interface SimilarityLoadCache {
  /** The model file without its weights, and its table, or undefined for another text. */
  model(weightsText: string): { file: ModelFile; table: WeightTable } | undefined;
}

export function loadSimilarity(dir: string = DEFAULT_MODEL_DIR, cache?: SimilarityLoadCache): SimilarityModel {
  const config = loadSimilarityConfig(dir);
  let raw: unknown;
  try {
    const text = fs.readFileSync(path.join(dir, 'weights.json'), 'utf8');
    const cached = cache?.model(text);
    if (cached) return createSimilarity(config, cached.file, cached.table);
    raw = JSON.parse(text);
  } catch (e) {
    throw new RuleLoadError('model/weights.json', undefined, '(json)', `${(e as Error).message} — run npm run train`);
  }
  const parsed = ModelFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuleLoadError('model/weights.json', undefined, issue?.path.join('.') || '(root)', issue?.message ?? 'invalid');
  }
  return createSimilarity(config, parsed.data);
}

/** gram → [scam weight, one weight per category of the file, in CATEGORY_IDS order]. */
export interface WeightTable {
  get(gram: string): Float32Array | undefined;
  /** The main model's weight alone (column 0), without handing out a row. */
  first(gram: string): number | undefined;
}

/**
 * One table for all models: one lookup per n-gram, and each gram string is held once. Rows are
 * `1 + categories` wide, the categories being those of CATEGORY_IDS the file has.
 */
export function weightTable(file: ModelFile): Map<string, Float32Array> & WeightTable {
  const cats = CATEGORY_IDS.filter((c) => file.categories[c]);
  const width = 1 + cats.length;
  const table = new Map<string, Float32Array>();
  const row = (g: string): Float32Array => {
    let r = table.get(g);
    if (!r) {
      r = new Float32Array(width);
      table.set(g, r);
    }
    return r;
  };
  for (const [g, w] of Object.entries(file.weights)) row(g)[0] = w;
  cats.forEach((c, k) => {
    for (const [g, w] of Object.entries((file.categories[c] as { weights: Record<string, number> }).weights)) row(g)[k + 1] = w;
  });
  return Object.assign(table, { first: (g: string): number | undefined => table.get(g)?.[0] });
}

/** The model; `table` is weightTable(file), given when already built (the start-up cache). */
export function createSimilarity(config: SimilarityConfig, file: ModelFile, table: WeightTable = weightTable(file)): SimilarityModel {
  const maxN = file.maxN;
  const cats = CATEGORY_IDS.filter((c) => file.categories[c]);
  const catBias = cats.map((c) => (file.categories[c] as { bias: number }).bias);
  const width = 1 + cats.length;

  /** The main model's probability; the category models are read only past the threshold. */
  function main(fold: string): { p: number; v: number; text: string; grams: Set<string> } {
    const text = gramText(fold);
    const grams = distinctGrams(text, maxN);
    let sum = 0;
    for (const g of grams) sum += table.first(g) ?? 0;
    const v = 1 / Math.sqrt(Math.max(1, grams.size));
    return { p: sigmoid(sum * v + file.bias), v, text, grams };
  }

  function probability(fold: string): number {
    return main(fold).p;
  }

  function score(fold: string): SimilarityScore | null {
    if (contentChars(fold) < config.minContent) return null;
    const { p, v, text, grams } = main(fold);
    if (p < config.threshold) return null;
    const sum = new Float64Array(width);
    for (const g of grams) {
      const r = table.get(g);
      if (!r) continue;
      for (let k = 1; k < width; k++) sum[k] = (sum[k] as number) + (r[k] as number);
    }
    const ranked = cats
      .map((category, k) => ({ category, probability: sigmoid((sum[k + 1] as number) * v + (catBias[k] as number)) }))
      .sort((a, b) => b.probability - a.probability);
    return { probability: p, categories: ranked, focus: focus(text, fold) };
  }

  // Spread each n-gram's weight over its characters, then take the sentence (or, in a long
  // sentence, the 40-character stretch) with the largest positive sum. Sentence ends are read
  // from the fold: in the gram text they are gaps like any other punctuation.
  function focus(text: string, fold: string): [number, number] {
    if (text.length === 0) return [0, 0];
    const contrib = new Float64Array(text.length);
    const seen = new Set<string>();
    for (let n = 1; n <= maxN; n++) {
      for (let i = 0; i + n <= text.length; i++) {
        const g = text.slice(i, i + n);
        if (g.includes(GAP) || seen.has(g)) continue;
        seen.add(g);
        const w = table.first(g);
        if (w === undefined || w === 0) continue;
        for (let k = i; k < i + n; k++) contrib[k] = (contrib[k] as number) + w / n;
      }
    }
    let best: [number, number] = [0, text.length];
    let bestSum = -Infinity;
    const breaks = /[。！？!?\n]/g;
    let start = 0;
    const consider = (a: number, b: number): void => {
      while (a < b && /\s/.test(fold[a] as string)) a++;
      if (b <= a) return;
      if (b - a > 60) {
        // Best 40-character stretch of a long sentence.
        let sum = 0;
        for (let k = a; k < a + 40; k++) sum += Math.max(0, contrib[k] as number);
        let bs = sum;
        let bi = a;
        for (let k = a + 40; k < b; k++) {
          sum += Math.max(0, contrib[k] as number) - Math.max(0, contrib[k - 40] as number);
          if (sum > bs) {
            bs = sum;
            bi = k - 39;
          }
        }
        if (bs > bestSum) {
          bestSum = bs;
          best = [bi, bi + 40];
        }
        return;
      }
      let sum = 0;
      for (let k = a; k < b; k++) sum += Math.max(0, contrib[k] as number);
      if (sum > bestSum) {
        bestSum = sum;
        best = [a, b];
      }
    };
    let m: RegExpExecArray | null;
    while ((m = breaks.exec(fold)) !== null) {
      consider(start, m.index + 1);
      start = m.index + 1;
    }
    consider(start, text.length);
    return best;
  }

  return { config, trainedOn: file.trainedOn, score, probability };
}

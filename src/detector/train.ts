// Training the similarity model from labeled lines. Pure apart from the caller handing in the
// lines: the CLI (src/cli/train.ts) reads the files and writes rules/model/weights.json.
import { createHash } from 'node:crypto';
import { fitLogReg, type SparseRow } from './logreg.ts';
import { normalize } from './normalize.ts';
import { distinctGrams, FEATURE_VERSION, gramText, type ModelFile, type SimilarityConfig } from './similarity.ts';
import { CATEGORY_IDS, type Category } from './types.ts';

export interface TrainingLine {
  text: string;
  label: 'scam' | 'legit';
  cats: Category[];
  /** How much the line counts in the fit (default 1). */
  weight?: number;
}

export interface TrainingSource {
  file: string;
  /** The file's bytes, for the digest that tells whether the model is current. */
  content: string;
  lines: TrainingLine[];
}

/** Digest of the training settings and data: the model file records it; a test compares. */
export function trainingDigest(config: SimilarityConfig, sources: TrainingSource[]): string {
  const h = createHash('sha256');
  h.update(`features v${FEATURE_VERSION}\0`);
  h.update(JSON.stringify(config.training));
  for (const s of sources) {
    h.update(`\0${s.file}\0`);
    h.update(s.content);
  }
  return h.digest('hex');
}

interface Featurised {
  rows: SparseRow[];
  vocab: string[];
}

function featurise(lines: TrainingLine[], maxN: number): Featurised {
  const index = new Map<string, number>();
  const vocab: string[] = [];
  const rows = lines.map((l) => {
    const grams = distinctGrams(gramText(normalize(l.text).fold), maxN);
    const idx = new Int32Array(grams.size);
    let k = 0;
    for (const g of grams) {
      let j = index.get(g);
      if (j === undefined) {
        j = vocab.length;
        index.set(g, j);
        vocab.push(g);
      }
      idx[k++] = j;
    }
    return { idx, norm: grams.size };
  });
  return { rows, vocab };
}

function table(vocab: string[], w: Float64Array, prune: number): Record<string, number> {
  const entries: Array<[string, number]> = [];
  for (let j = 0; j < vocab.length; j++) {
    const x = w[j] as number;
    if (Math.abs(x) >= prune && Math.abs(x) > 0) entries.push([vocab[j] as string, Math.round(x * 1000) / 1000]);
  }
  // Strongest first, so the head of the file reads as "what the model learned".
  entries.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(entries);
}

export interface TrainOptions {
  /** Reuse these category models instead of fitting them (cross-validation of the main model). */
  categories?: ModelFile['categories'];
}

export function trainSimilarity(config: SimilarityConfig, sources: TrainingSource[], opts: TrainOptions = {}): ModelFile {
  const t = config.training;
  const lines = sources.flatMap((s) => s.lines);
  const { rows, vocab } = featurise(lines, t.maxN);
  const y = Float64Array.from(lines, (l) => (l.label === 'scam' ? 1 : 0));
  const sampleWeights = Float64Array.from(lines, (l) => l.weight ?? 1);
  const main = fitLogReg(rows, y, vocab.length, { c: t.c, sampleWeights });

  const scamIdx = lines.map((l, i) => (l.label === 'scam' ? i : -1)).filter((i) => i >= 0);
  const scamRows = scamIdx.map((i) => rows[i] as SparseRow);
  const categories = opts.categories ?? ({} as ModelFile['categories']);
  for (const c of opts.categories ? [] : CATEGORY_IDS) {
    const yc = Float64Array.from(scamIdx, (i) => ((lines[i] as TrainingLine).cats.includes(c) ? 1 : 0));
    if (!yc.some((v) => v === 1)) continue;
    const fit = fitLogReg(scamRows, yc, vocab.length, { c: t.categoryC, sampleWeights: Float64Array.from(scamIdx, (i) => (lines[i] as TrainingLine).weight ?? 1) });
    categories[c] = { bias: Math.round(fit.bias * 10000) / 10000, weights: table(vocab, fit.weights, t.categoryPrune) };
  }
  return {
    format: 1,
    trainedOn: {
      files: sources.map((s) => ({ file: s.file, lines: s.lines.length })),
      sha256: trainingDigest(config, sources),
      lines: lines.length,
    },
    maxN: t.maxN,
    bias: Math.round(main.bias * 10000) / 10000,
    weights: table(vocab, main.weights, t.prune),
    categories,
  };
}

// npm run train: rebuild rules/model/weights.json from the labeled files named in
// rules/model/similarity.yaml.
//   npm run train                 train on every source, write weights.json
//   npm run train -- --check      exit 1 if weights.json is not the model of the current sources
//   npm run train -- --cv         leave each source file out in turn: the rules alone vs. rules +
//                                 the model trained without that file, on that file
//   npm run train -- --eval F…    train on every source (in memory), then score labeled files F
//   npm run train -- --cv-real    k-fold over the real texts (../shared/corpus/real): each fold
//                                 scored by a model trained without it (--folds K, default 5;
//                                 --dump FILE writes each line's levels and probability;
//                                 --threshold T scores at T instead of the configured threshold)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDetector } from '../detector/detect.ts';
import { normalize } from '../detector/normalize.ts';
import { loadRules } from '../detector/rules.ts';
import { createSimilarity, DEFAULT_MODEL_DIR, loadSimilarityConfig, type SimilarityConfig, type SimilarityModel } from '../detector/similarity.ts';
import { buildTokenizer } from '../detector/tokenizer.ts';
import { trainingDigest, trainSimilarity, type TrainingSource } from '../detector/train.ts';
import { z } from 'zod';
import { CategorySchema } from '../detector/types.ts';
import { evaluate, loadGold } from './eval.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function resolveSources(config: SimilarityConfig, root = ROOT): string[] {
  const files: string[] = [];
  for (const s of config.training.sources) {
    const abs = path.join(root, s);
    if (s.endsWith('/')) {
      for (const f of fs.readdirSync(abs).filter((x) => x.endsWith('.jsonl')).sort()) files.push(path.join(s, f));
    } else {
      files.push(s);
    }
  }
  return files;
}

// A real posting has no label: {"id", "text", "source"}.
const RealLineSchema = z.object({ text: z.string(), label: z.enum(['scam', 'legit']).optional(), cats: z.array(CategorySchema).default([]) });

/** The real third-party files the settings name, as paths relative to the root, and which are there. */
interface RealFile {
  file: string;
  present: boolean;
  label?: 'scam' | 'legit' | undefined;
  weight: number;
}

export function realFiles(config: SimilarityConfig, root = ROOT): RealFile[] {
  const real = config.training.real;
  if (!real) return [];
  return real.files.map((f) => {
    const file = path.join(real.dir, f.file);
    return { file, present: fs.existsSync(path.join(root, file)), label: f.label, weight: f.weight };
  });
}

function readReal(f: RealFile, root: string): TrainingSource {
  const content = fs.readFileSync(path.join(root, f.file), 'utf8');
  const lines = content
    .split('\n')
    .filter((l) => l.trim())
    .map((l, k) => {
      const r = RealLineSchema.safeParse(JSON.parse(l));
      const lab = r.success ? (f.label ?? r.data.label) : undefined;
      if (!r.success || !lab) throw new Error(`${f.file}:${k + 1}: needs text and a label (or a label in similarity.yaml)`);
      return { text: r.data.text, label: lab, cats: r.data.cats, weight: f.weight };
    });
  return { file: f.file, content, lines };
}

/** Training sources: the labeled sets in the repository, then the real texts that are present. */
export function readSources(config: SimilarityConfig, root = ROOT): TrainingSource[] {
  const own = resolveSources(config, root).map((file) => ({
    file,
    content: fs.readFileSync(path.join(root, file), 'utf8'),
    lines: loadGold(path.join(root, file)).map((g) => ({ text: g.text, label: g.label, cats: g.cats })),
  }));
  const real = realFiles(config, root)
    .filter((f) => f.present)
    .map((f) => readReal(f, root));
  return [...own, ...real];
}

/**
 * Is weights.json the model of the current sources and settings? `unverifiable` names real files
 * the model was trained on that are not here (a checkout without ../shared): then it cannot say.
 */
export function modelIsCurrent(dir = DEFAULT_MODEL_DIR, root = ROOT): { current: boolean; recorded: string; actual: string; unverifiable: string[] } {
  const config = loadSimilarityConfig(dir);
  const actual = trainingDigest(config, readSources(config, root));
  let recorded = '';
  let files: string[] = [];
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'weights.json'), 'utf8'));
    if (raw && typeof raw === 'object' && 'trainedOn' in raw) {
      const t = (raw as { trainedOn: unknown }).trainedOn;
      if (t && typeof t === 'object' && 'sha256' in t && typeof t.sha256 === 'string') recorded = t.sha256;
      if (t && typeof t === 'object' && 'files' in t && Array.isArray(t.files)) files = t.files.map((f: unknown) => (f && typeof f === 'object' && 'file' in f ? String(f.file) : ''));
    }
  } catch {
    recorded = '';
  }
  const unverifiable = realFiles(config, root)
    .filter((f) => !f.present && files.includes(f.file))
    .map((f) => f.file);
  return { current: recorded === actual, recorded, actual, unverifiable };
}

const pct = (x: number): string => x.toFixed(3);

export async function runTrain(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      cv: { type: 'boolean', default: false },
      eval: { type: 'boolean', default: false },
      'cv-real': { type: 'boolean', default: false },
      folds: { type: 'string', default: '5' },
      dump: { type: 'string' },
      threshold: { type: 'string' },
    },
  });
  const config = loadSimilarityConfig();
  if (values.check) {
    const r = modelIsCurrent();
    if (r.unverifiable.length > 0) {
      process.stdout.write(`cannot check weights.json here: it was trained on ${r.unverifiable.join(', ')}, which is not beside this checkout\n`);
      return 0;
    }
    process.stdout.write(r.current ? 'weights.json is current\n' : `weights.json is stale (recorded ${r.recorded.slice(0, 12) || 'none'}, sources ${r.actual.slice(0, 12)}): run npm run train\n`);
    return r.current ? 0 : 1;
  }
  for (const f of realFiles(config)) {
    process.stdout.write(
      f.present
        ? `real texts: ${f.file} (weight ${f.weight}${f.label ? `, all ${f.label}` : ''})\n`
        : `real texts: ${f.file} is not here; training without it\n`,
    );
  }
  const sources = readSources(config);
  if (values['cv-real']) {
    // --threshold lowers the model's threshold for the run, so one --dump can be read at any higher one.
    const t = values.threshold === undefined ? undefined : Number(values.threshold);
    return crossValidateReal(t === undefined || !Number.isFinite(t) ? config : { ...config, threshold: t }, sources, Number(values.folds), values.dump);
  }
  if (values.cv || values.eval) {
    const rules = loadRules();
    const tokenizer = await buildTokenizer();
    const run = (file: string, model: SimilarityModel | undefined) => {
      const gold = loadGold(path.isAbsolute(file) ? file : path.join(ROOT, file));
      const det = createDetector(tokenizer, rules, { similarity: model });
      return evaluate(gold, (g) => ({ verdict: det.check(g.text, { platform: g.platform, stage: g.stage }), refusal: true }));
    };
    const targets = values.cv ? sources.map((s) => ({ file: s.file, train: sources.filter((o) => o !== s) })) : positionals.map((file) => ({ file, train: sources }));
    let sum = { rr: 0, rf: 0, mr: 0, mf: 0, n: 0 };
    const full = values.eval ? createSimilarity(config, trainSimilarity(config, sources)) : undefined;
    process.stdout.write('file                                   n     rules recall/fpr   rules+model recall/fpr  category\n');
    for (const t of targets) {
      const model = full ?? createSimilarity(config, trainSimilarity(config, t.train));
      const a = run(t.file, undefined);
      const b = run(t.file, model);
      sum = { rr: sum.rr + a.recall, rf: sum.rf + a.fpr, mr: sum.mr + b.recall, mf: sum.mf + b.fpr, n: sum.n + 1 };
      process.stdout.write(`${t.file.padEnd(38)} ${String(a.n).padStart(4)}   ${pct(a.recall)} / ${pct(a.fpr)}      ${pct(b.recall)} / ${pct(b.fpr)}        ${pct(b.categoryMatch)}\n`);
      if (positionals.length > 0 && values.eval) {
        for (const m of b.misses) process.stdout.write(`    FN ${m.id} (${m.level}) ${m.text.replace(/\s+/g, ' ').slice(0, 70)}\n`);
        for (const m of b.falsePositives) process.stdout.write(`    FP ${m.id} (${m.level}) [${m.rules.join(',')}] ${m.text.replace(/\s+/g, ' ').slice(0, 70)}\n`);
      }
    }
    if (sum.n > 1) {
      process.stdout.write(`${'mean'.padEnd(38)}        ${pct(sum.rr / sum.n)} / ${pct(sum.rf / sum.n)}      ${pct(sum.mr / sum.n)} / ${pct(sum.mf / sum.n)}\n`);
    }
    return 0;
  }
  const started = Date.now();
  const model = trainSimilarity(config, sources);
  const out = path.join(DEFAULT_MODEL_DIR, 'weights.json');
  fs.writeFileSync(out, `${JSON.stringify(model)}\n`);
  const kb = Math.round(fs.statSync(out).size / 1024);
  process.stdout.write(
    `trained on ${model.trainedOn.lines} lines from ${sources.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.keys(model.weights).length} n-grams, ${Object.keys(model.categories).length} category models, ${kb} KB → ${path.relative(ROOT, out)}\n`,
  );
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runTrain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`train: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}

/**
 * k-fold cross-validation over the real texts: each fold is scored by a model trained on everything
 * else, so the real-text numbers are not numbers on the training data. Labeled real files report
 * recall / FPR; unlabeled postings report how many are rated high and medium.
 */
async function crossValidateReal(config: SimilarityConfig, sources: TrainingSource[], folds: number, dumpFile?: string): Promise<number> {
  const realNames = new Set(realFiles(config).map((f) => f.file));
  const real = sources.filter((s) => realNames.has(s.file));
  if (real.length === 0) {
    process.stdout.write('no real texts beside this checkout: nothing to cross-validate\n');
    return 1;
  }
  const rules = loadRules();
  const tokenizer = await buildTokenizer();
  const k = Math.max(2, Math.min(20, Number.isFinite(folds) ? folds : 5));
  const dump: string[] | null = dumpFile ? [] : null;
  const rulesOnly = createDetector(tokenizer, rules);
  // The category models only choose the finding's category; they are fitted once, on everything.
  const { categories } = trainSimilarity(config, sources);
  for (const src of real) {
    const labeled = !realFiles(config).find((f) => f.file === src.file)?.label;
    const levels: Record<string, number> = { high: 0, medium: 0, low: 0, none: 0 };
    let tp = 0;
    let fn = 0;
    let fp = 0;
    let tn = 0;
    for (let f = 0; f < k; f++) {
      const held = src.lines.filter((_, i) => i % k === f);
      const train = sources.map((s) => (s === src ? { ...s, content: `${s.content}\0fold ${f}`, lines: s.lines.filter((_, i) => i % k !== f) } : s));
      const model = createSimilarity(config, trainSimilarity(config, train, { categories }));
      const det = createDetector(tokenizer, rules, { similarity: model });
      for (const line of held) {
        const v = det.check(line.text);
        if (dump) {
          const alone = rulesOnly.check(line.text);
          dump.push(JSON.stringify({ file: src.file, label: line.label, level: v.level, rulesLevel: alone.level, p: Math.round(model.probability(normalize(line.text).fold) * 1000) / 1000, model: v.findings.some((x) => x.rule === config.id) }));
        }
        levels[v.level] = (levels[v.level] ?? 0) + 1;
        const flagged = v.level === 'high' || v.level === 'medium';
        if (line.label === 'scam') flagged ? tp++ : fn++;
        else flagged ? fp++ : tn++;
      }
    }
    const n = src.lines.length;
    const share = (x: number): string => ((100 * x) / n).toFixed(1);
    process.stdout.write(
      labeled
        ? `${src.file} (${k}-fold, n=${n}): recall ${pct(tp / Math.max(1, tp + fn))}, FPR ${pct(fp / Math.max(1, fp + tn))}\n`
        : `${src.file} (${k}-fold, n=${n}): high ${share(levels.high ?? 0)}%, medium ${share(levels.medium ?? 0)}%, low ${share(levels.low ?? 0)}%, none ${share(levels.none ?? 0)}%\n`,
    );
  }
  if (dump && dumpFile) fs.writeFileSync(dumpFile, `${dump.join('\n')}\n`);
  return 0;
}

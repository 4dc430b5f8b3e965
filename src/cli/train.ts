// npm run train: rebuild rules/model/weights.json from the labeled files named in
// rules/model/similarity.yaml.
//   npm run train                 train on every source, write weights.json
//   npm run train -- --check      exit 1 if weights.json is not the model of the current sources
//   npm run train -- --cv         leave each source file out in turn: the rules alone vs. rules +
//                                 the model trained without that file, on that file
//   npm run train -- --eval F…    train on every source (in memory), then score labeled files F
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDetector } from '../detector/detect.ts';
import { loadRules } from '../detector/rules.ts';
import { createSimilarity, DEFAULT_MODEL_DIR, loadSimilarityConfig, type SimilarityConfig, type SimilarityModel } from '../detector/similarity.ts';
import { buildTokenizer } from '../detector/tokenizer.ts';
import { trainingDigest, trainSimilarity, type TrainingSource } from '../detector/train.ts';
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

export function readSources(config: SimilarityConfig, root = ROOT): TrainingSource[] {
  return resolveSources(config, root).map((file) => ({
    file,
    content: fs.readFileSync(path.join(root, file), 'utf8'),
    lines: loadGold(path.join(root, file)).map((g) => ({ text: g.text, label: g.label, cats: g.cats })),
  }));
}

/** Is weights.json the model of the current sources and settings? */
export function modelIsCurrent(dir = DEFAULT_MODEL_DIR, root = ROOT): { current: boolean; recorded: string; actual: string } {
  const config = loadSimilarityConfig(dir);
  const actual = trainingDigest(config, readSources(config, root));
  let recorded = '';
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'weights.json'), 'utf8'));
    if (raw && typeof raw === 'object' && 'trainedOn' in raw) {
      const t = (raw as { trainedOn: unknown }).trainedOn;
      if (t && typeof t === 'object' && 'sha256' in t && typeof t.sha256 === 'string') recorded = t.sha256;
    }
  } catch {
    recorded = '';
  }
  return { current: recorded === actual, recorded, actual };
}

const pct = (x: number): string => x.toFixed(3);

export async function runTrain(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { check: { type: 'boolean', default: false }, cv: { type: 'boolean', default: false }, eval: { type: 'boolean', default: false } },
  });
  const config = loadSimilarityConfig();
  if (values.check) {
    const r = modelIsCurrent();
    process.stdout.write(r.current ? 'weights.json is current\n' : `weights.json is stale (recorded ${r.recorded.slice(0, 12) || 'none'}, sources ${r.actual.slice(0, 12)}): run npm run train\n`);
    return r.current ? 0 : 1;
  }
  const sources = readSources(config);
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

// Quality gate on the labeled corpus written for this project (test/fixtures/corpus.jsonl):
// recall ≥ 0.97 and false-positive rate ≤ 0.03. holdout.jsonl and extra/set-*.jsonl are further
// sets, each written independently from domain.md by a different author; each was measured fresh
// once (numbers in the README) and then used for tuning, so they now guard against regressions.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, formatEval, loadGold, type EvalResult } from '../../src/cli/eval.ts';
import { sharedEngine } from '../helpers/engine.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
let corpus: EvalResult;
let holdout: EvalResult;
const extra = new Map<string, EvalResult>();

beforeAll(async () => {
  const engine = await sharedEngine();
  const run = (file: string) => evaluate(loadGold(path.join(fixtures, file)), (g) => engine.analyse(g.text, { platform: g.platform, stage: g.stage }));
  corpus = run('corpus.jsonl');
  holdout = run('holdout.jsonl');
  for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'ordinary', 'ordinary2']) extra.set(name, run(`extra/set-${name}.jsonl`));
  for (const name of Object.keys(WRITTEN)) written.set(name, run(`written/set-${name}.jsonl`));
});

// The newest written sets (written/): a mix of messages, postings, notices, articles and questions
// about received messages, as real text comes, each by a new writer who saw only the spec. Each was
// measured once before any tuning (the first-look numbers are in the README), then used to widen the
// rules and to train the model. Each keeps the level it has now: recall at least, false-positive rate
// at most.
const WRITTEN: Record<string, { recall: number; fpr: number }> = {
  z: { recall: 0.98, fpr: 0.02 },
  aa: { recall: 0.97, fpr: 0.03 },
  ab: { recall: 0.95, fpr: 0.02 },
  ac: { recall: 0.97, fpr: 0.03 },
  ad: { recall: 0.97, fpr: 0.02 },
  ae: { recall: 0.97, fpr: 0.02 },
  af: { recall: 0.98, fpr: 0.01 },
  ag: { recall: 0.98, fpr: 0.01 },
  ah: { recall: 0.98, fpr: 0.03 },
  ai: { recall: 0.97, fpr: 0.02 },
  aj: { recall: 0.98, fpr: 0.03 },
  ak: { recall: 0.98, fpr: 0.03 },
  al: { recall: 0.97, fpr: 0.03 },
  am: { recall: 0.97, fpr: 0.04 },
  an: { recall: 0.97, fpr: 0.02 },
  ao: { recall: 0.97, fpr: 0.03 },
  ap: { recall: 0.91, fpr: 0.04 },
  aq: { recall: 0.96, fpr: 0.03 },
  ar: { recall: 0.98, fpr: 0.03 },
  as: { recall: 0.97, fpr: 0.05 },
  at: { recall: 0.93, fpr: 0.02 },
  au: { recall: 0.97, fpr: 0.02 },
  av: { recall: 0.98, fpr: 0.01 },
  aw: { recall: 0.98, fpr: 0.01 },
  ba: { recall: 0.98, fpr: 0.01 },
  bb: { recall: 0.98, fpr: 0.02 },
  bc: { recall: 0.98, fpr: 0.01 },
  bd: { recall: 0.98, fpr: 0.01 },
  be: { recall: 0.98, fpr: 0.01 },
  bf: { recall: 0.98, fpr: 0.01 },
  bg: { recall: 0.98, fpr: 0.02 },
  bh: { recall: 0.98, fpr: 0.01 },
  bi: { recall: 0.98, fpr: 0.02 },
  bj: { recall: 0.96, fpr: 0.04 },
  bk: { recall: 0.98, fpr: 0.03 },
  bl: { recall: 0.98, fpr: 0.03 },
  ax: { recall: 0.95, fpr: 0.03 },
  ay: { recall: 0.95, fpr: 0.04 },
  az: { recall: 0.95, fpr: 0.06 },
  bm: { recall: 0.98, fpr: 0.01 },
  bn: { recall: 0.97, fpr: 0.02 },
  bo: { recall: 0.98, fpr: 0.01 },
  bs: { recall: 0.98, fpr: 0.02 },
  bt: { recall: 0.98, fpr: 0.01 },
  bu: { recall: 0.98, fpr: 0.01 },
  bv: { recall: 0.98, fpr: 0.04 },
  bw: { recall: 0.97, fpr: 0.01 },
  bx: { recall: 0.98, fpr: 0.01 },
  by: { recall: 0.98, fpr: 0.03 },
  bz: { recall: 0.98, fpr: 0.01 },
  ca: { recall: 0.98, fpr: 0.01 },
  cb: { recall: 0.98, fpr: 0.01 },
  cc: { recall: 0.98, fpr: 0.01 },
  cd: { recall: 0.98, fpr: 0.03 },
  ce: { recall: 0.98, fpr: 0.01 },
  cf: { recall: 0.98, fpr: 0.03 },
  cg: { recall: 0.98, fpr: 0.01 },
  ck: { recall: 0.98, fpr: 0.01 },
  cl: { recall: 0.98, fpr: 0.02 },
  cm: { recall: 0.98, fpr: 0.01 },
  cn: { recall: 0.98, fpr: 0.01 },
  co: { recall: 0.98, fpr: 0.02 },
  cp: { recall: 0.98, fpr: 0.01 },
  ct: { recall: 0.98, fpr: 0.01 },
  cu: { recall: 0.98, fpr: 0.01 },
  cv: { recall: 0.98, fpr: 0.01 },
  cw: { recall: 0.98, fpr: 0.03 },
  cx: { recall: 0.98, fpr: 0.01 },
  cy: { recall: 0.98, fpr: 0.02 },
  cz: { recall: 0.98, fpr: 0.01 },
  da: { recall: 0.98, fpr: 0.02 },
  db: { recall: 0.98, fpr: 0.01 },
  dg: { recall: 0.98, fpr: 0.04 },
  de: { recall: 0.98, fpr: 0.01 },
  df: { recall: 0.97, fpr: 0.01 },
  dh: { recall: 0.98, fpr: 0.01 },
  di: { recall: 0.98, fpr: 0.01 },
  dj: { recall: 0.98, fpr: 0.01 },
  dm: { recall: 0.98, fpr: 0.03 },
  dn: { recall: 0.95, fpr: 0.03 },
  do: { recall: 0.98, fpr: 0.01 },
  // Held out until every set above was tuned on, measured once, then trained on as they stand.
  bp: { recall: 0.98, fpr: 0.04 },
  bq: { recall: 0.93, fpr: 0.03 },
  br: { recall: 0.96, fpr: 0.07 },
  // Held out until ce–cm were tuned on, measured once, then trained on as they stand.
  ch: { recall: 0.95, fpr: 0.02 },
  ci: { recall: 0.98, fpr: 0.03 },
  cj: { recall: 0.98, fpr: 0.05 },
  // Held out until cn–cy were tuned on, measured once, then tuned on and trained on.
  cq: { recall: 0.98, fpr: 0.03 },
  cr: { recall: 0.98, fpr: 0.04 },
  cs: { recall: 0.98, fpr: 0.01 },
  // Held out until cz–dg were tuned on, measured once, then tuned on and trained on.
  dc: { recall: 0.98, fpr: 0.01 },
  dd: { recall: 0.98, fpr: 0.01 },
};
const written = new Map<string, EvalResult>();

describe('labeled corpus', () => {
  it('is large and hard enough to mean something', () => {
    const lines = loadGold(path.join(fixtures, 'corpus.jsonl'));
    expect(lines.length).toBeGreaterThanOrEqual(300);
    expect(lines.filter((l) => l.label === 'legit').length / lines.length).toBeGreaterThanOrEqual(0.4);
    const lengths = lines.map((l) => l.text.length);
    expect(Math.min(...lengths)).toBeLessThanOrEqual(10);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(2000);
  });

  it('catches at least 97% of scams with at most 3% false positives', () => {
    expect(corpus.recall, formatEval(corpus)).toBeGreaterThanOrEqual(0.97);
    expect(corpus.fpr, formatEval(corpus)).toBeLessThanOrEqual(0.03);
  });

  it('names an expected category for at least 85% of caught scams and always offers a refusal', () => {
    expect(corpus.categoryMatch).toBeGreaterThanOrEqual(0.85);
    expect(corpus.refusalCoverage).toBe(1);
  });

  it.each(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y'])('holds the bar on extra set %s (written independently, then used for tuning)', (name) => {
    const r = extra.get(name) as EvalResult;
    expect(r.recall, formatEval(r)).toBeGreaterThanOrEqual(0.93);
    expect(r.fpr, formatEval(r)).toBeLessThanOrEqual(0.04);
  });

  it('finds the one dangerous sentence in long template-built postings (set m) for most of them', () => {
    const r = extra.get('m') as EvalResult;
    expect(r.recall, formatEval(r)).toBeGreaterThanOrEqual(0.85);
    expect(r.fpr, formatEval(r)).toBeLessThanOrEqual(0.04);
  });

  it.each(Object.entries(WRITTEN))('keeps its level on written set %s', (name, bar) => {
    const r = written.get(name) as EvalResult;
    expect(r.recall, formatEval(r)).toBeGreaterThanOrEqual(bar.recall);
    expect(r.fpr, formatEval(r)).toBeLessThanOrEqual(bar.fpr);
  });

  it('stays quiet on short ordinary lines: greetings, a posting’s call to apply, status updates (set ordinary)', () => {
    const r = extra.get('ordinary') as EvalResult;
    expect(r.legits).toBeGreaterThanOrEqual(200);
    expect(r.fpr, formatEval(r)).toBeLessThanOrEqual(0.01);
  });

  it('stays quiet on everyday work talk: schedules, files, invoices, fees asked about, escrow waited for (set ordinary2)', () => {
    const r = extra.get('ordinary2') as EvalResult;
    expect(r.legits).toBeGreaterThanOrEqual(400);
    expect(r.fpr, formatEval(r)).toBeLessThanOrEqual(0.015);
  });

  it('holds the unseen-data bar on the independently written holdout set', () => {
    expect(holdout.recall, formatEval(holdout)).toBeGreaterThanOrEqual(0.95);
    expect(holdout.fpr, formatEval(holdout)).toBeLessThanOrEqual(0.05);
    expect(holdout.categoryMatch).toBeGreaterThanOrEqual(0.85);
  });
});

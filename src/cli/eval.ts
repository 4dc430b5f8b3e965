// `gaibu-guard eval FILE`: a rule's worth as a number. For a labeled JSONL corpus it prints
// recall, false-positive rate, category match, per-rule hits on scam vs. legit lines with
// SpamAssassin's S/O ratio, and every miss and false positive.
import fs from 'node:fs';
import { z } from 'zod';
import { createEngine } from '../engine.ts';
import { CategorySchema, LevelSchema, PlatformSchema, StageSchema, type Verdict } from '../detector/types.ts';

export const GoldLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  label: z.enum(['scam', 'legit']),
  level: LevelSchema.optional(),
  cats: z.array(CategorySchema).default([]),
  kind: z.string().optional(),
  platform: PlatformSchema.optional(),
  stage: StageSchema.optional(),
});
export type GoldLine = z.infer<typeof GoldLineSchema>;

export interface RuleStat {
  rule: string;
  scam: number;
  legit: number;
  /** S/O: share of the rule's hits that are on scam lines */
  so: number;
}

export interface EvalResult {
  n: number;
  scams: number;
  legits: number;
  recall: number;
  fpr: number;
  precision: number;
  categoryMatch: number;
  refusalCoverage: number;
  misses: Array<{ id: string; level: string; text: string }>;
  falsePositives: Array<{ id: string; level: string; text: string; rules: string[] }>;
  categoryMisses: Array<{ id: string; got: string[]; want: string[] }>;
  rules: RuleStat[];
}

/** The non-empty lines of a JSONL file, each checked by `schema`; an error names file and line. */
function readJsonl<S extends z.ZodTypeAny>(file: string, schema: S): Array<z.output<S>> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, k) => {
      const r = schema.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${file}:${k + 1}: ${r.error.issues[0]?.message}`);
      return r.data as z.output<S>;
    });
}

export function loadGold(file: string): GoldLine[] {
  return readJsonl(file, GoldLineSchema);
}

export function evaluate(lines: GoldLine[], check: (g: GoldLine) => { verdict: Verdict; refusal: unknown }): EvalResult {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  let catOk = 0;
  let refusals = 0;
  const misses: EvalResult['misses'] = [];
  const falsePositives: EvalResult['falsePositives'] = [];
  const categoryMisses: EvalResult['categoryMisses'] = [];
  const stats = new Map<string, { scam: number; legit: number }>();
  for (const g of lines) {
    const { verdict: v, refusal } = check(g);
    const flagged = v.level === 'high' || v.level === 'medium';
    for (const f of v.findings) {
      const s = stats.get(f.rule) ?? { scam: 0, legit: 0 };
      if (g.label === 'scam') s.scam += 1;
      else s.legit += 1;
      stats.set(f.rule, s);
    }
    if (g.label === 'scam') {
      if (flagged) {
        tp += 1;
        if (refusal) refusals += 1;
        if (g.cats.length === 0 || v.categories.some((c) => g.cats.includes(c))) catOk += 1;
        else categoryMisses.push({ id: g.id, got: v.categories, want: g.cats });
      } else {
        fn += 1;
        misses.push({ id: g.id, level: v.level, text: g.text });
      }
    } else if (flagged) {
      fp += 1;
      if (refusal) refusals += 1;
      falsePositives.push({ id: g.id, level: v.level, text: g.text, rules: v.findings.map((f) => f.rule) });
    } else {
      tn += 1;
    }
  }
  const rules = [...stats.entries()]
    .map(([rule, s]) => ({ rule, ...s, so: s.scam / (s.scam + s.legit) }))
    .sort((a, b) => b.scam + b.legit - (a.scam + a.legit));
  return {
    n: lines.length,
    scams: tp + fn,
    legits: fp + tn,
    recall: tp + fn ? tp / (tp + fn) : 0,
    fpr: fp + tn ? fp / (fp + tn) : 0,
    precision: tp + fp ? tp / (tp + fp) : 0,
    categoryMatch: tp ? catOk / tp : 0,
    refusalCoverage: tp + fp ? refusals / (tp + fp) : 0,
    misses,
    falsePositives,
    categoryMisses,
    rules,
  };
}

const short = (s: string): string => {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 70 ? `${one.slice(0, 70)}…` : one;
};

export function formatEval(r: EvalResult, quiet = false): string {
  const out: string[] = [];
  out.push(
    `n=${r.n} (scam ${r.scams}, legit ${r.legits})  recall=${r.recall.toFixed(3)}  fpr=${r.fpr.toFixed(3)}  precision=${r.precision.toFixed(3)}  category_match=${r.categoryMatch.toFixed(3)}  refusals=${r.refusalCoverage.toFixed(3)}`,
  );
  out.push('');
  out.push('rule                                   scam  legit   S/O');
  for (const s of r.rules) out.push(`${s.rule.padEnd(38)} ${String(s.scam).padStart(5)} ${String(s.legit).padStart(6)}  ${s.so.toFixed(2)}`);
  if (!quiet) {
    out.push('');
    out.push(`misses (${r.misses.length}):`);
    for (const m of r.misses) out.push(`  FN ${m.id} (${m.level}) ${short(m.text)}`);
    out.push(`false positives (${r.falsePositives.length}):`);
    for (const m of r.falsePositives) out.push(`  FP ${m.id} (${m.level}) [${m.rules.join(',')}] ${short(m.text)}`);
    out.push(`category misses (${r.categoryMisses.length}):`);
    for (const m of r.categoryMisses) out.push(`  CAT ${m.id} got [${m.got.join(',')}] want [${m.want.join(',')}]`);
  }
  return out.join('\n');
}

/** An unlabeled line (real postings): just an id and a text. */
export const UnlabeledLineSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), text: z.string(), platform: PlatformSchema.optional(), stage: StageSchema.optional() });
export type UnlabeledLine = z.infer<typeof UnlabeledLineSchema>;

export interface UnlabeledResult {
  n: number;
  levels: Record<string, number>;
  kinds: Record<string, number>;
  /** Per rule: on how many lines it fired, and on how many of those the text was flagged. */
  rules: Array<{ rule: string; hits: number; share: number; flagged: number }>;
  flagged: Array<{ id: string; level: string; rules: string[]; text: string }>;
}

/**
 * For unlabeled files (real job postings, mostly ordinary work): how the levels fall, and how often
 * each rule fires. A rule that fires on more than a few percent of ordinary postings needs context.
 */
export function evaluateUnlabeled(lines: UnlabeledLine[], check: (l: UnlabeledLine) => Verdict): UnlabeledResult {
  const levels: Record<string, number> = { high: 0, medium: 0, low: 0, none: 0 };
  const kinds: Record<string, number> = {};
  const stats = new Map<string, { hits: number; flagged: number }>();
  const flagged: UnlabeledResult['flagged'] = [];
  for (const l of lines) {
    const v = check(l);
    levels[v.level] = (levels[v.level] ?? 0) + 1;
    kinds[v.kind] = (kinds[v.kind] ?? 0) + 1;
    const isFlagged = v.level === 'high' || v.level === 'medium';
    for (const rule of new Set(v.findings.map((f) => f.rule))) {
      const st = stats.get(rule) ?? { hits: 0, flagged: 0 };
      st.hits += 1;
      if (isFlagged) st.flagged += 1;
      stats.set(rule, st);
    }
    if (isFlagged) flagged.push({ id: l.id, level: v.level, rules: v.findings.map((f) => f.rule), text: l.text });
  }
  const rules = [...stats.entries()].map(([rule, st]) => ({ rule, hits: st.hits, share: st.hits / Math.max(1, lines.length), flagged: st.flagged })).sort((a, b) => b.hits - a.hits);
  return { n: lines.length, levels, kinds, rules, flagged };
}

export function formatUnlabeled(r: UnlabeledResult, quiet = false): string {
  const pct = (x: number): string => `${((100 * x) / Math.max(1, r.n)).toFixed(1)}%`;
  const out: string[] = [];
  out.push(`n=${r.n} (unlabeled)  high=${pct(r.levels.high ?? 0)}  medium=${pct(r.levels.medium ?? 0)}  low=${pct(r.levels.low ?? 0)}  none=${pct(r.levels.none ?? 0)}`);
  out.push(`kinds: ${Object.entries(r.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  out.push('');
  out.push('rule                                   lines  share  flagged');
  for (const s of r.rules) out.push(`${s.rule.padEnd(38)} ${String(s.hits).padStart(5)} ${`${(100 * s.share).toFixed(1)}%`.padStart(6)} ${String(s.flagged).padStart(8)}${s.share > 0.03 && s.flagged > 0 ? '  ← fires on many ordinary lines' : ''}`);
  if (!quiet) {
    out.push('');
    out.push(`flagged (${r.flagged.length}):`);
    for (const m of r.flagged) out.push(`  ${m.id} (${m.level}) [${m.rules.join(',')}] ${short(m.text)}`);
  }
  return out.join('\n');
}

function isLabeled(file: string): boolean {
  const first = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.trim());
  if (!first) return true;
  try {
    const o: unknown = JSON.parse(first);
    return typeof o === 'object' && o !== null && 'label' in o;
  } catch {
    return true;
  }
}

/**
 * `gaibu-guard eval FILE [--json] [--quiet]` (arguments parsed in src/cli/main.ts). A labeled file
 * gets recall, FPR and per-rule S/O; an unlabeled one (real postings) the levels and per-rule hits.
 */
export async function runEval(file: string, opts: { json: boolean; quiet: boolean }): Promise<number> {
  if (!isLabeled(file)) {
    const lines = readJsonl(file, UnlabeledLineSchema);
    const engine = await createEngine();
    const r = evaluateUnlabeled(lines, (l) => engine.detector.check(l.text, { platform: l.platform, stage: l.stage }));
    process.stdout.write(opts.json ? `${JSON.stringify(r)}\n` : `${formatUnlabeled(r, opts.quiet)}\n`);
    return 0;
  }
  const lines = loadGold(file);
  const engine = await createEngine();
  const r = evaluate(lines, (g) => engine.analyse(g.text, { platform: g.platform, stage: g.stage }));
  process.stdout.write(opts.json ? `${JSON.stringify(r)}\n` : `${formatEval(r, opts.quiet)}\n`);
  return 0;
}

// `npm run reply-quality -- FILE.jsonl … [--verbose] [--min 0.95]`: for every flagged reply
// (high / medium) in labeled JSONL files, does the suggested refusal fit the message
// (src/reply/quality.ts)? Prints one line per file and the total; --verbose lists the ids that do
// not fit and why (ids only, never the texts). Exit 1 when the total is under --min.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CategorySchema, PlatformSchema, StageSchema } from '../detector/types.ts';
import { createEngine, type Engine } from '../engine.ts';
import { answersGold, refusalFit } from '../reply/quality.ts';

const Line = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  text: z.string(),
  label: z.string().optional(),
  cats: z.array(z.string()).optional(),
  platform: PlatformSchema.nullish(),
  stage: StageSchema.nullish(),
});

export interface QualityTotals {
  lines: number;
  flagged: number;
  fitting: number;
  problems: Map<string, number>;
  goldScams: number;
  goldAnswered: number;
  misfits: Array<{ id: string; problems: string[]; refusal: string | null }>;
}

export async function replyQuality(files: string[], engine?: Engine): Promise<Map<string, QualityTotals>> {
  engine ??= await createEngine();
  const out = new Map<string, QualityTotals>();
  for (const file of files) {
    const t: QualityTotals = { lines: 0, flagged: 0, fitting: 0, problems: new Map(), goldScams: 0, goldAnswered: 0, misfits: [] };
    for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const parsed = Line.safeParse(JSON.parse(raw));
      if (!parsed.success) continue;
      const g = parsed.data;
      t.lines += 1;
      const report = (engine as Engine).analyse(g.text, { platform: g.platform ?? undefined, stage: g.stage ?? undefined });
      const fit = refusalFit(report, g.text);
      if (fit.flagged) {
        t.flagged += 1;
        if (fit.fits) t.fitting += 1;
        else t.misfits.push({ id: g.id ?? `#${t.lines}`, problems: fit.problems, refusal: report.refusal?.ja ?? null });
        for (const p of fit.problems) t.problems.set(p, (t.problems.get(p) ?? 0) + 1);
        const cats = (g.cats ?? []).map((c) => CategorySchema.safeParse(c)).flatMap((c) => (c.success ? [c.data] : []));
        if (g.label === 'scam' && cats.length > 0) {
          t.goldScams += 1;
          if (answersGold(report, cats)) t.goldAnswered += 1;
        }
      }
    }
    out.set(file, t);
  }
  return out;
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { verbose: { type: 'boolean', default: false }, min: { type: 'string' } } });
  if (positionals.length === 0) {
    process.stderr.write('usage: npm run reply-quality -- FILE.jsonl … [--verbose] [--min 0.95]\n');
    return 2;
  }
  const results = await replyQuality(positionals);
  let flagged = 0;
  let fitting = 0;
  for (const [file, t] of results) {
    flagged += t.flagged;
    fitting += t.fitting;
    const problems = [...t.problems].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ×${n}`).join('; ');
    process.stdout.write(
      `${file}: ${t.lines} lines, ${t.flagged} flagged, fitting refusal ${t.fitting}/${t.flagged} (${pct(t.fitting, t.flagged)}), answers the labeled category ${t.goldAnswered}/${t.goldScams} (${pct(t.goldAnswered, t.goldScams)})${problems ? ` — ${problems}` : ''}\n`,
    );
    if (values.verbose) for (const m of t.misfits) process.stdout.write(`  ${m.id}: ${m.problems.join('; ')}\n`);
  }
  process.stdout.write(`total: fitting refusal ${fitting}/${flagged} (${pct(fitting, flagged)})\n`);
  const min = values.min === undefined ? undefined : Number(values.min);
  return min !== undefined && flagged > 0 && fitting / flagged < min ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}

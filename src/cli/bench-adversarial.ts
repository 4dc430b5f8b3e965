// `npm run bench:adversarial`: worst-case inputs through the real CLI, one at a time.
//
// Inputs are built from every regular expression of the rules (patterns, requires / unless lists,
// the lexicon's macros; src/detector/probe.ts): each seed — an atom, or the near-miss start of a
// match — repeated to 6,000 and 8,000 characters, ending in one Japanese character (see
// adversarialText). One `gaibu-guard check --jsonl` process gets them one line at a time; a line's
// time is from writing it to reading its answer. Each line is sent twice: `ms` is the better of
// the two (what the line costs; a machine shared with other work adds pauses to single runs),
// `first_ms` the first try. Then a 100,000-character line (the slowest seed) goes through a fresh
// `check --jsonl --record --db` process, timed whole, startup included. Prints the slowest lines,
// then one JSON object last:
//   {"lines", "max_ms", "p99_ms", "max_first_ms", "worst": [{"seed", "chars", "ms", "first_ms"}…],
//    "record_100k_ms", "loadavg"}
//
// BENCH_SEEDS=200 to try only the first seeds; BENCH_SIZES=6000,8000 to change the lengths.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import YAML from 'yaml';
import { allSeeds, repeatTo, ruleSetTargets } from '../detector/probe.ts';
import { DEFAULT_RULES_DIR, loadRules } from '../detector/rules.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const BIN = path.join(ROOT, 'bin/gaibu-guard.js');
const SIZES = (process.env['BENCH_SIZES'] ?? '6000,8000').split(',').map(Number);
const LIMIT = Number(process.env['BENCH_SEEDS'] ?? Infinity);

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

/**
 * A seed repeated to `chars` characters, the last one Japanese: V8 stores an all-Latin-1 string one
 * byte per character and skips every non-Latin-1 branch of a pattern on it, which would hide what the
 * same input costs once it holds a single Japanese character.
 */
function adversarialText(seed: string, chars: number): string {
  return `${repeatTo(seed, chars - 1)}。`;
}

function seeds(): string[] {
  const rules = loadRules({ checkBacktracking: false });
  const lexicon = YAML.parse(readFileSync(path.join(DEFAULT_RULES_DIR, 'lexicon.yaml'), 'utf8')) as { macros: Record<string, string> };
  return allSeeds(ruleSetTargets(rules, Object.keys(lexicon.macros))).slice(0, LIMIT);
}

/** One CLI process; `send` writes a line and resolves with the ms until its answer arrives. */
function cliSession(args: string[], env: NodeJS.ProcessEnv = process.env): { send(line: string): Promise<number>; close(): Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((s: string) => void)[] = [];
  lines.on('line', (l) => waiting.shift()?.(l));
  return {
    send(line: string): Promise<number> {
      return new Promise((resolve) => {
        const t0 = performance.now();
        waiting.push(() => resolve(performance.now() - t0));
        child.stdin.write(`${line}\n`);
      });
    },
    close(): Promise<number | null> {
      child.stdin.end();
      return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    },
  };
}

async function main(): Promise<void> {
  const list = seeds();
  log(`${list.length} seeds × ${SIZES.join(', ')} characters`);
  const cli = cliSession(['check', '--jsonl']);
  // Warm-up: the first line waits for the tokenizer; a few ordinary ones warm the code.
  await cli.send(JSON.stringify({ id: 'warm', text: '応募ありがとうございます。詳細はLINEでお伝えしますので追加してください。' }));
  for (let i = 0; i < 20; i++) await cli.send(JSON.stringify({ id: `w${i}`, text: 'Zoomで面談をお願いします。本日中にご返信ください。' }));
  const results: { seed: string; chars: number; ms: number; first: number }[] = [];
  let n = 0;
  for (const chars of SIZES) {
    for (const seed of list) {
      const line = JSON.stringify({ id: `s${n++}`, text: adversarialText(seed, chars) });
      const first = await cli.send(line);
      results.push({ seed, chars, first, ms: Math.min(first, await cli.send(line)) });
      if (n % 500 === 0) log(`${n} lines, slowest so far ${Math.max(...results.map((r) => r.ms)).toFixed(1)} ms`);
    }
  }
  await cli.close();
  const maxFirst = Math.max(...results.map((r) => r.first));
  results.sort((a, b) => b.ms - a.ms);
  const round = (x: number): number => Math.round(x * 10) / 10;
  const worst = results.slice(0, 15).map((r) => ({ seed: r.seed, chars: r.chars, ms: round(r.ms), first_ms: round(r.first) }));
  for (const w of worst) log(`${w.ms.toFixed(1).padStart(8)} ms (first ${w.first_ms.toFixed(1)})  ${w.chars}  ${JSON.stringify(w.seed)}`);

  // The 100,000-character line with statistics: the whole process, startup included.
  const dir = mkdtempSync(path.join(tmpdir(), 'gaibu-bench-adv-'));
  let recordMs = 0;
  try {
    const big = adversarialText(worst[0]?.seed ?? 'a', 100_000);
    const t0 = performance.now();
    const rec = cliSession(['check', '--jsonl', '--record', '--db', path.join(dir, 'bench.db')], {
      ...process.env,
      STATS_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    });
    await rec.send(JSON.stringify({ id: 'big', text: big }));
    await rec.close();
    recordMs = performance.now() - t0;
    log(`100,000 characters with --record: ${Math.round(recordMs)} ms for the whole process (seed ${JSON.stringify(worst[0]?.seed)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sortedMs = results.map((r) => r.ms).sort((a, b) => a - b);
  const p99 = sortedMs[Math.floor(sortedMs.length * 0.99)] ?? 0;
  process.stdout.write(
    `${JSON.stringify({
      lines: results.length,
      max_ms: worst[0]?.ms ?? 0,
      p99_ms: round(p99),
      max_first_ms: round(maxFirst),
      worst,
      record_100k_ms: Math.round(recordMs),
      loadavg: loadavg().map((x) => round(x)),
    })}\n`,
  );
}

await main();

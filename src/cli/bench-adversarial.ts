// `npm run bench:adversarial`: worst-case inputs through the real CLI, one at a time.
//
// Inputs are built from every regular expression of the rules (patterns, requires / unless lists,
// the lexicon's macros; src/detector/probe.ts): each seed — an atom, or the near-miss start of a
// match — repeated to 6,000 and 8,000 characters, ending in one Japanese character (see
// adversarialText). One `gaibu-guard check --jsonl` process gets them one line at a time; a line's
// time is from writing it to reading its answer (wall), and the CPU time the CLI's main thread
// spent meanwhile (Linux: /proc/<pid>/task/<pid>/schedstat), which a machine shared with other
// work does not inflate. Each line is sent twice; the better of the two is kept (`first_*`: the
// first try). Then a 100,000-character line (the slowest seed) goes through a fresh
// `check --jsonl --record --db` process, timed whole, startup included (wall and CPU). Prints the
// slowest lines, then one JSON object last:
//   {"lines", "max_ms", "max_cpu_ms", "p99_ms", "max_first_ms", "max_first_cpu_ms",
//    "worst": [{"seed", "chars", "ms", "cpu_ms", "first_ms", "first_cpu_ms"}…],
//    "record_100k_ms", "record_100k_cpu_ms", "loadavg"}
//
// BENCH_SEEDS=200 to try only the first seeds; BENCH_SIZES=6000,8000 to change the lengths.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** CPU ms of a process's main thread so far (Linux), or NaN where /proc does not say. */
function threadCpuMs(pid: number | undefined): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

interface Timing {
  ms: number;
  cpu: number;
}

/** One CLI process; `send` writes a line and resolves with the time until its answer arrives. */
function cliSession(args: string[], env: NodeJS.ProcessEnv = process.env): { send(line: string): Promise<Timing>; close(): Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: (() => void)[] = [];
  lines.on('line', () => waiting.shift()?.());
  return {
    send(line: string): Promise<Timing> {
      return new Promise((resolve) => {
        const t0 = performance.now();
        const c0 = threadCpuMs(child.pid);
        waiting.push(() => resolve({ ms: performance.now() - t0, cpu: threadCpuMs(child.pid) - c0 }));
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
  const results: { seed: string; chars: number; ms: number; cpu: number; first: Timing }[] = [];
  let n = 0;
  for (const chars of SIZES) {
    for (const seed of list) {
      const line = JSON.stringify({ id: `s${n++}`, text: adversarialText(seed, chars) });
      const first = await cli.send(line);
      const again = await cli.send(line);
      results.push({ seed, chars, first, ms: Math.min(first.ms, again.ms), cpu: Math.min(first.cpu, again.cpu) });
      if (n % 500 === 0) log(`${n} lines, slowest so far ${Math.max(...results.map((r) => r.ms)).toFixed(1)} ms`);
    }
  }
  await cli.close();
  const round = (x: number): number => Math.round(x * 10) / 10;
  const max = (xs: number[]): number => round(Math.max(...xs));
  const byCpu = [...results].sort((a, b) => b.cpu - a.cpu);
  results.sort((a, b) => b.ms - a.ms);
  const row = (r: (typeof results)[number]) => ({ seed: r.seed, chars: r.chars, ms: round(r.ms), cpu_ms: round(r.cpu), first_ms: round(r.first.ms), first_cpu_ms: round(r.first.cpu) });
  const worst = results.slice(0, 10).map(row);
  const worstCpu = byCpu.slice(0, 10).map(row);
  log('slowest (wall, best of two):');
  for (const w of worst) log(`${w.ms.toFixed(1).padStart(8)} ms  cpu ${w.cpu_ms.toFixed(1).padStart(6)}  (first ${w.first_ms.toFixed(1)})  ${w.chars}  ${JSON.stringify(w.seed)}`);
  log('slowest (CPU, best of two):');
  for (const w of worstCpu) log(`${w.cpu_ms.toFixed(1).padStart(8)} ms cpu  wall ${w.ms.toFixed(1).padStart(6)}  (first cpu ${w.first_cpu_ms.toFixed(1)})  ${w.chars}  ${JSON.stringify(w.seed)}`);

  // The 100,000-character line with statistics: the whole process, startup included.
  const dir = mkdtempSync(path.join(tmpdir(), 'gaibu-bench-adv-'));
  let recordMs = 0;
  let recordCpu = 0;
  try {
    const seed = worstCpu[0]?.seed ?? 'a';
    const input = path.join(dir, 'big.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 'big', text: adversarialText(seed, 100_000) })}\n`);
    // bash's `time`: wall, user and system time of the whole process, exit included.
    const timed = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time "$0" "$1" check --jsonl --record --db "$2" < "$3" > /dev/null`, process.execPath, BIN, path.join(dir, 'bench.db'), input], {
      cwd: ROOT,
      env: { ...process.env, STATS_SECRET: 'bench-secret-bench-secret-bench-secret-0123' },
      encoding: 'utf8',
    });
    const [real = NaN, user = NaN, sys = NaN] = timed.stderr.trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
    recordMs = real * 1000;
    recordCpu = (user + sys) * 1000;
    log(`100,000 characters with --record: ${Math.round(recordMs)} ms for the whole process, ${Math.round(recordCpu)} ms CPU (seed ${JSON.stringify(seed)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sortedMs = results.map((r) => r.ms).sort((a, b) => a - b);
  const p99 = sortedMs[Math.floor(sortedMs.length * 0.99)] ?? 0;
  process.stdout.write(
    `${JSON.stringify({
      lines: results.length,
      max_ms: worst[0]?.ms ?? 0,
      max_cpu_ms: worstCpu[0]?.cpu_ms ?? 0,
      p99_ms: round(p99),
      max_first_ms: max(results.map((r) => r.first.ms)),
      max_first_cpu_ms: max(results.map((r) => r.first.cpu)),
      worst,
      worst_cpu: worstCpu,
      record_100k_ms: Math.round(recordMs),
      record_100k_cpu_ms: Math.round(recordCpu),
      loadavg: loadavg().map((x) => round(x)),
    })}\n`,
  );
}

await main();

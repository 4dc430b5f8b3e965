// `npm run bench`: startup, memory and per-message latency of the detector, next to kuromoji
// tokenization alone on the same texts. Prints a human summary, then one JSON object as the last
// line (docs/cli-contract.md). Run with --expose-gc so rss_mb is measured after a collection.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../engine.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SIZES = [100, 500, 2000] as const;
const PER_SIZE = 300;
const TARGETS = { ratio_p50: 1.5, p99_2000_ms: 20, startup_ms: 2000 };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Realistic texts of about `size` characters, stitched from the labeled corpus. */
function textsOfSize(pool: string[], size: number, count: number): string[] {
  const out: string[] = [];
  let k = 0;
  for (let n = 0; n < count; n++) {
    let t = '';
    while (t.length < size) {
      t += `${pool[k % pool.length] as string}\n`;
      k += 7; // stride through the pool so neighbours differ
    }
    out.push(t.slice(0, size));
  }
  return out;
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const t0 = performance.now();
  const engine = await createEngine();
  const startupMs = performance.now() - t0;

  const pool = fs
    .readFileSync(path.join(root, 'test/fixtures/corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);

  // Warm-up: JIT, regex compilation, kuromoji caches.
  for (const t of textsOfSize(pool, 500, 200)) engine.analyse(t);
  gc?.();
  const rssMb = process.memoryUsage().rss / 1024 / 1024;

  const result: Record<string, number | boolean> = { startup_ms: round(startupMs), rss_mb: round(rssMb) };
  let totalMs = 0;
  let totalMsgs = 0;
  const ratios: number[] = [];
  for (const size of SIZES) {
    const texts = textsOfSize(pool, size, PER_SIZE);
    const det: number[] = [];
    const tok: number[] = [];
    // Interleave the two measurements so machine noise hits both alike.
    for (const t of texts) {
      det.push(time(() => engine.analyse(t)));
      tok.push(time(() => engine.tokenizer.tokenize(t)));
    }
    totalMs += det.reduce((a, b) => a + b, 0);
    totalMsgs += det.length;
    det.sort((a, b) => a - b);
    tok.sort((a, b) => a - b);
    const dp50 = percentile(det, 50);
    const tp50 = percentile(tok, 50);
    result[`p50_ms_${size}`] = round(dp50);
    result[`p99_ms_${size}`] = round(percentile(det, 99));
    result[`tokenize_p50_ms_${size}`] = round(tp50);
    result[`tokenize_p99_ms_${size}`] = round(percentile(tok, 99));
    result[`ratio_p50_${size}`] = round(dp50 / tp50);
    ratios.push(dp50 / tp50);
  }
  result['msgs_per_s'] = round((totalMsgs / totalMs) * 1000);
  result['ratio_p50'] = round(Math.max(...ratios));
  result['meets_targets'] =
    (result['ratio_p50'] as number) <= TARGETS.ratio_p50 &&
    (result['p99_ms_2000'] as number) <= TARGETS.p99_2000_ms &&
    startupMs <= TARGETS.startup_ms;

  process.stdout.write(
    `gaibu-guard bench (${PER_SIZE} messages per size; targets: ratio_p50 ≤ ${TARGETS.ratio_p50}, p99 at 2,000 chars ≤ ${TARGETS.p99_2000_ms} ms, startup ≤ ${TARGETS.startup_ms} ms)\n`,
  );
  for (const size of SIZES) {
    process.stdout.write(
      `  ~${size} chars: detector p50 ${result[`p50_ms_${size}`]} ms, p99 ${result[`p99_ms_${size}`]} ms | kuromoji alone p50 ${result[`tokenize_p50_ms_${size}`]} ms, p99 ${result[`tokenize_p99_ms_${size}`]} ms\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();

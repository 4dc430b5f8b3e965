// `npm run bench:stats`: community statistics at scale. Prints progress, then one JSON line last.
//
// - insert rate: 1,000,000 checks recorded one at a time, as the bot does, spread over the last
//   365 days, 50 servers, 20,000 users; 85% of texts are new (corpus messages with 40% of their
//   characters rewritten, fresh IDs), 15% are one of 300 popular templates with another ID or name
//   (BENCH_TEMPLATE_SHARE); "seen N times" then finds them. record() = fingerprint(text) +
//   recordFingerprinted(); the two are timed apart: `insert_per_s` is the store (the "seen N times"
//   lookup, queueing and the group commits), `record_per_s` adds the fingerprinting (the
//   detector's normalizer, contact masks, MinHash, HMACs), which is CPU work outside SQLite;
//   Retention runs once per simulated day, as the scheduler does (timed apart: retention_daily_ms);
// - digest time: the weekly digest query + build (no chart) for all servers and for one, and the
//   /stats month summary, on the full database.
//
// BENCH_ROWS=100000 for a quicker run; BENCH_DB=path to keep the database.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine } from '../engine.ts';
import type { Report } from '../reply/report.ts';
import { statsSummary } from '../stats/replies.ts';
import { openStats } from '../stats/store.ts';
import { lastCompleteWeek } from '../stats/time.ts';
import { weekDigestData } from '../stats/weekly.ts';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const GUILDS = 50;
const USERS = 20_000;
const SPAN_MS = 365 * 86_400_000;
/** Share of checks that are a popular template with another ID or name. */
const TEMPLATE_SHARE = Number(process.env['BENCH_TEMPLATE_SHARE'] ?? 0.15);

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

// A small deterministic PRNG so runs are comparable.
let seed = 0x12345678;
function rand(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const word = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
const NAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田'];

async function main(): Promise<void> {
  const t0 = performance.now();
  const engine = await createEngine();
  log(`engine ready in ${Math.round(performance.now() - t0)} ms`);
  const corpus = readFileSync(new URL('../../test/fixtures/corpus.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const sentences = corpus.flatMap((t) => t.split(/(?<=[。！？\n])/).map((s) => s.trim()).filter((s) => s.length >= 6));

  // A pool of analysed templates; each record gets a fresh variant of one (new ID, name, sentence).
  const POOL = 3000;
  const pool: { report: Report; base: string }[] = [];
  for (let i = 0; i < POOL; i++) {
    const base = i < corpus.length ? (corpus[i] as string) : `${pick(sentences)}${pick(sentences)}`;
    pool.push({ report: engine.analyse(base), base });
  }
  log(`${POOL} templates analysed`);
  // Most messages people check are new text; some are a template going around with another ID or
  // name. New text is made by rewriting 40% of a corpus message's characters (so it shares little
  // with anything else); template variants come from 300 popular templates.
  const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん';
  const rewrite = (t: string): string =>
    Array.from(t)
      .map((ch) => (rand() < 0.4 ? (KANA[Math.floor(rand() * KANA.length)] as string) : ch))
      .join('');
  const variant = (base: string, templateIndex: number): string => {
    if (rand() < TEMPLATE_SHARE) return `${pick(NAMES)}です。${(pool[templateIndex % 300] as { base: string }).base} ID：${word(8)}`;
    return `${pick(NAMES)}です。${rewrite(base)} 連絡先 ${word(6)}@example.com`;
  };

  const dir = process.env['BENCH_DB'] ? path.dirname(process.env['BENCH_DB']) : mkdtempSync(path.join(tmpdir(), 'gaibu-bench-'));
  const file = process.env['BENCH_DB'] ?? path.join(dir, 'bench.db');
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  const stats = openStats({ path: file, secret: 'bench-secret-bench-secret-bench-secret-0000', rules: engine.detector.rules });

  const now = Date.now();
  const start = now - SPAN_MS;
  const texts: string[] = [];
  const reports: Report[] = [];
  // Texts are built outside the timed loop (a bot gets them from Discord).
  const CHUNK = 50_000;
  let inserted = 0;
  /** Time inside the store (seen lookup, queueing, group commits): the insert rate. */
  let timedMs = 0;
  /** Time computing fingerprints (normalize, contact masks, MinHash, HMACs). */
  let fpMs = 0;
  let wallMs = 0;
  let cpuMs = 0;
  let retentionMs = 0;
  let retentionRuns = 0;
  let lastDay = -1;
  let lastChunkRate = 0;
  let seenMax = 0;
  let seenPositive = 0;
  while (inserted < ROWS) {
    const n = Math.min(CHUNK, ROWS - inserted);
    texts.length = 0;
    reports.length = 0;
    for (let i = 0; i < n; i++) {
      const p = pool[Math.floor(rand() * POOL)] as { report: Report; base: string };
      texts.push(variant(p.base, Math.floor(rand() * POOL)));
      reports.push(p.report);
    }
    const c0 = performance.now();
    const u0 = process.cpuUsage();
    let chunkDb = 0;
    for (let i = 0; i < n; i++) {
      const k = inserted + i;
      const a = performance.now();
      const fp = stats.fingerprint(texts[i] as string);
      const b = performance.now();
      const res = stats.recordFingerprinted(reports[i] as Report, fp, {
        source: k % 5 === 0 ? 'forward' : 'slash',
        guildId: `guild-${k % GUILDS}`,
        userId: `user-${Math.floor(rand() * USERS)}`,
        at: new Date(start + Math.floor((k / ROWS) * SPAN_MS)),
      });
      const c = performance.now();
      fpMs += b - a;
      chunkDb += c - b;
      // The bot runs retention once a day (src/stats/scheduler.ts); so does the simulated clock.
      const day = Math.floor((start + Math.floor((k / ROWS) * SPAN_MS)) / 86_400_000);
      if (day !== lastDay) {
        lastDay = day;
        const m = performance.now();
        stats.maintain(new Date(day * 86_400_000));
        retentionMs += performance.now() - m;
        retentionRuns++;
      }
      const seen = res?.seenOthers ?? 0;
      if (seen > 0) seenPositive++;
      if (seen > seenMax) seenMax = seen;
    }
    const f0 = performance.now();
    stats.flush();
    chunkDb += performance.now() - f0;
    const u = process.cpuUsage(u0);
    cpuMs += (u.user + u.system) / 1000;
    wallMs += performance.now() - c0;
    timedMs += chunkDb;
    inserted += n;
    lastChunkRate = Math.round(n / (chunkDb / 1000));
    log(`${inserted.toLocaleString('en-US')} rows, ${lastChunkRate.toLocaleString('en-US')} inserts/s in the last ${n.toLocaleString('en-US')} (load ${loadavg()[0]?.toFixed(1)})`);
  }
  const insertPerS = Math.round(ROWS / (timedMs / 1000));
  const recordPerS = Math.round(ROWS / ((timedMs + fpMs) / 1000));
  const cpuShare = cpuMs / wallMs;

  // Digest and /stats on the full database (the bot would run these while recording).
  const week = lastCompleteWeek(new Date(now));
  const times = (fn: () => void, runs = 7): number[] => {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const a = performance.now();
      fn();
      out.push(performance.now() - a);
    }
    return out.sort((a, b) => a - b);
  };
  const median = (xs: number[]): number => Math.round((xs[Math.floor(xs.length / 2)] as number) * 10) / 10;
  const guildKey = stats.guildKeyOf('guild-7');
  let weekTotal = 0;
  const digestAll = times(() => {
    weekTotal = weekDigestData(stats, engine.detector.rules, week, null).total;
  });
  const digestServer = times(() => void weekDigestData(stats, engine.detector.rules, week, guildKey));
  const statsMonth = times(() => void statsSummary(stats, { period: 'month', guildKey: null, now: new Date(now) }));
  const m0 = performance.now();
  const retention = stats.maintain(new Date(now + 30 * 86_400_000)); // pushes a month of rows past 365 days
  const maintainMs = Math.round(performance.now() - m0);
  stats.close();
  const dbMb = Math.round((statSync(file).size / 1e6) * 10) / 10;
  if (!process.env['BENCH_DB']) rmSync(dir, { recursive: true, force: true });

  const result = {
    rows: ROWS,
    insert_per_s: insertPerS,
    insert_us: Math.round(((timedMs * 1000) / ROWS) * 10) / 10,
    fingerprint_us: Math.round(((fpMs * 1000) / ROWS) * 10) / 10,
    record_per_s: recordPerS,
    cpu_share: Math.round(cpuShare * 100) / 100,
    load_avg: Math.round(loadavg()[0] as number * 100) / 100,
    insert_per_s_last_chunk: lastChunkRate,
    template_share: TEMPLATE_SHARE,
    seen_positive_share: Math.round((seenPositive / ROWS) * 1000) / 1000,
    seen_max: seenMax,
    digest_week: week,
    digest_week_checks: weekTotal,
    digest_all_ms_p50: median(digestAll),
    digest_all_ms_max: Math.round((digestAll.at(-1) as number) * 10) / 10,
    digest_server_ms_p50: median(digestServer),
    stats_month_ms_p50: median(statsMonth),
    retention_daily_ms_avg: Math.round((retentionMs / Math.max(1, retentionRuns)) * 10) / 10,
    retention_ms: maintainMs,
    retention_deleted_checks: retention.deletedChecks,
    db_mb: dbMb,
    targets: { insert_per_s: 5000, digest_ms: 200 },
  };
  log(`insert ${insertPerS}/s (record() with fingerprinting: ${recordPerS}/s), digest ${result.digest_all_ms_p50} ms (p50, all servers), db ${dbMb} MB`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();

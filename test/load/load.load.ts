// Load through the local Discord stand-in, with the real bot process:
//   - 200 /check interactions dispatched at once: every one gets its first callback (the answer, or
//     a deferral followed by the edited answer) within Discord's 3-second window;
//   - 10,000 checks in a row (slash commands and DMs, a few thousand distinct users, the corpus'
//     texts): the bot's RSS after the run is at most 40 MB above its RSS after warm-up (no leak;
//     a fixed bound, not a share of the process, which the dictionary's size would decide).
//     Every check comes from a new person, so the per-person state fills up during the run: the
//     weekly reporter keys (≤ 20,000 people, ~1.5 KB each), rate-limit buckets (≤ 10,000) and
//     discord.js's user and member caches (≤ 1,000 / 200). The heap after a full collection is
//     printed too: it rises ~2 KB per new person until those caps, then stays flat.
// Figures are printed as one JSON line per test ("load: …").
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPatch, percentiles, ROOT, sendDm, sendInteraction, startBot, type BotProcess, type Json } from '../e2e/bot-process.ts';
import { FakeDiscord, type RecordedRequest } from '../e2e/fake-discord.ts';

const TEXTS: string[] = readFileSync(join(ROOT, 'test/fixtures/corpus.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

let discord: FakeDiscord;
let bot: BotProcess;

/** The bot's resident set size in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error('no VmRSS');
  return Math.round(Number(kb) / 102.4) / 10;
}

/** Asks the bot for a full collection and its memory figures (SIGUSR2 → a `memory` log line). */
async function memorySample(): Promise<{ rss_mb: number; heap_mb: number }> {
  const isMemory = (e: Json): boolean => e['event'] === 'memory';
  const before = bot.events().filter(isMemory).length;
  bot.child.kill('SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (bot.events().filter(isMemory).length <= before) {
    if (Date.now() > deadline) throw new Error('no memory line after SIGUSR2');
    await new Promise((r) => setTimeout(r, 20));
  }
  const e = bot.events().filter(isMemory)[before] as Json;
  return { rss_mb: rssMb(bot.child.pid!), heap_mb: Number(e['heap_used_mb']) };
}

/** CPU time (user + system) the bot has used, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100/s)
}

/** The bot's statistics database on disk (main file and WAL), in bytes. */
function dbBytes(): number {
  let total = 0;
  for (const f of ['gaibu-guard.db', 'gaibu-guard.db-wal']) {
    try {
      total += statSync(join(bot.dataDir, f)).size;
    } catch {
      // not there
    }
  }
  return total;
}

const userId = (n: number): string => String(1300000000000100000n + BigInt(n));

beforeAll(async () => {
  discord = new FakeDiscord(5000);
  await discord.start();
  // --expose-gc: the bot runs a full collection before each memory sample (SIGUSR2), so the
  // figures show what is kept rather than when V8 happened to collect.
  bot = await startBot(discord, {}, { nodeArgs: ['--expose-gc'] });
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

describe('load', () => {
  it('answers 200 /check interactions sent at once, each within 3 seconds', async () => {
    const N = 200;
    const cpu0 = cpuMs(bot.child.pid!);
    const standIn0 = process.cpuUsage();
    const sent = Array.from({ length: N }, (_, k) =>
      sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: userId(k), text: TEXTS[k % TEXTS.length]! }), 30_000),
    );
    const first = await Promise.all(sent.map((s) => s.callback));
    const firstMs = first.map((r, k) => r.at - sent[k]!.sentAt);
    // A deferred one (type 5) is complete when its answer is edited in.
    const final = await Promise.all(
      first.map(async (r, k): Promise<number> => {
        if ((r.body as Json)['type'] === 4) return r.at - sent[k]!.sentAt;
        const edit: RecordedRequest = await discord.waitForRequest((x) => x.method === 'PATCH' && x.path.includes(`/${sent[k]!.token}/messages/@original`), 30_000);
        return edit.at - sent[k]!.sentAt;
      }),
    );
    const deferred = first.filter((r) => (r.body as Json)['type'] === 5).length;
    const standIn = process.cpuUsage(standIn0);
    const figures = { concurrent: N, bot_cpu_ms: Math.round(cpuMs(bot.child.pid!) - cpu0), stand_in_cpu_ms: Math.round((standIn.user + standIn.system) / 1000), first_callback_ms: percentiles(firstMs), complete_answer_ms: percentiles(final), deferred };
    console.log(`load: ${JSON.stringify(figures)}`);
    expect(first).toHaveLength(N);
    expect(Math.max(...firstMs)).toBeLessThan(3000);
    expect(bot.events().filter((e) => e['event'] === 'handler_failed')).toEqual([]);
    discord.forget();
  });

  it('keeps RSS within 40 MB over 10,000 checks in a row (after warm-up)', async () => {
    const TOTAL = 10_000;
    const WARMUP = 1_000;
    const WINDOW = 8; // checks in flight at once
    const SAMPLE_EVERY = 250;
    const started = Date.now();
    const cpu0 = cpuMs(bot.child.pid!);
    const samples: { checks: number; rss_mb: number; heap_mb: number }[] = [];
    let done = 0;
    let failed = 0;

    // Every check from a different person (the worst case for per-user state: the rate limiter,
    // discord.js's user and DM channel caches); one in three is a DM in that person's own channel.
    const one = async (n: number): Promise<void> => {
      const text = TEXTS[n % TEXTS.length]!;
      const uid = userId(1000 + n);
      if (n % 3 === 0) {
        await sendDm(discord, { text, userId: uid, channelId: uid }, 30_000).reply;
      } else {
        const s = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: uid, text }), 30_000);
        const r = await s.callback;
        if ((r.body as Json)['type'] === 5) await discord.waitForRequest((x) => x.method === 'PATCH' && x.path.includes(`/${s.token}/`), 30_000);
      }
    };

    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < TOTAL) {
        const n = next++;
        await one(n).catch(() => failed++);
        done++;
        if (done % SAMPLE_EVERY === 0) {
          samples.push({ checks: done, ...(await memorySample()) });
          discord.forget();
        }
      }
    };
    await Promise.all(Array.from({ length: WINDOW }, worker));
    const seconds = (Date.now() - started) / 1000;
    const cpuPerCheck = Math.round(((cpuMs(bot.child.pid!) - cpu0) / done) * 100) / 100;

    // RSS saw-tooths with garbage collection; the lowest reading of a window is the closest to what
    // is really kept. Compare the first 2,000 checks after warm-up with the last 2,000.
    const low = (xs: number[]): number => Math.min(...xs);
    const after = low(samples.filter((x) => x.checks > WARMUP && x.checks <= WARMUP + 2000).map((x) => x.rss_mb));
    const end = low(samples.filter((x) => x.checks > TOTAL - 2000).map((x) => x.rss_mb));
    const growth = (end - after) / after;
    const figures = {
      checks: done,
      failed,
      seconds: Math.round(seconds),
      per_second: Math.round(done / seconds),
      bot_cpu_ms_per_check: cpuPerCheck,
      rss_after_warmup_mb: after,
      rss_end_mb: end,
      growth_mb: Math.round((end - after) * 10) / 10,
      growth_pct: Math.round(growth * 1000) / 10,
      rss_min_max_mb: [Math.min(...samples.map((x) => x.rss_mb)), Math.max(...samples.map((x) => x.rss_mb))],
      rss_every_1000_mb: samples.filter((x) => x.checks % 1000 === 0).map((x) => Math.round(x.rss_mb)),
      heap_after_gc_every_1000_mb: samples.filter((x) => x.checks % 1000 === 0).map((x) => Math.round(x.heap_mb)),
      db_mb: Math.round(dbBytes() / 1e5) / 10,
    };
    console.log(`load: ${JSON.stringify(figures)}`);
    expect(failed).toBe(0);
    expect(done).toBe(TOTAL);
    // What may grow: the per-person caches filling up (~2 KB × 10,000 new people of heap) and
    // SQLite's page cache following the database; measured ~30 MB. A leak of 1 KB a check adds 10 MB.
    expect(end - after).toBeLessThan(40);
  });
});

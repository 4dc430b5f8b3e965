// Graceful shutdown of the real bot process: SIGTERM or SIGINT while a check is being answered.
// The answer still arrives, then the bot closes the gateway with 1000 (Discord ends the session
// instead of waiting for a resume) and exits with code 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { botEnv, callbackData, checkPatch, ROOT, sendDm, sendInteraction, startArgs, startBot, type BotProcess, type Json } from './bot-process.ts';
import { FakeDiscord, type RecordedRequest } from './fake-discord.ts';

let discord: FakeDiscord;
let bot: BotProcess;

async function boot(): Promise<void> {
  discord = new FakeDiscord(1000);
  await discord.start();
  bot = await startBot(discord);
}

afterEach(async () => {
  await bot?.stop();
  await discord?.close();
});

const LONG_RISKY = `${'このたびはご応募いただきありがとうございます。案件の概要をお伝えします。'.repeat(60)}詳細はLINEでお伝えしますので、ID: sakura22 を追加してください。`;

describe('graceful shutdown of the bot process', () => {
  it('on SIGTERM during a deferred check: edits in the verdict, closes the gateway with 1000, exits 0', async () => {
    await boot();
    expect(LONG_RISKY.length).toBeGreaterThan(2000); // long texts are deferred, then edited in
    // Hold the deferral's HTTP answer so SIGTERM lands while the check is in flight.
    discord.inject((r) => r.path.endsWith('/callback'), { delayMs: 1200 });
    const sent = sendInteraction(discord, 'interaction-check.json', checkPatch({ text: LONG_RISKY }));
    const isDeferral = (r: RecordedRequest) => r.path === `/interactions/${sent.id}/${sent.token}/callback`;
    await waitUntil(() => discord.requests.some(isDeferral)); // arrived, answer still held
    const received = discord.requests.find(isDeferral);
    expect((received!.body as Json)['type']).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    const closed = discord.waitForClose(20_000);
    bot.child.kill('SIGTERM');

    const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/1300000000000000001/${sent.token}/messages/@original`, 15_000);
    const embeds = (edit.body as Json)['embeds'] as Json[];
    expect(String(embeds[0]!['title'])).toMatch(/^🔴 危険/);
    const close = await closed;
    expect(close.code).toBe(1000);
    // The gateway was closed only after the in-flight check had been answered.
    expect(received!.answeredAt).not.toBeNull();
    expect(close.at).toBeGreaterThanOrEqual(edit.answeredAt!);
    expect(await bot.exited()).toBe(0);

    const events = bot.events();
    const names = events.map((e) => e['event']);
    expect(names).toContain('shutdown');
    expect(names).not.toContain('handler_failed');
    expect(events.find((e) => e['event'] === 'shutdown_complete')).toMatchObject({ code: 0 });
    const drained = events.find((e) => e['event'] === 'shutdown_step' && e['step'] === 'checks');
    expect(drained).toMatchObject({ outcome: 'done' });
    expect(Number(drained!['ms'])).toBeGreaterThan(200);
    const stepOrder = events.filter((e) => e['event'] === 'shutdown_step').map((e) => e['step']);
    expect(stepOrder.indexOf('scheduler')).toBe(0); // the digest scheduler stops first
    expect(stepOrder.indexOf('checks')).toBeLessThan(stepOrder.indexOf('gateway'));
    expect(stepOrder.indexOf('gateway')).toBeLessThan(stepOrder.indexOf('database'));
  });

  it('on SIGINT while replying to a DM: the reply arrives, then exit 0', async () => {
    await boot();
    discord.inject((r) => r.method === 'POST' && r.path.startsWith('/channels/'), { delayMs: 800 });
    const dm = sendDm(discord, { text: '詳細はLINEで！ID: sakura22', userId: '1300000000000000777', channelId: '1300000000000000777' });
    await waitUntil(() => discord.requests.some((r) => r.method === 'POST' && r.path.startsWith('/channels/')));
    const closed = discord.waitForClose(20_000);
    bot.child.kill('SIGINT');
    const reply: RecordedRequest = await dm.reply;
    expect((await closed).at).toBeGreaterThanOrEqual(reply.answeredAt!);
    expect(String(((reply.body as Json)['embeds'] as Json[])[0]!['title'])).toMatch(/^🔴/);
    expect(await bot.exited()).toBe(0);
    expect(bot.events().find((e) => e['event'] === 'shutdown')).toMatchObject({ signal: 'SIGINT' });
  });

  it('on SIGTERM right after answering: writes the queued statistics, closes the database, exits 0 within a second or two', async () => {
    await boot();
    const answered = sendInteraction(discord, 'interaction-check.json');
    expect(callbackData(await answered.callback)['flags']).toBe(64);
    const t0 = Date.now();
    bot.child.kill('SIGTERM'); // before the store's group commit would have written the row
    expect(await bot.exited()).toBe(0);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(discord.closes.at(-1)?.code).toBe(1000);
    // The statistics file was closed cleanly with the check in it.
    const db = new Database(join(bot.dataDir, 'gaibu-guard.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(Number(db.prepare('SELECT COUNT(*) FROM checks').pluck().get())).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('a bot that cannot start', () => {
  it('exits 1 without logging in when the rules cannot be read', async () => {
    discord = new FakeDiscord(1000);
    await discord.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'gaibu-guard-e2e-'));
    try {
      const child = spawn(process.execPath, ['--import', './test/e2e/break-rules.mjs', ...startArgs()], {
        cwd: ROOT,
        env: botEnv(discord, dataDir),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect(code, out).toBe(1);
      expect(out).toContain('"event":"startup_failed"');
      expect(out).not.toContain('"event":"login"');
      expect(discord.requests).toEqual([]); // never reached Discord
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

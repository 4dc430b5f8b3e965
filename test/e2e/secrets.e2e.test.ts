// Secrets and logs, with the real bot process: whatever happens (answers, rate limits, REST
// failures, a dropped gateway, a wrong token, a malformed setting), the captured output never
// contains the token, an interaction token, or any piece of a checked text.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botEnv, checkPatch, fixture, ROOT, runMain, sendDm, sendInteraction, startBot, TOKEN, type BotProcess, type Json } from './bot-process.ts';
import { APP_ID, FakeDiscord, rateLimited, snowflakeNow } from './fake-discord.ts';

// Each input carries a canary and Japanese text; every 8-character window of its non-ASCII part
// is searched for in the logs as well.
const INPUTS = [
  '応募ありがとうございます。詳細はラインでお伝えします。IDは canary-a1b2c3 です。本日中に追加してください。',
  '手数料がもったいないので直接振込にしませんか？口座番号を教えてください。canary-d4e5f6',
  '契約前にZoomで面談をお願いします。面談後に正式な発注となります。canary-g7h8i9',
  'こんにちは、イラスト制作をお願いしたいです。納期は二週間後です。canary-j0k1l2',
  '転送します：外部の決済サービスで先にお支払いください。canary-m3n4o5',
];
const windows = (text: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i + 8 <= text.length; i++) {
    const w = text.slice(i, i + 8);
    if (/[^\x00-\x7f]/.test(w)) out.push(w);
  }
  return out;
};
const canaries = INPUTS.map((t) => /canary-[a-z0-9]+/.exec(t)![0]);

let discord: FakeDiscord;
let bot: BotProcess;
const interactionTokens: string[] = [];

beforeAll(async () => {
  // The stand-in only accepts the right token (REST 401 and gateway 4004 otherwise).
  discord = new FakeDiscord({ heartbeatIntervalMs: 1000, token: TOKEN });
  await discord.start();
  bot = await startBot(discord, { LOG_LEVEL: 'debug' });
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

describe('secrets and logs', () => {
  it('never logs the token, interaction tokens or any part of a checked text, through every path', async () => {
    let user = 1300000000000040000n;
    const next = (): string => String(user++);
    // Answers: /check, DMs, a forward, the context menu, a button.
    for (const text of INPUTS) {
      const s = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: next(), text }));
      interactionTokens.push(s.token);
      await s.callback;
      await sendDm(discord, { text, userId: next() }).reply;
    }
    const forward = fixture('message-dm-forward.json');
    forward['id'] = snowflakeNow();
    (((forward['message_snapshots'] as Json[])[0] as Json)['message'] as Json)['content'] = INPUTS[4];
    discord.dispatch('MESSAGE_CREATE', forward);
    const menu = sendInteraction(discord, 'interaction-context-menu.json', (i) => {
      const msg = Object.values(((i['data'] as Json)['resolved'] as Json)['messages'] as Json)[0] as Json;
      msg['content'] = INPUTS[1];
    });
    interactionTokens.push(menu.token);
    await menu.callback;
    const button = sendInteraction(discord, 'interaction-button-refusal.json');
    interactionTokens.push(button.token);
    await button.callback;
    // Rate limit: the same member 12 times.
    const member = next();
    for (let k = 0; k < 12; k++) {
      const s = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: member, text: INPUTS[0] }));
      interactionTokens.push(s.token);
      await s.callback;
    }
    // REST trouble: a 429, then a reply that fails for good (500s), then a dropped gateway.
    discord.inject((r) => r.path.endsWith('/callback'), rateLimited(0.2));
    const limited = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: next(), text: INPUTS[2] }));
    interactionTokens.push(limited.token);
    await limited.callback;
    const failing = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: next(), text: INPUTS[3] }));
    failing.callback.catch(() => undefined);
    interactionTokens.push(failing.token);
    discord.inject((r) => r.path.includes(failing.token), { status: 500, body: { message: `500 for ${failing.token}` } }, 100);
    await bot.waitForLog((e) => e['event'] === 'apology_failed');
    discord.dropGateway('abnormal');
    await bot.waitForLog((e) => e['event'] === 'shard_resume');
    // Shut down (the shutdown path logs too).
    await bot.stop();

    const log = bot.log();
    expect(log).toContain('"event":"check"');
    expect(log).toContain('"event":"handler_failed"');
    expect(log).toContain('"event":"rate_limited"');
    expect(log).toContain('"event":"shutdown_complete"');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(TOKEN.split('.')[0]!); // not even a fragment of it
    for (const t of interactionTokens) expect(log).not.toContain(t);
    for (const c of canaries) expect(log).not.toContain(c);
    for (const text of INPUTS) for (const w of windows(text)) expect(log, `log contains「${w}」`).not.toContain(w);
  });

  it('refuses a wrong token without printing it (login fails, exit 1)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gaibu-guard-e2e-'));
    const wrong = 'wrong-token-canary-zz9.not-the-one.0123456789';
    try {
      const { code, out } = await runMain(botEnv(discord, dataDir, { DISCORD_TOKEN: wrong }));
      expect(code).toBe(1);
      expect(out).toContain('"event":"login_failed"');
      expect(out).toContain('"reason":"token_rejected"');
      expect(out).toContain('Discord refused DISCORD_TOKEN (HTTP 401)');
      expect(out).not.toContain(wrong);
      expect(out).not.toContain('canary-zz9');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('deploy-commands names the token Discord refused (401), without printing it', async () => {
    const wrong = 'wrong-deploy-token-canary-q7.not-the-one.0123456789';
    const dataDir = mkdtempSync(join(tmpdir(), 'gaibu-guard-e2e-'));
    try {
      const child = spawn('npm', ['run', '--silent', 'deploy-commands'], { cwd: ROOT, env: botEnv(discord, dataDir, { DISCORD_TOKEN: wrong, DISCORD_CLIENT_ID: APP_ID }), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect(code).toBe(1);
      expect(out).toContain('HTTP 401');
      expect(out).toContain('Discord refused DISCORD_TOKEN (HTTP 401): it is wrong or was reset.');
      expect(out).not.toContain('canary-q7');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('names the host it tried when the name does not resolve (login fails, exit 1)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gaibu-guard-e2e-'));
    try {
      const { code, out } = await runMain(botEnv(discord, dataDir, { DISCORD_API_URL: 'http://no-such-host.invalid/api' }));
      expect(code).toBe(1);
      expect(out).toContain('"event":"login_failed"');
      expect(out).toContain('"reason":"dns_failed","host":"no-such-host.invalid"');
      expect(out).toContain('Could not resolve the host no-such-host.invalid (ENOTFOUND)');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('names the key of a malformed setting, never its value (exit 2)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gaibu-guard-e2e-'));
    const values = {
      DISCORD_TOKEN: 'has spaces canary-tok1 so it is malformed',
      DISCORD_API_URL: 'ftp://canary-url2.example',
      DISCORD_SHARDS: 'canary-shards3',
      LOG_LEVEL: 'canary-level4',
      DEV_GUILD_ID: 'canary-guild5',
    };
    try {
      const { code, out } = await runMain(botEnv(discord, dataDir, values));
      expect(code).toBe(2);
      for (const [key, value] of Object.entries(values)) {
        expect(out).toContain(key);
        expect(out).not.toContain(value);
        expect(out).not.toContain(/canary-[a-z0-9]+/.exec(value)![0]);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

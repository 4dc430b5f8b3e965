// End to end: the real bot (the build, `node dist/src/bot/main.js`, as `npm start` runs it) with a
// token, logging in to a local stand-in for Discord, answering gateway events over REST; and
// `npm run deploy-commands` registering the commands with the same stand-in.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord, snowflakeNow, type RecordedRequest } from './fake-discord.ts';
import { startArgs } from './bot-process.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/discord');
const TOKEN = 'e2e-fake-token.not-a-real-secret.0123456789';
const GUILDS = 1 << 0;
const DIRECT_MESSAGES = 1 << 12;
const MESSAGE_CONTENT = 1 << 15;

type Json = Record<string, unknown>;
const fixture = <T = Json>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

let discord: FakeDiscord;
let bot: ChildProcess;
let botLog = '';
let dataDir: string;

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('DISCORD_') || k === 'DEV_GUILD_ID') delete env[k];
  const files = { DATABASE_PATH: join(dataDir, 'gaibu-guard.db'), STATS_SECRET_FILE: join(dataDir, 'key', 'stats-secret') };
  return { ...env, DISCORD_API_URL: discord.apiUrl, ...files, DEV_GUILD_ID: '', ...extra };
}

/** Sends an interaction fixture with a fresh id/token and waits for the bot's callback. */
async function interact(name: string, patch: (i: Json) => void = () => undefined): Promise<RecordedRequest> {
  const i = fixture(name);
  i['id'] = snowflakeNow();
  i['token'] = `tok-${String(i['id'])}`;
  patch(i);
  discord.dispatch('INTERACTION_CREATE', i);
  return discord.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${String(i['id'])}/${String(i['token'])}/callback`);
}

/** Sends MESSAGE_CREATE fixtures (fresh ids) and waits for the bot's reply to each. */
async function dm(...messages: Json[]): Promise<RecordedRequest[]> {
  const ids = messages.map((m) => {
    m['id'] = snowflakeNow();
    discord.dispatch('MESSAGE_CREATE', m);
    return String(m['id']);
  });
  return Promise.all(
    ids.map((id) =>
      discord.waitForRequest(
        (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && ((r.body as Json)['message_reference'] as Json | undefined)?.['message_id'] === id,
      ),
    ),
  );
}

const data = (r: RecordedRequest): Json => (r.body as Json)['data'] as Json;
const embed = (d: Json): Json => (d['embeds'] as Json[])[0]!;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gaibu-guard-e2e-'));
  discord = new FakeDiscord(1000);
  await discord.start();
  bot = spawn(process.execPath, startArgs(), {
    cwd: ROOT,
    env: baseEnv({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bot.stdout?.on('data', (c: Buffer) => (botLog += c.toString('utf8')));
  bot.stderr?.on('data', (c: Buffer) => (botLog += c.toString('utf8')));
  // Ready when the bot logs clientReady (after IDENTIFY → READY).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not become ready:\n${botLog}`)), 45_000);
    const poll = setInterval(() => {
      if (botLog.includes('"event":"ready"')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    bot.once('exit', (code) => reject(new Error(`bot exited early with ${String(code)}:\n${botLog}`)));
  });
});

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
  }
  await discord?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the bot against a local Discord stand-in', () => {
  it('logs in with the bot token, Guilds + DirectMessages intents and no MessageContent', async () => {
    await discord.waitForGateway('identify');
    expect(discord.identify?.token).toBe(TOKEN);
    expect(discord.identify?.intents).toBe(GUILDS | DIRECT_MESSAGES);
    expect((discord.identify?.intents ?? 0) & MESSAGE_CONTENT).toBe(0);
    const gateway = await discord.waitForRequest((r) => r.path === '/gateway/bot');
    expect(gateway.headers['authorization']).toBe(`Bot ${TOKEN}`);
  });

  it('keeps the gateway alive: heartbeats are sent and acknowledged', async () => {
    await discord.waitForGateway('heartbeat');
    expect(discord.heartbeats).toBeGreaterThan(0);
  });

  it('answers /check with a private embed at the right level', async () => {
    const reply = await interact('interaction-check.json');
    expect((reply.body as Json)['type']).toBe(4);
    expect(data(reply)['flags']).toBe(64);
    const e = embed(data(reply));
    expect(e['color']).toBe(0xd32f2f);
    expect(String(e['title'])).toMatch(/^🔴 危険/);
    expect(JSON.stringify(e)).not.toContain('sakura22');
    const ids = (data(reply)['components'] as { components: { custom_id: string }[] }[])[0]!.components.map((c) => c.custom_id);
    expect(ids[0]).toMatch(/^gg:v2:refusal:crowdworks:[a-z_.]+:ja$/);
    expect(ids.slice(1)).toEqual([expect.stringMatching(/^gg:v2:report:crowdworks:[a-z_]+:ja$/), 'gg:v2:replied:ja']);
  });

  it('answers a harmless /check in green', async () => {
    const reply = await interact('interaction-check.json', (i) => {
      ((i['data'] as Json)['options'] as Json[])[0]!['value'] = 'LINEスタンプのイラスト制作をお願いします。納期は2週間です。';
    });
    expect(embed(data(reply))['color']).toBe(0x388e3c);
    expect(data(reply)['components']).toEqual([]);
  });

  it('answers the context menu privately, on a plain and on a forwarded message', async () => {
    const plain = await interact('interaction-context-menu.json');
    expect(data(plain)['flags']).toBe(64);
    expect(JSON.stringify(embed(data(plain))['fields'])).toContain('直接契約・手数料回避');
    const forwarded = await interact('interaction-context-menu-forwarded.json');
    expect(JSON.stringify(embed(data(forwarded))['fields'])).toContain('契約前の通話・面談');
  });

  it('answers a DM with a reply to that message', async () => {
    const [reply] = await dm(fixture('message-dm.json'));
    expect(reply!.path).toBe('/channels/1300000000000000300/messages');
    expect(String(embed(reply!.body as Json)['title'])).toMatch(/^🔴/);
    expect(reply!.headers['authorization']).toBe(`Bot ${TOKEN}`);
  });

  it('answers a forwarded DM (empty content, text in the snapshot), and each of several in a row', async () => {
    const [a, b] = await dm(fixture('message-dm-forward.json'), fixture<Json[]>('message-dm-forward-then-comment.json')[0]!);
    expect(JSON.stringify(embed(a!.body as Json)['fields'])).toContain('サービス外での支払い');
    expect(JSON.stringify(embed(b!.body as Json)['fields'])).toContain('外部連絡ツールへの誘導');
  });

  it('answers a refusal button with the refusal alone, as a private plain message', async () => {
    const reply = await interact('interaction-button-refusal.json');
    expect(data(reply)).toMatchObject({ flags: 64 });
    expect(data(reply)['content']).toMatch(/^ご連絡ありがとうございます。.*サービス外連絡申請/);
    expect(data(reply)['embeds']).toBeUndefined();
  });

  it('asks a member to wait after 10 checks in a minute', async () => {
    const asOther = (i: Json): void => {
      ((i['member'] as Json)['user'] as Json)['id'] = '1300000000000000099';
    };
    for (let n = 0; n < 10; n++) expect(data(await interact('interaction-check.json', asOther))['embeds']).toBeDefined();
    const limited = await interact('interaction-check.json', asOther);
    expect(data(limited)['content']).toMatch(/^短い時間にたくさんのチェックをいただいたため/);
    expect(data(limited)['flags']).toBe(64);
  });

  it('never writes message text or the token to its log', () => {
    expect(botLog).toContain('"event":"check"');
    for (const secret of [TOKEN, 'sakura22', 'LINE', '口座番号', 'Zoom']) expect(botLog).not.toContain(secret);
  });
});

describe('npm run deploy-commands', () => {
  const deploy = async (extra: Record<string, string>): Promise<{ code: number | null; out: string }> => {
    const child = spawn('npm', ['run', '--silent', 'deploy-commands'], {
      cwd: ROOT,
      env: baseEnv({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, ...extra }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    return { code, out };
  };

  it('registers the commands globally with names, localizations, install types and contexts', async () => {
    const { code, out } = await deploy({});
    expect(code, out).toBe(0);
    const put = await discord.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/commands`);
    const body = put.body as Json[];
    const byName = Object.fromEntries(body.map((c) => [String(c['name']), c]));
    expect(Object.keys(byName).sort()).toEqual(['check', 'digest-admin', 'help', 'privacy', 'stats', '外部誘導チェック']);
    for (const c of body.filter((x) => x['name'] !== 'digest-admin')) {
      expect(c['integration_types']).toEqual([0, 1]); // guild install, user install
      expect(c['contexts']).toEqual([0, 1, 2]); // guild, bot DM, private channel
    }
    expect(byName['digest-admin']).toMatchObject({ integration_types: [0], contexts: [0] }); // server admins only
    const check = byName['check']!;
    expect(check['type']).toBe(1);
    expect(check['description_localizations']).toMatchObject({ 'en-US': expect.any(String), 'en-GB': expect.any(String) });
    const text = (check['options'] as Json[]).find((o) => o['name'] === 'text')!;
    // Optional since a screenshot alone (the image option, type 11) can be checked.
    expect(text).toMatchObject({ type: 3, required: false, max_length: 6000 });
    expect((check['options'] as Json[]).find((o) => o['name'] === 'image')).toMatchObject({ type: 11, required: false });
    const platform = (check['options'] as Json[]).find((o) => o['name'] === 'platform')!;
    expect((platform['choices'] as Json[]).map((c) => c['value'])).toEqual(['crowdworks', 'lancers', 'coconala', 'other']);
    const menu = byName['外部誘導チェック']!;
    expect(menu['type']).toBe(3);
    expect(menu['name_localizations']).toEqual({ 'en-US': 'Check off-platform solicitation', 'en-GB': 'Check off-platform solicitation' });
  });

  it('registers to one server when DEV_GUILD_ID is set', async () => {
    const { code, out } = await deploy({ DEV_GUILD_ID: '1300000000000000100' });
    expect(code, out).toBe(0);
    const put = await discord.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/guilds/1300000000000000100/commands`);
    expect((put.body as Json[]).length).toBe(6);
  });

  it('names the host it tried when the name does not resolve', async () => {
    const { code, out } = await deploy({ DISCORD_API_URL: 'http://no-such-host.invalid/api' });
    expect(code).toBe(1);
    expect(out).toContain('Could not resolve the host no-such-host.invalid (ENOTFOUND): check DISCORD_API_URL.');
  });

  it('names the missing key and exits non-zero without DISCORD_CLIENT_ID', async () => {
    const { code, out } = await deploy({ DISCORD_CLIENT_ID: '' });
    expect(code).not.toBe(0);
    expect(out).toContain('DISCORD_CLIENT_ID');
    expect(out).not.toContain(TOKEN);
  });
});

describe('npm start', () => {
  const start = async (extra: Record<string, string>, stdin: string): Promise<{ code: number | null; out: string }> => {
    const child = spawn(process.execPath, startArgs(), { cwd: ROOT, env: baseEnv(extra), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stdin.end(stdin);
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    return { code, out };
  };

  it('runs the local console when there is no token, answering a pasted message', async () => {
    const { code, out } = await start({ DISCORD_TOKEN: '' }, '詳細はLINEで！ID: sakura22\n\n:refusal\n:quit\n');
    expect(code, out).toBe(0);
    expect(out).toContain('DISCORD_TOKEN が設定されていないため、ローカルコンソールで起動します');
    expect(out).toContain('🔴 危険 (high)');
    expect(out).toContain('ご連絡ありがとうございます。');
  });

  it('refuses a malformed setting, naming the key and not the value', async () => {
    const { code, out } = await start({ DISCORD_CLIENT_ID: 'not-an-id-secret' }, '');
    expect(code).toBe(2);
    expect(out).toContain('DISCORD_CLIENT_ID');
    expect(out).not.toContain('not-an-id-secret');
  });
});

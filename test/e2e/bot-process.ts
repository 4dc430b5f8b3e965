// The real bot as `npm start` runs it (the build: `node dist/src/bot/main.js`), as a child process
// pointed at a FakeDiscord, with its log captured; plus helpers to send interactions and DMs built
// from the raw fixtures. Shared by the hardening e2e tests and the load script.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeDiscord, type RecordedRequest, snowflakeNow } from './fake-discord.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures/discord');
export const TOKEN = 'e2e-fake-token.not-a-real-secret.0123456789';

export type Json = Record<string, unknown>;

/**
 * The node arguments of package.json's `start` script (`node dist/src/bot/main.js`): the e2e and
 * load tests run exactly what production runs. test/helpers/build.ts keeps dist/ current.
 */
export function startArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [cmd, ...args] = (pkg.scripts['start'] ?? '').split(/\s+/).filter(Boolean);
  if (cmd !== 'node' || args.length === 0) throw new Error(`the start script is not "node …": ${pkg.scripts['start']}`);
  return args;
}
export const fixture = <T = Json>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

export interface BotProcess {
  child: ChildProcess;
  /** Everything the bot wrote to stdout and stderr so far. */
  log(): string;
  /** Parsed JSON log lines (the structured logger's output). */
  events(): Json[];
  /** Resolves when a log line matches (already written or future). */
  waitForLog(match: (e: Json) => boolean, timeoutMs?: number): Promise<Json>;
  /** Resolves with the exit code. */
  exited(): Promise<number | null>;
  /** SIGTERM if still running, then waits; removes the temporary data folder. */
  stop(): Promise<void>;
  dataDir: string;
}

export function botEnv(discord: FakeDiscord, dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('DISCORD_') || k === 'DEV_GUILD_ID' || k === 'SHARD_COUNT') delete env[k];
  return {
    ...env,
    DISCORD_API_URL: discord.apiUrl,
    DATABASE_PATH: join(dataDir, 'gaibu-guard.db'),
    // The generated key goes to the user's configuration folder by default: keep tests out of it.
    STATS_SECRET_FILE: join(dataDir, 'key', 'stats-secret'),
    DEV_GUILD_ID: '',
    DISCORD_TOKEN: TOKEN,
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Runs the bot to its end (for starts that must fail): exit code and everything it printed. */
export function runMain(env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, startArgs(), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

/** Spawns the bot and resolves once it logged `ready` (or rejects with its log). */
export async function startBot(discord: FakeDiscord, extra: Record<string, string> = {}, opts: { nodeArgs?: string[] } = {}): Promise<BotProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gaibu-guard-e2e-'));
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...startArgs()], {
    cwd: ROOT,
    env: botEnv(discord, dataDir, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const events = (): Json[] =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l) as Json;
        } catch {
          return {};
        }
      });

  const waitForLog = (match: (e: Json) => boolean, timeoutMs = 15_000): Promise<Json> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error(`timed out waiting for a log line; log so far:\n${out}`));
      }, timeoutMs);
      const poll = setInterval(() => {
        const hit = events().find(match);
        if (hit) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(hit);
        }
      }, 20);
    });

  const bot: BotProcess = {
    child,
    dataDir,
    log: () => out,
    events,
    waitForLog,
    exited: () => exit,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const early = exit.then((code) => {
    throw new Error(`bot exited early with ${String(code)}:\n${out}`);
  });
  void early.catch(() => undefined);
  try {
    await Promise.race([waitForLog((e) => e['event'] === 'ready', 45_000), early]);
    // Screenshot reading warms up right after login (a second or two of work on the other core and
    // ~160 MB): tests start from a settled bot, as a bot runs most of its life.
    if (extra['OCR'] !== 'off') await Promise.race([waitForLog((e) => e['event'] === 'ocr_ready' || e['event'] === 'ocr_start_failed', 60_000), early]);
  } catch (err) {
    // Never leave a bot behind (it would keep reconnecting to a stand-in that is gone).
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return bot;
}

export interface SentInteraction {
  id: string;
  token: string;
  sentAt: number;
  /** The first callback (the answer or a deferral) that succeeded. */
  callback: Promise<RecordedRequest>;
}

const isCallbackFor = (id: string, token: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback`;

/** Dispatches an interaction fixture with a fresh id and token; `callback` resolves on its answer. */
export function sendInteraction(discord: FakeDiscord, name: string, patch: (i: Json) => void = () => undefined, timeoutMs = 10_000): SentInteraction {
  const i = fixture(name);
  const id = snowflakeNow();
  const token = `tok-${id}`;
  i['id'] = id;
  i['token'] = token;
  patch(i);
  const callback = discord.waitForRequest(isCallbackFor(id, token), timeoutMs);
  const sentAt = Date.now();
  discord.dispatch('INTERACTION_CREATE', i);
  return { id, token, sentAt, callback };
}

/** Patches a /check fixture: its text and/or the member's user id. */
export function checkPatch(opts: { text?: string; userId?: string; guildId?: string }): (i: Json) => void {
  return (i) => {
    if (opts.text !== undefined) (((i['data'] as Json)['options'] as Json[])[0] as Json)['value'] = opts.text;
    if (opts.userId !== undefined) ((i['member'] as Json)['user'] as Json)['id'] = opts.userId;
    if (opts.guildId !== undefined) {
      i['guild_id'] = opts.guildId;
      (i['channel'] as Json)['guild_id'] = opts.guildId;
    }
  };
}

/** Sends a DM (MESSAGE_CREATE) with a fresh id; resolves on the bot's reply to it. */
export function sendDm(discord: FakeDiscord, opts: { text: string; userId?: string; channelId?: string }, timeoutMs = 10_000): { id: string; sentAt: number; reply: Promise<RecordedRequest> } {
  const m = fixture('message-dm.json');
  const id = snowflakeNow();
  m['id'] = id;
  m['content'] = opts.text;
  if (opts.userId) (m['author'] as Json)['id'] = opts.userId;
  if (opts.channelId) m['channel_id'] = opts.channelId;
  const reply = discord.waitForRequest(
    (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && ((r.body as Json)['message_reference'] as Json | undefined)?.['message_id'] === id,
    timeoutMs,
  );
  const sentAt = Date.now();
  discord.dispatch('MESSAGE_CREATE', m);
  return { id, sentAt, reply };
}

/** The `data` of an interaction callback body. */
export const callbackData = (r: RecordedRequest): Json => ((r.body as Json)['data'] ?? {}) as Json;

/** p50 / p99 / max of a list of milliseconds. */
export function percentiles(ms: number[]): { n: number; p50: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? NaN };
}

// Test harness for the bot's handlers: the real client, the real event wiring and the real
// commands, fed raw Discord API JSON (test/fixtures/discord/) and with every REST call captured
// through discord.js's documented `rest.makeRequest` hook instead of going to the network.
import { readFileSync } from 'node:fs';
import type { Client } from 'discord.js';
import { createClient } from '../../src/bot/client.ts';
import { createCheckQueue } from '../../src/bot/check-queue.ts';
import type { LoadedCommand, Services } from '../../src/bot/command.ts';
import type { ImageServices } from '../../src/bot/images.ts';
import { wireEvents } from '../../src/bot/events.ts';
import { loadCommands } from '../../src/bot/loader.ts';
import { createLogger } from '../../src/bot/log.ts';
import { createRateLimiter, type CheckBudget } from '../../src/bot/rate-limit.ts';
import { SEEN_LOOKUPS_PER_HOUR } from '../../src/stats/seen.ts';
import type { Engine } from '../../src/engine.ts';
import type { StatsPort } from '../../src/stats/port.ts';

export const FIXTURES = new URL('../fixtures/discord/', import.meta.url);
/** The fixtures' interaction ids are snowflakes of this instant; the harness clock starts here. */
export const FIXTURE_TIME = Date.parse('2025-11-20T10:00:00.000Z');
export const API = 'https://discord.com/api/v10';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}

export interface CapturedRequest {
  method: string;
  /** Path after /api/v10, without the query. */
  path: string;
  query: string;
  body: Record<string, unknown> | null;
}

export interface HarnessOptions {
  stats?: StatsPort | null;
  /** Milliseconds after FIXTURE_TIME at which handlers run (interaction age). */
  clockOffsetMs?: number;
  limit?: number;
  /** The bot's check budget (none by default). */
  budget?: CheckBudget;
  /** The check queue's cap (the bot's default otherwise). */
  maxQueued?: number;
  /** Screenshot reading (src/bot/images.ts); absent, as with OCR=off. */
  images?: ImageServices;
}

export interface Harness {
  client: Client;
  services: Services;
  commands: LoadedCommand[];
  requests: CapturedRequest[];
  logs: string[];
  /** Feeds a raw INTERACTION_CREATE payload and waits until its handler is done. */
  interaction(data: unknown): Promise<CapturedRequest[]>;
  /** Feeds raw MESSAGE_CREATE payloads in order and waits for their handlers. */
  messages(...data: unknown[]): Promise<CapturedRequest[]>;
  /** Feeds several INTERACTION_CREATE payloads at once (as a burst arrives), then waits for all. */
  burst(...data: unknown[]): Promise<CapturedRequest[]>;
  setClock(ms: number): void;
  destroy(): Promise<void>;
}

let messageSeq = 0;
function fakeMessage(channelId: string, body: Record<string, unknown> | null): Record<string, unknown> {
  return {
    id: String(1400000000000000000n + BigInt(++messageSeq)),
    channel_id: channelId,
    author: { id: '1300000000000000001', username: 'gaibu-guard', discriminator: '0', avatar: null, bot: true },
    content: body?.['content'] ?? '',
    timestamp: new Date(FIXTURE_TIME).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body?.['embeds'] ?? [],
    components: body?.['components'] ?? [],
    pinned: false,
    type: 0,
    flags: body?.['flags'] ?? 0,
  };
}

export async function createHarness(engine: Engine, opts: HarnessOptions = {}): Promise<Harness> {
  const requests: CapturedRequest[] = [];
  const logs: string[] = [];
  let now = FIXTURE_TIME + (opts.clockOffsetMs ?? 200);

  const client = createClient({
    makeRequest: async (url, init) => {
      const u = new URL(url);
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
      const path = u.pathname.replace(/^\/api\/v10/, '');
      requests.push({ method: init.method ?? 'GET', path, query: u.search, body });
      if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return new Response(null, { status: 204 });
      const channel = /^\/channels\/(\d+)\/messages$/.exec(path)?.[1] ?? '1300000000000000300';
      return Response.json(fakeMessage(channel, body));
    },
  });
  client.rest.setToken('test-token-not-a-secret.abcdefghijklmnopqrstuvwxyz');

  const services: Services = {
    engine,
    stats: opts.stats ?? null,
    limiter: createRateLimiter(opts.limit === undefined ? {} : { limit: opts.limit }),
    lookups: createRateLimiter({ limit: SEEN_LOOKUPS_PER_HOUR, windowMs: 3_600_000 }),
    ...(opts.budget ? { budget: opts.budget } : {}),
    queue: createCheckQueue(opts.maxQueued === undefined ? {} : { maxQueued: opts.maxQueued }),
    log: createLogger('debug', (line) => logs.push(line)),
    now: () => new Date(now),
    images: opts.images,
  };
  const commands = await loadCommands();
  const bot = wireEvents(client, services, commands);
  // discord.js keeps its packet handlers ("actions") internal; feeding them is exactly what the
  // gateway does on INTERACTION_CREATE / MESSAGE_CREATE.
  const actions = (client as unknown as { actions: Record<'InteractionCreate' | 'MessageCreate', { handle(d: unknown): unknown }> }).actions;

  const since = async (fn: () => void): Promise<CapturedRequest[]> => {
    const start = requests.length;
    fn();
    await bot.idle();
    return requests.slice(start);
  };

  return {
    client,
    services,
    commands,
    requests,
    logs,
    interaction: (data) => since(() => actions.InteractionCreate.handle(structuredClone(data))),
    burst: (...data) => since(() => data.forEach((d) => actions.InteractionCreate.handle(structuredClone(d)))),
    messages: async (...data) => {
      const out: CapturedRequest[] = [];
      for (const d of data) out.push(...(await since(() => actions.MessageCreate.handle(structuredClone(d)))));
      return out;
    },
    setClock: (ms) => {
      now = ms;
    },
    destroy: async () => {
      await client.destroy();
    },
  };
}

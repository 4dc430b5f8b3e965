// A small local stand-in for Discord: enough REST (under /api/v10) and gateway (WebSocket) for the
// real bot to log in, receive events and answer them, and for deploy-commands to register. It records
// every request so tests can assert on exactly what the bot sent. Test code only; not a Discord
// emulator: routes it does not know answer 404.
//
// For the hardening tests it can also misbehave the way Discord does: close the gateway socket
// (a resumable close code, or an abnormal drop without a close frame), accept RESUME (op 6) and
// replay what the bot missed, answer a REST request with a 429 or a 500, hold a response for a
// while, and run several shards (GET /gateway/bot recommends them; IDENTIFY carries [id, count]).
// It also plays the attachment CDN: serveAttachment() puts bytes at a URL on 127.0.0.1, as
// cdn.discordapp.com would serve a screenshot, so the bot's image path runs for real.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '1300000000000000001';
const DISCORD_EPOCH = 1420070400000n;

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /interactions/123/token/callback (URL-decoded). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** When the stand-in received it (ms since epoch). */
  at: number;
  /** When the stand-in finished sending its answer (ms since epoch); null until then. */
  answeredAt: number | null;
}

/** A scripted answer to one request: a status, body and headers, and/or a delay before answering. */
export interface Fault {
  /** Omitted: the normal answer, after `delayMs`. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface IdentifyPayload {
  token: string;
  intents: number;
  properties: unknown;
  shard?: [number, number];
}

export interface FakeDiscordOptions {
  heartbeatIntervalMs?: number;
  /** What GET /gateway/bot recommends (the bot with `shards: 'auto'` follows it). */
  shards?: number;
  /** session_start_limit.max_concurrency: shards identifying at the same time. */
  maxConcurrency?: number;
  /** When set, REST requests and IDENTIFY with another token are refused (401 / close 4004). */
  token?: string;
}

type GatewayPayload = { op: number; d?: unknown; s?: number | null; t?: string | null };
type GatewayWhat = 'identify' | 'heartbeat' | 'resume';

/** One gateway session (one per shard): what was sent on it, so a RESUME can replay it. */
interface Session {
  id: string;
  shard: [number, number];
  token: string;
  socket: WebSocket | null;
  seq: number;
  /** Dispatches sent (or queued while disconnected) on this session, last REPLAY_KEEP kept. */
  sent: GatewayPayload[];
}

const REPLAY_KEEP = 1000;

let increment = 0n;
/** A snowflake for "now", so the bot sees fresh interactions (it defers late ones). */
export function snowflakeNow(): string {
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (increment++ & 0xfffn));
}

/** A 429 as Discord sends it: `retry_after` in the body and the headers discord.js reads. */
export function rateLimited(retryAfterSec: number, scope: 'user' | 'shared' = 'user'): Fault {
  const resetAt = Date.now() / 1000 + retryAfterSec;
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: retryAfterSec, global: false },
    headers: {
      'retry-after': String(Math.ceil(retryAfterSec)),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': resetAt.toFixed(3),
      'x-ratelimit-reset-after': retryAfterSec.toFixed(3),
      'x-ratelimit-bucket': 'fake-bucket-0001',
      'x-ratelimit-scope': scope,
    },
  };
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** The last IDENTIFY (every one is in `identifies`). */
  identify: IdentifyPayload | null = null;
  readonly identifies: IdentifyPayload[] = [];
  /** RESUME payloads (op 6) received, in order. */
  readonly resumes: { session_id: string; seq: number }[] = [];
  /** Close codes of gateway sockets as the stand-in saw them (1000 = the bot said goodbye). */
  readonly closes: { shard: number; code: number; at: number }[] = [];
  heartbeats = 0;
  private readonly opts: Required<Omit<FakeDiscordOptions, 'token'>> & { token: string | undefined };
  private server: Server = createServer((req, res) => void this.onHttp(req, res));
  private wss = new WebSocketServer({ server: this.server });
  private sessions = new Map<number, Session>();
  private sessionSeq = 0;
  private waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private gatewayWaiters: { what: GatewayWhat; count: number; resolve: () => void }[] = [];
  private faults: { match: (r: RecordedRequest) => boolean; fault: Fault; times: number }[] = [];
  private listeners: ((r: RecordedRequest) => void)[] = [];
  private messageSeq = 0;
  private files = new Map<string, { bytes: Uint8Array; contentType: string }>();

  constructor(options: number | FakeDiscordOptions = {}) {
    const o = typeof options === 'number' ? { heartbeatIntervalMs: options } : options;
    this.opts = { heartbeatIntervalMs: o.heartbeatIntervalMs ?? 1000, shards: o.shards ?? 1, maxConcurrency: o.maxConcurrency ?? 1, token: o.token };
    this.wss.on('connection', (ws) => this.onGateway(ws));
  }

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  /** What the bot gets as DISCORD_API_URL (discord.js appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /**
   * Serves `bytes` at a fresh attachment URL (GET /attachments/…) and returns the attachment object
   * of Discord's API for a message or an interaction's resolved data.
   */
  serveAttachment(filename: string, bytes: Uint8Array, contentType: string, size: { width: number; height: number } | null = null): Record<string, unknown> {
    const id = snowflakeNow();
    const path = `/attachments/1300000000000000300/${id}/${encodeURIComponent(filename)}`;
    this.files.set(path, { bytes, contentType });
    const url = `http://127.0.0.1:${this.port}${path}`;
    return { id, filename, size: bytes.length, url, proxy_url: url, content_type: contentType, ...(size ?? {}) };
  }

  /** The shard Discord routes a guild's events to; DMs go to shard 0. */
  shardOf(guildId: string | null | undefined): number {
    return guildId ? Number((BigInt(guildId) >> 22n) % BigInt(this.opts.shards)) : 0;
  }

  /**
   * Sends a gateway DISPATCH (INTERACTION_CREATE, MESSAGE_CREATE, …) on the shard that owns its
   * guild. While that shard is disconnected the event waits in the session and is replayed on RESUME,
   * as Discord does.
   */
  dispatch(t: string, d: unknown, shard = this.shardOf((d as { guild_id?: string } | null)?.guild_id)): void {
    const session = this.sessions.get(shard);
    if (!session) throw new Error(`no bot session on shard ${shard}`);
    const p: GatewayPayload = { op: 0, t, s: ++session.seq, d };
    session.sent.push(p);
    if (session.sent.length > REPLAY_KEEP) session.sent.shift();
    if (session.socket && session.socket.readyState === session.socket.OPEN) this.send(session.socket, p);
  }

  /**
   * Drops a shard's gateway socket: with a close frame carrying `code` (4000: "unknown error, you may
   * resume"), or 'abnormal': the TCP connection just dies, which the bot sees as 1006.
   */
  dropGateway(how: number | 'abnormal', shard = 0): void {
    const socket = this.sessions.get(shard)?.socket;
    if (!socket) throw new Error(`no socket on shard ${shard}`);
    if (how === 'abnormal') socket.terminate();
    else socket.close(how, 'stand-in closed the connection');
  }

  /** The next `times` requests that match get `fault` instead of (or, with only a delay, before) the normal answer. */
  inject(match: (r: RecordedRequest) => boolean, fault: Fault, times = 1): void {
    this.faults.push({ match, fault, times });
  }

  /** Calls `listener` for every request from now on (load tests count answers without keeping them). */
  onRequest(listener: (r: RecordedRequest) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Forgets recorded requests (long runs). */
  forget(): void {
    this.requests.length = 0;
  }

  /** Resolves with the first request (already received or future) that matches. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a request from the bot')), timeoutMs);
      this.waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  /** Resolves once the stand-in has seen `count` IDENTIFYs, heartbeats or RESUMEs in total. */
  waitForGateway(what: GatewayWhat, timeoutMs = 10_000, count = 1): Promise<void> {
    if (this.gatewayCount(what) >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what} #${count}`)), timeoutMs);
      this.gatewayWaiters.push({ what, count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Resolves when a bot socket closes (e.g. on shutdown), with its close code. */
  waitForClose(timeoutMs = 10_000): Promise<{ shard: number; code: number; at: number }> {
    const before = this.closes.length;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for the bot to close the gateway')), timeoutMs);
      const poll = setInterval(() => {
        const c = this.closes[before];
        if (c) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(c);
        }
      }, 20);
    });
  }

  async close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  // -------------------------------------------------------------------------------------------
  // Gateway: HELLO → IDENTIFY → READY (or RESUME → replay → RESUMED), heartbeats acknowledged.

  private onGateway(ws: WebSocket): void {
    let shard: number | null = null;
    this.send(ws, { op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs } });
    ws.on('close', (code) => {
      if (shard === null) return;
      this.closes.push({ shard, code, at: Date.now() });
      const s = this.sessions.get(shard);
      if (s?.socket === ws) s.socket = null;
    });
    ws.on('message', (raw) => {
      const p = JSON.parse(String(raw)) as GatewayPayload;
      if (p.op === 2) {
        const d = p.d as IdentifyPayload;
        if (this.opts.token !== undefined && d.token !== this.opts.token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        const [id, count] = d.shard ?? [0, 1];
        shard = id;
        this.identify = d;
        this.identifies.push(d);
        const session: Session = { id: `fake-session-${++this.sessionSeq}`, shard: [id, count], token: d.token, socket: ws, seq: 0, sent: [] };
        this.sessions.set(id, session);
        this.send(ws, {
          op: 0,
          t: 'READY',
          s: ++session.seq,
          d: {
            v: 10,
            user: { id: APP_ID, username: 'gaibu-guard', discriminator: '0', avatar: null, bot: true, flags: 0 },
            guilds: [],
            session_id: session.id,
            resume_gateway_url: this.gatewayUrl,
            shard: [id, count],
            application: { id: APP_ID, flags: 0 },
          },
        });
        this.notifyGateway();
      } else if (p.op === 6) {
        const d = p.d as { token: string; session_id: string; seq: number };
        this.resumes.push({ session_id: d.session_id, seq: d.seq });
        const session = [...this.sessions.values()].find((s) => s.id === d.session_id && s.token === d.token);
        if (!session) {
          this.send(ws, { op: 9, d: false }); // invalid session: identify again
        } else {
          shard = session.shard[0];
          session.socket = ws;
          for (const missed of session.sent) if ((missed.s ?? 0) > d.seq) this.send(ws, missed);
          this.send(ws, { op: 0, t: 'RESUMED', s: ++session.seq, d: {} });
        }
        this.notifyGateway();
      } else if (p.op === 1) {
        this.heartbeats++;
        this.send(ws, { op: 11 });
        this.notifyGateway();
      }
    });
  }

  private send(ws: WebSocket, p: GatewayPayload): void {
    ws.send(JSON.stringify({ s: null, t: null, ...p }));
  }

  private gatewayCount(what: GatewayWhat): number {
    return what === 'identify' ? this.identifies.length : what === 'resume' ? this.resumes.length : this.heartbeats;
  }

  private notifyGateway(): void {
    const ready = this.gatewayWaiters.filter((w) => this.gatewayCount(w.what) >= w.count);
    this.gatewayWaiters = this.gatewayWaiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  // -------------------------------------------------------------------------------------------
  // REST

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = req.method === 'GET' ? this.files.get(url.pathname) : undefined;
    if (file) {
      // The CDN: recorded like any request, answered with the bytes.
      this.requests.push({ method: 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: null, at: Date.now(), answeredAt: Date.now() });
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length) });
      res.end(file.bytes);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body: text ? (JSON.parse(text) as unknown) : null,
      at: Date.now(),
      answeredAt: null,
    };
    this.requests.push(record);
    for (const l of this.listeners) l(record);

    const injected = this.faults.find((f) => f.times > 0 && f.match(record));
    if (injected) injected.times--;
    this.faults = this.faults.filter((f) => f.times > 0);
    const fault = injected?.fault;
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));

    const [status, body, headers] =
      fault?.status !== undefined ? [fault.status, fault.body ?? null, fault.headers ?? {}] : [...this.route(record), {}];
    if (!res.destroyed) {
      res.writeHead(status, { ...(body === null ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(body === null ? undefined : JSON.stringify(body));
    }
    record.answeredAt = Date.now();
    // Waiters hear about a request once it has been answered normally (an injected failure is not
    // "the bot's reply arrived"; its retry is).
    if (status >= 400 && fault) return;
    const matched = this.waiters.filter((w) => w.match(record));
    this.waiters = this.waiters.filter((w) => !w.match(record));
    for (const w of matched) w.resolve(record);
  }

  private route(r: RecordedRequest): [number, unknown] {
    const m = (re: RegExp) => re.exec(`${r.method} ${r.path}`);
    const isCallback = m(/^POST \/interactions\/\d+\/[^/]+\/callback$/) !== null;
    const isWebhook = m(/^(PATCH|POST) \/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/) !== null;
    // Interaction callbacks and webhooks are authenticated by their token, everything else by the bot's.
    if (this.opts.token !== undefined && !isCallback && !isWebhook && r.headers['authorization'] !== `Bot ${this.opts.token}`) {
      return [401, { message: '401: Unauthorized', code: 0 }];
    }
    if (m(/^GET \/gateway\/bot$/)) {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: this.opts.shards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.opts.maxConcurrency },
        },
      ];
    }
    if (isCallback) return [204, null];
    const channel = m(/^POST \/channels\/(\d+)\/messages$/);
    if (channel) return [200, this.message(channel[1]!, r.body)];
    if (isWebhook) return [200, this.message('1300000000000000200', r.body)];
    const commands = m(/^PUT \/applications\/(\d+)(?:\/guilds\/\d+)?\/commands$/);
    if (commands) {
      const list = Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : [];
      return [200, list.map((c, k) => ({ ...c, id: String(1400000000000000000n + BigInt(k)), application_id: commands[1], version: '1' }))];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private message(channelId: string, body: unknown): Record<string, unknown> {
    const b = (body ?? {}) as Record<string, unknown>;
    return {
      id: String(1400000000000000000n + BigInt(++this.messageSeq)),
      channel_id: channelId,
      author: { id: APP_ID, username: 'gaibu-guard', discriminator: '0', avatar: null, bot: true },
      content: b['content'] ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: b['embeds'] ?? [],
      components: b['components'] ?? [],
      pinned: false,
      type: 0,
      flags: b['flags'] ?? 0,
    };
  }
}

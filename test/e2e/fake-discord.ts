// A small local stand-in for Discord: enough REST (under /api/v10) and gateway (WebSocket) for the
// real bot to log in, receive events and answer them, and for deploy-commands to register. It records
// every request so tests can assert on exactly what the bot sent. Test code only; not a Discord
// emulator: routes it does not know answer 404.
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
}

type GatewayPayload = { op: number; d?: unknown; s?: number | null; t?: string | null };

let increment = 0n;
/** A snowflake for "now", so the bot sees fresh interactions (it defers late ones). */
export function snowflakeNow(): string {
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (increment++ & 0xfffn));
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  identify: { token: string; intents: number; properties: unknown } | null = null;
  heartbeats = 0;
  private server: Server = createServer((req, res) => void this.onHttp(req, res));
  private wss = new WebSocketServer({ server: this.server });
  private socket: WebSocket | null = null;
  private seq = 0;
  private waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private gatewayWaiters: { what: 'identify' | 'heartbeat'; resolve: () => void }[] = [];
  private messageSeq = 0;

  constructor(private readonly heartbeatIntervalMs = 1000) {
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

  /** Sends a gateway DISPATCH (INTERACTION_CREATE, MESSAGE_CREATE, …) to the connected bot. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('no bot connected to the gateway');
    this.send(this.socket, { op: 0, t, s: ++this.seq, d });
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

  waitForGateway(what: 'identify' | 'heartbeat', timeoutMs = 10_000): Promise<void> {
    if ((what === 'identify' && this.identify) || (what === 'heartbeat' && this.heartbeats > 0)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.gatewayWaiters.push({ what, resolve: () => (clearTimeout(timer), resolve()) });
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
  // Gateway: HELLO → IDENTIFY → READY, heartbeats acknowledged.

  private onGateway(ws: WebSocket): void {
    this.socket = ws;
    this.send(ws, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } });
    ws.on('message', (raw) => {
      const p = JSON.parse(String(raw)) as GatewayPayload;
      if (p.op === 2) {
        this.identify = p.d as FakeDiscord['identify'];
        this.send(ws, {
          op: 0,
          t: 'READY',
          s: ++this.seq,
          d: {
            v: 10,
            user: { id: APP_ID, username: 'gaibu-guard', discriminator: '0', avatar: null, bot: true, flags: 0 },
            guilds: [],
            session_id: 'fake-session',
            resume_gateway_url: this.gatewayUrl,
            application: { id: APP_ID, flags: 0 },
          },
        });
        this.notifyGateway('identify');
      } else if (p.op === 1) {
        this.heartbeats++;
        this.send(ws, { op: 11 });
        this.notifyGateway('heartbeat');
      }
    });
  }

  private send(ws: WebSocket, p: GatewayPayload): void {
    ws.send(JSON.stringify({ s: null, t: null, ...p }));
  }

  private notifyGateway(what: 'identify' | 'heartbeat'): void {
    const ready = this.gatewayWaiters.filter((w) => w.what === what);
    this.gatewayWaiters = this.gatewayWaiters.filter((w) => w.what !== what);
    for (const w of ready) w.resolve();
  }

  // -------------------------------------------------------------------------------------------
  // REST

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
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
    };
    this.requests.push(record);
    const [status, body] = this.route(record);
    res.writeHead(status, body === null ? {} : { 'content-type': 'application/json' });
    res.end(body === null ? undefined : JSON.stringify(body));
    const matched = this.waiters.filter((w) => w.match(record));
    this.waiters = this.waiters.filter((w) => !w.match(record));
    for (const w of matched) w.resolve(record);
  }

  private route(r: RecordedRequest): [number, unknown] {
    const m = (re: RegExp) => re.exec(`${r.method} ${r.path}`);
    if (m(/^GET \/gateway\/bot$/)) {
      return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    if (m(/^POST \/interactions\/\d+\/[^/]+\/callback$/)) return [204, null];
    const channel = m(/^POST \/channels\/(\d+)\/messages$/);
    if (channel) return [200, this.message(channel[1]!, r.body)];
    if (m(/^(PATCH|POST) \/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/)) return [200, this.message('1300000000000000200', r.body)];
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

// The discord.js poster for the scheduler, with a real Client whose REST calls are captured
// (discord.js's documented `rest.makeRequest` hook) instead of reaching Discord.
import { Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { discordDigestPoster, problemOf } from '../../src/stats/post-discord.ts';
import type { DigestOutput } from '../../src/stats/weekly.ts';

interface Captured {
  method: string;
  path: string;
  body: string;
}

const CHANNEL = '1300000000000000001';
const digest = (text: string, png: Buffer | null): DigestOutput =>
  ({ text, png, svg: '<svg/>', data: {} }) as unknown as DigestOutput;

function client(reply: (c: Captured) => Response): { client: Client; calls: Captured[] } {
  const calls: Captured[] = [];
  const c = new Client({
    intents: [],
    rest: {
      makeRequest: async (url, init) => {
        const captured = {
          method: init.method ?? 'GET',
          path: new URL(url).pathname.replace(/^\/api\/v10/, ''),
          body: typeof init.body === 'string' ? init.body : init.body ? '[multipart]' : '',
        };
        calls.push(captured);
        return reply(captured);
      },
    },
  });
  c.rest.setToken('test-token-not-a-secret.abcdefghijklmnopqrstuvwxyz');
  return { client: c, calls };
}

const dmChannel = { id: CHANNEL, type: 1, recipients: [{ id: '1190000000000000001', username: 'x', discriminator: '0', avatar: null }] };
const message = { id: '1400000000000000001', channel_id: CHANNEL, author: { id: '1', username: 'bot', discriminator: '0', avatar: null }, content: '', timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0 };
const error = (status: number, code: number): Response => Response.json({ message: 'error', code }, { status });

let clients: Client[] = [];
afterEach(async () => {
  for (const c of clients) await c.destroy();
  clients = [];
});

const target = { guildKey: 'ab'.repeat(12), channelId: CHANNEL, scope: 'all' as const, lastWeek: null };

describe('posting the digest to Discord', () => {
  it('sends the text with the chart, split at 2,000 characters, without pinging anyone', async () => {
    const { client: c, calls } = client((r) => (r.method === 'GET' ? Response.json(dmChannel) : Response.json(message)));
    clients.push(c);
    const text = Array.from({ length: 120 }, (_, i) => `行${i} ${'あ'.repeat(25)}`).join('\n');
    await expect(discordDigestPoster(c)(target, digest(text, Buffer.from('PNG')))).resolves.toEqual({ ok: true });
    const posts = calls.filter((x) => x.method === 'POST');
    expect(posts.length).toBe(2);
    expect(posts[0]?.body).toBe('[multipart]'); // the first part carries the PNG
    expect(JSON.parse(posts[1]?.body ?? '{}')).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('reports a deleted channel and missing permissions as problems instead of throwing', async () => {
    const gone = client(() => error(404, 10003));
    clients.push(gone.client);
    await expect(discordDigestPoster(gone.client)(target, digest('x', null))).resolves.toEqual({ ok: false, problem: 'channel_missing' });
    const denied = client((r) => (r.method === 'GET' ? Response.json(dmChannel) : error(403, 50013)));
    clients.push(denied.client);
    await expect(discordDigestPoster(denied.client)(target, digest('x', null))).resolves.toEqual({ ok: false, problem: 'missing_permission' });
  });

  it('maps Discord error codes to what the admin is told', () => {
    expect(problemOf({ code: 10003 })).toBe('channel_missing');
    expect(problemOf({ code: 50001 })).toBe('missing_permission');
    expect(problemOf({ code: 50013 })).toBe('missing_permission');
    expect(problemOf(new Error('socket hang up'))).toBe('post_failed');
  });
});

// Abuse and privacy at the bot's doors, from raw Discord API JSON: every message counts against the
// sender's budget, the bot's own budget and queue cap answer 「混み合っています」, 「ほかに N 件」 is
// shown sparingly, servers have statistics of their own only where they added the bot, and
// /digest-admin checks Manage Server itself.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCheckBudget } from '../../src/bot/rate-limit.ts';
import { adminCopy } from '../../src/stats/digest-copy.ts';
import { noteCopy } from '../../src/reply/bot-copy.ts';
import type { Engine } from '../../src/engine.ts';
import type { RecordMeta, StatsPort } from '../../src/stats/port.ts';
import { SEEN_LOOKUPS_PER_HOUR } from '../../src/stats/seen.ts';
import { sharedEngine } from '../helpers/engine.ts';
import { createHarness, fixture, FIXTURE_TIME, type CapturedRequest, type Harness } from './harness.ts';

type Json = Record<string, unknown>;
type Interaction = Json & { id: string; token: string; data: Json; member: { user: Json; permissions: string } };

let engine: Engine;
let h: Harness;
beforeAll(async () => {
  engine = await sharedEngine();
});
afterEach(async () => {
  await h?.destroy();
});

const HARMLESS = 'LINEスタンプのイラスト制作をお願いします。納期は2週間です。';
const withId = (i: Interaction, n: number): Interaction => ({ ...structuredClone(i), id: String(BigInt(i.id) + BigInt(n)), token: `${i.token}-${n}` });
const contentOf = (r: CapturedRequest): string => String(((r.body?.['data'] ?? r.body) as Json)['content'] ?? '');
const descriptionOf = (r: CapturedRequest): string =>
  String((((r.body?.['data'] ?? r.body) as { embeds?: Json[] }).embeds?.[0] ?? {})['description'] ?? '');
const events = (): string[] => h.logs.map((l) => String((JSON.parse(l) as Json)['event']));

function dm(n: number, content: string, attachments: Json[] = []): Json {
  const m = fixture<Json>('message-dm.json');
  return { ...m, id: String(BigInt(m['id'] as string) + BigInt(n)), content, attachments };
}

describe('the sender’s budget', () => {
  it('counts empty and attachment-only DMs: the eleventh in a minute gets the notice, then silence', async () => {
    h = await createHarness(engine);
    const attachment = { id: '1300000000000000900', filename: 'shot.png', size: 1000, url: 'https://cdn.example/shot.png', proxy_url: 'https://cdn.example/shot.png', content_type: 'image/png' };
    const msgs = Array.from({ length: 12 }, (_, n) => (n % 2 === 0 ? dm(n + 1, '') : dm(n + 1, '', [{ ...attachment, id: String(1300000000000000900n + BigInt(n)) }])));
    const replies = await h.messages(...msgs);
    expect(replies).toHaveLength(11);
    expect(replies.slice(0, 10).map(contentOf)).toEqual(Array.from({ length: 10 }, (_, n) => (n % 2 === 0 ? noteCopy.nothingToCheck.ja : noteCopy.imagesNotRead.ja)));
    expect(contentOf(replies[10]!)).toBe(noteCopy.rateLimited(60).ja);
    expect(events().filter((e) => e === 'rate_limited')).toHaveLength(1);
  });
});

describe('the bot’s own budget', () => {
  it('answers 「混み合っています」 once everyone’s checks have used the thread’s share, and logs it once', async () => {
    h = await createHarness(engine, { budget: createCheckBudget({ capacityMs: 0.001, refillMsPerSecond: 0 }) });
    const i = fixture<Interaction>('interaction-check.json');
    const first = await h.interaction(i);
    expect(descriptionOf(first[0]!)).not.toBe('');
    for (let n = 1; n <= 3; n++) {
      const other = withId(i, n);
      other.member.user['id'] = String(1300000000000000500n + BigInt(n));
      expect(contentOf((await h.interaction(other))[0]!)).toBe(noteCopy.busy.ja);
    }
    expect(events().filter((e) => e === 'checks_busy')).toHaveLength(1);
  });

  it('answers 「混み合っています」 at once when the check queue is full', async () => {
    h = await createHarness(engine, { maxQueued: 2 });
    const i = fixture<Interaction>('interaction-check.json');
    const burst = Array.from({ length: 5 }, (_, n) => {
      const x = withId(i, n);
      x.member.user['id'] = String(1300000000000000600n + BigInt(n));
      return x;
    });
    const replies = await h.burst(...burst);
    expect(replies.filter((r) => contentOf(r) === noteCopy.busy.ja)).toHaveLength(3);
    expect(replies.filter((r) => descriptionOf(r) !== '')).toHaveLength(2);
    expect(events().filter((e) => e === 'checks_queue_full')).toHaveLength(1);
  });
});

describe('「ほかに N 件」', () => {
  const seenStats = (n: number, calls: RecordMeta[] = []): StatsPort => ({
    record: (_r, _t, meta) => (calls.push(meta), { seenOthers: n }),
    close: () => undefined,
  });

  it('is not shown for a text judged harmless, however many checked it', async () => {
    h = await createHarness(engine, { stats: seenStats(50) });
    const i = fixture<Interaction>('interaction-check.json');
    ((i.data['options'] as Json[])[0] as Json)['value'] = HARMLESS;
    const r = await h.interaction(i);
    expect(descriptionOf(r[0]!)).not.toContain('直近30日');
  });

  it('is looked up at most ten times an hour per person: every risky verdict counts, shown or not', async () => {
    h = await createHarness(engine, { stats: seenStats(50), limit: 100 });
    const i = fixture<Interaction>('interaction-check.json');
    const shown: boolean[] = [];
    for (let n = 0; n < SEEN_LOOKUPS_PER_HOUR + 2; n++) shown.push(descriptionOf((await h.interaction(withId(i, n)))[0]!).includes('ほかに 50 件'));
    expect(shown).toEqual([...Array(SEEN_LOOKUPS_PER_HOUR).fill(true), false, false]);
    // An hour later, again.
    h.setClock(FIXTURE_TIME + 3_601_000);
    const later = { ...withId(i, 99), id: String(BigInt(i.id) + (3_601_000n << 22n)) };
    expect(descriptionOf((await h.interaction(later))[0]!)).toContain('ほかに 50 件');
  });
});

describe('servers that added the bot', () => {
  it('records a server only when the bot is installed in it', async () => {
    const calls: RecordMeta[] = [];
    h = await createHarness(engine, { stats: { record: (_r, _t, meta) => (calls.push(meta), { seenOthers: 0 }), close: () => undefined } });
    const i = fixture<Interaction>('interaction-check.json');
    await h.interaction(i); // user install only
    const installed = withId(i, 1);
    installed['authorizing_integration_owners'] = { '0': i['guild_id'], '1': i.member.user['id'] };
    await h.interaction(installed);
    expect(calls.map((m) => m.guildId)).toEqual([null, '1300000000000000100']);
  });
});

describe('/digest-admin', () => {
  const adminInteraction = (permissions: string): Interaction => {
    const i = fixture<Interaction>('interaction-check.json');
    i.member.permissions = permissions;
    i['authorizing_integration_owners'] = { '0': i['guild_id'] };
    i.data = { id: '1300000000000001009', name: 'digest-admin', type: 1, options: [{ type: 1, name: 'opt-out', options: [{ type: 5, name: 'confirm', value: true }] }] };
    return i;
  };

  it('refuses members without Manage Server even where the server changed the command’s permissions', async () => {
    const optOuts: string[] = [];
    const community = new Proxy({}, { get: (_t, prop) => (prop === 'optOut' ? (k: string) => (optOuts.push(k), { checks: 0 }) : () => 'x'.repeat(24)) });
    h = await createHarness(engine, { stats: { record: () => null, close: () => undefined, community: community as never } });
    const member = await h.interaction(adminInteraction('2248473465835073'));
    expect(contentOf(member[0]!)).toBe(adminCopy.needManageGuild.ja);
    expect(optOuts).toEqual([]);
    const admin = await h.interaction(withId(adminInteraction(String(2248473465835073n | 32n)), 1));
    expect(contentOf(admin[0]!)).not.toBe(adminCopy.needManageGuild.ja);
    expect(optOuts).toHaveLength(1);
  });
});

// Abuse, with the real bot process against the local stand-in: one person flooding the bot hits the
// rate limit without slowing anyone else down, and inputs at Discord's cap, far over it, or built to
// be slow for the rules are all answered in bounded time. Figures are printed ("abuse: …").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callbackData,
  checkPatch,
  fixture,
  percentiles,
  sendDm,
  sendInteraction,
  startBot,
  type BotProcess,
  type Json,
} from './bot-process.ts';
import { FakeDiscord, snowflakeNow, type RecordedRequest } from './fake-discord.ts';

let discord: FakeDiscord;
let bot: BotProcess;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  discord = new FakeDiscord(1000);
  await discord.start();
  bot = await startBot(discord);
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
  console.log(`abuse: ${JSON.stringify(figures)}`);
});

const RISKY = '応募ありがとうございます。詳細はLINEでお伝えしますので、ID: sakura22 を追加してください。本日中にお願いします。';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const repliesIn = (channel: string): RecordedRequest[] => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);
const count = (event: string): number => bot.events().filter((e) => e['event'] === event).length;

/** /check from `user`, resolving with how long the answer took (to the first callback). */
async function timedCheck(user: string, text?: string): Promise<number> {
  const s = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: user, ...(text ? { text } : {}) }), 15_000);
  const r = await s.callback;
  expect((callbackData(r)['embeds'] as Json[]).length, 'answered with a verdict, not rate limited').toBe(1);
  return r.at - s.sentAt;
}

/** Waits until every event dispatched so far has been handled: a marker DM from someone else is answered. */
async function settle(): Promise<void> {
  await sendDm(discord, { text: RISKY, userId: '1300000000000039999', channelId: '1300000000000039999' }, 20_000).reply;
  await sleep(300);
}

describe('one user flooding the bot', () => {
  it('answers 10 of 300 DMs sent at once, sends one notice, stays silent after, and logs it once', async () => {
    const flooder = '1300000000000030001';
    const limitedBefore = count('rate_limited');
    const long = `${RISKY}${'よろしくお願いいたします。'.repeat(120)}`; // ~1,600 characters each
    for (let k = 0; k < 300; k++) sendDm(discord, { text: long, userId: flooder, channelId: flooder }, 60_000).reply.catch(() => undefined);
    await settle();
    const replies = repliesIn(flooder);
    expect(replies.filter((r) => ((r.body as Json)['embeds'] as Json[] | undefined)?.length)).toHaveLength(10);
    const notices = replies.filter((r) => String((r.body as Json)['content'] ?? '').startsWith('短い時間にたくさんのチェックをいただいたため'));
    expect(notices).toHaveLength(1);
    expect(replies).toHaveLength(11);
    expect(count('rate_limited') - limitedBefore).toBe(1); // one log line, not 290
  });

  it('does not slow another user down while the flood is handled', async () => {
    const other = '1300000000000030002';
    const flooder = '1300000000000030003';
    const baseline: number[] = [];
    for (let k = 0; k < 5; k++) baseline.push(await timedCheck(other));
    const long = `${RISKY}${'よろしくお願いいたします。'.repeat(120)}`;
    const during: Promise<number>[] = [];
    for (let k = 0; k < 300; k++) {
      sendDm(discord, { text: long, userId: flooder, channelId: flooder }, 60_000).reply.catch(() => undefined);
      // The other user's checks arrive in the middle of the flood.
      if (k % 60 === 30) during.push(timedCheck(other));
    }
    const flood = await Promise.all(during);
    await settle();
    figures['other_user_ms'] = { before_flood: percentiles(baseline), during_flood: percentiles(flood) };
    expect(flood).toHaveLength(5);
    // Within the part of the 3 s window the bot keeps for itself (it defers beyond 1.5 s).
    expect(Math.max(...flood)).toBeLessThan(1500);
  });

  it('answers every one of 40 /check from one member (10 verdicts, then the wait note)', async () => {
    const member = '1300000000000030004';
    const sent = Array.from({ length: 40 }, () => sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: member }), 15_000));
    const answers = await Promise.all(sent.map((s) => s.callback));
    expect(answers.filter((a) => (callbackData(a)['embeds'] as Json[]).length > 0)).toHaveLength(10);
    const waits = answers.filter((a) => String(callbackData(a)['content'] ?? '').startsWith('短い時間にたくさんのチェックをいただいたため'));
    expect(waits).toHaveLength(30);
    for (const a of answers) expect(callbackData(a)['flags']).toBe(64);
  });

  it('does not analyse "comments" outside the rate limit when forwards and plain messages alternate', async () => {
    const user = '1300000000000030005';
    const commentsBefore = count('forward_comment');
    for (let k = 0; k < 30; k++) {
      const forward = fixture('message-dm-forward.json');
      forward['id'] = snowflakeNow();
      forward['channel_id'] = user;
      (forward['author'] as Json)['id'] = user;
      discord.dispatch('MESSAGE_CREATE', forward);
      const comment = fixture('message-dm.json');
      comment['id'] = snowflakeNow();
      comment['channel_id'] = user;
      comment['content'] = 'これどう思いますか？';
      (comment['author'] as Json)['id'] = user;
      discord.dispatch('MESSAGE_CREATE', comment);
    }
    await settle();
    // Ten forwards within the budget, each with its comment acknowledged; nothing after that.
    expect(count('forward_comment') - commentsBefore).toBe(10);
    expect(repliesIn(user)).toHaveLength(10 + 10 + 1);
  });
});

describe('inputs at the cap, over it, and pathological for the rules', () => {
  const cases: [string, string][] = [
    ['at the /check cap (6,000)', RISKY.repeat(200).slice(0, 6000)],
    ['far over the cap (60,000, a forged payload)', RISKY.repeat(2000).slice(0, 60_000)],
    ["a rule's prefix repeated: 'LINEで' × 1,200", 'LINEで'.repeat(1200)],
    ["'ラインで' × 1,500", 'ラインで'.repeat(1500)],
    ["spaced letters 'L I N E ' × 750", 'L I N E '.repeat(750)],
    ["'ID:' × 2,000", 'ID:'.repeat(2000)],
    ["'@' × 6,000", '@'.repeat(6000)],
    ["digits × 6,000", '0'.repeat(6000)],
    ["'http://' × 850", 'http://'.repeat(850)],
    ['zero-width between letters × 1,500', 'L\u200bI\u200bN\u200bE'.repeat(857)],
  ];

  for (const [name, text] of cases) {
    it(`answers ${name} in bounded time`, async () => {
      const user = String(1300000000000031000n + BigInt(cases.findIndex((c) => c[0] === name)));
      const s = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: user, text }), 15_000);
      const first = await s.callback;
      let done = first;
      if ((first.body as Json)['type'] === 5) {
        done = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${s.token}/messages/@original`), 15_000);
      }
      const ms = done.at - s.sentAt;
      (figures['inputs_ms'] ??= {}) as Record<string, number>;
      (figures['inputs_ms'] as Record<string, number>)[name] = ms;
      expect(first.at - s.sentAt).toBeLessThan(3000);
      expect(ms).toBeLessThan(3000);
      const embeds = ((done.body as Json)['embeds'] ?? ((done.body as Json)['data'] as Json | undefined)?.['embeds']) as Json[];
      expect(embeds).toHaveLength(1);
      if (text.length > 8000) expect(String(embeds[0]!['description'])).toContain('最初の6,000文字と最後の2,000文字だけを確認しました');
    });
  }

  it('answers a right-click check on a message with ten 4,096-character embeds', async () => {
    const i = fixture('interaction-context-menu.json');
    const target = Object.values(((i['data'] as Json)['resolved'] as Json)['messages'] as Json)[0] as Json;
    target['embeds'] = Array.from({ length: 10 }, (_, k) => ({ type: 'rich', title: `t${k}`, description: 'LINEで'.repeat(819) }));
    const id = snowflakeNow();
    i['id'] = id;
    i['token'] = `tok-${id}`;
    (i['member'] as Json | undefined) && (((i['member'] as Json)['user'] as Json)['id'] = '1300000000000031999');
    const sentAt = Date.now();
    discord.dispatch('INTERACTION_CREATE', i);
    const first = await discord.waitForRequest((r) => r.path === `/interactions/${id}/tok-${id}/callback`, 15_000);
    const done = (first.body as Json)['type'] === 5 ? await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/tok-${id}/messages/@original`), 15_000) : first;
    expect(done.at - sentAt).toBeLessThan(3000);
    (figures['inputs_ms'] as Record<string, number>)['context menu, 10 × 4,096-char embeds'] = done.at - sentAt;
  });

  it('logged every check in well under a second of analysis', () => {
    const slowest = Math.max(...bot.events().filter((e) => e['event'] === 'check').map((e) => Number(e['ms'])));
    figures['slowest_analysis_ms'] = slowest;
    expect(slowest).toBeLessThan(1000);
  });
});

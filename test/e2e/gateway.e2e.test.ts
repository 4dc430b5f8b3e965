// Gateway and REST trouble, with the real bot process against the local stand-in: the socket closed
// with a resumable code or dropped (1006), the session lost, a 429 with retry_after, a 500 on a
// reply. Each time the bot stays up and answers the next /check. Recovery times are printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackData, checkPatch, sendDm, sendInteraction, startBot, type BotProcess, type Json } from './bot-process.ts';
import { FakeDiscord, rateLimited, type RecordedRequest } from './fake-discord.ts';

let discord: FakeDiscord;
let bot: BotProcess;
let user = 1300000000000010000n;
/** A fresh member per check, so the per-user rate limit never gets in the way here. */
const nextUser = (): string => String(user++);

/** Sends /check and returns its callback and how long the answer took. */
async function check(text?: string): Promise<{ reply: RecordedRequest; ms: number }> {
  const sent = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: nextUser(), ...(text ? { text } : {}) }), 15_000);
  const reply = await sent.callback;
  return { reply, ms: reply.at - sent.sentAt };
}

const figures: Record<string, number> = {};

beforeAll(async () => {
  discord = new FakeDiscord(1000);
  await discord.start();
  bot = await startBot(discord);
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
  console.log(`recovery (ms): ${JSON.stringify(figures)}`);
});

describe('gateway trouble', () => {
  it('resumes after a close with a resumable code (4000) and answers the next /check', async () => {
    const resumes = discord.resumes.length;
    const t0 = Date.now();
    discord.dropGateway(4000);
    await discord.waitForGateway('resume', 10_000, resumes + 1);
    expect(discord.resumes.at(-1)!.session_id).toBe('fake-session-1');
    await bot.waitForLog((e) => e['event'] === 'shard_resume');
    const { reply } = await check();
    figures['close_4000_to_answer'] = reply.at - t0;
    expect(callbackData(reply)['flags']).toBe(64);
    expect(discord.identifies.length).toBe(1); // resumed, not re-identified
  });

  it('resumes after an abnormal drop (1006) and answers what arrived while it was away', async () => {
    const resumes = discord.resumes.length;
    const t0 = Date.now();
    discord.dropGateway('abnormal');
    // Sent while the bot is disconnected: Discord keeps it for the session and replays it on RESUME.
    const during = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: nextUser() }), 15_000);
    await discord.waitForGateway('resume', 10_000, resumes + 1);
    const replayed = await during.callback;
    figures['drop_1006_to_replayed_answer'] = replayed.at - t0;
    expect(callbackData(replayed)['embeds']).toBeDefined();
    const { reply } = await check();
    expect(callbackData(reply)['flags']).toBe(64);
    expect(discord.identifies.length).toBe(1);
  });

  it('identifies again when the session cannot be resumed (4007 invalid seq) and answers the next /check', async () => {
    const identifies = discord.identifies.length;
    const t0 = Date.now();
    discord.dropGateway(4007);
    await discord.waitForGateway('identify', 15_000, identifies + 1);
    const { reply } = await check();
    figures['close_4007_reidentify_to_answer'] = reply.at - t0;
    expect(callbackData(reply)['flags']).toBe(64);
  });
});

describe('REST trouble', () => {
  it('answers /check after a 429 with retry_after on the interaction callback', async () => {
    discord.inject((r) => r.path.endsWith('/callback'), rateLimited(1));
    const { reply, ms } = await check();
    figures['callback_429_1s_answer'] = ms;
    expect(ms).toBeGreaterThanOrEqual(900); // it did wait retry_after
    expect(ms).toBeLessThan(3000); // and still inside Discord's window
    expect(callbackData(reply)['flags']).toBe(64);
    const limited = discord.requests.filter((r) => r.path === reply.path);
    expect(limited.length).toBe(2); // the 429, then the retry
    await bot.waitForLog((e) => e['event'] === 'rest_retry' && e['status'] === 429 && e['route'] === '/interactions/:id/:token/callback');
  });

  it('replies to a DM after a 429 with X-RateLimit headers on the channel', async () => {
    discord.inject((r) => r.method === 'POST' && r.path.startsWith('/channels/'), rateLimited(1));
    const dm = sendDm(discord, { text: '詳細はLINEで！ID: sakura22', userId: nextUser() }, 15_000);
    const reply = await dm.reply;
    figures['dm_429_1s_answer'] = reply.at - dm.sentAt;
    expect(reply.at - dm.sentAt).toBeGreaterThanOrEqual(900);
    expect(String(((reply.body as Json)['embeds'] as Json[])[0]!['title'])).toMatch(/^🔴/);
  });

  it('retries a single 500 on the callback and the answer arrives', async () => {
    discord.inject((r) => r.path.endsWith('/callback'), { status: 500, body: { message: '500: Internal Server Error', code: 0 } });
    const { reply } = await check();
    expect(callbackData(reply)['flags']).toBe(64);
  });

  it('logs a reply that keeps failing with 500, stays up, and answers the next /check', async () => {
    const sent = sendInteraction(discord, 'interaction-check.json', checkPatch({ userId: nextUser() }));
    void sent.callback.catch(() => undefined); // it never succeeds
    // Every attempt for this interaction (the reply, discord.js's retries, the apology) gets a 500.
    discord.inject((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`, { status: 500, body: { message: '500: Internal Server Error', code: 0 } }, 100);
    const failed = await bot.waitForLog((e) => e['event'] === 'handler_failed');
    expect(failed).toMatchObject({ handler: 'check', error: 'HTTPError', status: 500 });
    await bot.waitForLog((e) => e['event'] === 'apology_failed');
    expect(bot.child.exitCode).toBeNull();
    const t0 = Date.now();
    const { reply } = await check();
    figures['after_500_next_answer'] = reply.at - t0;
    expect(callbackData(reply)['flags']).toBe(64);
  });
});

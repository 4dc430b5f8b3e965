// The scale path inside one process: the stand-in recommends 2 shards (GET /gateway/bot), the bot
// (DISCORD_SHARDS unset = auto) identifies each with [id, 2] on its own socket, loads the engine
// (tokenizer) once, and answers /check from servers on either shard and DMs (always shard 0).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackData, checkPatch, sendDm, sendInteraction, startBot, TOKEN, type BotProcess, type Json } from './bot-process.ts';
import { FakeDiscord } from './fake-discord.ts';

let discord: FakeDiscord;
let bot: BotProcess;

/** A server id whose events Discord routes to `shard` (of the stand-in's count). */
function guildOnShard(shard: number): string {
  for (let id = 1300000000000000100n; ; id += 1n << 22n) if (discord.shardOf(String(id)) === shard) return String(id);
}

beforeAll(async () => {
  // max_concurrency 1, as Discord gives a bot of this size: the second shard identifies 5 s after the first.
  discord = new FakeDiscord({ heartbeatIntervalMs: 1000, shards: 2, maxConcurrency: 1 });
  await discord.start();
  bot = await startBot(discord);
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

describe('internal sharding in one process', () => {
  it('identifies shard [0, 2] and [1, 2] with the same token and intents', () => {
    const shards = discord.identifies.map((i) => i.shard);
    expect(shards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const i of discord.identifies) {
      expect(i.token).toBe(TOKEN);
      expect(i.intents).toBe(discord.identifies[0]!.intents);
    }
    const ready = bot.events().filter((e) => e['event'] === 'shard_ready').map((e) => e['shard']);
    expect(ready.sort()).toEqual([0, 1]);
  });

  it('loads the engine (tokenizer) once for both shards and becomes ready once', () => {
    const events = bot.events();
    expect(events.filter((e) => e['event'] === 'engine_ready')).toHaveLength(1);
    expect(events.filter((e) => e['event'] === 'ready')).toHaveLength(1);
  });

  it('answers /check from a server on shard 0 and from a server on shard 1', async () => {
    const g0 = guildOnShard(0);
    const g1 = guildOnShard(1);
    const a = sendInteraction(discord, 'interaction-check.json', checkPatch({ guildId: g0, userId: '1300000000000020000' }));
    const b = sendInteraction(discord, 'interaction-check.json', checkPatch({ guildId: g1, userId: '1300000000000020001' }));
    for (const reply of [await a.callback, await b.callback]) {
      expect(callbackData(reply)['flags']).toBe(64);
      expect(String(((callbackData(reply)['embeds'] as Json[])[0] as Json)['title'])).toMatch(/^🔴 危険/);
    }
  });

  it('answers a DM, which Discord sends on shard 0', async () => {
    const dm = sendDm(discord, { text: '詳細はLINEで！ID: sakura22', userId: '1300000000000020002' });
    expect(String((((await dm.reply).body as Json)['embeds'] as Json[])[0]!['title'])).toMatch(/^🔴/);
  });

  it('resumes one shard without disturbing the other', async () => {
    const resumes = discord.resumes.length;
    discord.dropGateway(4000, 1);
    await discord.waitForGateway('resume', 10_000, resumes + 1);
    const b = sendInteraction(discord, 'interaction-check.json', checkPatch({ guildId: guildOnShard(1), userId: '1300000000000020003' }));
    expect(callbackData(await b.callback)['flags']).toBe(64);
    expect(discord.identifies).toHaveLength(2);
  });
});

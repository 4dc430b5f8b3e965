// The discord.js client options the bot runs with: intents, no message cache, internal sharding.
import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/bot/client.ts';

const clients: ReturnType<typeof createClient>[] = [];
const make = (...args: Parameters<typeof createClient>) => {
  const c = createClient(...args);
  clients.push(c);
  return c;
};
afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
});

describe('the discord.js client', () => {
  it('asks Discord how many shards to run by default (shards: auto)', () => {
    expect(make().options.shards).toBe('auto');
  });

  it('runs a fixed number of shards in this process when DISCORD_SHARDS is a number', () => {
    const c = make({ shards: 3 });
    expect(c.options.shards).toEqual([0, 1, 2]);
    expect(c.options.shardCount).toBe(3);
  });

  it('uses Guilds and DirectMessages only', () => {
    expect(make().options.intents.toArray().sort()).toEqual(['DirectMessages', 'Guilds']);
    expect(make().options.intents.has(GatewayIntentBits.MessageContent)).toBe(false);
  });
});

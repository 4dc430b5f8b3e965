// The discord.js client: only the gateway intents the bot needs. DMs arrive through DirectMessages
// (+ Partials.Channel, since DM channels are not cached before their first message); there is no
// MessageContent intent: slash options, context-menu targets and DMs carry their text anyway.
// Messages are not cached, so the checked text is not kept in memory after the reply.
import { Client, GatewayIntentBits, Options, Partials, type RESTOptions } from 'discord.js';

export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages] as const;

export interface ClientSetup {
  /** REST base without the version (config DISCORD_API_URL); default https://discord.com/api. */
  apiUrl?: string | undefined;
  /** REST transport override (handler tests capture requests here). */
  makeRequest?: RESTOptions['makeRequest'];
  /**
   * Internal sharding (config DISCORD_SHARDS): 'auto' (default) asks Discord how many shards to
   * run (GET /gateway/bot); a number runs exactly that many. Every shard lives in this process and
   * delivers its events to the same handlers, so the engine and its tokenizer are loaded once.
   */
  shards?: 'auto' | number | undefined;
}

const USER_CACHE = 1000;
const MEMBER_CACHE = 200;
export function createClient(setup: ClientSetup = {}): Client {
  const rest: Partial<RESTOptions> = {};
  if (setup.apiUrl) rest.api = setup.apiUrl;
  if (setup.makeRequest) rest.makeRequest = setup.makeRequest;
  const shards = setup.shards ?? 'auto';
  return new Client({
    ...(shards === 'auto' ? { shards: 'auto' as const } : { shards: Array.from({ length: shards }, (_, i) => i), shardCount: shards }),
    intents: [...INTENTS],
    partials: [Partials.Channel],
    rest,
    allowedMentions: { parse: [], repliedUser: false },
    // Every person who checks a message would otherwise stay cached for the life of the process
    // (their user, their guild member, their DM channel: ~2 KB each). Checks need none of it
    // afterwards, so keep a bounded recent set; the bot's own user and member are always kept.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: USER_CACHE, keepOverLimit: (u) => u.id === u.client.user?.id },
      GuildMemberManager: { maxSize: MEMBER_CACHE, keepOverLimit: (m) => m.id === m.client.user?.id },
    }),
  });
}

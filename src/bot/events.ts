// All event wiring in one place: interactions are routed to commands/ and to the report buttons,
// DMs to the DM handler. Every handler runs inside a guard: a failure is logged without message
// text, the user gets a short apology, and the bot keeps running.
import { Events, RESTEvents, type Client, type Interaction, type Message, type RepliableInteraction } from 'discord.js';
import { noteCopy } from '../reply/bot-copy.ts';
import { CUSTOM_ID_NAMESPACE } from '../reply/custom-id.ts';
import { handleButton } from './buttons.ts';
import type { LoadedCommand, Services } from './command.ts';
import { handleDirectMessage, isDirectMessage, RecentForwards } from './dm.ts';
import { localeOf } from './locale.ts';
import { errorFields } from './log.ts';
import { apologise, replyPrivately } from './respond.ts';
import { StatsUnavailableError } from './stats-guard.ts';

export interface WiredBot {
  /** Resolves when every handler started so far has finished (tests and shutdown wait on it). */
  idle(): Promise<void>;
}

export function wireEvents(client: Client, services: Services, commands: LoadedCommand[]): WiredBot {
  const { log } = services;
  const inflight = new Set<Promise<void>>();
  const forwards = new RecentForwards();
  const track = (p: Promise<void>): void => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };

  client.once(Events.ClientReady, (ready) => {
    log.info('ready', { application: ready.application.id, guilds: ready.guilds.cache.size, commands: commands.length });
  });

  client.on(Events.InteractionCreate, (interaction) => track(routeInteraction(interaction)));

  client.on(Events.MessageCreate, (message) => track(guardMessage(message)));

  client.on(Events.Error, (err) => log.error('client_error', errorFields(err)));
  client.on(Events.Warn, () => log.warn('client_warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn('shard_disconnect', { shard: shardId, code: event.code }));
  // Gateway trouble and its recovery, for operators (discord.js resumes or reconnects by itself).
  client.on(Events.ShardReady, (shardId) => log.info('shard_ready', { shard: shardId }));
  client.on(Events.ShardReconnecting, (shardId) => log.warn('shard_reconnecting', { shard: shardId }));
  client.on(Events.ShardResume, (shardId, replayed) => log.info('shard_resume', { shard: shardId, replayed }));
  // REST trouble: discord.js waits out a 429 (`retry_after`) and retries a 5xx up to three times by
  // itself; we log each one. `route` is discord.js's generalised route: no ids, no tokens.
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn('rest_rate_limited', { method: info.method, route: info.route, wait_ms: info.timeToReset, global: info.global }),
  );
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429 || response.status >= 500) {
      log.warn('rest_retry', { method: request.method, route: request.route, status: response.status, attempt: request.retries + 1 });
    }
  });

  async function routeInteraction(interaction: Interaction): Promise<void> {
    if (!interaction.isRepliable()) return; // autocomplete: none of our commands uses it
    const name = interaction.isCommand() ? interaction.commandName : interaction.isButton() ? 'button' : `type${interaction.type}`;
    try {
      if (interaction.isChatInputCommand()) {
        const cmd = commands.find((c) => c.kind === 'chat_input' && c.name === interaction.commandName);
        if (cmd?.kind === 'chat_input') return await cmd.execute(interaction, services);
      } else if (interaction.isMessageContextMenuCommand()) {
        const cmd = commands.find((c) => c.kind === 'message' && c.name === interaction.commandName);
        if (cmd?.kind === 'message') return await cmd.execute(interaction, services);
      } else if (interaction.isUserContextMenuCommand()) {
        const cmd = commands.find((c) => c.kind === 'user' && c.name === interaction.commandName);
        if (cmd?.kind === 'user') return await cmd.execute(interaction, services);
      } else if (interaction.isButton() && interaction.customId.startsWith(CUSTOM_ID_NAMESPACE)) {
        return await handleButton(interaction, services);
      }
      // A command registered earlier but no longer shipped, or a component that is not ours.
      log.warn('unknown_interaction', { handler: name });
      await replyPrivately(interaction, noteCopy.unknownCommand[localeOf(interaction.locale)]);
    } catch (err) {
      await fail(interaction, name, err);
    }
  }

  async function fail(interaction: RepliableInteraction, handler: string, err: unknown): Promise<void> {
    // The statistics database is down (/stats, the digest admin): say so; the guard logged the incident.
    const statsDown = err instanceof StatsUnavailableError || (err instanceof Error && err.name === 'SqliteError');
    if (statsDown) log.warn('stats_unavailable_reply', { handler });
    else log.error('handler_failed', { handler, ...errorFields(err) });
    try {
      await apologise(interaction, statsDown ? noteCopy.statsUnavailable : noteCopy.apology);
    } catch (err2) {
      log.error('apology_failed', { handler, ...errorFields(err2) });
    }
  }

  async function guardMessage(message: Message): Promise<void> {
    try {
      // Only DMs from people: server messages are not ours to read (no MessageContent intent).
      if (message.author.bot || message.system || !isDirectMessage(message)) return;
      await handleDirectMessage(message, services, forwards);
    } catch (err) {
      log.error('handler_failed', { handler: 'dm', ...errorFields(err) });
      try {
        await message.reply({ content: noteCopy.apology.ja, allowedMentions: { parse: [], repliedUser: false } });
      } catch (err2) {
        log.error('apology_failed', { handler: 'dm', ...errorFields(err2) });
      }
    }
  }

  return {
    async idle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  };
}

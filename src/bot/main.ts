// `npm start`. Without DISCORD_TOKEN: the local console over the same handlers. With it: the bot.
// The engine (kuromoji, ~1 s) is built before login, so the first interaction is answered in time.
import { Events } from 'discord.js';
import { ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { consoleCopy } from '../reply/bot-copy.ts';
import { loadStatsEnv, StatsConfigError } from '../stats/config.ts';
import { discordDigestPoster } from '../stats/post-discord.ts';
import { createDigestScheduler } from '../stats/scheduler.ts';
import { createClient } from './client.ts';
import { explainDiscordFailure } from './discord-failure.ts';
import { runConsole } from './console.ts';
import { wireEvents } from './events.ts';
import { drainablePoster } from './digest-posts.ts';
import { loadCommands } from './loader.ts';
import { createLogger, errorFields } from './log.ts';
import type { LoadedCommand, Services } from './command.ts';
import { createServices } from './services.ts';
import { createShutdown } from './shutdown.ts';

/** A bad statistics setting (src/stats/config.ts): its message names the keys, never the values. */
const isStatsConfigError = (err: unknown): err is StatsConfigError => err instanceof StatsConfigError;
function configFailure(err: Error): number {
  process.stderr.write(`gaibu-guard: ${err.message}\n`);
  return 2;
}

async function main(): Promise<number> {
  let config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`gaibu-guard: ${err.message}\n`);
      return 2;
    }
    throw err;
  }

  if (!config.DISCORD_TOKEN) {
    // Keep the terminal readable: only warnings and errors from the logger.
    const log = createLogger(config.LOG_LEVEL === 'debug' ? 'debug' : 'warn');
    process.stdout.write(`${consoleCopy.noToken.ja}\n${consoleCopy.noToken.en}\n${consoleCopy.loading.ja}\n`);
    let services: Services;
    try {
      services = await createServices(config, log);
    } catch (err) {
      if (isStatsConfigError(err)) return configFailure(err);
      throw err;
    }
    // SIGTERM (a process manager, a closed terminal): queued statistics are written before exit.
    process.once('SIGTERM', () => {
      services.stats?.close();
      process.exit(0);
    });
    try {
      await runConsole({ input: process.stdin, output: process.stdout, services });
    } finally {
      services.stats?.close();
      await services.images?.reader.close();
    }
    return 0;
  }

  const log = createLogger(config.LOG_LEVEL);
  // A stray rejection or exception is logged (without its message) and the bot keeps serving.
  process.on('unhandledRejection', (reason) => log.error('unhandled_rejection', errorFields(reason)));
  process.on('uncaughtException', (err) => log.error('uncaught_exception', errorFields(err)));
  // Diagnostics: SIGUSR2 logs the memory figures — after a full collection when node runs with
  // --expose-gc — so a leak can be told apart from garbage not yet collected.
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const m = process.memoryUsage();
    const mb = (x: number): number => Math.round(x / 1e5) / 10;
    log.info('memory', { rss_mb: mb(m.rss), heap_used_mb: mb(m.heapUsed), external_mb: mb(m.external), collected: gc !== undefined });
  });

  // SIGTERM / SIGINT: stop timers, finish the checks in flight, then close the gateway and the
  // database (src/bot/shutdown.ts). Listening from here on, a signal while the dictionary loads
  // still ends with code 0. Anything with a timer (a scheduler, periodic maintenance) registers
  // its stop: shutdown.add('stop', 'scheduler', () => scheduler.stop()).
  const shutdown = createShutdown({ log });
  shutdown.listen();

  let services: Services;
  let commands: LoadedCommand[];
  try {
    services = await createServices(config, log);
    commands = await loadCommands();
  } catch (err) {
    if (isStatsConfigError(err)) return configFailure(err);
    // A broken rule file or command module: nothing can be answered, so do not log in at all.
    log.error('startup_failed', errorFields(err));
    return 1;
  }
  const client = createClient({ apiUrl: config.DISCORD_API_URL, shards: config.DISCORD_SHARDS });
  const bot = wireEvents(client, services, commands);

  // The weekly digest (src/stats/scheduler.ts), started once the gateway is ready. On shutdown its
  // timers stop first, and a digest being posted is let finish.
  const community = services.stats?.community;
  const poster = drainablePoster(discordDigestPoster(client));
  const scheduler = community
    ? createDigestScheduler({
        stats: community,
        rules: services.engine.detector.rules,
        post: poster.post,
        cron: loadStatsEnv().DIGEST_CRON,
        log,
        serverName: (target) => {
          const channel = client.channels.cache.get(target.channelId);
          return channel && 'guild' in channel ? channel.guild.name : null;
        },
      })
    : null;
  client.once(Events.ClientReady, (ready) => {
    // During a statistics key change (STATS_PREVIOUS_SECRET), every server the bot is in moves its
    // settings and opt-out to its new hash now, not only when it is next used.
    try {
      const moved = community?.carryOverGuilds(ready.guilds.cache.keys()) ?? 0;
      if (moved > 0) log.info('stats_servers_carried_over', { servers: moved });
    } catch (err) {
      log.warn('stats_carry_over_failed', errorFields(err));
    }
    if (shutdown.started || !scheduler) return;
    scheduler.start().then(
      (r) => log.info('digest_scheduler_started', { week: r.week, posted: r.posted, failed: r.failed }),
      (err: unknown) => log.error('digest_scheduler_failed', errorFields(err)),
    );
  });
  // Screenshot reading (src/ocr/): its worker starts once the gateway is ready, so login and the
  // first text checks are not slowed by it; an image arriving before it is warm waits for it.
  const ocr = services.images?.reader;
  client.once(Events.ClientReady, () => {
    if (shutdown.started || !ocr) return;
    ocr.start().catch((err: unknown) => log.error('ocr_start_failed', errorFields(err)));
  });
  shutdown.add('stop', 'scheduler', async () => {
    scheduler?.stop();
    await poster.close();
  });
  shutdown.add('drain', 'checks', () => bot.idle());
  shutdown.add('close', 'gateway', () => client.destroy());
  // A handler that raced the gateway closing still finishes before the database goes away.
  shutdown.add('close', 'late_checks', () => bot.idle());
  shutdown.add('close', 'ocr', () => ocr?.close());
  shutdown.add('close', 'database', () => services.stats?.close());

  log.info('login');
  try {
    await client.login(config.DISCORD_TOKEN);
  } catch (err) {
    // A signal during login destroys the client, which makes login reject: that is not a failure.
    if (shutdown.started) return 0;
    // What to do, naming the token (401) or the host that was tried (DNS, refused), never their values' secrets.
    const { reason, host, hint } = explainDiscordFailure(err, { what: 'login', apiUrl: config.DISCORD_API_URL });
    log.error('login_failed', { ...errorFields(err), reason, host, hint });
    await client.destroy();
    services.stats?.close();
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  // Not the uncaughtException handler (which keeps a running bot serving): failing to start is fatal.
  process.stderr.write(`gaibu-guard: failed to start (${err instanceof Error ? err.name : typeof err})\n`);
  process.exitCode = 1;
}

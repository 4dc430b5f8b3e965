// `npm start`. Without DISCORD_TOKEN: the local console over the same handlers. With it: the bot.
// The engine (kuromoji, ~1 s) is built before login, so the first interaction is answered in time.
import { ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { consoleCopy } from '../reply/bot-copy.ts';
import { createClient } from './client.ts';
import { runConsole } from './console.ts';
import { wireEvents } from './events.ts';
import { loadCommands } from './loader.ts';
import { createLogger, errorFields } from './log.ts';
import { createServices } from './services.ts';

async function main(): Promise<number> {
  loadDotEnv();
  let config;
  try {
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
    const services = await createServices(config, log);
    try {
      await runConsole({ input: process.stdin, output: process.stdout, services });
    } finally {
      services.stats?.close();
    }
    return 0;
  }

  const log = createLogger(config.LOG_LEVEL);
  // A stray rejection or exception is logged (without its message) and the bot keeps serving.
  process.on('unhandledRejection', (reason) => log.error('unhandled_rejection', errorFields(reason)));
  process.on('uncaughtException', (err) => log.error('uncaught_exception', errorFields(err)));

  const services = await createServices(config, log);
  const commands = await loadCommands();
  const client = createClient({ apiUrl: config.DISCORD_API_URL });
  const bot = wireEvents(client, services, commands);

  const shutdown = async (signal: string): Promise<void> => {
    log.info('shutdown', { signal });
    await bot.idle();
    await client.destroy();
    services.stats?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  log.info('login');
  try {
    await client.login(config.DISCORD_TOKEN);
  } catch (err) {
    log.error('login_failed', errorFields(err));
    await client.destroy();
    services.stats?.close();
    return 1;
  }
  return 0;
}

process.exitCode = await main();

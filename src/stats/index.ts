// The one call the bot, the local console and the CLI make to get community statistics.
import type { RuleSet } from '../detector/rules.ts';
import { defaultSecretFile, legacySecretFile, loadStatsEnv, type StatsEnv } from './config.ts';
import { loadOrCreateSecret } from './keys.ts';
import { openStats, silentLogger, type CommunityStats, type StatsLogger } from './store.ts';

export { openStats, type CommunityStats, type StatsLogger } from './store.ts';

export interface OpenFromEnvOptions {
  rules: RuleSet;
  env?: NodeJS.ProcessEnv;
  /** Overrides DATABASE_PATH (the CLI's --db). */
  path?: string;
  logger?: StatsLogger;
}

/**
 * Opens (creating and migrating when needed) the statistics database named by DATABASE_PATH or
 * `path`, with STATS_SECRET or the key file (STATS_SECRET_FILE, by default in the user's
 * configuration folder; a key that earlier versions kept beside the database is moved there).
 * Throws StatsConfigError on bad settings, and when the database was written with another key
 * and STATS_PREVIOUS_SECRET does not name it.
 */
export function openStatsFromEnv(opts: OpenFromEnvOptions): { stats: CommunityStats; env: StatsEnv } {
  const raw = opts.env ?? process.env;
  const env = loadStatsEnv(raw);
  const dbPath = opts.path ?? env.DATABASE_PATH;
  const log = opts.logger ?? silentLogger;
  const file = env.STATS_SECRET ? null : (env.STATS_SECRET_FILE ?? defaultSecretFile(raw));
  const secret = file === null ? loadOrCreateSecret(env.STATS_SECRET, '') : loadOrCreateSecret(undefined, file, legacySecretFile(dbPath));
  if (secret.from === 'generated') log.info('stats_secret_generated', { file: secret.file });
  if (secret.from === 'moved') log.warn('stats_secret_moved', { from: legacySecretFile(dbPath), to: secret.file });
  const stats = openStats({
    path: dbPath,
    secret: secret.secret,
    previousSecret: env.STATS_PREVIOUS_SECRET,
    rules: opts.rules,
    retentionDays: env.RETENTION_DAYS,
    digestCron: env.DIGEST_CRON,
    logger: log,
  });
  return { stats, env };
}

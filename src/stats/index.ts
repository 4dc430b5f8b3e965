// The one call the bot, the local console and the CLI make to get community statistics.
import type { RuleSet } from '../detector/rules.ts';
import { loadStatsEnv, secretFileFor, type StatsEnv } from './config.ts';
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
 * `path`, with STATS_SECRET or the key file beside it. Throws StatsConfigError on bad settings.
 */
export function openStatsFromEnv(opts: OpenFromEnvOptions): { stats: CommunityStats; env: StatsEnv } {
  const env = loadStatsEnv(opts.env ?? process.env);
  const dbPath = opts.path ?? env.DATABASE_PATH;
  const log = opts.logger ?? silentLogger;
  const secret = loadOrCreateSecret(env.STATS_SECRET, secretFileFor(dbPath));
  if (secret.from === 'generated') log.info('stats_secret_generated', { file: secret.file });
  const stats = openStats({ path: dbPath, secret: secret.secret, rules: opts.rules, retentionDays: env.RETENTION_DAYS, digestCron: env.DIGEST_CRON, logger: log });
  return { stats, env };
}

// Statistics settings from the environment, validated once. Errors name the key, never its value.
import { statSync } from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { DEFAULT_DIGEST_CRON_PATTERN, DEFAULT_RETENTION_DAYS, MIN_RETENTION_DAYS } from './store.ts';
import { TIMEZONE } from './time.ts';

export const DEFAULT_DATABASE_PATH = 'data/gaibu-guard.db';
/** Monday 09:00 in Asia/Tokyo. */
export const DEFAULT_DIGEST_CRON = DEFAULT_DIGEST_CRON_PATTERN;

const unsetIfEmpty = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const StatsEnvSchema = z.object({
  DATABASE_PATH: z.preprocess(unsetIfEmpty, z.string().optional()).transform((v) => v ?? DEFAULT_DATABASE_PATH),
  /** When unset, a key is generated once into `stats-secret` beside the database (mode 0600; see secretFileFor). */
  STATS_SECRET: z.preprocess(unsetIfEmpty, z.string().trim().min(32, { error: 'must be at least 32 characters (try: openssl rand -base64 32)' }).optional()),
  RETENTION_DAYS: z
    .preprocess(unsetIfEmpty, z.coerce.number({ error: 'must be a whole number of days' }).int().min(MIN_RETENTION_DAYS, { error: `must be at least ${MIN_RETENTION_DAYS}` }).optional())
    .transform((v) => v ?? DEFAULT_RETENTION_DAYS),
  DIGEST_CRON: z
    .preprocess(unsetIfEmpty, z.string().optional())
    .transform((v) => v ?? DEFAULT_DIGEST_CRON)
    .refine(isValidCron, { error: 'is not a valid cron pattern (e.g. "0 9 * * 1" for Monday 09:00)' }),
});
export type StatsEnv = z.infer<typeof StatsEnvSchema>;

function isValidCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true, timezone: TIMEZONE }).stop();
    return true;
  } catch {
    return false;
  }
}

export class StatsConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid statistics configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StatsConfigError';
  }
}

export function loadStatsEnv(env: NodeJS.ProcessEnv = process.env): StatsEnv {
  const parsed = StatsEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new StatsConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.code === 'custom' || i.code === 'too_small' ? i.message : 'has an invalid value'}`));
}

/**
 * The generated key lives beside the database it protects: data/stats-secret for the default. In a
 * folder that everyone may write to (/tmp, /var/tmp), a file named `stats-secret` would be shared by
 * every database there, and could be put there by anyone: the key is then named after its database
 * (/tmp/x.db → /tmp/x.db.key).
 */
export function secretFileFor(databasePath: string): string {
  const db = path.resolve(databasePath);
  const dir = path.dirname(db);
  return sharedFolder(dir) ? `${db}.key` : path.join(dir, 'stats-secret');
}

/** Writable by others (o+w), like /tmp; a folder that does not exist yet is ours to create. */
function sharedFolder(dir: string): boolean {
  try {
    return (statSync(dir).mode & 0o002) !== 0;
  } catch {
    return false;
  }
}

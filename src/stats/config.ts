// Statistics settings from the environment, validated once. Errors name the key, never its value.
import { statSync } from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { StatsConfigError } from './errors.ts';
import { DEFAULT_DIGEST_CRON_PATTERN, DEFAULT_RETENTION_DAYS, MIN_RETENTION_DAYS } from './store.ts';
import { TIMEZONE } from './time.ts';

export { StatsConfigError } from './errors.ts';

export const DEFAULT_DATABASE_PATH = 'data/gaibu-guard.db';
/** Monday 09:00 in Asia/Tokyo. */
export const DEFAULT_DIGEST_CRON = DEFAULT_DIGEST_CRON_PATTERN;

const unsetIfEmpty = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const StatsEnvSchema = z.object({
  DATABASE_PATH: z.preprocess(unsetIfEmpty, z.string().optional()).transform((v) => v ?? DEFAULT_DATABASE_PATH),
  /** When unset, a key is generated once into STATS_SECRET_FILE (mode 0600). */
  STATS_SECRET: z.preprocess(unsetIfEmpty, z.string().trim().min(32, { error: 'must be at least 32 characters (try: openssl rand -base64 32)' }).optional()),
  /**
   * Where the generated key is kept; by default outside the database folder, so a copy of data/
   * holds no key: $XDG_CONFIG_HOME/gaibu-guard/stats-secret, else ~/.config/gaibu-guard/stats-secret.
   */
  STATS_SECRET_FILE: z.preprocess(unsetIfEmpty, z.string().optional()),
  /**
   * The key the database was written with, when changing keys: server opt-outs and settings are
   * carried over to the new key (STATS_SECRET or the key file). Without it, a database written
   * with another key stops the program.
   */
  STATS_PREVIOUS_SECRET: z.preprocess(unsetIfEmpty, z.string().trim().min(32, { error: 'must be at least 32 characters (the key the database was written with)' }).optional()),
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

export function loadStatsEnv(env: NodeJS.ProcessEnv = process.env): StatsEnv {
  const parsed = StatsEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new StatsConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.code === 'custom' || i.code === 'too_small' ? i.message : 'has an invalid value'}`));
}

/**
 * Where the generated key lives unless STATS_SECRET_FILE says otherwise: the user's configuration
 * folder, never the database folder (a backup or copy of data/ must not carry the key with it).
 */
export function defaultSecretFile(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CONFIG_HOME']?.trim();
  const home = env['HOME']?.trim();
  const base = xdg ? xdg : home ? path.join(home, '.config') : null;
  if (!base) throw new StatsConfigError(['STATS_SECRET_FILE: is not set and there is no home folder to keep the generated key in (set STATS_SECRET_FILE or STATS_SECRET)']);
  return path.join(path.resolve(base), 'gaibu-guard', 'stats-secret');
}

/** Where earlier versions generated the key: beside the database. Moved out on first start. */
export function legacySecretFile(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'stats-secret');
}

// Environment configuration, validated once at startup. Errors name the key and what is wrong with
// it, never the value: a token pasted into the wrong variable must not end up in a log.
//
// Every key is documented in .env.example. To add one (statistics: STATS_SECRET, RETENTION_DAYS,
// DIGEST_CRON, …), add it to `ConfigSchema` below and to .env.example; nothing else needs to change.
import { existsSync } from 'node:fs';
import { z } from 'zod';

/** Empty strings count as "not set": `KEY=` in a .env file or `KEY= npm start` means unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const snowflake = (what: string) =>
  z.string().regex(/^\d{17,20}$/, { error: `must be a Discord ${what} ID (17 to 20 digits)` });

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const ConfigSchema = z.object({
  /** Bot token; without it `npm start` runs the local console. */
  DISCORD_TOKEN: optional(
    z.string().regex(/^[\w.-]{20,}$/, { error: 'does not look like a bot token (copy it again from the Developer Portal)' }),
  ),
  /** Application ID; needed by deploy-commands (the bot itself learns it from the gateway). */
  DISCORD_CLIENT_ID: optional(snowflake('application')),
  /** When set, deploy-commands registers to this one server (instant) instead of globally. */
  DEV_GUILD_ID: optional(snowflake('server (guild)')),
  /** SQLite file for community statistics. */
  DATABASE_PATH: optional(z.string()).transform((v) => v ?? 'data/gaibu-guard.db'),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })).transform(
    (v): LogLevel => v ?? 'info',
  ),
  /**
   * Gateway shards run inside this one process, all sharing the one engine (tokenizer): `auto`
   * (the default: as many as Discord recommends, one below 2,500 servers) or a fixed count.
   * Not SHARD_COUNT: discord.js reads that name itself (its own ShardingManager sets it).
   */
  DISCORD_SHARDS: optional(
    z
      .string()
      .regex(/^(auto|[1-9]\d?)$/, { error: 'must be auto or a whole number of shards from 1 to 99' })
      .transform((v): 'auto' | number => (v === 'auto' ? 'auto' : Number(v))),
  ),
  /**
   * How often (seconds) the bot looks at the statistics database file and, after a fault (locked,
   * read-only, deleted, replaced), tries it again. Default 10.
   */
  STATS_RECOVERY_SECONDS: optional(
    z.string().regex(/^[1-9]\d{0,3}$/, { error: 'must be a whole number of seconds from 1 to 9999' }).transform(Number),
  ).transform((v) => v ?? 10),
  /**
   * Reading screenshots (OCR, about 160 MB more memory and a second of work after login): `on`
   * (default) or `off` (images then get a note that they are not read).
   */
  OCR: optional(z.enum(['on', 'off'], { error: 'must be on or off' })).transform((v) => v ?? 'on'),
  /**
   * Base URL of the Discord REST API without the version (default https://discord.com/api).
   * Only the tests set it, to point the real bot at a local stand-in.
   */
  DISCORD_API_URL: optional(
    z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { error: 'must be an http(s) URL such as https://discord.com/api' })
      .transform((v) => v.replace(/\/+$/, '')),
  ),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (check your environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment. Throws ConfigError naming each bad key (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'environment');
    // Our own messages never include the input; zod's generic ones are replaced by a neutral text.
    const message = issue.code === 'custom' || issue.code === 'invalid_format' || issue.code === 'invalid_value'
      ? issue.message
      : 'has an invalid value';
    return `${key}: ${message}`;
  });
  throw new ConfigError(problems);
}

/** Requires a key that is optional in general (deploy-commands needs the client ID, for example). */
export function requireKey<K extends keyof Config>(config: Config, key: K, why: string): NonNullable<Config[K]> {
  const value = config[key];
  if (value === undefined || value === null) throw new ConfigError([`${String(key)}: is not set (${why})`]);
  return value as NonNullable<Config[K]>;
}

/**
 * Loads ./.env into process.env when the file exists. Variables already in the environment win,
 * so tests and CI can override any key (an empty value counts as "unset"). Node.js reads .env files
 * from 20.12 on; an older one is told so instead of silently starting without the settings.
 */
export function loadDotEnv(path = '.env'): void {
  if (!existsSync(path)) return;
  if (typeof process.loadEnvFile !== 'function') {
    throw new ConfigError([`${path}: Node.js ${process.version} cannot read .env files; use Node.js 20.12 or newer (or set the variables in the environment)`]);
  }
  process.loadEnvFile(path);
}

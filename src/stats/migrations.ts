// Schema, versioned by PRAGMA user_version. Each migration runs in its own transaction together
// with the version bump, so a crash leaves the file at the old version or the new one, never between.
// Append new migrations; never edit a released one.
//
// What the tables hold (and deliberately do not): see docs in README "Community statistics" and
// /privacy. No column holds text from a message, a user id, a raw guild id or a contact detail.
import type Database from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  // 1: the first schema.
  `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- Rule ids as the rules name them (e.g. contact.line.request); never text from a message.
  CREATE TABLE rule_ids (
    id   INTEGER PRIMARY KEY,
    rule TEXT NOT NULL UNIQUE
  ) STRICT;

  -- One row per check. guild: keyed HMAC of the server id (NULL: DM, console or CLI without --guild).
  -- level/platform/stage/source: codes (src/stats/codes.ts); categories/tools: bitmasks;
  -- rules: rule_ids ids, comma-separated.
  CREATE TABLE checks (
    id         INTEGER PRIMARY KEY,
    hour       INTEGER NOT NULL,
    guild      BLOB,
    level      INTEGER NOT NULL,
    platform   INTEGER NOT NULL,
    stage      INTEGER NOT NULL,
    source     INTEGER NOT NULL,
    categories INTEGER NOT NULL,
    tools      INTEGER NOT NULL,
    rules      TEXT NOT NULL
  ) STRICT;
  CREATE INDEX checks_hour ON checks (hour);

  -- "Seen N times": for each keyed fingerprint h of a checked text (exact + near-duplicate bands),
  -- who checked it: the weekly-rotating keyed reporter hash, or a random id for a check without a
  -- user (CLI). day: UTC day of that reporter's latest check of h; guild: keyed server hash of it.
  -- One row per (h, who), so one person sending a text ten times is one row. Rows older than 31
  -- days are deleted (a daily scan; no index on day, to keep inserts cheap).
  CREATE TABLE fp_seen (
    h     BLOB NOT NULL,
    who   BLOB NOT NULL,
    day   INTEGER NOT NULL,
    guild BLOB,
    PRIMARY KEY (h, who)
  ) STRICT, WITHOUT ROWID;

  -- Counts per hour and server, maintained with every insert, so queries read at most a few
  -- hundred rows whatever the number of checks. v: the count vector (src/stats/counts.ts: sorted
  -- pairs of uint32 code = dim << 16 | key and int32 count). guild = X'00' holds the totals over
  -- every check (all servers, DMs, CLI).
  CREATE TABLE hourly (
    guild BLOB NOT NULL,
    hour  INTEGER NOT NULL,
    v     BLOB NOT NULL,
    PRIMARY KEY (guild, hour)
  ) STRICT, WITHOUT ROWID;

  -- Hourly counts older than RETENTION_DAYS, rolled into their ISO week (week = the hour bucket of
  -- Monday 00:00 JST).
  CREATE TABLE weekly (
    guild BLOB NOT NULL,
    week  INTEGER NOT NULL,
    v     BLOB NOT NULL,
    PRIMARY KEY (guild, week)
  ) STRICT, WITHOUT ROWID;

  -- Per-server settings. channel: the digest channel chosen by an admin (a channel id, needed to
  -- post; never the server id). last_week: the last ISO week whose digest was claimed for posting.
  CREATE TABLE guild_settings (
    guild        BLOB PRIMARY KEY,
    channel      TEXT,
    scope        TEXT NOT NULL DEFAULT 'all',
    opted_out    INTEGER NOT NULL DEFAULT 0,
    last_week    TEXT,
    problem      TEXT,
    problem_week TEXT
  ) STRICT;
  `,
  // 2: distinct people per item and week (for /stats thresholds), salts for reporter hashes, key
  // rotation, and digest posts told apart from digest claims.
  `
  -- For each counted item, a 256-bit set per server and ISO week: every check sets the bit its
  -- weekly reporter hash picks (src/stats/people.ts), so the bits set are a lower bound on the
  -- people behind the item. guild = X'00': all checks; X'01': checks from no server (DM, CLI).
  -- Nothing in it can be tied to a person.
  CREATE TABLE people_weekly (
    guild BLOB NOT NULL,
    week  INTEGER NOT NULL,
    v     BLOB NOT NULL,
    PRIMARY KEY (guild, week)
  ) STRICT, WITHOUT ROWID;

  -- A random salt per ISO week, mixed into that week's reporter hashes; deleted 31 days after the
  -- week ends (with the last fingerprints that could use it).
  CREATE TABLE reporter_salts (
    week TEXT PRIMARY KEY,
    salt BLOB NOT NULL
  ) STRICT;

  -- During a key rotation (STATS_PREVIOUS_SECRET): the server hashes still under the old key. A
  -- server's rows move to its new hash when the bot next sees the server.
  CREATE TABLE rekey_pending (
    guild BLOB PRIMARY KEY
  ) STRICT, WITHOUT ROWID;

  -- posted_week: the last week whose digest was actually posted (last_week is the last claimed).
  -- problem_noticed: an admin has seen the problem on /stats (it stays in /digest-admin status
  -- until a post succeeds or the channel is set again).
  ALTER TABLE guild_settings ADD COLUMN posted_week TEXT;
  ALTER TABLE guild_settings ADD COLUMN problem_noticed INTEGER NOT NULL DEFAULT 0;
  UPDATE guild_settings SET posted_week = last_week WHERE problem IS NULL OR problem_week IS NOT last_week;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION. Safe to run any number of times, from any process. */
export function migrate(db: Database.Database): number {
  for (;;) {
    // IMMEDIATE: take the write lock before reading the version, so two processes opening a new
    // file at once cannot both apply the same migration.
    const applied = db.transaction((): boolean => {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version >= MIGRATIONS.length) return false;
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
      return true;
    }).immediate();
    if (!applied) break;
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(`database schema version ${version} is newer than this program (${MIGRATIONS.length}); update gaibu-guard`);
  }
  return version;
}

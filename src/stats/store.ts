// The SQLite store behind community statistics: the only module that talks to the database.
//
// Writes: record() computes the keyed fingerprints and the "seen N times" count synchronously,
// then queues the anonymous row; queued rows are written in one transaction every `flushMs` or
// every `batchSize` rows (group commit). A WAL commit costs far more than the rows in it, so this is
// what keeps the bot's one-check-at-a-time pattern fast. Queued rows already count for "seen", and
// every query flushes first; a crash loses at most the last `flushMs` of statistics, never a reply.
//
// Reads: queries use the hourly rollup tables (maintained in the same transaction as the rows), so
// a digest reads a few thousand rows however many checks there were; people_weekly says how many
// different people (at least) each item comes from, per week (people.ts).
//
// The file and its -wal / -shm are created owner-only (0600), like the key. The key must be the
// one the database was written with: another key stops the program, unless the old one is given
// (previousSecret) to rotate, which carries each server's settings and rows over to its new hash.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { RuleSet } from '../detector/rules.ts';
import { CATEGORY_IDS, LEVELS, PLATFORMS, STAGES, TOOL_IDS } from '../detector/types.ts';
import type { Report } from '../reply/report.ts';
import { categoriesMask, codeOf, DIM, toolsMask } from './codes.ts';
import { addEncoded, countsFromVector, encodeVector, mergeEncoded, vectorCode, type Counts, type CountVector } from './counts.ts';
import { fingerprintText, type Fingerprints } from './fingerprint.ts';
import { dueWeek } from './due.ts';
import { StatsConfigError } from './errors.ts';
import { createKeyring, GUILD_KEY_BYTES, REPORTER_KEY_BYTES, REPORTER_SALT_BYTES, type Keyring } from './keys.ts';
import { migrate } from './migrations.ts';
import { addPerson, encodePeople, mergePeople, orEncodedPeople, type PeopleVector } from './people.ts';
import { CHECK_SOURCES, type RecordMeta, type RecordResult, type StatsPort } from './port.ts';
import { DAY_HOURS, hourOf, isoWeekOfHour, isoWeekStartHour, lastCompleteWeek, WEEK_HOURS, weekStartHour, type IsoWeek } from './time.ts';

/** The subset of the bot's logger the store uses (src/bot/log.ts satisfies it). */
export interface StatsLogger {
  info(event: string, fields?: Record<string, string | number | boolean | null | undefined>): void;
  warn(event: string, fields?: Record<string, string | number | boolean | null | undefined>): void;
  error(event: string, fields?: Record<string, string | number | boolean | null | undefined>): void;
}

export const silentLogger: StatsLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** "Seen N times" looks this far back. */
export const SEEN_WINDOW_DAYS = 30;
/** Fingerprints are kept one day longer than the window, then deleted. */
export const FINGERPRINT_KEEP_DAYS = SEEN_WINDOW_DAYS + 1;
/** "Seen N times" reads at most this many earlier reporters (N is then shown as this number). */
export const SEEN_CAP = 1000;
export const DEFAULT_RETENTION_DAYS = 365;
/** Monday 09:00 Asia/Tokyo (config.ts re-exports it as DEFAULT_DIGEST_CRON). */
export const DEFAULT_DIGEST_CRON_PATTERN = '0 9 * * 1';
/** /stats month compares with the 30 days before, so hourly rows must outlive 60 days. */
export const MIN_RETENTION_DAYS = 60;
/** People bits are kept at least this long (/stats month: 4 complete weeks and the 4 before). */
const PEOPLE_KEEP_DAYS = 70;

const ALL = Buffer.from([0]);
/** people_weekly only: checks from no server, so the all-checks row can be rebuilt after an opt-out. */
const NO_GUILD = Buffer.from([1]);

export const DIGEST_SCOPES = ['all', 'server'] as const;
export type DigestScope = (typeof DIGEST_SCOPES)[number];
export const DIGEST_PROBLEMS = ['missing_permission', 'channel_missing', 'post_failed'] as const;
export type DigestProblem = (typeof DIGEST_PROBLEMS)[number];

/** Which checks a query covers: every check (`null`) or one server's, by its keyed hash (hex). */
export type GuildKey = string;

export interface GuildSettings {
  guildKey: GuildKey;
  channelId: string | null;
  scope: DigestScope;
  optedOut: boolean;
  /** The last week claimed for posting (posted, or tried and failed). */
  lastWeek: IsoWeek | null;
  /** The last week whose digest was actually posted. */
  postedWeek: IsoWeek | null;
  /** The last failed post, until a post succeeds or the channel is set or cleared. */
  problem: DigestProblem | null;
  problemWeek: IsoWeek | null;
}

export interface DigestTarget {
  guildKey: GuildKey;
  channelId: string;
  scope: DigestScope;
  lastWeek: IsoWeek | null;
}

export interface MaintenanceResult {
  rolledHourlyRows: number;
  deletedChecks: number;
  deletedFingerprints: number;
  /** Weekly reporter salts past their 31 days: that week's reporter hashes are now unrecoverable. */
  deletedSalts: number;
}

export interface PurgeResult {
  checks: number;
}

/** Everything the statistics commands, the digest and the scheduler use, beyond the bot's port. */
export interface CommunityStats extends StatsPort {
  readonly community: CommunityStats;
  readonly path: string;
  readonly retentionDays: number;
  /** DIGEST_CRON, for replies that say when the digest is posted. */
  readonly digestCron: string;
  /** The keyed hash standing for a server in every table and query. */
  guildKeyOf(guildId: string): GuildKey;
  /** Counts over hour buckets [fromHour, toHour), for every check or one server. */
  counts(guildKey: GuildKey | null, fromHour: number, toHour: number): Counts;
  /**
   * Who the counts come from: per item, the people bits of the ISO weeks starting in
   * [fromHour, toHour) (people.ts: peopleOf gives a lower bound on the number of people).
   */
  people(guildKey: GuildKey | null, fromHour: number, toHour: number): PeopleVector;
  settings(guildKey: GuildKey): GuildSettings;
  /** Sets the digest channel; the first post is at the next scheduled run (never an old week at once). */
  setDigestChannel(guildKey: GuildKey, channelId: string, scope: DigestScope, now: Date): GuildSettings;
  clearDigestChannel(guildKey: GuildKey): GuildSettings;
  /** Stops recording this server's checks and deletes every row recorded for it. */
  optOut(guildKey: GuildKey): PurgeResult;
  optIn(guildKey: GuildKey): void;
  isOptedOut(guildKey: GuildKey): boolean;
  digestTargets(): DigestTarget[];
  /** Claims `week` for a server's digest; false when it was already claimed (never post twice). */
  claimDigestWeek(guildKey: GuildKey, week: IsoWeek): boolean;
  noteDigestProblem(guildKey: GuildKey, week: IsoWeek, problem: DigestProblem): void;
  /** A week's digest was posted: it becomes the last posted week and any problem is over. */
  noteDigestPosted(guildKey: GuildKey, week: IsoWeek): void;
  /**
   * The last digest problem, once (for /stats: shown to the first admin who looks). It stays in
   * settings() — and /digest-admin status — until it is fixed.
   */
  takeDigestProblem(guildKey: GuildKey): { problem: DigestProblem; week: IsoWeek } | null;
  /**
   * During a key rotation: moves these servers' settings and rows to their new hashes (the bot
   * passes every server it is in once the gateway is ready). Returns how many were moved.
   */
  carryOverGuilds(guildIds: Iterable<string>): number;
  /** Retention: hourly counts older than retentionDays → weekly totals; old checks and fingerprints deleted. */
  maintain(now: Date): MaintenanceResult;
  /** Writes queued rows now. */
  flush(): void;
  /** The keyed fingerprints record() computes from a text (in memory only). */
  fingerprint(text: string): Fingerprints | null;
  /** record() with the fingerprints already computed (record = fingerprint + this). */
  recordFingerprinted(report: Report, fp: Fingerprints | null, meta: RecordMeta): RecordResult | null;
}

export interface OpenStatsOptions {
  /** SQLite file; its folder is created when missing. */
  path: string;
  /** The statistics key (see keys.ts: loadOrCreateSecret). */
  secret: string;
  /**
   * The key the database was written with, to change keys (STATS_PREVIOUS_SECRET): opt-outs and
   * server settings are carried over. Without it, a database under another key is refused.
   */
  previousSecret?: string | undefined;
  /** The detector's rules: contact-detail patterns for fingerprints, rule ids. */
  rules: RuleSet;
  retentionDays?: number;
  /** DIGEST_CRON (only shown in replies; the scheduler gets it separately). */
  digestCron?: string;
  logger?: StatsLogger;
  /** Group commit: write queued rows after this long … */
  flushMs?: number;
  /** … or once this many are queued. */
  batchSize?: number;
  /** How long a write waits for another process's lock before it fails and is retried (ms). */
  busyTimeoutMs?: number;
}

interface PendingRow {
  hour: number;
  guild: Buffer | null;
  level: number;
  platform: number;
  stage: number;
  source: number;
  categories: number;
  tools: number;
  rules: string[];
  categoryCodes: number[];
  toolCodes: number[];
  fps: Buffer[];
  /** Weekly reporter hash, or a process-unique random id when the check has no user. */
  who: Buffer;
  repeated: boolean;
}

const WhoSchema = z.instanceof(Buffer);
const VectorSchema = z.instanceof(Buffer).refine((b) => b.length % 8 === 0, { error: 'corrupt count vector' });
const HourlyRowSchema = z.object({ guild: z.instanceof(Buffer), hour: z.number().int(), v: VectorSchema });
const RuleIdRowSchema = z.object({ id: z.number().int().positive(), rule: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/) });
const IsoWeekOrNull = z.string().regex(/^\d{4}-W\d{2}$/).nullable();
const SettingsRowSchema = z.object({
  channel: z.string().regex(/^\d{1,25}$/).nullable(),
  scope: z.enum(DIGEST_SCOPES),
  opted_out: z.union([z.literal(0), z.literal(1)]),
  last_week: IsoWeekOrNull,
  posted_week: IsoWeekOrNull,
  problem: z.enum(DIGEST_PROBLEMS).nullable(),
  problem_week: IsoWeekOrNull,
  problem_noticed: z.union([z.literal(0), z.literal(1)]),
});
const SaltRowSchema = z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/), salt: z.instanceof(Buffer).refine((b) => b.length === REPORTER_SALT_BYTES) });
const TargetRowSchema = z.object({
  guild: z.instanceof(Buffer),
  channel: z.string().regex(/^\d{1,25}$/),
  scope: z.enum(DIGEST_SCOPES),
  last_week: IsoWeekOrNull,
});
const GuildKeySchema = z.string().regex(new RegExp(`^[0-9a-f]{${GUILD_KEY_BYTES * 2}}$`), { error: 'not a guild key' });

const MAX_PENDING = 20_000;
/** Pause before retrying a failed (busy, read-only…) batch write. */
const RETRY_MS = 1000;
/** Users whose weekly reporter hashes are kept in memory (never written anywhere). */
const REPORTER_CACHE = 20_000;
const SEEN_HASHES = 9;
const SEEN_EXCLUDE = 6;

export function openStats(opts: OpenStatsOptions): CommunityStats {
  const retentionDays = opts.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS) {
    throw new RangeError(`RETENTION_DAYS must be a whole number ≥ ${MIN_RETENTION_DAYS}`);
  }
  const log = opts.logger ?? silentLogger;
  const digestCron = opts.digestCron ?? DEFAULT_DIGEST_CRON_PATTERN;
  const flushMs = opts.flushMs ?? 250;
  const batchSize = opts.batchSize ?? 5000;
  if (opts.path !== ':memory:') createOwnerOnly(opts.path);
  const db = new Database(opts.path);
  db.pragma('journal_mode = WAL');
  // SQLite gives -wal and -shm the mode of the database file; files left by an earlier version
  // (0644) are tightened here.
  if (opts.path !== ':memory:') tightenFiles(opts.path);
  // Short: better-sqlite3 waits synchronously, so a lock held by another process (a CLI
  // `check --record`, a backup) would freeze the bot for the whole timeout. A busy write fails
  // fast, its rows stay queued, and a retry follows (see flush).
  db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 200}`);
  // NORMAL in WAL mode: durable across application crashes; a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  // The fingerprint tables take random inserts: keep their pages in memory (64 MB at most) and let
  // the WAL grow to ~40 MB between checkpoints, so a batch does not rewrite the same pages twice.
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('temp_store = MEMORY');
  const blob = (x: unknown): Uint8Array | null => (x instanceof Uint8Array ? x : null);
  db.function('counts_add', { deterministic: true }, (a: unknown, b: unknown) => mergeEncoded(blob(a), blob(b), 1));
  db.function('counts_sub', { deterministic: true }, (a: unknown, b: unknown) => mergeEncoded(blob(a), blob(b), -1));
  db.function('people_or', { deterministic: true }, (a: unknown, b: unknown) => mergePeople(blob(a), blob(b)));
  migrate(db);

  const keys: Keyring = createKeyring(opts.secret);
  const previous: Keyring | null = opts.previousSecret ? createKeyring(opts.previousSecret) : null;
  const rotating = checkKey(db, keys, previous, opts.path, log);
  // ---- prepared statements ------------------------------------------------------------------
  const insCheck = db.prepare(
    'INSERT INTO checks (hour, guild, level, platform, stage, source, categories, tools, rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const upSeenStmts = new Map<number, Database.Statement>();
  /** One statement per check: its fingerprints (1 to 9 rows) in one multi-row upsert. */
  const upSeen = (n: number): Database.Statement => {
    let st = upSeenStmts.get(n);
    if (!st) {
      st = db.prepare(
        `INSERT INTO fp_seen (h, who, day, guild) VALUES ${Array(n).fill('(?, ?, ?, ?)').join(', ')}
         ON CONFLICT (h, who) DO UPDATE SET day = excluded.day, guild = excluded.guild WHERE excluded.day > fp_seen.day`,
      );
      upSeenStmts.set(n, st);
    }
    return st;
  };
  const bump = db.prepare('INSERT INTO hourly (guild, hour, v) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET v = counts_add(v, excluded.v)');
  const insRule = db.prepare('INSERT OR IGNORE INTO rule_ids (rule) VALUES (?)');
  const ruleByName = db.prepare('SELECT id, rule FROM rule_ids WHERE rule = ?');
  const allRules = db.prepare('SELECT id, rule FROM rule_ids');
  const inList = (n: number): string => Array(n).fill('?').join(', ');
  // The reporters (distinct) of any of a text's fingerprints inside the window; usually none.
  const seenStmt = db
    .prepare(`SELECT DISTINCT who FROM fp_seen WHERE h IN (${inList(SEEN_HASHES)}) AND day > ? LIMIT ${SEEN_CAP + SEEN_EXCLUDE}`)
    .pluck();
  const countsQ = db
    .prepare(
      `SELECT v FROM hourly WHERE guild = ? AND hour >= ? AND hour < ?
       UNION ALL
       SELECT v FROM weekly WHERE guild = ? AND week >= ? AND week < ?`,
    )
    .pluck();
  const getSettings = db.prepare(
    'SELECT channel, scope, opted_out, last_week, posted_week, problem, problem_week, problem_noticed FROM guild_settings WHERE guild = ?',
  );
  const upPeople = db.prepare('INSERT INTO people_weekly (guild, week, v) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET v = people_or(v, excluded.v)');
  const peopleQ = db.prepare('SELECT v FROM people_weekly WHERE guild = ? AND week >= ? AND week < ?').pluck();
  const ensureSettings = db.prepare('INSERT OR IGNORE INTO guild_settings (guild) VALUES (?)');
  const optedOutRows = db.prepare('SELECT guild FROM guild_settings WHERE opted_out = 1').pluck();

  // ---- in-memory caches (never written anywhere) ---------------------------------------------
  const ruleIds = new Map<string, number>();
  const ruleNames = new Map<number, string>();
  const loadRuleIds = (): void => {
    for (const row of allRules.all()) {
      const r = RuleIdRowSchema.parse(row);
      ruleIds.set(r.rule, r.id);
      ruleNames.set(r.id, r.rule);
    }
  };
  loadRuleIds();
  const optedOut = new Set<string>(optedOutRows.all().map((g) => z.instanceof(Buffer).parse(g).toString('hex')));
  const guildKeys = new Map<string, Buffer>();
  // Only users whose texts matched something are cached (with all their weekly hashes).
  const reporterKeys = new Map<string, { hour0: number; own: Buffer; exclude: Buffer[] }>();
  const NO_EXCLUDE = (): Buffer[] => [];
  // Checks without a user (the CLI) each count as their own reporter: a random per-process prefix
  // and a counter, never derived from anything about the check.
  const anonPrefix = randomBytes(4);
  let anonCounter = 0;
  const anonymousWho = (): Buffer => {
    const b = Buffer.alloc(REPORTER_KEY_BYTES);
    anonPrefix.copy(b, 0);
    b.writeUInt32BE((anonCounter = (anonCounter + 1) >>> 0), 4);
    return b;
  };

  const guildKeyBuf = (guildId: string): Buffer => {
    let k = guildKeys.get(guildId);
    if (!k) {
      k = keys.mac('guild', GUILD_KEY_BYTES, guildId);
      if (guildKeys.size > 10_000) guildKeys.clear();
      guildKeys.set(guildId, k);
      if (rekeyPending.size > 0) carryOver(guildId, k);
    }
    return k;
  };

  // ---- key rotation ----------------------------------------------------------------------------
  // Server hashes still under the previous key (empty unless rotating with the old key at hand).
  const rekeyPending = new Set<string>(
    rotating ? db.prepare('SELECT guild FROM rekey_pending').pluck().all().map((g) => z.instanceof(Buffer).parse(g).toString('hex')) : [],
  );
  const moveRows = db.transaction((from: Buffer, to: Buffer): boolean => {
    const fromSettings = getSettings.get(from);
    if (fromSettings !== undefined) {
      if (getSettings.get(to) === undefined) {
        db.prepare('UPDATE guild_settings SET guild = ? WHERE guild = ?').run(to, from);
      } else {
        // Set again under the new hash meanwhile: keep that, but an opt-out always carries over.
        db.prepare('UPDATE guild_settings SET opted_out = MAX(opted_out, (SELECT opted_out FROM guild_settings WHERE guild = ?)) WHERE guild = ?').run(from, to);
        db.prepare('DELETE FROM guild_settings WHERE guild = ?').run(from);
      }
    }
    db.prepare('UPDATE checks SET guild = ? WHERE guild = ?').run(to, from);
    db.prepare('UPDATE fp_seen SET guild = ? WHERE guild = ?').run(to, from);
    for (const [table, col, merge] of [['hourly', 'hour', 'counts_add'], ['weekly', 'week', 'counts_add'], ['people_weekly', 'week', 'people_or']] as const) {
      db.prepare(
        `INSERT INTO ${table} (guild, ${col}, v) SELECT ?, ${col}, v FROM ${table} WHERE guild = ?
         ON CONFLICT DO UPDATE SET v = ${merge}(v, excluded.v)`,
      ).run(to, from);
      db.prepare(`DELETE FROM ${table} WHERE guild = ?`).run(from);
    }
    db.prepare('DELETE FROM rekey_pending WHERE guild = ?').run(from);
    return db.prepare('SELECT opted_out FROM guild_settings WHERE guild = ?').pluck().get(to) === 1;
  });
  /** Moves a server's rows from its old hash to its new one (once; only during a rotation). */
  const carryOver = (guildId: string, to: Buffer): void => {
    if (!previous) return;
    const from = previous.mac('guild', GUILD_KEY_BYTES, guildId);
    const fromHex = from.toString('hex');
    if (!rekeyPending.has(fromHex)) return;
    const optedOutNow = moveRows(from, to);
    rekeyPending.delete(fromHex);
    optedOut.delete(fromHex);
    if (optedOutNow) {
      optedOut.add(to.toString('hex'));
      // Checks recorded under the new hash before the server was recognised: the opt-out covers them.
      flush();
      db.transaction(() => purge(to))();
    }
    if (rekeyPending.size === 0) {
      db.prepare("DELETE FROM meta WHERE key = 'rotating_from'").run();
      log.info('stats_key_rotated', {});
    }
  };

  // ---- weekly salts of reporter hashes ---------------------------------------------------------
  // A week's salt is made by the first check of the week and written with its batch (the check
  // itself never writes: another process may hold the lock); deleted by maintain() 31 days after
  // the week ends. Kept in memory (hex) for the few weeks the seen window spans.
  const saltQ = db.prepare('SELECT salt FROM reporter_salts WHERE week = ?').pluck();
  const insSalt = db.prepare('INSERT OR IGNORE INTO reporter_salts (week, salt) VALUES (?, ?)');
  const salts = new Map<IsoWeek, string>();
  /** Salts made here and not yet written. */
  const newSalts = new Map<IsoWeek, Buffer>();
  const cacheSalt = (week: IsoWeek, hex: string): string => {
    salts.set(week, hex);
    if (salts.size > SEEN_EXCLUDE + 2) salts.delete(salts.keys().next().value as IsoWeek);
    return hex;
  };
  const saltOf = (week: IsoWeek, create: boolean): string | null => {
    const hit = salts.get(week);
    if (hit !== undefined) return hit;
    const made = newSalts.get(week);
    if (made) return cacheSalt(week, made.toString('hex'));
    const row: unknown = saltQ.get(week);
    if (row !== undefined) return cacheSalt(week, z.instanceof(Buffer).parse(row).toString('hex'));
    if (!create) return null;
    const salt = randomBytes(REPORTER_SALT_BYTES);
    newSalts.set(week, salt);
    return cacheSalt(week, salt.toString('hex'));
  };
  /** After a batch wrote the new salts: another process may have written its own first; use that. */
  const settleSalts = (): void => {
    for (const [week, salt] of newSalts) {
      const row: unknown = saltQ.get(week);
      const stored = row === undefined ? null : z.instanceof(Buffer).parse(row);
      if (stored && !stored.equals(salt)) {
        cacheSalt(week, stored.toString('hex'));
        reporterKeys.clear();
      }
    }
    newSalts.clear();
  };
  const reporterHash = (week: IsoWeek, salt: string, userId: string): Buffer => keys.mac('reporter', REPORTER_KEY_BYTES, week, salt, userId);

  /**
   * This week's reporter hash; the user's hashes for the other weeks the seen window touches are
   * computed only when a count needs them (most texts match nothing).
   */
  const reporterOf = (userId: string, hour: number): { own: Buffer; exclude: () => Buffer[] } => {
    const week0 = weekStartHour(hour);
    const cached = reporterKeys.get(userId);
    if (cached && cached.hour0 === week0) return { own: cached.own, exclude: () => cached.exclude };
    const week = isoWeekOfHour(week0);
    const own = reporterHash(week, saltOf(week, true) as string, userId);
    const entry = { hour0: week0, own, exclude: [own] };
    let complete = false;
    const exclude = (): Buffer[] => {
      if (complete) return entry.exclude;
      for (let w = week0 - WEEK_HOURS; w + WEEK_HOURS > hour - SEEN_WINDOW_DAYS * DAY_HOURS && entry.exclude.length < SEEN_EXCLUDE; w -= WEEK_HOURS) {
        // A week without a salt has no hashes left to exclude (it was deleted, or nobody checked).
        const wk = isoWeekOfHour(w);
        const salt = saltOf(wk, false);
        if (salt !== null) entry.exclude.push(reporterHash(wk, salt, userId));
      }
      complete = true;
      if (reporterKeys.size >= REPORTER_CACHE) {
        // Drop the oldest tenth (a Map iterates in insertion order).
        let drop = REPORTER_CACHE / 10;
        for (const k of reporterKeys.keys()) {
          if (drop-- <= 0) break;
          reporterKeys.delete(k);
        }
      }
      reporterKeys.set(userId, entry);
      return entry.exclude;
    };
    return { own, exclude };
  };

  const ruleIdFor = (rule: string): number => {
    let id = ruleIds.get(rule);
    if (id === undefined) {
      insRule.run(rule);
      const row = RuleIdRowSchema.parse(ruleByName.get(rule));
      id = row.id;
      ruleIds.set(rule, id);
      ruleNames.set(id, rule);
    }
    return id;
  };

  // ---- group commit ----------------------------------------------------------------------------
  let pending: PendingRow[] = [];
  /** Queued fingerprints: hash → reporter → day (latin1 keys), counted by "seen" before a flush. */
  let pendingSeen = new Map<string, Map<string, number>>();
  const enqueue = (row: PendingRow): void => {
    pending.push(row);
    const day = Math.floor(row.hour / DAY_HOURS);
    const who = row.who.toString('latin1');
    for (const h of row.fps) {
      const k = h.toString('latin1');
      let m = pendingSeen.get(k);
      if (!m) {
        m = new Map();
        pendingSeen.set(k, m);
      }
      m.set(who, Math.max(day, m.get(who) ?? day));
    }
  };
  let timer: NodeJS.Timeout | null = null;
  let failing = false;
  let closed = false;

  const writeBatch = db.transaction((rows: PendingRow[]) => {
    // One count vector per (server, hour) touched by the batch, plus the all-servers one.
    const inc = new Buckets<CountVector>();
    const vectorFor = (guild: Buffer, hour: number): CountVector => inc.get(guild, hour);
    const add = (v: CountVector, dim: number, key: number): void => {
      const code = vectorCode(dim, key);
      v.set(code, (v.get(code) ?? 0) + 1);
    };
    // People bits per (server, week), plus the all-checks and no-server rows.
    const ppl = new Buckets<PeopleVector>();
    const peopleFor = (guild: Buffer, week: number): PeopleVector => ppl.get(guild, week);
    for (const r of rows) {
      const ruleCodes = r.rules.map(ruleIdFor);
      const week = weekStartHour(r.hour);
      for (const g of [ALL, r.guild ?? NO_GUILD]) {
        const v = peopleFor(g, week);
        addPerson(v, vectorCode(DIM.total, 0), r.who);
        addPerson(v, vectorCode(DIM.level, r.level), r.who);
        addPerson(v, vectorCode(DIM.platform, r.platform), r.who);
        for (const c of r.categoryCodes) addPerson(v, vectorCode(DIM.category, c), r.who);
        for (const t of r.toolCodes) addPerson(v, vectorCode(DIM.tool, t), r.who);
        for (const c of ruleCodes) addPerson(v, vectorCode(DIM.rule, c), r.who);
      }
      insCheck.run(r.hour, r.guild, r.level, r.platform, r.stage, r.source, r.categories, r.tools, ruleCodes.join(','));
      if (r.fps.length > 0) {
        const day = Math.floor(r.hour / DAY_HOURS);
        const params: (Buffer | number | null)[] = [];
        for (const h of r.fps) params.push(h, r.who, day, r.guild);
        upSeen(r.fps.length).run(...params);
      }
      for (const g of r.guild ? [ALL, r.guild] : [ALL]) {
        const v = vectorFor(g, r.hour);
        add(v, DIM.total, 0);
        add(v, DIM.level, r.level);
        add(v, DIM.platform, r.platform);
        add(v, DIM.stage, r.stage);
        add(v, DIM.source, r.source);
        for (const c of r.categoryCodes) add(v, DIM.category, c);
        for (const t of r.toolCodes) add(v, DIM.tool, t);
        for (const c of ruleCodes) add(v, DIM.rule, c);
        if (r.repeated) add(v, DIM.repeated, 0);
      }
    }
    for (const e of inc.all()) bump.run(e.guild, e.at, encodeVector(e.v));
    for (const e of ppl.all()) upPeople.run(e.guild, e.at, encodePeople(e.v));
    for (const [week, salt] of newSalts) insSalt.run(week, salt);
  });

  const flush = (): void => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    // Closed: the handle is gone; close() already wrote what it could and logged the rest.
    if (closed || pending.length === 0) return;
    const rows = pending;
    try {
      writeBatch(rows);
      settleSalts();
      pending = [];
      pendingSeen = new Map();
      if (failing) log.info('stats_write_recovered', { rows: rows.length });
      failing = false;
    } catch (err) {
      if (!failing) log.error('stats_write_failed', { error: errorName(err), code: errorCode(err), rows: rows.length });
      failing = true;
      // The transaction rolled back: the rows stay queued for the next attempt, unless the queue
      // would grow without bound.
      if (rows.length > MAX_PENDING) {
        log.warn('stats_rows_dropped', { rows: rows.length });
        pending = [];
        pendingSeen = new Map();
      } else if (!timer) {
        // Retry even if no further check arrives.
        timer = setTimeout(flush, RETRY_MS);
        timer.unref();
      }
    }
  };

  const schedule = (): void => {
    if (pending.length >= batchSize) {
      flush();
      return;
    }
    if (!timer) {
      timer = setTimeout(flush, flushMs);
      timer.unref();
    }
  };

  // ---- "seen N times" ----------------------------------------------------------------------------
  // Distinct earlier reporters of any of this text's fingerprints (the exact one or a band) whose
  // latest check is inside the window, other than this user (in any week of the window), plus
  // queued rows not yet written. Reads at most SEEN_CAP reporters: a template that went around a
  // thousand times is reported as 1,000.
  const seenOthers = (fps: Buffer[], sinceDay: number, excludeOf: () => Buffer[]): number => {
    // Equal canonical texts share every band, so the exact fingerprint needs no lookup of its own
    // unless the text was too short for bands (fps = [exact]).
    const hs = fps.length > 1 ? fps.slice(1, 1 + SEEN_HASHES) : fps.slice(0, 1);
    while (hs.length < SEEN_HASHES) hs.push(fps[0] as Buffer);
    const who = new Set<string>();
    for (const w of seenStmt.all(...hs, sinceDay)) who.add(WhoSchema.parse(w).toString('latin1'));
    for (const h of fps) {
      const queued = pendingSeen.get(h.toString('latin1'));
      if (queued) for (const [w, day] of queued) if (day > sinceDay) who.add(w);
    }
    if (who.size === 0) return 0;
    // Only now is it worth computing this user's hashes of the other weeks in the window.
    for (const own of excludeOf()) who.delete(own.toString('latin1'));
    return Math.min(who.size, SEEN_CAP);
  };

  let recordFailing = false;

  const parseGuildKey = (k: GuildKey): Buffer => Buffer.from(GuildKeySchema.parse(k), 'hex');

  const settingsOf = (key: Buffer): GuildSettings => {
    const row = getSettings.get(key);
    if (row === undefined) {
      return { guildKey: key.toString('hex'), channelId: null, scope: 'all', optedOut: false, lastWeek: null, postedWeek: null, problem: null, problemWeek: null };
    }
    const r = SettingsRowSchema.parse(row);
    return {
      guildKey: key.toString('hex'),
      channelId: r.channel,
      scope: r.scope,
      optedOut: r.opted_out === 1,
      lastWeek: r.last_week,
      postedWeek: r.posted_week,
      problem: r.problem,
      problemWeek: r.problem_week,
    };
  };

  /** Deletes every row recorded for a server (inside the caller's transaction); returns its checks. */
  const purge = (key: Buffer): number => {
    db.prepare('DELETE FROM fp_seen WHERE guild = ?').run(key);
    const checks = db.prepare('DELETE FROM checks WHERE guild = ?').run(key).changes;
    // The all-servers totals include this server's counts: take them out too.
    for (const [table, col] of [['hourly', 'hour'], ['weekly', 'week']] as const) {
      db.prepare(
        `UPDATE ${table} AS a SET v = counts_sub(a.v, g.v)
         FROM (SELECT ${col} AS t, v FROM ${table} WHERE guild = ?) AS g
         WHERE a.guild = ? AND a.${col} = g.t`,
      ).run(key, ALL);
      db.prepare(`DELETE FROM ${table} WHERE guild = ?`).run(key);
    }
    // People bits cannot be subtracted: the all-checks row of each week is rebuilt from the rest.
    const weeks = db.prepare('SELECT week FROM people_weekly WHERE guild = ?').pluck().all(key).map((w) => z.number().parse(w));
    db.prepare('DELETE FROM people_weekly WHERE guild = ?').run(key);
    for (const week of weeks) {
      const v: PeopleVector = new Map();
      for (const row of db.prepare("SELECT v FROM people_weekly WHERE week = ? AND guild <> X'00'").pluck().all(week)) orEncodedPeople(v, z.instanceof(Buffer).parse(row));
      if (v.size === 0) db.prepare('DELETE FROM people_weekly WHERE guild = ? AND week = ?').run(ALL, week);
      else db.prepare('INSERT OR REPLACE INTO people_weekly (guild, week, v) VALUES (?, ?, ?)').run(ALL, week, encodePeople(v));
    }
    return checks;
  };

  const store: CommunityStats = {
    get community(): CommunityStats {
      return store;
    },
    path: opts.path,
    retentionDays,
    digestCron,

    record(report: Report, text: string, meta: RecordMeta): RecordResult | null {
      if (closed) return null;
      let fp: Fingerprints | null;
      try {
        fp = fingerprintText(text, opts.rules, keys);
      } catch (err) {
        if (!recordFailing) log.error('stats_record_failed', { error: errorName(err), code: errorCode(err) });
        recordFailing = true;
        return null;
      }
      return store.recordFingerprinted(report, fp, meta);
    },

    recordFingerprinted(report: Report, fp: Fingerprints | null, meta: RecordMeta): RecordResult | null {
      if (closed) return null;
      try {
        const v = report.verdict;
        const hour = hourOf(meta.at);
        const guild = meta.guildId ? guildKeyBuf(meta.guildId) : null;
        const fps = fp ? [fp.exact, ...fp.bands] : [];
        const rep = meta.userId ? reporterOf(meta.userId, hour) : null;
        const sinceDay = Math.floor(hour / DAY_HOURS) - SEEN_WINDOW_DAYS;
        const seen = fps.length > 0 ? seenOthers(fps, sinceDay, rep?.exclude ?? NO_EXCLUDE) : 0;
        if (guild && optedOut.has(guild.toString('hex'))) {
          recordFailing = false;
          return { seenOthers: seen };
        }
        enqueue({
          hour,
          guild,
          level: codeOf(LEVELS, v.level),
          platform: codeOf(PLATFORMS, v.platform),
          stage: codeOf(STAGES, v.stage),
          source: codeOf(CHECK_SOURCES, meta.source),
          categories: categoriesMask(v.categories),
          tools: toolsMask(v.tools),
          categoryCodes: [...new Set(v.categories)].map((c) => codeOf(CATEGORY_IDS, c)),
          toolCodes: [...new Set(v.tools)].map((t) => codeOf(TOOL_IDS, t)),
          rules: [...new Set(v.findings.map((f) => f.rule))].sort(),
          fps,
          who: rep?.own ?? anonymousWho(),
          repeated: seen >= 2,
        });
        schedule();
        recordFailing = false;
        return { seenOthers: seen };
      } catch (err) {
        if (!recordFailing) log.error('stats_record_failed', { error: errorName(err), code: errorCode(err) });
        recordFailing = true;
        return null;
      }
    },

    fingerprint(text: string): Fingerprints | null {
      return fingerprintText(text, opts.rules, keys);
    },

    close(): void {
      if (closed) return;
      flush();
      closed = true;
      // A write that keeps failing (locked, read-only, gone) is not retried on a closed handle:
      // its rows are dropped, and said so.
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      if (pending.length > 0) {
        log.warn('stats_rows_dropped', { rows: pending.length, reason: 'closed' });
        pending = [];
        pendingSeen = new Map();
      }
      try {
        db.pragma('optimize');
      } catch {
        // Best effort only.
      }
      db.close();
    },

    guildKeyOf(guildId: string): GuildKey {
      return guildKeyBuf(guildId).toString('hex');
    },

    counts(guildKey: GuildKey | null, fromHour: number, toHour: number): Counts {
      flush();
      const g = guildKey === null ? ALL : parseGuildKey(guildKey);
      const sum: CountVector = new Map();
      for (const v of countsQ.all(g, fromHour, toHour, g, fromHour, toHour)) addEncoded(sum, VectorSchema.parse(v));
      const ruleCode = (code: number): number | null => (Math.floor(code / 65_536) === DIM.rule ? code % 65_536 : null);
      if ([...sum.keys()].some((c) => ruleCode(c) !== null && !ruleNames.has(ruleCode(c) as number))) loadRuleIds();
      return countsFromVector(sum, (id) => ruleNames.get(id));
    },

    people(guildKey: GuildKey | null, fromHour: number, toHour: number): PeopleVector {
      flush();
      const v: PeopleVector = new Map();
      for (const row of peopleQ.all(guildKey === null ? ALL : parseGuildKey(guildKey), fromHour, toHour)) orEncodedPeople(v, z.instanceof(Buffer).parse(row));
      return v;
    },

    carryOverGuilds(guildIds: Iterable<string>): number {
      const before = rekeyPending.size;
      for (const id of guildIds) if (rekeyPending.size > 0) carryOver(id, guildKeyBuf(id));
      return before - rekeyPending.size;
    },

    settings(guildKey: GuildKey): GuildSettings {
      return settingsOf(parseGuildKey(guildKey));
    },

    setDigestChannel(guildKey: GuildKey, channelId: string, scope: DigestScope, now: Date): GuildSettings {
      const key = parseGuildKey(guildKey);
      const channel = z.string().regex(/^\d{1,25}$/).parse(channelId);
      // The week already due under the schedule counts as done: the first post is the next run.
      const due = dueWeek(digestCron, now) ?? lastCompleteWeek(now);
      db.transaction(() => {
        ensureSettings.run(key);
        db.prepare(
          `UPDATE guild_settings SET channel = ?, scope = ?, problem = NULL, problem_week = NULL, problem_noticed = 0,
             last_week = CASE WHEN last_week IS NULL OR last_week < ? THEN ? ELSE last_week END
           WHERE guild = ?`,
        ).run(channel, scope, due, due, key);
      })();
      return settingsOf(key);
    },

    clearDigestChannel(guildKey: GuildKey): GuildSettings {
      const key = parseGuildKey(guildKey);
      db.prepare('UPDATE guild_settings SET channel = NULL, problem = NULL, problem_week = NULL, problem_noticed = 0 WHERE guild = ?').run(key);
      return settingsOf(key);
    },

    optOut(guildKey: GuildKey): PurgeResult {
      const key = parseGuildKey(guildKey);
      flush();
      optedOut.add(key.toString('hex'));
      return db.transaction((): PurgeResult => {
        ensureSettings.run(key);
        db.prepare('UPDATE guild_settings SET opted_out = 1 WHERE guild = ?').run(key);
        return { checks: purge(key) };
      })();
    },

    optIn(guildKey: GuildKey): void {
      const key = parseGuildKey(guildKey);
      db.prepare('UPDATE guild_settings SET opted_out = 0 WHERE guild = ?').run(key);
      optedOut.delete(key.toString('hex'));
    },

    isOptedOut(guildKey: GuildKey): boolean {
      return optedOut.has(GuildKeySchema.parse(guildKey));
    },

    digestTargets(): DigestTarget[] {
      return db
        .prepare('SELECT guild, channel, scope, last_week FROM guild_settings WHERE channel IS NOT NULL ORDER BY guild')
        .all()
        .map((row) => {
          const r = TargetRowSchema.parse(row);
          return { guildKey: r.guild.toString('hex'), channelId: r.channel, scope: r.scope, lastWeek: r.last_week };
        });
    },

    claimDigestWeek(guildKey: GuildKey, week: IsoWeek): boolean {
      const key = parseGuildKey(guildKey);
      // One statement: two processes (or a restart racing a tick) cannot both claim the same week.
      const res = db
        .prepare('UPDATE guild_settings SET last_week = ? WHERE guild = ? AND channel IS NOT NULL AND (last_week IS NULL OR last_week < ?)')
        .run(week, key, week);
      return res.changes === 1;
    },

    noteDigestProblem(guildKey: GuildKey, week: IsoWeek, problem: DigestProblem): void {
      db.prepare('UPDATE guild_settings SET problem = ?, problem_week = ?, problem_noticed = 0 WHERE guild = ?').run(problem, week, parseGuildKey(guildKey));
    },

    noteDigestPosted(guildKey: GuildKey, week: IsoWeek): void {
      db.prepare(
        `UPDATE guild_settings SET posted_week = ?, problem = NULL, problem_week = NULL, problem_noticed = 0
         WHERE guild = ? AND (posted_week IS NULL OR posted_week < ?)`,
      ).run(week, parseGuildKey(guildKey), week);
    },

    takeDigestProblem(guildKey: GuildKey): { problem: DigestProblem; week: IsoWeek } | null {
      const key = parseGuildKey(guildKey);
      const row = getSettings.get(key);
      if (row === undefined) return null;
      const r = SettingsRowSchema.parse(row);
      if (!r.problem || !r.problem_week || r.problem_noticed === 1) return null;
      db.prepare('UPDATE guild_settings SET problem_noticed = 1 WHERE guild = ?').run(key);
      return { problem: r.problem, week: r.problem_week };
    },

    maintain(now: Date): MaintenanceResult {
      flush();
      const nowHour = hourOf(now);
      const cutoff = nowHour - retentionDays * DAY_HOURS;
      const fpCutoffDay = Math.floor(nowHour / DAY_HOURS) - FINGERPRINT_KEEP_DAYS;
      return db.transaction((): MaintenanceResult => {
        // Old hourly vectors → their ISO week's vector, per server.
        const weeks = new Buckets<CountVector>();
        for (const row of db.prepare('SELECT guild, hour, v FROM hourly WHERE hour < ?').iterate(cutoff)) {
          const r = HourlyRowSchema.parse(row);
          addEncoded(weeks.get(r.guild, weekStartHour(r.hour)), r.v);
        }
        const upWeek = db.prepare('INSERT INTO weekly (guild, week, v) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET v = counts_add(v, excluded.v)');
        for (const e of weeks.all()) upWeek.run(e.guild, e.at, encodeVector(e.v));
        const rolledHourlyRows = db.prepare('DELETE FROM hourly WHERE hour < ?').run(cutoff).changes;
        const deletedChecks = db.prepare('DELETE FROM checks WHERE hour < ?').run(cutoff).changes;
        const deletedFingerprints = db.prepare('DELETE FROM fp_seen WHERE day < ?').run(fpCutoffDay).changes;
        // People bits: /stats month compares 4 complete weeks with the 4 before.
        db.prepare('DELETE FROM people_weekly WHERE week < ?').run(nowHour - Math.max(retentionDays, PEOPLE_KEEP_DAYS) * DAY_HOURS);
        let deletedSalts = 0;
        for (const row of db.prepare('SELECT week, salt FROM reporter_salts').all()) {
          const { week } = SaltRowSchema.parse(row);
          if (isoWeekStartHour(week) + WEEK_HOURS + FINGERPRINT_KEEP_DAYS * DAY_HOURS <= nowHour) {
            deletedSalts += db.prepare('DELETE FROM reporter_salts WHERE week = ?').run(week).changes;
            salts.delete(week);
          }
        }
        return { rolledHourlyRows, deletedChecks, deletedFingerprints, deletedSalts };
      })();
    },

    flush,
  };
  return store;
}

/** One accumulator (a count or people vector) per (server, hour or week) that a write touches. */
class Buckets<V extends Map<number, unknown>> {
  private readonly entries = new Map<string, { guild: Buffer; at: number; v: V }>();
  get(guild: Buffer, at: number): V {
    const k = `${guild.toString('latin1')}:${at}`;
    let e = this.entries.get(k);
    if (!e) {
      e = { guild, at, v: new Map() as V };
      this.entries.set(k, e);
    }
    return e.v;
  }
  all(): Iterable<{ guild: Buffer; at: number; v: V }> {
    return this.entries.values();
  }
}

const keyCheckOf = (k: Keyring): string => k.mac('check', 8, 'key-check').toString('hex');

/**
 * The key must be the one the database was written with: under another key, opted-out servers
 * would be recorded again (their opt-out is stored under the old server hash). Another key stops
 * the program unless the old one is given, which starts a rotation: every server hash in the
 * database is marked pending (its rows move to the new hash when the bot sees the server), and
 * the fingerprints, which can never match under the new key, are deleted. Returns true while a
 * rotation is under way and the old key is at hand.
 */
function checkKey(db: Database.Database, keys: Keyring, previous: Keyring | null, file: string, log: StatsLogger): boolean {
  const check = keyCheckOf(keys);
  const meta = (k: string): string | undefined => {
    const v: unknown = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(k);
    return v === undefined ? undefined : z.string().parse(v);
  };
  const pending = (): number => z.number().parse(db.prepare('SELECT COUNT(*) FROM rekey_pending').pluck().get());
  return db
    .transaction((): boolean => {
      const current = meta('key_check');
      if (current === undefined) {
        db.prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)").run(check);
        return false;
      }
      if (current === check) {
        const from = meta('rotating_from');
        if (from === undefined) return false;
        if (previous && keyCheckOf(previous) === from) return true;
        log.warn('stats_rotation_incomplete', { guilds: pending(), detail: 'servers not seen since the key changed keep their old settings; set STATS_PREVIOUS_SECRET to carry them over' });
        return false;
      }
      if (!previous) {
        throw new StatsConfigError([
          `STATS_SECRET: the statistics database ${file} was written with another key. To change keys, set STATS_PREVIOUS_SECRET to the old key (server opt-outs and settings are carried over); to start afresh, use another DATABASE_PATH.`,
        ]);
      }
      if (keyCheckOf(previous) !== current) throw new StatsConfigError(['STATS_PREVIOUS_SECRET: is not the key this database was written with either']);
      db.exec(`
        INSERT OR IGNORE INTO rekey_pending (guild)
          SELECT guild FROM guild_settings
          UNION SELECT guild FROM checks WHERE guild IS NOT NULL
          UNION SELECT guild FROM hourly WHERE guild <> X'00'
          UNION SELECT guild FROM weekly WHERE guild <> X'00'
          UNION SELECT guild FROM people_weekly WHERE guild NOT IN (X'00', X'01');
        DELETE FROM fp_seen;
      `);
      db.prepare("UPDATE meta SET value = ? WHERE key = 'key_check'").run(check);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('rotating_from', ?)").run(current);
      log.warn('stats_key_rotation_started', { guilds: pending() });
      return true;
    })
    .immediate();
}

/** Creates the database file owner-only (0600) in a folder created owner-only, before SQLite opens it. */
function createOwnerOnly(file: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  // An empty file is a new database to SQLite, which gives its -wal and -shm files the same mode.
  closeSync(openSync(file, 'a', 0o600));
}

function tightenFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
    } catch {
      // Not there (yet): SQLite creates it with the database file's mode.
    }
  }
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}
function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

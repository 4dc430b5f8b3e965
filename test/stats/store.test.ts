// The SQLite store on real files: migrations, the key file, retention, opting out with a purge,
// server settings, and what each table holds.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATEGORY_IDS, LEVELS, PLATFORMS, STAGES, TOOL_IDS } from '../../src/detector/types.ts';
import { DIM } from '../../src/stats/codes.ts';
import { loadStatsEnv, StatsConfigError } from '../../src/stats/config.ts';
import { openStatsFromEnv } from '../../src/stats/index.ts';
import { createKeyring, loadOrCreateSecret } from '../../src/stats/keys.ts';
import { peopleOf } from '../../src/stats/people.ts';
import { migrate, SCHEMA_VERSION } from '../../src/stats/migrations.ts';
import { CHECK_SOURCES, type RecordMeta } from '../../src/stats/port.ts';
import type { CommunityStats, StatsLogger } from '../../src/stats/store.ts';
import { HOUR_MS, hourOf, isoWeekOf, isoWeekStartHour, lastCompleteWeek, shiftWeek, weekRangeLabel } from '../../src/stats/time.ts';
import { CALL, fakeReport, LINE, PERSONAL, tempDb, TEST_SECRET, testRules, type TempDb } from './helpers.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-18T03:00:00Z');
let dbs: TempDb[] = [];
const fresh = (): TempDb => {
  const d = tempDb();
  dbs.push(d);
  return d;
};
let open: CommunityStats[] = [];
const track = (s: CommunityStats): CommunityStats => (open.push(s), s);
afterEach(() => {
  for (const s of open) s.close();
  for (const d of dbs) d.cleanup();
  open = [];
  dbs = [];
});

const meta = (guildId: string | null, userId: string, at: number): RecordMeta => ({ source: 'slash', guildId, userId, at: new Date(at) });
const text = (i: number): string => `案件${'あいうえおかきくけこさしすせそたちつてと'[i % 20]}について${'なにぬねのはひふへほ'[i % 10]}のご相談${'まみむめもやゆよらりるれろ'[i % 13]}`;

function raw(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

describe('opening and migrations', () => {
  it('creates the folder and the file on first run, in WAL mode with a busy timeout', () => {
    const d = fresh();
    const nested = path.join(d.dir, 'data', 'nested', 'g.db');
    const s = track(d.open({ path: nested }));
    expect(existsSync(nested)).toBe(true);
    s.flush();
    const r = raw(nested);
    expect(r.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(r.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    r.close();
  });

  it('migrates idempotently: reopening and re-running migrate change nothing', () => {
    const d = fresh();
    track(d.open()).close();
    open = [];
    const schema = (): string => {
      const r = raw(d.path);
      const rows = r.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
      r.close();
      return JSON.stringify(rows);
    };
    const before = schema();
    track(d.open()).close();
    open = [];
    const db = new Database(d.path);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    db.close();
    expect(schema()).toBe(before);
  });

  it('refuses a database written by a newer version', () => {
    const d = fresh();
    const db = new Database(d.path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => d.open()).toThrow(/newer than this program/);
  });

  it('holds no text columns beyond rule ids, settings and ISO weeks', () => {
    const d = fresh();
    track(d.open()).flush();
    const r = raw(d.path);
    const cols = r
      .prepare("SELECT m.name AS t, p.name AS c, p.type AS ty FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY t, p.cid")
      .all() as { t: string; c: string; ty: string }[];
    r.close();
    const textCols = cols.filter((c) => c.ty === 'TEXT').map((c) => `${c.t}.${c.c}`);
    expect(textCols).toEqual([
      'checks.rules',
      'guild_settings.channel',
      'guild_settings.scope',
      'guild_settings.last_week',
      'guild_settings.problem',
      'guild_settings.problem_week',
      'guild_settings.posted_week',
      'meta.key',
      'meta.value',
      'reporter_salts.week',
      'rule_ids.rule',
    ]);
  });

  it('creates the database and its -wal and -shm files readable by the owner only', () => {
    const d = fresh();
    const s = track(d.open());
    s.record(fakeReport({ findings: [LINE] }), text(1), meta('g1', 'u1', NOW));
    s.flush();
    for (const f of [d.path, `${d.path}-wal`, `${d.path}-shm`]) expect(statSync(f).mode & 0o777, f).toBe(0o600);
  });

  it('tightens a database file that others can read', () => {
    const d = fresh();
    track(d.open()).close();
    open = [];
    chmodSync(d.path, 0o644);
    track(d.open()).flush();
    expect(statSync(d.path).mode & 0o777).toBe(0o600);
  });
});

describe('the statistics key', () => {
  it('is generated once into a file only the owner can read, then reused', () => {
    const d = fresh();
    const file = path.join(d.dir, 'stats-secret');
    const a = loadOrCreateSecret(undefined, file);
    expect(a.from).toBe('generated');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const b = loadOrCreateSecret(undefined, file);
    expect([b.from, b.secret]).toEqual(['file', a.secret]);
  });

  it('prefers STATS_SECRET and rejects a short one', () => {
    const d = fresh();
    const file = path.join(d.dir, 'stats-secret');
    expect(loadOrCreateSecret('x'.repeat(40), file)).toMatchObject({ from: 'env', file: null });
    expect(existsSync(file)).toBe(false);
    expect(() => loadOrCreateSecret('short', file)).toThrow(/at least 32/);
  });

  it('tightens a key file that others can read', () => {
    const d = fresh();
    const file = path.join(d.dir, 'stats-secret');
    writeFileSync(file, `${'k'.repeat(43)}\n`);
    chmodSync(file, 0o644);
    loadOrCreateSecret(undefined, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps the generated key outside the database folder: in the user’s configuration folder', () => {
    const d = fresh();
    const { stats, env } = openStatsFromEnv({ rules: testRules(), env: { DATABASE_PATH: path.join(d.dir, 'x', 'g.db'), HOME: path.join(d.dir, 'home') } });
    track(stats);
    expect(env).toMatchObject({ RETENTION_DAYS: 365, DIGEST_CRON: '0 9 * * 1' });
    const key = path.join(d.dir, 'home', '.config', 'gaibu-guard', 'stats-secret');
    expect(readFileSync(key, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(key)).mode & 0o777).toBe(0o700);
    expect(existsSync(path.join(d.dir, 'x', 'stats-secret'))).toBe(false);
    // XDG_CONFIG_HOME, or a file named outright.
    const xdg = openStatsFromEnv({ rules: testRules(), env: { DATABASE_PATH: path.join(d.dir, 'y', 'g.db'), XDG_CONFIG_HOME: path.join(d.dir, 'xdg') } });
    track(xdg.stats);
    expect(existsSync(path.join(d.dir, 'xdg', 'gaibu-guard', 'stats-secret'))).toBe(true);
    const named = openStatsFromEnv({ rules: testRules(), env: { DATABASE_PATH: path.join(d.dir, 'z', 'g.db'), STATS_SECRET_FILE: path.join(d.dir, 'keys', 'k') } });
    track(named.stats);
    expect(existsSync(path.join(d.dir, 'keys', 'k'))).toBe(true);
  });

  it('moves a key kept beside the database by an earlier version, so that database still opens', () => {
    const d = fresh();
    const legacy = path.join(d.dir, 'stats-secret');
    writeFileSync(legacy, `${'q'.repeat(43)}\n`, { mode: 0o600 });
    track(d.open({ secret: 'q'.repeat(43) })).close();
    open = [];
    const logs: string[] = [];
    const logger = { info: () => undefined, warn: (e: string) => logs.push(e), error: (e: string) => logs.push(e) };
    const home = path.join(d.dir, 'home');
    track(openStatsFromEnv({ rules: testRules(), env: { DATABASE_PATH: d.path, HOME: home }, logger }).stats);
    expect(existsSync(legacy)).toBe(false);
    expect(readFileSync(path.join(home, '.config', 'gaibu-guard', 'stats-secret'), 'utf8').trim()).toBe('q'.repeat(43));
    expect(logs).toEqual(['stats_secret_moved']);
  });

  it('validates the statistics settings and names the key, never the value', () => {
    expect(loadStatsEnv({})).toEqual({ DATABASE_PATH: 'data/gaibu-guard.db', STATS_SECRET: undefined, RETENTION_DAYS: 365, DIGEST_CRON: '0 9 * * 1' });
    expect(loadStatsEnv({ RETENTION_DAYS: '90', DIGEST_CRON: '0 18 * * 5', DATABASE_PATH: '' })).toMatchObject({ RETENTION_DAYS: 90, DIGEST_CRON: '0 18 * * 5', DATABASE_PATH: 'data/gaibu-guard.db' });
    const bad = (env: NodeJS.ProcessEnv): string => {
      try {
        loadStatsEnv(env);
        return 'ok';
      } catch (e) {
        expect(e).toBeInstanceOf(StatsConfigError);
        return (e as Error).message;
      }
    };
    expect(bad({ RETENTION_DAYS: '10' })).toMatch(/RETENTION_DAYS: must be at least 60/);
    expect(bad({ DIGEST_CRON: 'every monday' })).toMatch(/DIGEST_CRON: is not a valid cron pattern/);
    expect(bad({ STATS_SECRET: 'hunter2' })).toMatch(/STATS_SECRET/);
    expect(bad({ STATS_SECRET: 'hunter2' })).not.toMatch(/hunter2/);
  });
});

describe('stored codes', () => {
  it('keeps the code lists in their released order (codes are list indexes)', () => {
    expect(LEVELS).toEqual(['none', 'low', 'medium', 'high']);
    expect(PLATFORMS).toEqual(['crowdworks', 'lancers', 'coconala', 'other']);
    expect(STAGES).toEqual(['before_contract', 'after_contract', 'after_escrow', 'unknown']);
    expect(CHECK_SOURCES).toEqual([
      'slash', 'context_menu', 'dm', 'forward', 'cli', 'console',
      'slash_image', 'context_menu_image', 'dm_image', 'forward_image', 'cli_image', 'console_image',
    ]);
    expect(CATEGORY_IDS.slice(0, 13)).toEqual([
      'off_platform_contact', 'contact_details', 'pre_contract_call', 'personal_info', 'direct_deal', 'off_platform_payment',
      'upfront_payment', 'unrealistic_pay', 'demographic_limit', 'vague_details', 'pressure', 'app_install', 'recruitment_scheme',
    ]);
    expect(TOOL_IDS.slice(0, 22)).toEqual([
      'line', 'email', 'chatwork', 'skype', 'zoom', 'google_meet', 'phone', 'telegram', 'discord', 'instagram', 'x', 'whatsapp',
      'wechat', 'kakao', 'slack', 'messenger', 'signal', 'google_form', 'paypay', 'bank', 'gift_card', 'crypto',
    ]);
  });
});

describe('counts', () => {
  it('counts per level, platform, stage, source, category, tool and rule, per server and in total', () => {
    const s = track(fresh().open());
    s.record(fakeReport({ findings: [LINE, CALL], tools: ['line', 'zoom'], platform: 'lancers' }), text(1), meta('g1', 'u1', NOW));
    s.record(fakeReport({ findings: [PERSONAL], level: 'medium' }), text(2), { ...meta(null, 'u2', NOW), source: 'dm' });
    s.record(fakeReport({}), text(3), meta('g2', 'u3', NOW));
    const h = hourOf(new Date(NOW));
    const all = s.counts(null, h, h + 1);
    expect(all.total).toBe(3);
    expect(all.level).toEqual({ none: 1, low: 0, medium: 1, high: 1 });
    expect(all.platform).toMatchObject({ lancers: 1, crowdworks: 2 });
    expect(all.source).toMatchObject({ slash: 2, dm: 1 });
    expect(all.category).toMatchObject({ off_platform_contact: 1, pre_contract_call: 1, personal_info: 1 });
    expect(all.tool).toMatchObject({ line: 1, zoom: 1 });
    expect(all.rule).toEqual({ [LINE.rule]: 1, [CALL.rule]: 1, [PERSONAL.rule]: 1 });
    expect(s.counts(s.guildKeyOf('g1'), h, h + 1)).toMatchObject({ total: 1, tool: { line: 1 } });
    expect(s.counts(s.guildKeyOf('g1'), h + 1, h + 2).total).toBe(0);
  });

  it('does not wait long for a lock held by another process, and writes the queued rows once it is free', async () => {
    const d = fresh();
    const s = track(d.open({ flushMs: 10 }));
    s.flush();
    const other = new Database(d.path);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    s.record(fakeReport({ findings: [LINE] }), text(1), meta('g1', 'u1', NOW));
    s.flush();
    // The old 5 s busy timeout froze the event loop for the whole wait.
    expect(Date.now() - started).toBeLessThan(2000);
    other.exec('COMMIT');
    other.close();
    // No further check arrives: the retry alone writes the row.
    await new Promise((r) => setTimeout(r, 1300));
    const h = hourOf(new Date(NOW));
    expect(s.counts(null, h, h + 1).total).toBe(1);
  });

  it('stores only a keyed hash of the server: the same name under another key is another server', () => {
    const a = track(fresh().open());
    const b = track(fresh().open({ secret: 'another-secret-another-secret-another-secret' }));
    expect(a.guildKeyOf('my-server')).not.toBe(b.guildKeyOf('my-server'));
    expect(a.guildKeyOf('my-server')).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('retention', () => {
  it('rolls hourly counts older than RETENTION_DAYS into weekly totals and deletes old checks', () => {
    const d = fresh();
    const s = track(d.open({ retentionDays: 60 }));
    const old = NOW - 100 * DAY;
    for (let i = 0; i < 5; i++) s.record(fakeReport({ findings: [LINE], tools: ['line'] }), text(i), meta('g1', `u${i}`, old + i * HOUR_MS));
    for (let i = 0; i < 3; i++) s.record(fakeReport({ findings: [CALL] }), text(10 + i), meta('g1', `v${i}`, NOW - DAY));
    const oldWeek = isoWeekOf(new Date(old));
    const start = isoWeekStartHour(oldWeek);
    const before = s.counts(null, start, start + 168);
    const r = s.maintain(new Date(NOW));
    expect(r.deletedChecks).toBe(5);
    expect(r.rolledHourlyRows).toBeGreaterThan(0);
    expect(r.deletedFingerprints).toBeGreaterThan(0);
    // The old week still adds up (from the weekly totals), for every server and for one.
    expect(s.counts(null, start, start + 168)).toEqual(before);
    expect(s.counts(s.guildKeyOf('g1'), start, start + 168).tool.line).toBe(5);
    // Running it again changes nothing.
    expect(s.maintain(new Date(NOW))).toEqual({ rolledHourlyRows: 0, deletedChecks: 0, deletedFingerprints: 0, deletedSalts: 0 });
    expect(s.counts(null, start, start + 168)).toEqual(before);
    s.flush();
    const db = raw(d.path);
    expect(db.prepare('SELECT COUNT(*) FROM checks').pluck().get()).toBe(3);
    expect(db.prepare('SELECT MIN(hour) FROM hourly').pluck().get()).toBeGreaterThanOrEqual(hourOf(new Date(NOW)) - 60 * 24);
    db.close();
  });

  it('forgets fingerprints after 31 days but keeps recent ones', () => {
    const s = track(fresh().open());
    const t = '同じ文面：LINEで連絡ください、詳細はそちらでお伝えします。';
    s.record(fakeReport({ findings: [LINE] }), t, meta('g1', 'a', NOW - 40 * DAY));
    s.record(fakeReport({ findings: [LINE] }), t, meta('g1', 'b', NOW - 2 * DAY));
    s.maintain(new Date(NOW));
    expect(s.record(fakeReport({ findings: [LINE] }), t, meta('g1', 'c', NOW))?.seenOthers).toBe(1);
  });
});

describe('opting out', () => {
  it('purges the server’s checks, fingerprints and counts, and stops recording it', () => {
    const d = fresh();
    const s = track(d.open());
    const shared = '応募ありがとうございます。詳細はLINEでお伝えしますので追加してください。';
    for (let i = 0; i < 5; i++) s.record(fakeReport({ findings: [LINE], tools: ['line'] }), i === 0 ? shared : text(i), meta('guild-a', `a${i}`, NOW + i * HOUR_MS));
    for (let i = 0; i < 4; i++) s.record(fakeReport({ findings: [CALL], tools: ['zoom'] }), text(20 + i), meta('guild-b', `b${i}`, NOW + i * HOUR_MS));
    const h = hourOf(new Date(NOW));
    const a = s.guildKeyOf('guild-a');
    expect(s.optOut(a)).toEqual({ checks: 5 });
    expect(s.isOptedOut(a)).toBe(true);
    const all = s.counts(null, h, h + 24);
    expect(all.total).toBe(4);
    expect(all.tool).toMatchObject({ line: 0, zoom: 4 });
    expect(s.counts(a, h, h + 24).total).toBe(0);
    // Nothing of guild-a is left, and new checks from it are not recorded, yet still get an answer.
    expect(s.record(fakeReport({ findings: [LINE] }), shared, meta('guild-a', 'a9', NOW + 5 * HOUR_MS))?.seenOthers).toBe(0);
    s.record(fakeReport({ findings: [LINE] }), shared, meta('guild-a', 'a10', NOW + 5 * HOUR_MS));
    s.flush();
    const db = raw(d.path);
    const key = Buffer.from(a, 'hex');
    expect(db.prepare('SELECT COUNT(*) FROM checks WHERE guild = ?').pluck().get(key)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM fp_seen WHERE guild = ?').pluck().get(key)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM hourly WHERE guild = ?').pluck().get(key)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM checks').pluck().get()).toBe(4);
    db.close();
    // Back in: recorded again, and the choice survives a restart.
    s.optIn(a);
    s.record(fakeReport({ findings: [LINE] }), text(7), meta('guild-a', 'a11', NOW + 6 * HOUR_MS));
    expect(s.counts(a, h, h + 24).total).toBe(1);
    s.optOut(a);
    s.close();
    open = [];
    const again = track(d.open());
    expect(again.isOptedOut(a)).toBe(true);
  });

  it('also takes the server out of weekly totals made by retention', () => {
    const s = track(fresh().open({ retentionDays: 60 }));
    const old = NOW - 100 * DAY;
    for (let i = 0; i < 3; i++) s.record(fakeReport({ findings: [LINE] }), text(i), meta('guild-a', `a${i}`, old));
    for (let i = 0; i < 4; i++) s.record(fakeReport({ findings: [LINE] }), text(9 + i), meta('guild-b', `b${i}`, old));
    s.maintain(new Date(NOW));
    s.optOut(s.guildKeyOf('guild-a'));
    const w = isoWeekStartHour(isoWeekOf(new Date(old)));
    expect(s.counts(null, w, w + 168).total).toBe(4);
  });
});

describe('server settings', () => {
  it('sets, reads and clears the digest channel; remembers problems until an admin has seen them', () => {
    const s = track(fresh().open());
    const k = s.guildKeyOf('g');
    expect(s.settings(k)).toMatchObject({ channelId: null, scope: 'all', optedOut: false, lastWeek: null });
    s.setDigestChannel(k, '1300000000000000001', 'server', new Date(NOW));
    expect(s.settings(k)).toMatchObject({ channelId: '1300000000000000001', scope: 'server', lastWeek: '2026-W46' });
    expect(s.digestTargets()).toEqual([{ guildKey: k, channelId: '1300000000000000001', scope: 'server', lastWeek: '2026-W46' }]);
    expect(s.claimDigestWeek(k, '2026-W47')).toBe(true);
    expect(s.claimDigestWeek(k, '2026-W47')).toBe(false);
    expect(s.claimDigestWeek(k, '2026-W46')).toBe(false);
    s.noteDigestProblem(k, '2026-W47', 'channel_missing');
    expect(s.takeDigestProblem(k)).toEqual({ problem: 'channel_missing', week: '2026-W47' });
    expect(s.takeDigestProblem(k)).toBeNull();
    s.clearDigestChannel(k);
    expect(s.digestTargets()).toEqual([]);
    expect(() => s.setDigestChannel(k, 'not-a-channel', 'all', new Date(NOW))).toThrow();
    expect(() => s.settings('zz')).toThrow(/not a guild key/);
  });
});

describe('ISO weeks in Asia/Tokyo', () => {
  it('follows the ISO rules at year ends', () => {
    expect(isoWeekOf(new Date('2026-01-01T03:00:00Z'))).toBe('2026-W01');
    expect(isoWeekOf(new Date('2027-01-01T03:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2025-12-29T03:00:00Z'))).toBe('2026-W01');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(() => isoWeekStartHour('2025-W53')).toThrow(/does not exist/);
  });

  it('switches week at Monday 00:00 JST (Sunday 15:00 UTC)', () => {
    expect(isoWeekOf(new Date('2026-11-22T14:59:59Z'))).toBe('2026-W47');
    expect(isoWeekOf(new Date('2026-11-22T15:00:00Z'))).toBe('2026-W48');
    expect(new Date(isoWeekStartHour('2026-W48') * HOUR_MS).toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(lastCompleteWeek(new Date('2026-11-22T15:00:00Z'))).toBe('2026-W47');
    expect(lastCompleteWeek(new Date('2026-11-22T14:59:00Z'))).toBe('2026-W46');
    expect(weekRangeLabel('2026-W48')).toBe('11/23（月）〜11/29（日）');
  });
});

describe('changing the statistics key', () => {
  const OLD = 'old-secret-old-secret-old-secret-old-secret';
  const NEW = 'new-secret-new-secret-new-secret-new-secret';
  const events = (): { logger: StatsLogger; seen: string[] } => {
    const seen: string[] = [];
    return { seen, logger: { info: (e) => seen.push(e), warn: (e) => seen.push(e), error: (e) => seen.push(e) } };
  };

  it('refuses a database written with another key, naming the settings and never a key', () => {
    const d = fresh();
    track(d.open({ secret: OLD })).close();
    open = [];
    let message = '';
    try {
      track(d.open({ secret: NEW }));
    } catch (e) {
      expect(e).toBeInstanceOf(StatsConfigError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/STATS_SECRET: .*another key.*STATS_PREVIOUS_SECRET/);
    expect(message).not.toContain(OLD);
    expect(message).not.toContain(NEW);
    expect(() => d.open({ secret: NEW, previousSecret: NEW })).toThrow(/STATS_PREVIOUS_SECRET: is not the key/);
  });

  it('rotates with the previous key: opt-outs and settings carry over, old fingerprints are deleted', () => {
    const d = fresh();
    const shared = '応募ありがとうございます。詳細はLINEでお伝えしますので追加してください。';
    const before = track(d.open({ secret: OLD }));
    for (let i = 0; i < 3; i++) before.record(fakeReport({ findings: [LINE] }), text(i), meta('guild-in', `a${i}`, NOW));
    before.record(fakeReport({ findings: [LINE] }), shared, meta('guild-in', 'a9', NOW));
    before.record(fakeReport({ findings: [LINE] }), text(5), meta('guild-out', 'b1', NOW));
    before.optOut(before.guildKeyOf('guild-out'));
    before.setDigestChannel(before.guildKeyOf('guild-in'), '1300000000000000001', 'server', new Date(NOW));
    before.close();
    open = [];

    const log = events();
    const s = track(d.open({ secret: NEW, previousSecret: OLD, logger: log.logger }));
    expect(log.seen).toEqual(['stats_key_rotation_started']);
    // The opted-out server stays out as soon as it is seen again…
    expect(s.record(fakeReport({ findings: [LINE] }), text(6), meta('guild-out', 'b2', NOW))).toEqual({ seenOthers: 0 });
    const out = s.guildKeyOf('guild-out');
    expect(s.isOptedOut(out)).toBe(true);
    const h = hourOf(new Date(NOW));
    expect(s.counts(out, h, h + 1).total).toBe(0);
    // … the other server keeps its settings and its counts under its new hash (the bot passes every
    // server it is in once ready) …
    expect(s.carryOverGuilds(['guild-in', 'guild-elsewhere'])).toBe(1);
    const inKey = s.guildKeyOf('guild-in');
    expect(s.settings(inKey)).toMatchObject({ channelId: '1300000000000000001', scope: 'server' });
    expect(s.counts(inKey, h, h + 1).total).toBe(4);
    expect(log.seen).toContain('stats_key_rotated');
    // … and fingerprints made with the old key are gone: they could never match again.
    expect(s.record(fakeReport({ findings: [LINE] }), shared, meta('guild-in', 'c1', NOW))?.seenOthers).toBe(0);
    s.close();
    open = [];
    // Done: the new key alone opens it, without warnings.
    const after = events();
    track(d.open({ secret: NEW, logger: after.logger }));
    expect(after.seen).toEqual([]);
  });

  it('warns when the old key is dropped before every server was carried over', () => {
    const d = fresh();
    const before = track(d.open({ secret: OLD }));
    before.optOut(before.guildKeyOf('guild-out'));
    before.close();
    open = [];
    track(d.open({ secret: NEW, previousSecret: OLD })).close();
    open = [];
    const log = events();
    track(d.open({ secret: NEW, logger: log.logger }));
    expect(log.seen).toEqual(['stats_rotation_incomplete']);
  });
});

describe('reporters', () => {
  it('hashes a reporter with a random salt of the week, deleted 31 days after the week ends', () => {
    const d = fresh();
    const s = track(d.open());
    s.record(fakeReport({ findings: [LINE] }), '同じ文面：LINEで連絡ください、詳細はそちらでお伝えします。', meta('g1', 'user-1', NOW));
    s.flush();
    const db = raw(d.path);
    const salts = db.prepare('SELECT week, salt FROM reporter_salts').all() as { week: string; salt: Buffer }[];
    const who = db.prepare('SELECT DISTINCT who FROM fp_seen').pluck().all() as Buffer[];
    db.close();
    expect(salts.map((r) => [r.week, r.salt.length])).toEqual([[isoWeekOf(new Date(NOW)), 16]]);
    // Not the unsalted hash: the key alone cannot tie the row to the user.
    const unsalted = createKeyring(TEST_SECRET).mac('reporter', 8, isoWeekOf(new Date(NOW)), 'user-1');
    expect(who).toHaveLength(1);
    expect(who[0]?.equals(unsalted)).toBe(false);
    const weekEnd = isoWeekStartHour(isoWeekOf(new Date(NOW))) * HOUR_MS + 7 * DAY;
    expect(s.maintain(new Date(weekEnd + 30 * DAY)).deletedSalts).toBe(0);
    expect(s.maintain(new Date(weekEnd + 31 * DAY)).deletedSalts).toBe(1);
  });

  it('counts different people per item and week, however often one of them checks', () => {
    const s = track(fresh().open());
    for (let i = 0; i < 10; i++) s.record(fakeReport({ findings: [LINE], tools: ['line'] }), text(i), meta('g1', 'the-same-user', NOW));
    for (let i = 0; i < 6; i++) s.record(fakeReport({ findings: [CALL], tools: ['zoom'] }), text(i), meta('g2', `user-${i}`, NOW));
    const w = isoWeekStartHour(isoWeekOf(new Date(NOW)));
    const g1 = s.people(s.guildKeyOf('g1'), w, w + 168);
    expect(peopleOf(g1, DIM.total, 0)).toBe(1);
    expect(peopleOf(g1, DIM.tool, TOOL_IDS.indexOf('line'))).toBe(1);
    const all = s.people(null, w, w + 168);
    // Six people set up to six bits (two may share one: the count is a lower bound).
    expect(peopleOf(all, DIM.tool, TOOL_IDS.indexOf('zoom'))).toBeGreaterThanOrEqual(5);
    expect(peopleOf(all, DIM.total, 0)).toBeLessThanOrEqual(7);
    // An opted-out server's people leave the all-servers sets too.
    s.optOut(s.guildKeyOf('g2'));
    expect(peopleOf(s.people(null, w, w + 168), DIM.tool, TOOL_IDS.indexOf('zoom'))).toBe(0);
    expect(peopleOf(s.people(null, w, w + 168), DIM.total, 0)).toBe(1);
  });
});

describe('closing', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops retrying a write once closed, and says how many rows it dropped', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const d = fresh();
    const logs: [string, unknown][] = [];
    const logger = { info: () => undefined, warn: (e: string, f?: unknown) => logs.push([e, f]), error: (e: string, f?: unknown) => logs.push([e, f]) };
    const s = track(d.open({ logger, busyTimeoutMs: 0 }));
    s.flush();
    const other = new Database(d.path);
    other.exec('BEGIN IMMEDIATE');
    try {
      s.record(fakeReport({ findings: [LINE] }), text(1), meta('g1', 'u1', NOW));
      s.record(fakeReport({ findings: [CALL] }), text(2), meta('g1', 'u2', NOW));
      s.flush();
      expect(vi.getTimerCount()).toBe(1); // the retry
      s.close();
      expect(vi.getTimerCount()).toBe(0);
      expect(logs.map(([e]) => e)).toEqual(['stats_write_failed', 'stats_rows_dropped']);
      expect(logs[1]?.[1]).toMatchObject({ rows: 2 });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

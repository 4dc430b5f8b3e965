// The CLI contract for statistics, through the real `gaibu-guard` launcher:
// check --record --db PATH [--guild NAME] and digest --db PATH [--week] [--guild] [--format] [--chart].
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf, shiftWeek } from '../../src/stats/time.ts';
import { tempDb, type TempDb } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/gaibu-guard.js');
/** Where the generated key goes (STATS_SECRET_FILE), apart from the database folder. */
const KEY_DIR = mkdtempSync(path.join(tmpdir(), 'gaibu-cli-key-'));
const KEY_FILE = path.join(KEY_DIR, 'stats-secret');

function run(args: string[], stdin = '', extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['STATS_SECRET'];
    delete env['DATABASE_PATH'];
    env['STATS_SECRET_FILE'] = KEY_FILE;
    Object.assign(env, extraEnv);
    const child = execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

const LINES = [
  { id: 'a', text: '応募ありがとうございます！詳細はLINEでお伝えします。ID：sakura_22 を追加してください。' },
  { id: 'b', text: '応募ありがとうございます！詳細はLINEでお伝えします。ID：mika0707 を追加してください。' },
  { id: 'c', text: '応募ありがとうございます！詳細はLINEでお伝えします。ID：hoshi-office を追加してください。' },
  { id: 'd', text: 'Zoomで30分ほど面談させてください。本日中にご返信ください。' },
  { id: 'e', text: 'Zoomで30分ほど面談させてください。本日中にご返信ください。' },
  { id: 'f', text: 'Zoomで30分ほど面談させてください。本日中にご返信ください。' },
  { id: 'g', text: 'LINEスタンプのイラスト制作をお願いします。' },
];

describe('gaibu-guard check --record / digest', () => {
  let db: TempDb;
  let week: string;
  beforeAll(async () => {
    db = tempDb('cli.db');
    week = isoWeekOf(new Date());
    const r = await run(['check', '--jsonl', '--record', '--db', db.path, '--guild', 'my-server'], LINES.map((l) => JSON.stringify(l)).join('\n'));
    // The only line on stderr says where the new key was written (outside the database folder).
    expect(r.stderr).toBe(`gaibu-guard: generated a statistics key for ${db.path} in ${KEY_FILE} (keep it safe and apart from the database's backups: without it the database's fingerprints and server keys cannot be matched again; STATS_SECRET sets your own)\n`);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(LINES.length);
  }, 60_000);
  afterAll(() => {
    db.cleanup();
    rmSync(KEY_DIR, { recursive: true, force: true });
  });

  it('creates the database and a key file only the owner can read, the key outside the database folder', () => {
    expect(existsSync(db.path)).toBe(true);
    expect(statSync(db.path).mode & 0o777).toBe(0o600);
    expect(statSync(KEY_FILE).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(db.dir, 'stats-secret'))).toBe(false);
    const bytes = readFileSync(db.path);
    expect(bytes.includes(Buffer.from('sakura_22'))).toBe(false);
    expect(bytes.includes(Buffer.from('my-server'))).toBe(false);
  });

  it('refuses to record into the database with another key (exit 2), naming the settings to change keys', async () => {
    const other = 'another-key-another-key-another-key-another-key';
    const r = await run(['check', '--jsonl', '--record', '--db', db.path], JSON.stringify(LINES[0]), { STATS_SECRET: other });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/STATS_SECRET: .*another key.*STATS_PREVIOUS_SECRET/);
    expect(r.stderr).not.toContain(other);
    expect(r.stdout).toBe('');
  });

  it('prints the digest of a week for one server (json: the numbers)', async () => {
    const r = await run(['digest', '--db', db.path, '--week', week, '--guild', 'my-server', '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { week: string; scope: string; total: number; categories: { id: string | null; n: number }[] };
    expect(d).toMatchObject({ week, scope: 'server', total: LINES.length });
    expect(d.categories[0]).toMatchObject({ id: 'off_platform_contact' });
  });

  it('prints the same week for all servers as Japanese text, and writes the chart', async () => {
    const png = path.join(db.dir, 'chart.png');
    const r = await run(['digest', '--db', db.path, '--week', week, '--chart', png]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('📊 外部誘導チェック 週間ダイジェスト');
    expect(r.stdout).toContain(`${week}（`);
    expect(r.stdout).toContain('すべてのサーバーの集計');
    expect(r.stdout).toContain('今週のチェック：7件');
    expect(r.stdout).not.toContain('sakura');
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('counts nothing for another server name, and says that name has no checks at all', async () => {
    const r = await run(['digest', '--db', db.path, '--week', week, '--guild', 'other-server', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 0 });
    expect(r.stderr).toContain(`no checks recorded in ${week} for --guild "other-server". No checks were ever recorded for --guild "other-server" in this database`);
  });

  it('shows the server name given as --guild in the digest', async () => {
    const r = await run(['digest', '--db', db.path, '--week', week, '--guild', 'my-server']);
    expect(r.stdout).toContain('サーバー「my-server」の集計');
  });

  it('defaults to the last complete week in Asia/Tokyo, names it, and points to the week in progress', async () => {
    const r = await run(['digest', '--db', db.path, '--format', 'json']);
    expect(r.code).toBe(0);
    const shown = (JSON.parse(r.stdout) as { week: string }).week;
    expect(shown).toBe(shiftWeek(week, -1));
    expect(r.stderr).toContain(`gaibu-guard: ${shown} (`);
    expect(r.stderr).toContain(`is the last complete week; ${week} is in progress with 7 checks so far (--week ${week} shows it)`);
    expect(r.stderr).toContain(`no checks recorded in ${shown}.`);
  });

  it('calls the current week 今週 and says it is still in progress; a past week is not 今週', async () => {
    const now = await run(['digest', '--db', db.path, '--week', week]);
    expect(now.stdout).toContain('今週のチェック：7件');
    expect(now.stderr).toContain(`${week} is still in progress`);
    const past = await run(['digest', '--db', db.path, '--week', shiftWeek(week, -3)]);
    expect(past.stdout).toContain('この週のチェック：0件');
    expect(past.stdout).not.toContain('今週');
  });

  it('says a week that does not exist does not exist, and one that has not begun has not', async () => {
    const w60 = await run(['digest', '--db', db.path, '--week', '2026-W60']);
    expect(w60.code).toBe(2);
    expect(w60.stderr).toContain('--week 2026-W60 does not exist: 2026 has 53 ISO weeks (2026-W01 to 2026-W53)');
    expect((await run(['digest', '--db', db.path, '--week', '2027-W53'])).stderr).toContain('2027 has 52 ISO weeks');
    const future = await run(['digest', '--db', db.path, '--week', shiftWeek(week, 2)]);
    expect([future.code, future.stderr.includes('has not begun yet')]).toEqual([2, true]);
  });

  it('explains bad arguments with exit status 2 and the usage', async () => {
    const noDb = await run(['digest']);
    expect([noDb.code, noDb.stderr.split('\n')[0]]).toEqual([2, 'gaibu-guard digest: needs --db PATH']);
    expect((await run(['digest', '--db', path.join(db.dir, 'missing.db')])).code).toBe(2);
    const badWeek = await run(['digest', '--db', db.path, '--week', '2026-47']);
    expect(badWeek.code).toBe(2);
    expect(badWeek.stderr).toContain('gaibu-guard digest: --week must look like 2026-W47\nusage:\n  gaibu-guard digest --db PATH');
    expect((await run(['digest', '--db', db.path, '--format', 'xml'])).stderr).toContain('--format must be one of text, json (got "xml")');
    expect((await run(['check', '--record', 'テキスト'])).stderr).toContain('--record needs --db PATH');
  });

  it('refuses --db or --guild without --record instead of silently not recording', async () => {
    const r = await run(['check', '--db', db.path, 'テキスト']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--db is only used with --record');
    expect(r.stdout).toBe('');
    expect((await run(['check', '--guild', 'x', 'テキスト'])).stderr).toContain('--guild is only used with --record');
  });
});

describe('gaibu-guard check --record: problems', () => {
  it('with a database in a folder everyone may write to (/tmp), keeps the key out of it and says where it is', async () => {
    const dbPath = path.join(tmpdir(), `gaibu-guard-cli-${process.pid}-${Date.now()}.db`);
    const keyFile = path.join(KEY_DIR, `shared-${Date.now()}`);
    const files = ['', '-wal', '-shm', '.key'].map((s) => `${dbPath}${s}`);
    try {
      expect(statSync(tmpdir()).mode & 0o002).toBe(0o002); // the premise: a shared folder
      const r = await run(['check', '--record', '--db', dbPath, '詳細はLINEで'], '', { STATS_SECRET_FILE: keyFile });
      expect(r.code).toBe(0);
      expect(existsSync(`${dbPath}.key`)).toBe(false);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(r.stderr).toContain(`in ${keyFile} (keep it safe`);
    } finally {
      for (const f of [...files, keyFile]) rmSync(f, { force: true });
    }
  });

  it('exits non-zero when the checks cannot be written, after printing the verdict', async () => {
    const d = tempDb('broken.db');
    try {
      expect((await run(['check', '--record', '--db', d.path, 'はじめの一件'])).code).toBe(0);
      // From now on every insert into the checks table fails inside SQLite.
      const raw = new Database(d.path);
      raw.exec("CREATE TRIGGER fail_checks BEFORE INSERT ON checks BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END;");
      raw.close();
      const r = await run(['check', '--record', '--db', d.path, '詳細はLINEで']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('危険');
      expect(r.stderr).toContain(`gaibu-guard: the checks could not be recorded into ${d.path} (stats_write_failed, SQLITE_CONSTRAINT_TRIGGER)`);
    } finally {
      d.cleanup();
    }
  });
});

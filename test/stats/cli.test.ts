// The CLI contract for statistics, through the real `gaibu-guard` launcher:
// check --record --db PATH [--guild NAME] and digest --db PATH [--week] [--guild] [--format] [--chart].
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf } from '../../src/stats/time.ts';
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
    expect(r.stderr).toBe('');
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

  it('counts nothing for another server name', async () => {
    const r = await run(['digest', '--db', db.path, '--week', week, '--guild', 'other-server', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 0 });
  });

  it('defaults to the last complete week in Asia/Tokyo', async () => {
    const r = await run(['digest', '--db', db.path, '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { week: string }).week < week).toBe(true);
  });

  it('explains bad arguments with exit status 2', async () => {
    expect((await run(['digest'])).stderr).toContain('digest needs --db PATH');
    expect((await run(['digest', '--db', path.join(db.dir, 'missing.db')])).code).toBe(2);
    const badWeek = await run(['digest', '--db', db.path, '--week', '2026-47']);
    expect([badWeek.code, badWeek.stderr]).toEqual([2, 'gaibu-guard: --week must look like 2026-W47\n']);
    expect((await run(['digest', '--db', db.path, '--format', 'xml'])).code).toBe(2);
    expect((await run(['check', '--record', 'テキスト'])).stderr).toContain('--record needs --db PATH');
  });
});

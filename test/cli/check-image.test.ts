// `gaibu-guard check --image FILE [--json]` (docs/cli-contract.md), run as a real process on
// screenshots rendered by test/ocr/render.ts. Without network: the model comes from npm.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderScreen } from '../ocr/render.ts';
import { SCREENS } from '../ocr/screens.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/gaibu-guard.js');
const dir = mkdtempSync(path.join(tmpdir(), 'gaibu-guard-image-'));
const file = (name: string) => path.join(dir, name);

/** Async, so several runs share the two cores instead of queueing behind each other. */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  for (const id of ['line-id-light', 'line-sticker-posting']) {
    const spec = SCREENS.find((s) => s.id === id);
    if (!spec) throw new Error(id);
    writeFileSync(file(`${id}.jpg`), (await renderScreen(spec)).jpeg);
  }
  writeFileSync(file('blank.png'), await sharp({ create: { width: 720, height: 1280, channels: 3, background: '#ffffff' } }).png().toBuffer());
  writeFileSync(file('notes.txt'), '詳細はLINEで');
  writeFileSync(file('broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gaibu-guard check --image', () => {
  it('prints high with the masked ID for a screenshot of a LINE ID request, saying the text was read from the image', async () => {
    const r = await run(['check', '--image', file('line-id-light.jpg')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('(high)');
    expect(r.out).toContain('※ 画像から文字を読み取って判定しました。');
    expect(r.out).toMatch(/ID: sa\*+/);
    expect(r.out).not.toContain('sakura_2024');
  }, 120_000);

  it('prints none or low for a screenshot of a LINE sticker job, and adds "ocr" to the JSON Verdict', async () => {
    const r = await run(['check', '--image', file('line-sticker-posting.jpg'), '--json']);
    expect(r.code, r.err).toBe(0);
    const v = JSON.parse(r.out) as { level: string; ocr: { chars: number; confidence: number; ms: number } };
    expect(['none', 'low']).toContain(v.level);
    expect(v.ocr.chars).toBeGreaterThan(50);
    expect(v.ocr.confidence).toBeGreaterThan(60);
    expect(v.ocr.confidence).toBeLessThanOrEqual(100);
    expect(v.ocr.ms).toBeGreaterThan(0);
  }, 120_000);

  it('says so for an image without text: level none, ocr.chars 0, exit 0', async () => {
    const json = await run(['check', '--json', '--image', file('blank.png')]);
    expect(json.code, json.err).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ level: 'none', ocr: { chars: 0 } });
  }, 120_000);

  it('exits 2 with a clear error for a non-image, a broken image and a missing file', async () => {
    const [txt, broken, missing] = await Promise.all([
      run(['check', '--image', file('notes.txt')]),
      run(['check', '--image', file('broken.jpg')]),
      run(['check', '--image', file('nothing-here.png')]),
    ]);
    expect(txt).toMatchObject({ code: 2, out: '' });
    expect(txt.err).toContain('not an image (PNG, JPEG or WebP expected)');
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/damaged/);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read the file (ENOENT)');
  }, 120_000);

  it('records an image check as such with --record (never the text)', async () => {
    const db = file('stats.db');
    const r = await run(['check', '--image', file('line-id-light.jpg'), '--record', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    const conn = new Database(db, { readonly: true });
    try {
      const rows = conn.prepare('SELECT source, level FROM checks').all() as { source: number; level: number }[];
      // Codes are list indexes (src/stats/port.ts): cli_image = 10, high = 3.
      expect(rows).toEqual([{ source: 10, level: 3 }]);
    } finally {
      conn.close();
    }
  }, 120_000);
});

// The `gaibu-guard` command as scripts use it (docs/cli-contract.md), run as a real process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/gaibu-guard.js');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gaibu-guard check', () => {
  it('prints a Japanese report with the level, the masked ID and a refusal', () => {
    const r = run(['check', '詳細はＬＩＮＥで！ID→ ｓａｋｕｒａ２２']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('high');
    expect(r.out).toContain('危険');
    expect(r.out).toMatch(/ｓａ\*+/);
    expect(r.out).not.toContain('ｓａｋｕｒａ２２');
    expect(r.out).toContain('返信例');
  });

  it('says none for a LINE sticker job', () => {
    const r = run(['check', 'LINEスタンプのイラスト制作をお願いします']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('(none)');
  });

  it('prints one Verdict as JSON with --json', () => {
    const r = run(['check', '--json', '--platform', 'coconala', 'Chatworkで連絡を取り合いたいです']);
    const v = JSON.parse(r.out) as { level: string; categories: string[]; findings: Array<{ rule: string; phrase: string }>; refusal: string };
    expect(v.level).toBe('high');
    expect(v.categories).toContain('off_platform_contact');
    expect(v.findings[0]?.phrase).toContain('Chatwork');
    expect(v.refusal).toContain('ココナラ');
  });

  it('answers JSONL line by line, in order, with an error line for bad input, and exits 0', () => {
    const input = [
      JSON.stringify({ id: 'p01', text: 'まずはLINEで連絡ください' }),
      'this is not json',
      JSON.stringify({ id: 'p03' }),
      JSON.stringify({ id: 'p04', text: 'LINEスタンプ制作', platform: 'lancers' }),
      JSON.stringify({ id: 'p05', text: 'Chatworkで連絡を取り合いたいです', stage: 'after_escrow' }),
      JSON.stringify({ id: 'p06', text: 'x', platform: 'mercari' }),
      '',
      JSON.stringify({ id: 'p08', text: 'Zoomで面談しましょう' }),
    ].join('\n');
    const r = run(['check', '--jsonl', '--stage', 'before_contract'], input);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatchObject({ id: 'p01', level: 'high' });
    expect(lines[1]).toMatchObject({ id: null });
    expect(lines[1]?.['error']).toBeTruthy();
    expect(lines[2]).toMatchObject({ id: 'p03' });
    expect(String(lines[2]?.['error'])).toContain('text');
    expect(lines[3]).toMatchObject({ id: 'p04', level: 'none', platform: 'lancers' });
    expect(lines[4]).toMatchObject({ id: 'p05', level: 'medium', stage: 'after_escrow' });
    expect(lines[5]).toMatchObject({ id: 'p06' });
    expect(lines[5]?.['error']).toBeTruthy();
    expect(lines[6]).toMatchObject({ id: null });
    expect(lines[7]).toMatchObject({ id: 'p08', level: 'high', categories: ['pre_contract_call'] });
  });

  it('rejects an unknown --platform with a usage error', () => {
    const r = run(['check', '--platform', 'mercari', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--platform');
  });
});

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

describe('gaibu-guard: help and usage errors', () => {
  it('prints the help of every command, naming every option', () => {
    const options: Record<string, string[]> = {
      check: ['--json', '--jsonl', '--platform', '--stage', '--record', '--db', '--guild', '--lang', '--help'],
      digest: ['--db', '--week', '--guild', '--format', '--chart', '--help'],
      eval: ['--json', '--quiet', '--help'],
    };
    for (const [cmd, names] of Object.entries(options)) {
      for (const args of [[cmd, '--help'], [cmd, '-h'], ['help', cmd]]) {
        const r = run(args);
        expect(r.code, args.join(' ')).toBe(0);
        expect(r.out).toContain(`gaibu-guard ${cmd} — `);
        for (const n of names) expect(r.out, `${args.join(' ')}: ${n}`).toContain(n);
      }
    }
    expect(run(['check', '--help']).out).toContain('crowdworks|lancers|coconala|other');
  });

  it('names a misspelled option, suggests the right one and shows the usage', () => {
    const r = run(['check', '--jsno', 'テキスト']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('gaibu-guard check: unknown option --jsno (did you mean --json?)');
    expect(r.err).toContain('usage:\n  gaibu-guard check "テキスト"');
    expect(r.err).toContain('Run "gaibu-guard check --help" for every option.');
    expect(r.out).toBe('');
  });

  it('says which option lacks its value, and which value is not allowed', () => {
    expect(run(['check', 'テキスト', '--platform']).err).toContain('gaibu-guard check: --platform needs a value');
    expect(run(['digest', '--db']).err).toContain('gaibu-guard digest: --db needs a value (--db PATH)');
    expect(run(['check', '--stage', 'later', 'x']).err).toContain('--stage must be one of before_contract, after_contract, after_escrow, unknown (got "later")');
    expect(run(['check', '--json=yes', 'x']).err).toContain('--json takes no value');
    expect(run(['digest', '--db', 'x.db', 'extra']).err).toContain('unexpected argument "extra"');
  });

  it('suggests the command for a misspelled one', () => {
    const r = run(['chek', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "chek" (did you mean check?)');
  });

  it('refuses --json with --jsonl, and text with --jsonl', () => {
    expect(run(['check', '--json', '--jsonl'], '').err).toContain('--json and --jsonl cannot be combined');
    expect(run(['check', '--jsonl', 'text'], '').err).toContain('--jsonl reads its lines from stdin');
  });

  it('asks eval for its file', () => {
    const r = run(['eval']);
    expect([r.code, r.err.split('\n')[0]]).toEqual([2, 'gaibu-guard eval: needs a labeled JSONL file']);
  });
});

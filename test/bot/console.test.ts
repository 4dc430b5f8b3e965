// The local console (`npm start` without DISCORD_TOKEN): the same check flow, as text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/bot/command.ts';
import { PASTE_GAP_MS, runConsole } from '../../src/bot/console.ts';
import { createLogger } from '../../src/bot/log.ts';
import { createRateLimiter } from '../../src/bot/rate-limit.ts';
import { createEngine, type Engine } from '../../src/engine.ts';
import { createOcrReader } from '../../src/ocr/reader.ts';
import { consoleCopy, helpCopy, imageCopy } from '../../src/reply/bot-copy.ts';
import { copy } from '../../src/reply/copy.ts';
import { renderText } from '../../src/reply/text.ts';
import { adminCopy, statsCopy } from '../../src/stats/digest-copy.ts';
import { renderScreen } from '../ocr/render.ts';
import { SCREENS } from '../ocr/screens.ts';
import { tempDb, type TempDb } from '../stats/helpers.ts';

let engine: Engine;
let db: TempDb;
beforeAll(async () => {
  engine = await createEngine();
  db = tempDb();
});
afterAll(() => db.cleanup());

function services(extra: Partial<Services> = {}): Services {
  return { engine, stats: null, limiter: createRateLimiter(), log: createLogger('error', () => undefined), now: () => new Date(), ...extra };
}

/** Input piped in (not a terminal): everything is written at once, then closed. */
async function piped(lines: string[], extra: Partial<Services> = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const done = runConsole({ input, output, services: services(extra) });
  input.end(lines.join('\n'));
  await done;
  return out;
}

/** A fake terminal: raw mode is recorded, keys are written in chunks with pauses between them. */
async function terminal(chunks: Array<string | number>): Promise<{ out: string; raw: boolean[] }> {
  const raw: boolean[] = [];
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (b: boolean) => (raw.push(b), input) });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
  let out = '';
  output.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const done = runConsole({ input, output, services: services() });
  for (const c of chunks) {
    if (typeof c === 'number') await new Promise((r) => setTimeout(r, c));
    else input.write(c);
  }
  input.end();
  await done;
  return { out, raw };
}

const verdicts = (out: string): number => (out.match(/^[🔴🟠🟡🟢] /gmu) ?? []).length;
const SCAM = '詳細はＬＩＮＥで！ID→ ｓａｋｕｒａ２２';
const POSTING = [
  '【急募】簡単なデータ入力のお仕事です',
  '',
  '商品の情報をスプレッドシートに入力していただきます。1件50円、納期は2週間です。',
  '',
  'ご応募の際は、これまでのご経験を簡単にお書きください。',
];

describe('local console: what one message is', () => {
  it('checks a piped 3-paragraph posting as exactly one message', async () => {
    const out = await piped(POSTING);
    expect(verdicts(out)).toBe(1);
    expect(out).toContain(renderText(engine.analyse(POSTING.join('\n')), 'ja', { door: 'console' }));
  });

  it('splits piped messages at a line holding only ---', async () => {
    const out = await piped([SCAM, '---', 'LINEスタンプのイラスト制作をお願いします']);
    expect(verdicts(out)).toBe(2);
  });

  it('ends a piped message at a command and runs it', async () => {
    const out = await piped([SCAM, '', ':refusal', ':quit']);
    const report = engine.analyse(SCAM);
    expect(verdicts(out)).toBe(1);
    expect(out).toContain(`\n${report.refusal!.ja}\n`);
    expect(out).toContain(consoleCopy.bye.ja);
  });

  it('takes a bracketed paste with blank lines as one message and checks it on Enter, in raw mode', async () => {
    const { out, raw } = await terminal([`\u001b[200~${POSTING.join('\r')}\u001b[201~`, 20, '\r', PASTE_GAP_MS * 3]);
    expect(raw[0]).toBe(true);
    expect(verdicts(out)).toBe(1);
    expect(out).toContain(renderText(engine.analyse(POSTING.join('\n')), 'ja', { door: 'console' }));
    expect(out.startsWith('\u001b[?2004h')).toBe(true); // bracketed paste switched on
  });

  it('takes lines pasted in one burst as one message when the terminal has no bracketed paste', async () => {
    const { out } = await terminal([`${POSTING.join('\r')}\r\r`, PASTE_GAP_MS * 4]);
    expect(verdicts(out)).toBe(1);
  });

  it('ends a typed message at an empty line', async () => {
    const { out } = await terminal(['LINEで連絡ください\r', 10, '\r', PASTE_GAP_MS * 3, 'Zoomで面談しましょう\r', 10, '\r', PASTE_GAP_MS * 3]);
    expect(verdicts(out)).toBe(2);
  });

  it('reads a one-line paste longer than a terminal line whole (the LINE ID at its end counts)', async () => {
    const long = `${'業務内容の詳細です。'.repeat(190)}LINE ID: sakura_0324 を追加してください`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(4096);
    const { out, raw } = await terminal([`\u001b[200~${long}\u001b[201~`, 20, '\r', PASTE_GAP_MS * 3]);
    // In the terminal's own line mode a line stops at 4,096 bytes; the console reads keys in raw mode.
    expect(raw[0]).toBe(true);
    expect(out).toContain('🔴 危険 (high)');
  });

  it('gives a short hint for an empty message', async () => {
    expect((await terminal(['\r', PASTE_GAP_MS * 2])).out).toContain(consoleCopy.emptyHint.ja);
    expect(await piped(['   ', '---'])).toContain(consoleCopy.emptyHint.ja);
  });
});

describe('local console: commands', () => {
  it('shows the buttons’ texts on request', async () => {
    const out = await piped([SCAM, ':refusal', ':report', ':replied', ':quit']);
    const report = engine.analyse(SCAM);
    expect(out).toContain(`\n${report.refusal!.ja}\n`);
    expect(out).toContain(`1. ${copy.reportSteps('crowdworks', report.reportCategory)[0]!.ja}`);
    expect(out).toContain(`1. ${copy.alreadyReplied[0]!.ja}`);
  });

  it('switches to English and checks a message piped in without a final blank line', async () => {
    const out = await piped([':en', 'LINEスタンプのイラスト制作をお願いします']);
    expect(out).toContain(renderText(engine.analyse('LINEスタンプのイラスト制作をお願いします'), 'en', { door: 'console' }));
    expect(out).toContain(consoleCopy.bye.en);
  });

  it('sets the platform and the stage for the next checks, and goes back to guessing', async () => {
    const text = 'Zoomで面談しましょう';
    const out = await piped([':platform coconala', ':stage 仮払い後', text, '---', ':platform auto', ':stage auto', text, '---', ':platform mixi']);
    expect(out).toContain(consoleCopy.platformSet(copy.platformLabel.coconala).ja);
    expect(out).toContain(consoleCopy.stageSet(copy.stageLabel.after_escrow).ja);
    expect(out).toContain(renderText(engine.analyse(text, { platform: 'coconala', stage: 'after_escrow' }), 'ja', { door: 'console' }));
    expect(out).toContain(renderText(engine.analyse(text), 'ja', { door: 'console' }));
    expect(out).toContain(consoleCopy.choices.platform.ja);
  });

  it('runs /stats, /help, /privacy and /check typed at the prompt instead of checking them', async () => {
    const community = db.open();
    try {
      const out = await piped(['/stats', '/help', '/privacy', '/check Zoomで面談しましょう', '/digest-admin'], {
        stats: { record: () => null, close: () => undefined, community },
      });
      expect(verdicts(out)).toBe(1); // only /check checks
      // The heading names the completed week it shows (先週 11/30〜12/6).
      expect(out).toMatch(new RegExp(`📊 チェックの集計（${statsCopy.periodWeek.ja} \\d+/\\d+〜\\d+/\\d+・${statsCopy.scopeAll.ja}）`));
      expect(out).toContain(helpCopy.ja.split('\n')[1]!);
      expect(out).toContain(consoleCopy.serverOnly('/digest-admin').ja);
    } finally {
      community.close();
    }
    expect(await piped(['/stats'])).toContain(adminCopy.noStats.ja);
  });

  it('asks for a message before showing a refusal, and explains unknown commands without echoing escapes', async () => {
    const out = await piped([':refusal', ':nope', ':quit']);
    expect(out).toContain(consoleCopy.noReport.ja);
    expect(out).toContain(consoleCopy.unknownCommand(':nope').ja);
  });

  it('records console checks through the statistics port with source "console"', async () => {
    const sources: string[] = [];
    const out = await piped([SCAM], {
      stats: { record: (_r, _t, meta) => (sources.push(meta.source), { seenOthers: 6 }), close: () => undefined },
    });
    expect(sources).toEqual(['console']);
    expect(out).toContain('この文面（または似た文面）は直近30日にほかに 6 件チェックされています');
  });
});

describe('local console: :image PATH', () => {
  it('reads a screenshot file, checks its text and keeps it for :refusal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaibu-guard-console-'));
    const reader = createOcrReader();
    try {
      const spec = SCREENS.find((s) => s.id === 'line-id-light')!;
      const file = join(dir, 'shot 1.jpg');
      writeFileSync(file, (await renderScreen(spec)).jpeg);
      const images = { reader, download: async () => ({ ok: false as const, problem: 'download_failed' as const }) };
      const out = await piped([`:image "${file}"`, ':refusal', `:image ${join(dir, 'missing.png')}`, ':quit'], { images });
      expect(out).toContain(imageCopy.consoleHelp.ja);
      expect(out).toContain(`※ ${imageCopy.readFrom(1, false).ja}`);
      expect(out).toContain('(high)');
      expect(out).toMatch(/ID: sa\*+/);
      expect(out).not.toContain(consoleCopy.noReport.ja);
      expect(out).toContain(imageCopy.fileNotFound.ja);
    } finally {
      await reader.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

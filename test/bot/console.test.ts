// The local console (`npm start` without DISCORD_TOKEN): the same check flow, as text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/bot/command.ts';
import { runConsole } from '../../src/bot/console.ts';
import { createLogger } from '../../src/bot/log.ts';
import { createRateLimiter } from '../../src/bot/rate-limit.ts';
import { createEngine, type Engine } from '../../src/engine.ts';
import { createOcrReader } from '../../src/ocr/reader.ts';
import { consoleCopy, imageCopy } from '../../src/reply/bot-copy.ts';
import { copy } from '../../src/reply/copy.ts';
import { renderText } from '../../src/reply/text.ts';
import { renderScreen } from '../ocr/render.ts';
import { SCREENS } from '../ocr/screens.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});

async function session(lines: string[], services: Partial<Services> = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const done = runConsole({
    input,
    output,
    services: { engine, stats: null, limiter: createRateLimiter(), log: createLogger('error', () => undefined), now: () => new Date(), ...services },
  });
  input.end(lines.join('\n'));
  await done;
  return out;
}

const SCAM = '詳細はＬＩＮＥで！ID→ ｓａｋｕｒａ２２';

describe('local console', () => {
  it('prints the same reply as the CLI for a pasted message ended by a blank line', async () => {
    const out = await session([SCAM, '', ':quit']);
    expect(out).toContain(consoleCopy.banner.ja.split('\n')[0]!);
    expect(out).toContain(renderText(engine.analyse(SCAM), 'ja'));
  });

  it('ends a message with a line holding only "."', async () => {
    const out = await session(['1行目', 'Zoomで面談しましょう', '.', ':quit']);
    expect(out).toContain(renderText(engine.analyse('1行目\nZoomで面談しましょう'), 'ja'));
  });

  it('shows the buttons’ texts on request', async () => {
    const out = await session([SCAM, '', ':refusal', ':report', ':replied', ':quit']);
    const report = engine.analyse(SCAM);
    expect(out).toContain(`\n${copy.refusals[report.refusalKind!][report.verdict.platform].ja}\n`);
    expect(out).toContain(`1. ${copy.reportSteps.crowdworks[0]!.ja}`);
    expect(out).toContain(`1. ${copy.alreadyReplied[0]!.ja}`);
  });

  it('switches to English and checks a message piped in without a final blank line', async () => {
    const out = await session([':en', 'LINEスタンプのイラスト制作をお願いします']);
    expect(out).toContain(renderText(engine.analyse('LINEスタンプのイラスト制作をお願いします'), 'en'));
    expect(out).toContain(consoleCopy.bye.en);
  });

  it('asks for a message before showing a refusal, and explains unknown commands', async () => {
    const out = await session([':refusal', ':nope', ':quit']);
    expect(out).toContain(consoleCopy.noReport.ja);
    expect(out).toContain(consoleCopy.unknownCommand(':nope').ja);
  });

  it('records console checks through the statistics port with source "console"', async () => {
    const sources: string[] = [];
    const out = await session([SCAM, ''], {
      stats: { record: (_r, _t, meta) => (sources.push(meta.source), { seenOthers: 4 }), close: () => undefined },
    });
    expect(sources).toEqual(['console']);
    expect(out).toContain('この文面（または似た文面）は直近30日にほかに 4 件チェックされています');
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
      const out = await session([`:image "${file}"`, ':refusal', `:image ${join(dir, 'missing.png')}`, ':quit'], { images });
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

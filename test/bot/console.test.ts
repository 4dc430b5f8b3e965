// The local console (`npm start` without DISCORD_TOKEN): the same check flow, as text.
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/bot/command.ts';
import { runConsole } from '../../src/bot/console.ts';
import { createLogger } from '../../src/bot/log.ts';
import { createRateLimiter } from '../../src/bot/rate-limit.ts';
import { createEngine, type Engine } from '../../src/engine.ts';
import { consoleCopy } from '../../src/reply/bot-copy.ts';
import { copy } from '../../src/reply/copy.ts';
import { renderText } from '../../src/reply/text.ts';

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
      stats: { record: (_r, _t, meta) => (sources.push(meta.source), { seenOthers: 6 }), close: () => undefined },
    });
    expect(sources).toEqual(['console']);
    expect(out).toContain('この文面（または似た文面）は直近30日にほかに 6 件チェックされています');
  });
});

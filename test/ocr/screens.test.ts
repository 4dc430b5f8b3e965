// The screenshot set (test/ocr/screens.ts), rendered, downscaled and JPEG-compressed, read by the
// real OCR reader and checked by the real detector: the verdict on the image must match the verdict
// on the text it shows. Prints the agreement rate and character accuracy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Level } from '../../src/detector/types.ts';
import type { Engine } from '../../src/engine.ts';
import { createOcrReader, type OcrReader, type OcrResult } from '../../src/ocr/reader.ts';
import { warmUpImage } from '../../src/ocr/sample.ts';
import { sharedEngine } from '../helpers/engine.ts';
import { charAccuracy } from './accuracy.ts';
import { renderScreen, type RenderedScreen } from './render.ts';
import { SCREENS } from './screens.ts';

interface Row {
  shot: RenderedScreen;
  read: OcrResult;
  source: Level;
  image: Level;
}

let engine: Engine;
let reader: OcrReader;
const rows: Row[] = [];

beforeAll(async () => {
  engine = await sharedEngine();
  reader = createOcrReader({ warmUpImage });
  const [shots] = await Promise.all([Promise.all(SCREENS.map((s) => renderScreen(s))), reader.start()]);
  for (const shot of shots) {
    const out = await reader.read(shot.jpeg);
    if (!out.ok) throw new Error(`${shot.spec.id}: ${out.problem}`);
    rows.push({
      shot,
      read: out.result,
      source: engine.analyse(shot.source).verdict.level,
      image: engine.analyse(out.result.text).verdict.level,
    });
  }
}, 300_000);

afterAll(async () => {
  await reader?.close();
});

describe('screenshots read locally and checked', () => {
  it('gives the same verdict on the image as on its text for at least 90% of the set', () => {
    const agree = rows.filter((r) => r.source === r.image).length;
    const acc = charAccuracy(rows.map((r) => ({ read: r.read.text, source: r.shot.source })));
    const ms = rows.map((r) => r.read.ms).sort((a, b) => a - b);
    // The figures the README quotes; printed so a CI log shows them.
    console.log(
      JSON.stringify({
        screenshots: rows.length,
        agreement: Math.round((agree / rows.length) * 1000) / 1000,
        char_recall: acc.recall,
        char_precision: acc.precision,
        ocr_p50_ms: ms[Math.floor(ms.length / 2)],
        ocr_max_ms: ms.at(-1),
        disagreements: rows.filter((r) => r.source !== r.image).map((r) => `${r.shot.spec.id}: ${r.source} → ${r.image}`),
      }),
    );
    expect(rows).toHaveLength(SCREENS.length);
    expect(agree / rows.length).toBeGreaterThanOrEqual(0.9);
    // Nearly every character of the messages is read; the rest of the screen adds some text
    // (names in the header, page titles), which the detector reads as harmless context.
    expect(acc.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('reads both polarities: dark-mode chats as well as light ones', () => {
    for (const style of ['chat_light', 'chat_dark', 'platform', 'posting'] as const) {
      const of = rows.filter((r) => r.shot.spec.style === style);
      expect(of.length, style).toBeGreaterThan(0);
      expect(charAccuracy(of.map((r) => ({ read: r.read.text, source: r.shot.source }))).recall, style).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('flags a LINE ID request read from a screenshot as high, with the ID masked', () => {
    for (const id of ['line-id-light', 'line-id-dark']) {
      const row = rows.find((r) => r.shot.spec.id === id);
      expect(row?.image, id).toBe('high');
      const v = engine.analyse(row?.read.text ?? '').verdict;
      const phrases = v.findings.map((f) => f.phrase).join(' ');
      expect(phrases).toMatch(/sa\*+/);
      expect(phrases).not.toContain('sakura_2024');
    }
  });

  it('stays quiet on a LINE sticker job read from a screenshot', () => {
    const row = rows.find((r) => r.shot.spec.id === 'line-sticker-posting');
    expect(['none', 'low']).toContain(row?.image);
  });

  it('reports how sure it is, and no screen furniture ends up in the text', () => {
    for (const r of rows) {
      expect(r.read.confidence, r.shot.spec.id).toBeGreaterThan(60);
      expect(r.read.text, r.shot.spec.id).not.toMatch(/^(9:41|87%|既読|今日|メッセージを入力)$/m);
      expect(r.read.chars).toBe(r.read.text.replace(/\s/g, '').length);
    }
  });
});

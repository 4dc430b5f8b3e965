import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createOcrReader, japaneseModelDir, type OcrReader } from '../../src/ocr/reader.ts';
import { warmUpImage } from '../../src/ocr/sample.ts';
import { renderPng, renderScreen } from './render.ts';
import { SCREENS } from './screens.ts';

const logs: string[] = [];
const log = {
  info: (event: string, fields?: object) => void logs.push(JSON.stringify({ event, ...fields })),
  warn: (event: string, fields?: object) => void logs.push(JSON.stringify({ event, ...fields })),
};
const spec = (id: string) => {
  const s = SCREENS.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};

let reader: OcrReader;
let screenshot: Buffer;
beforeAll(async () => {
  reader = createOcrReader({ log, warmUpImage });
  [screenshot] = await Promise.all([renderScreen(spec('line-id-light')).then((r) => r.jpeg), reader.start()]);
}, 120_000);
afterAll(async () => {
  await reader?.close();
});

describe('the OCR reader', () => {
  it('is warm after start(): the model is loaded from the npm package and a sample was read, nothing written', () => {
    expect(reader.ready).toBe(true);
    expect(logs.some((l) => l.includes('"ocr_ready"'))).toBe(true);
    expect(existsSync(join(japaneseModelDir(), 'jpn.traineddata.gz'))).toBe(true);
    // tesseract.js caches a downloaded model in the working directory unless told not to.
    expect(existsSync(join(process.cwd(), 'jpn.traineddata'))).toBe(false);
  });

  it('reads a PNG, a JPEG and a WebP of the same screen alike', async () => {
    const png = renderPng(spec('line-id-light'));
    const webp = await sharp(png).resize({ width: 1080 }).webp({ quality: 70 }).toBuffer();
    for (const bytes of [png, screenshot, webp]) {
      const out = await reader.read(bytes);
      expect(out.ok).toBe(true);
      if (out.ok) expect(out.result.text).toContain('詳細はLINEでお伝えしますので、ID: sakura_2024を追加してください。');
    }
  }, 60_000);

  it('reads an image with no text as empty text, not as an error', async () => {
    const blank = await sharp({ create: { width: 1080, height: 1920, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const out = await reader.read(blank);
    expect(out).toMatchObject({ ok: true, result: { text: '', chars: 0 } });
    const tiny = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000000' } }).png().toBuffer();
    expect(await reader.read(tiny)).toMatchObject({ ok: true, result: { chars: 0 } });
  }, 30_000);

  it('answers a corrupt, oversized, animated or non-image file with a reason and keeps working', async () => {
    const truncated = screenshot.subarray(0, Math.floor(screenshot.length / 3));
    const bomb = await sharp({ create: { width: 6000, height: 6000, channels: 3, background: '#ffffff' } }).png({ compressionLevel: 9 }).toBuffer();
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#ffffff' } }).gif().toBuffer();
    const garbage = Buffer.concat([screenshot.subarray(0, 600), Buffer.alloc(40_000, 0x5a)]);
    const cases: [Buffer | Uint8Array, string][] = [
      [Buffer.from('これは画像ではありません'), 'not_image'],
      [gif, 'unsupported'],
      [bomb, 'too_many_pixels'],
      [truncated, 'corrupt'],
      [garbage, 'corrupt'],
      [new Uint8Array([...Buffer.from('RIFF'), 30, 0, 0, 0, ...Buffer.from('WEBPVP8X'), 10, 0, 0, 0, 0x02, 0, 0, 0, 99, 0, 0, 99, 0, 0]), 'animated'],
    ];
    for (const [bytes, problem] of cases) expect(await reader.read(bytes), problem).toEqual({ ok: false, problem });
    const after = await reader.read(screenshot);
    expect(after.ok).toBe(true);
  }, 60_000);

  it('reads a long scrolling capture band by band, every line once', async () => {
    const screen = (await renderScreen(spec('posting-manual-fee'))).jpeg;
    const n = 4;
    const tall = await sharp({ create: { width: 1080, height: 1772 * n, channels: 3, background: '#ffffff' } })
      .composite(Array.from({ length: n }, (_, i) => ({ input: screen, top: i * 1772, left: 0 })))
      .jpeg({ quality: 70 })
      .toBuffer();
    // A generous limit: this machine may be busy with other work while the tests run.
    const out = await reader.read(tall, { timeoutMs: 60_000 });
    expect(out).toMatchObject({ ok: true });
    const text = out.ok ? out.result.text : '';
    expect(text.split('マニュアル代').length - 1).toBe(n);
    expect(text.split('友だち追加').length - 1).toBe(n);
  }, 120_000);

  it('refuses a read beyond the queue limit as busy instead of queueing without end', async () => {
    const small = createOcrReader({ maxPending: 1, timeoutMs: 60_000 });
    try {
      const first = small.read(screenshot);
      expect(await small.read(screenshot)).toEqual({ ok: false, problem: 'busy' });
      expect((await first).ok).toBe(true);
    } finally {
      await small.close();
    }
  }, 60_000);

  it('abandons a read that takes too long, replaces the worker, and reads the next image', async () => {
    const events: string[] = [];
    const r = createOcrReader({ log: { info: (e) => void events.push(e), warn: (e) => void events.push(e) } });
    try {
      await r.start();
      const late: unknown[] = [];
      const onLate = (e: unknown) => void late.push(e);
      process.on('unhandledRejection', onLate);
      expect(await r.read(screenshot, { timeoutMs: 1 })).toEqual({ ok: false, problem: 'timeout' });
      expect(r.ready).toBe(false);
      // The abandoned read finishes decoding meanwhile; it must not reach the old worker or throw.
      await new Promise((done) => setTimeout(done, 1500));
      process.off('unhandledRejection', onLate);
      expect(late).toEqual([]);
      const out = await r.read(screenshot);
      expect(out.ok && out.result.text).toContain('sakura_2024');
      expect(r.ready).toBe(true);
      expect(events.filter((e) => e === 'ocr_worker_started')).toHaveLength(2);
      expect(events).toContain('ocr_timeout');
    } finally {
      await r.close();
    }
  }, 60_000);

  it('logs counts and durations only, never what it read', () => {
    const all = logs.join('\n');
    expect(all).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(all).not.toContain('sakura');
  });

  it('refuses reads after close', async () => {
    const r = createOcrReader();
    await r.close();
    expect(await r.read(screenshot)).toEqual({ ok: false, problem: 'failed' });
  });
});

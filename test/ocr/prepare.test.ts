import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectImage } from '../../src/ocr/image.ts';
import { bands, MIN_WIDTH, PHONE_WIDTH, pgmOf, prepareImage, targetWidth, TILE_HEIGHT, TILE_OVERLAP } from '../../src/ocr/prepare.ts';

async function prepared(width: number, height: number, background: string) {
  const bytes = await sharp({ create: { width, height, channels: 3, background } }).jpeg().toBuffer();
  const inspected = inspectImage(bytes);
  if (!inspected.ok) throw new Error(inspected.problem);
  return prepareImage(bytes, inspected.info, 16_000_000);
}
const pgmHeader = (pgm: Uint8Array) => new TextDecoder().decode(pgm.subarray(0, 20)).split('\n').slice(0, 3).join(' ');

describe('preparing an image for Tesseract', () => {
  it('brings a phone screenshot to the phone width, enlarges a small one, leaves a desktop capture alone', () => {
    expect(targetWidth({ width: 1290, height: 2796 })).toBe(PHONE_WIDTH);
    expect(targetWidth({ width: 540, height: 1170 })).toBe(PHONE_WIDTH);
    expect(targetWidth({ width: 828, height: 1792 })).toBe(828);
    expect(targetWidth({ width: 1920, height: 1080 })).toBe(1920);
    expect(targetWidth({ width: 400, height: 300 })).toBe(MIN_WIDTH);
    expect(targetWidth({ width: 5200, height: 2600 })).toBe(2600);
  });

  it('hands over an 8-bit grey PGM, inverted when the screen is dark', async () => {
    const light = await prepared(1080, 1920, '#8cabd8');
    const pgm = pgmOf(light, 0, light.height);
    expect(pgmHeader(pgm)).toBe(`P5 ${PHONE_WIDTH} ${Math.round((1920 * PHONE_WIDTH) / 1080)} 255`);
    expect(pgm.length).toBe(pgm.indexOf(0x0a, 12) + 1 + light.width * light.height);
    expect(light.inverted).toBe(false);
    const dark = await prepared(720, 1280, '#16181c');
    expect(dark.inverted).toBe(true);
    // Dark grey (~24) turned light (~231).
    expect(dark.grey.at(-1)).toBeGreaterThan(200);
    const band = pgmOf(dark, 100, 300);
    expect(pgmHeader(band)).toBe(`P5 ${dark.width} 200 255`);
    expect(band.length).toBe(band.indexOf(0x0a, 12) + 1 + dark.width * 200);
  });

  it('cuts a long capture into overlapping bands, each row kept by exactly one band', () => {
    expect(bands(1500)).toEqual([{ y0: 0, y1: 1500, keepFrom: 0, keepTo: 1500 }]);
    const b = bands(9600);
    expect(b[0]).toMatchObject({ y0: 0, y1: TILE_HEIGHT, keepFrom: 0 });
    expect(b.at(-1)?.y1).toBe(9600);
    for (let i = 1; i < b.length; i++) {
      expect(b[i]!.y0).toBe(b[i - 1]!.y1 - TILE_OVERLAP);
      expect(b[i]!.keepFrom).toBe(b[i - 1]!.keepTo);
      expect(b[i]!.y1 - b[i]!.y0).toBeLessThanOrEqual(TILE_HEIGHT);
    }
    expect(b.at(-1)?.keepTo).toBe(9600);
  });

  it('throws on a body libvips cannot decode behind a valid header', async () => {
    const bytes = await sharp({ create: { width: 800, height: 1400, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    const broken = Buffer.concat([bytes.subarray(0, 400), Buffer.alloc(4000, 0x33)]);
    const inspected = inspectImage(broken);
    expect(inspected.ok).toBe(true);
    if (inspected.ok) await expect(prepareImage(broken, inspected.info, 16_000_000)).rejects.toThrow();
  });
});

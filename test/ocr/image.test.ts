import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatOfContentType, IMAGE_LIMITS, inspectImage } from '../../src/ocr/image.ts';

// Real encoded images come from sharp; animated and broken ones are built byte by byte.
const grey = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#eeeeee' } });
let png: Buffer;
let jpeg: Buffer;
let progressive: Buffer;
let webpLossy: Buffer;
let webpLossless: Buffer;
let webpAlpha: Buffer;

beforeAll(async () => {
  png = await grey(300, 200).png().toBuffer();
  jpeg = await grey(320, 240).jpeg({ quality: 70 }).toBuffer();
  progressive = await grey(64, 48).jpeg({ progressive: true }).toBuffer();
  webpLossy = await grey(100, 80).webp({ quality: 70 }).toBuffer();
  webpLossless = await grey(90, 70).webp({ lossless: true }).toBuffer();
  webpAlpha = await sharp({ create: { width: 50, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).webp().toBuffer();
});

function chunk(type: string, data: number[]): number[] {
  const len = data.length;
  return [(len >>> 24) & 255, (len >>> 16) & 255, (len >>> 8) & 255, len & 255, ...Buffer.from(type, 'ascii'), ...data, 0, 0, 0, 0];
}
const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ihdr = (w: number, h: number) => chunk('IHDR', [0, 0, (w >>> 8) & 255, w & 255, 0, 0, (h >>> 8) & 255, h & 255, 8, 6, 0, 0, 0]);

function riff(fourcc: string, payload: number[]): Uint8Array {
  const body = [...Buffer.from('WEBP'), ...Buffer.from(fourcc), payload.length & 255, (payload.length >>> 8) & 255, 0, 0, ...payload];
  return new Uint8Array([...Buffer.from('RIFF'), body.length & 255, (body.length >>> 8) & 255, 0, 0, ...body]);
}

describe('what an attachment is, from its header', () => {
  it('reads the format and size of PNG, JPEG (baseline and progressive) and WebP (lossy, lossless, extended)', () => {
    expect(inspectImage(png)).toEqual({ ok: true, info: { format: 'png', width: 300, height: 200 } });
    expect(inspectImage(jpeg)).toEqual({ ok: true, info: { format: 'jpeg', width: 320, height: 240 } });
    expect(inspectImage(progressive)).toEqual({ ok: true, info: { format: 'jpeg', width: 64, height: 48 } });
    expect(inspectImage(webpLossy)).toEqual({ ok: true, info: { format: 'webp', width: 100, height: 80 } });
    expect(inspectImage(webpLossless)).toEqual({ ok: true, info: { format: 'webp', width: 90, height: 70 } });
    expect(inspectImage(webpAlpha)).toMatchObject({ ok: true, info: { format: 'webp', width: 50, height: 40 } });
  });

  it('refuses animations: an APNG and an animated WebP', () => {
    const apng = new Uint8Array([...PNG_SIG, ...ihdr(100, 100), ...chunk('acTL', [0, 0, 0, 2, 0, 0, 0, 0]), ...chunk('IDAT', [1, 2, 3]), ...chunk('IEND', [])]);
    expect(inspectImage(apng)).toEqual({ ok: false, problem: 'animated' });
    const stillPng = new Uint8Array([...PNG_SIG, ...ihdr(100, 100), ...chunk('IDAT', [1, 2, 3]), ...chunk('IEND', [])]);
    expect(inspectImage(stillPng)).toMatchObject({ ok: true });
    // VP8X with the animation flag (0x02); canvas 100 × 100 stored as width-1, height-1.
    const anim = riff('VP8X', [0x02, 0, 0, 0, 99, 0, 0, 99, 0, 0]);
    expect(inspectImage(anim)).toEqual({ ok: false, problem: 'animated' });
  });

  it('tells other image formats from files that are not images at all', () => {
    expect(inspectImage(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toEqual({ ok: false, problem: 'unsupported' });
    expect(inspectImage(Buffer.from('BM\x00\x00\x00\x00', 'latin1'))).toEqual({ ok: false, problem: 'unsupported' });
    expect(inspectImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toEqual({ ok: false, problem: 'unsupported' });
    expect(inspectImage(Buffer.from('%PDF-1.7'))).toEqual({ ok: false, problem: 'unsupported' });
    expect(inspectImage(Buffer.from('詳細はLINEで'))).toEqual({ ok: false, problem: 'not_image' });
    expect(inspectImage(new Uint8Array(0))).toEqual({ ok: false, problem: 'not_image' });
  });

  it('calls a broken header corrupt instead of guessing', () => {
    expect(inspectImage(png.subarray(0, 20))).toEqual({ ok: false, problem: 'corrupt' });
    expect(inspectImage(jpeg.subarray(0, 30))).toEqual({ ok: false, problem: 'corrupt' });
    expect(inspectImage(new Uint8Array([...PNG_SIG, ...ihdr(0, 100), ...chunk('IDAT', [1])]))).toEqual({ ok: false, problem: 'corrupt' });
    expect(inspectImage(riff('VP8 ', [0, 0, 0, 1, 2, 3, 0, 0, 0, 0]))).toEqual({ ok: false, problem: 'corrupt' });
    // A JPEG whose segment lengths run off the end, and one made of fill bytes only.
    expect(inspectImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff]))).toEqual({ ok: false, problem: 'corrupt' });
    expect(inspectImage(new Uint8Array([0xff, 0xd8, 0xff, ...new Array<number>(100).fill(0xff)]))).toEqual({ ok: false, problem: 'corrupt' });
  });

  it('refuses files over the byte limit and images over the pixel limits before decoding', () => {
    const big = new Uint8Array(IMAGE_LIMITS.maxBytes + 1);
    big.set(png);
    expect(inspectImage(big)).toEqual({ ok: false, problem: 'too_large' });
    // A 30000 × 30000 PNG header (a decompression bomb) and a 13000 × 100 strip.
    expect(inspectImage(new Uint8Array([...PNG_SIG, ...ihdr(30000, 30000), ...chunk('IDAT', [1])]))).toEqual({ ok: false, problem: 'too_many_pixels' });
    expect(inspectImage(new Uint8Array([...PNG_SIG, ...ihdr(13000, 100), ...chunk('IDAT', [1])]))).toEqual({ ok: false, problem: 'too_many_pixels' });
    expect(inspectImage(new Uint8Array([...PNG_SIG, ...ihdr(4000, 4000), ...chunk('IDAT', [1])]))).toEqual({ ok: true, info: { format: 'png', width: 4000, height: 4000 } });
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const starts = [PNG_SIG, [0xff, 0xd8, 0xff], [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')], []];
    for (let i = 0; i < 2000; i++) {
      const head = starts[i % starts.length] ?? [];
      const bytes = new Uint8Array([...head, ...Array.from({ length: Math.floor(rand() * 64) }, () => Math.floor(rand() * 256))]);
      const r = inspectImage(bytes);
      expect(typeof r.ok).toBe('boolean');
    }
  });

  it('maps a declared content type to a format', () => {
    expect(formatOfContentType('image/png')).toBe('png');
    expect(formatOfContentType('image/jpeg; charset=binary')).toBe('jpeg');
    expect(formatOfContentType('image/webp')).toBe('webp');
    expect(formatOfContentType('image/gif')).toBe('other_image');
    expect(formatOfContentType('application/pdf')).toBe('not_image');
    expect(formatOfContentType(null)).toBe('unknown');
  });
});

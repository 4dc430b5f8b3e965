// Image → the grey picture Tesseract reads best. Decoding and resizing run in libvips (sharp) on
// libuv's thread pool, not on the event loop. Why each step:
//   - EXIF orientation applied, transparency flattened onto white, colour dropped;
//   - dark mode inverted: Tesseract's thresholding expects dark text on a light page, and light
//     text on a dark chat background otherwise comes back as noise;
//   - a portrait phone screenshot is brought to PHONE_WIDTH pixels wide (its text is then about
//     30–35 px high, where Tesseract is both accurate and fast: on the rendered set, 864 px read as
//     well as 1080 px for a fifth less CPU, 760 px lost a verdict), a very small one enlarged, a very
//     large page shrunk, so the OCR time follows the amount of text, not the camera;
//   - handed over as binary PGM bands of at most TILE_HEIGHT rows (overlapping by TILE_OVERLAP): a
//     long scrolling capture is read band by band, so Tesseract's time and memory stay those of one
//     screen (a 1080 × 10,600 capture took 85 s and +95 MB in one piece); no second compression,
//     and Leptonica reads PGM directly.
import type { Sharp, SharpOptions } from 'sharp';
import type { ImageInfo } from './image.ts';

/** Width a portrait screenshot is brought to (a 1080–1440 px phone capture shrinks, a 540 px one grows). */
export const PHONE_WIDTH = 864;
/** Images narrower than this are enlarged (text under ~20 px is read badly). */
export const MIN_WIDTH = 720;
/** Longest side after resizing, for anything that is not a phone screenshot. */
export const MAX_SIDE = 2600;
/** Mean grey level under which an image counts as dark mode. */
const DARK_MEAN = 110;

type SharpFn = (input?: Buffer | Uint8Array, options?: SharpOptions) => Sharp;
let loaded: Promise<SharpFn> | null = null;
/** libvips is loaded on the first image, not when the bot starts (and never with OCR off). */
function sharpLib(): Promise<SharpFn> {
  loaded ??= import('sharp').then((m) => {
    const sharp = m.default;
    // One image at a time through one libvips thread, and no cache of decoded images: OCR is rare
    // next to text checks, and memory stays flat.
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return loaded;
}

export interface Prepared {
  /** 8-bit grey pixels, row by row. */
  grey: Uint8Array;
  width: number;
  height: number;
  inverted: boolean;
}

/** Rows per band handed to Tesseract (about one phone screen at PHONE_WIDTH). */
export const TILE_HEIGHT = 1800;
/** Rows two neighbouring bands share: more than two lines of text, so every line is whole in one. */
export const TILE_OVERLAP = 200;

export interface Band {
  /** Rows [y0, y1) of the image. */
  y0: number;
  y1: number;
  /** A line belongs to this band when its vertical centre is in [keepFrom, keepTo). */
  keepFrom: number;
  keepTo: number;
}

/** Splits `height` rows into overlapping bands; each row's lines are kept by exactly one band. */
export function bands(height: number, tile = TILE_HEIGHT, overlap = TILE_OVERLAP): Band[] {
  if (height <= tile) return [{ y0: 0, y1: height, keepFrom: 0, keepTo: height }];
  const out: Band[] = [];
  const step = tile - overlap;
  for (let y0 = 0; ; y0 += step) {
    const y1 = Math.min(height, y0 + tile);
    const last = y1 === height;
    out.push({ y0, y1, keepFrom: y0 === 0 ? 0 : y0 + overlap / 2, keepTo: last ? height : y1 - overlap / 2 });
    if (last) return out;
  }
}

/** Rows [y0, y1) of a prepared image as a binary PGM (P5). */
export function pgmOf(p: Prepared, y0: number, y1: number): Uint8Array {
  const rows = p.grey.subarray(y0 * p.width, y1 * p.width);
  const head = Buffer.from(`P5\n${p.width} ${y1 - y0}\n255\n`, 'ascii');
  const pgm = new Uint8Array(head.length + rows.length);
  pgm.set(head, 0);
  pgm.set(rows, head.length);
  return pgm;
}

export function targetWidth(info: Pick<ImageInfo, 'width' | 'height'>, phoneWidth = PHONE_WIDTH): number {
  const { width, height } = info;
  const portrait = height >= width * 1.2;
  if (portrait) return width > phoneWidth || width < MIN_WIDTH ? phoneWidth : width;
  if (width < MIN_WIDTH) return MIN_WIDTH;
  const longest = Math.max(width, height);
  return longest > MAX_SIDE ? Math.round((width * MAX_SIDE) / longest) : width;
}

/** Average grey level from a sparse sample (cheap on the event loop). */
function meanGrey(data: Uint8Array): number {
  const step = Math.max(1, Math.floor(data.length / 40_000));
  let sum = 0;
  let n = 0;
  for (let i = 0; i < data.length; i += step) {
    sum += data[i] ?? 0;
    n++;
  }
  return n ? sum / n : 255;
}

/**
 * Decodes and prepares an image already checked by inspectImage. Throws when libvips cannot decode
 * it (a corrupt body behind a valid header); the caller reports that as unreadable.
 */
export async function prepareImage(bytes: Uint8Array, info: ImageInfo, maxPixels: number, phoneWidth = PHONE_WIDTH): Promise<Prepared> {
  const sharp = await sharpLib();
  const width = targetWidth(info, phoneWidth);
  const { data, info: out } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', animated: false })
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize({ width, kernel: 'lanczos3' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  let grey: Uint8Array = data;
  const inverted = meanGrey(grey) < DARK_MEAN;
  if (inverted) {
    grey = await sharp(data, { raw: { width: out.width, height: out.height, channels: 1 } })
      .negate()
      .toColourspace('b-w')
      .raw()
      .toBuffer();
  }
  if (grey.length !== out.width * out.height) throw new Error(`unexpected pixel layout (${grey.length} bytes for ${out.width}×${out.height})`);
  return { grey, width: out.width, height: out.height, inverted };
}

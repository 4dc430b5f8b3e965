// What an attachment is, from its first bytes, before anything decodes it: PNG, JPEG or WebP, its
// size in pixels, and whether it is animated. Anything else — another format, a truncated or
// nonsensical header, too many bytes or pixels, an animation — gets a reason the reply can name.
// Header parsing only (no decoding), bounded by the buffer length: safe on any input.

export const IMAGE_FORMATS = ['png', 'jpeg', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
}

/** Why an attachment is not read. */
export const IMAGE_PROBLEMS = ['not_image', 'unsupported', 'corrupt', 'too_large', 'too_many_pixels', 'animated'] as const;
export type ImageProblem = (typeof IMAGE_PROBLEMS)[number];

export type Inspection = { ok: true; info: ImageInfo } | { ok: false; problem: ImageProblem };

export interface ImageLimits {
  /** Bytes of the file. */
  maxBytes: number;
  /** Width × height. A phone screenshot is 2–5 million; a long scrolling capture up to ~15. */
  maxPixels: number;
  /** Longest side. */
  maxSide: number;
}

export const IMAGE_LIMITS: ImageLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 16_000_000,
  maxSide: 12_000,
};

const u16be = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32be = (b: Uint8Array, i: number): number => u16be(b, i) * 65536 + u16be(b, i + 2);
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number): number => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32le = (b: Uint8Array, i: number): number => u24le(b, i) + (b[i + 3] ?? 0) * 16777216;
const ascii = (b: Uint8Array, i: number, n: number): string => String.fromCharCode(...b.subarray(i, i + n));
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, k) => b[at + k] === v);

type Header = { format: ImageFormat; width: number; height: number; animated: boolean } | ImageProblem;

function png(b: Uint8Array): Header {
  // Signature (8) + IHDR chunk: length (4) "IHDR" (4) width (4) height (4).
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') return 'corrupt';
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  // An animated PNG announces itself with an acTL chunk before the first IDAT.
  let animated = false;
  let at = 8;
  while (at + 8 <= b.length) {
    const len = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    if (type === 'acTL') animated = true;
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + len;
  }
  if (at + 8 > b.length) return 'corrupt'; // no image data at all
  return { format: 'png', width, height, animated };
}

function jpeg(b: Uint8Array): Header {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return 'corrupt';
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const len = u16be(b, at + 2);
    if (len < 2) return 'corrupt';
    // Start of frame (baseline, progressive, …): precision (1), height (2), width (2).
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof) {
      if (at + 9 > b.length) return 'corrupt';
      return { format: 'jpeg', height: u16be(b, at + 5), width: u16be(b, at + 7), animated: false };
    }
    if (marker === 0xda || marker === 0xd9) return 'corrupt'; // scan data or the end before any frame header
    at += 2 + len;
  }
  return 'corrupt';
}

function webp(b: Uint8Array): Header {
  // RIFF (4) size (4) WEBP (4), then the first chunk: fourcc (4) size (4) payload.
  const chunk = ascii(b, 12, 4);
  const p = 20;
  if (chunk === 'VP8X') {
    if (b.length < p + 10) return 'corrupt';
    const flags = b[p] ?? 0;
    return { format: 'webp', width: u24le(b, p + 4) + 1, height: u24le(b, p + 7) + 1, animated: (flags & 0x02) !== 0 };
  }
  if (chunk === 'VP8 ') {
    // Frame tag (3), start code 9d 01 2a, then 14-bit width and height.
    if (b.length < p + 10 || !startsWith(b, [0x9d, 0x01, 0x2a], p + 3)) return 'corrupt';
    return { format: 'webp', width: u16le(b, p + 6) & 0x3fff, height: u16le(b, p + 8) & 0x3fff, animated: false };
  }
  if (chunk === 'VP8L') {
    if (b.length < p + 5 || b[p] !== 0x2f) return 'corrupt';
    const bits = u32le(b, p + 1);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, animated: false };
  }
  return 'corrupt';
}

/** Formats we recognise but do not read, so the note can say "PNG, JPEG or WebP, please". */
function otherImage(b: Uint8Array): boolean {
  return (
    ascii(b, 0, 4) === 'GIF8' ||
    startsWith(b, [0x42, 0x4d]) || // BMP
    startsWith(b, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) || // TIFF
    (ascii(b, 4, 4) === 'ftyp' && /^(heic|heix|hevc|mif1|msf1|avif|avis)$/.test(ascii(b, 8, 4))) ||
    startsWith(b, [0x00, 0x00, 0x01, 0x00]) || // ICO
    /^\s*<(\?xml|svg)/i.test(ascii(b, 0, 64)) ||
    ascii(b, 0, 4) === '%PDF'
  );
}

function header(b: Uint8Array): Header {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(b);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return jpeg(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b);
  return otherImage(b) ? 'unsupported' : 'not_image';
}

export function inspectImage(bytes: Uint8Array, limits: ImageLimits = IMAGE_LIMITS): Inspection {
  if (bytes.length > limits.maxBytes) return { ok: false, problem: 'too_large' };
  const h = header(bytes);
  if (typeof h === 'string') return { ok: false, problem: h };
  if (h.width === 0 || h.height === 0) return { ok: false, problem: 'corrupt' };
  if (h.width > limits.maxSide || h.height > limits.maxSide || h.width * h.height > limits.maxPixels) return { ok: false, problem: 'too_many_pixels' };
  if (h.animated) return { ok: false, problem: 'animated' };
  return { ok: true, info: { format: h.format, width: h.width, height: h.height } };
}

/** The format an attachment's declared content type names, for refusing before a download. */
export function formatOfContentType(contentType: string | null | undefined): ImageFormat | 'other_image' | 'not_image' | 'unknown' {
  if (!contentType) return 'unknown';
  const t = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (t === 'image/png' || t === 'image/apng') return 'png';
  if (t === 'image/jpeg' || t === 'image/jpg' || t === 'image/pjpeg') return 'jpeg';
  if (t === 'image/webp') return 'webp';
  if (t.startsWith('image/')) return 'other_image';
  return 'not_image';
}

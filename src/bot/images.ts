// Screenshots at every door (DM, forward, context menu, /check image:, the console): the images of
// one message are read locally (src/ocr/) and their text is checked together with the message's
// own text, as one text. Order of work, so that floods and bad files cost little:
//   1. the per-user budget is charged, one check per image, before anything is fetched;
//   2. what Discord already says about an attachment (type, size, pixels) refuses it unfetched;
//   3. at most MAX_IMAGES images are fetched (bounded size and time) and read, in order;
//   4. the text goes through the same check as any text; the reply says it was read from an
//      image, where it may be misread, and why any attachment was not read.
// The image bytes and the text read never leave memory: nothing here logs or stores them.
import { IMAGE_LIMITS, formatOfContentType } from '../ocr/image.ts';
import { LOW_CONFIDENCE, type OcrReader, type ReadProblem } from '../ocr/reader.ts';
import { imageCopy } from '../reply/bot-copy.ts';
import type { Bilingual } from '../reply/copy-types.ts';
import { admit, runCheck, type CheckInput, type CheckOutcome } from './checking.ts';
import type { Services } from './command.ts';
import type { DownloadResult } from './download.ts';
import { joinParts } from './extract.ts';
import { BUSY, inQueue } from './respond.ts';

/** Images read per message; the rest are named in a note. */
export const MAX_IMAGES = 4;

/** What the bot knows about an attachment before fetching it. */
export interface AttachmentRef {
  url: string;
  size: number;
  contentType: string | null;
  width: number | null;
  height: number | null;
  name: string | null;
}

/** The bot's OCR: the reader (started after login) and how attachment bytes are fetched. */
export interface ImageServices {
  reader: OcrReader;
  download(url: string): Promise<DownloadResult>;
}

export type ImageNoteKey = ReadProblem | 'download_failed' | 'unavailable';

export interface ImagesRead {
  /** Images that were read (whether or not they held text). */
  read: number;
  /** Text of each image that had some, in attachment order. */
  texts: string[];
  chars: number;
  /** The lowest confidence among images that gave text; null when none did. */
  confidence: number | null;
  /** OCR time of all images, queueing excluded. */
  ms: number;
  /** Why attachments were not read, in order (several the same → one note). */
  problems: ImageNoteKey[];
  /** Images beyond MAX_IMAGES, not read. */
  extra: number;
}

const IMAGE_NAME = /\.(png|jpe?g|webp|gif|bmp|tiff?|heic|heif|avif|svg)$/i;

/** An image by its declared type or, when Discord gave none, by its file name. */
export function isImageAttachment(a: AttachmentRef): boolean {
  const f = formatOfContentType(a.contentType);
  if (f === 'unknown') return IMAGE_NAME.test(a.name ?? '') || IMAGE_NAME.test(new URL(a.url, 'https://x.invalid').pathname);
  return f !== 'not_image';
}

/** What Discord tells is enough to refuse an image without fetching it. */
function refuseUnfetched(a: AttachmentRef): ImageNoteKey | null {
  if (formatOfContentType(a.contentType) === 'other_image') return 'unsupported';
  if (a.size > IMAGE_LIMITS.maxBytes) return 'too_large';
  const { width, height } = a;
  if (width && height && (width * height > IMAGE_LIMITS.maxPixels || Math.max(width, height) > IMAGE_LIMITS.maxSide)) return 'too_many_pixels';
  return null;
}

type OneImage = { ok: true; text: string; chars: number; confidence: number; ms: number } | { ok: false; problem: ImageNoteKey };

async function readBytes(bytes: Uint8Array, reader: OcrReader): Promise<OneImage> {
  const out = await reader.read(bytes);
  return out.ok ? { ok: true, ...out.result } : { ok: false, problem: out.problem };
}

async function readOne(a: AttachmentRef, images: ImageServices): Promise<OneImage> {
  const refused = refuseUnfetched(a);
  if (refused) return { ok: false, problem: refused };
  try {
    const fetched = await images.download(a.url);
    if (!fetched.ok) return { ok: false, problem: fetched.problem };
    return await readBytes(fetched.bytes, images.reader);
  } catch {
    // Both promise not to throw; should one still do so, this image is simply not read.
    return { ok: false, problem: 'failed' };
  }
}

/** Images to read among a message's attachments (the first MAX_IMAGES) and the rest. */
export function selectImages(files: readonly AttachmentRef[]): { images: AttachmentRef[]; others: number; extra: number } {
  const images = files.filter(isImageAttachment);
  return { images: images.slice(0, MAX_IMAGES), others: files.length - images.length, extra: Math.max(0, images.length - MAX_IMAGES) };
}

function collect(outcomes: readonly OneImage[], head: ImageNoteKey[], extra: number): ImagesRead {
  const result: ImagesRead = { read: 0, texts: [], chars: 0, confidence: null, ms: 0, problems: [...head], extra };
  for (const o of outcomes) {
    if (!o.ok) {
      result.problems.push(o.problem);
      continue;
    }
    result.read++;
    result.ms += o.ms;
    if (o.chars === 0) continue;
    result.texts.push(o.text);
    result.chars += o.chars;
    result.confidence = Math.min(result.confidence ?? 100, o.confidence);
  }
  return result;
}

export async function readImages(files: readonly AttachmentRef[], images: ImageServices | undefined): Promise<ImagesRead> {
  const picked = selectImages(files);
  const head: ImageNoteKey[] = picked.others > 0 ? ['not_image'] : [];
  if (!images) return collect([], picked.images.length > 0 ? [...head, 'unavailable'] : head, picked.extra);
  // Fetched side by side; the reader itself reads one image at a time, in this order.
  return collect(await Promise.all(picked.images.map((a) => readOne(a, images))), head, picked.extra);
}

/** Image files already in hand (the console's :image, the CLI's --image): no fetching. */
export async function readLocalImages(files: readonly Uint8Array[], reader: OcrReader): Promise<ImagesRead> {
  const picked = files.slice(0, MAX_IMAGES);
  return collect(await Promise.all(picked.map((b) => readBytes(b, reader))), [], files.length - picked.length);
}

/** The notes the reply carries about the images: what was read, how surely, and what was not. */
export function imageNotes(r: ImagesRead, withText: boolean): Bilingual[] {
  const notes: Bilingual[] = [];
  if (r.texts.length > 0) notes.push(imageCopy.readFrom(r.texts.length, withText));
  if (r.confidence !== null && r.confidence < LOW_CONFIDENCE) notes.push(imageCopy.lowConfidence);
  if (r.read > r.texts.length) notes.push(imageCopy.noText);
  for (const p of new Set(r.problems)) notes.push(imageCopy.problem[p]);
  if (r.extra > 0) notes.push(imageCopy.tooMany(MAX_IMAGES));
  return notes;
}

/** What reading a message's attachments costs of the per-user budget: one check per image read. */
export function imageCost(files: readonly AttachmentRef[]): number {
  return Math.max(1, selectImages(files).images.length);
}

const joinNotes = (notes: Bilingual[]): Bilingual => ({ ja: notes.map((n) => n.ja).join('\n'), en: notes.map((n) => n.en).join('\n') });

/**
 * A check whose message has attachments: budget (unless `input.admitted`: the caller charged
 * imageCost already), read the images, then the usual check on the message text and the text
 * read, together. `input.text` is the message's own text.
 */
export async function checkWithImages(input: CheckInput, files: readonly AttachmentRef[], services: Services): Promise<CheckOutcome> {
  if (!input.admitted) {
    const limited = admit(input.userId, input.source, services, imageCost(files));
    if (limited) return limited;
  }
  return finishImageCheck(input, await readImages(files, services.images), services);
}

/** The same for image files in hand (the local console). */
export async function checkLocalImages(input: CheckInput, files: readonly Uint8Array[], services: Services): Promise<CheckOutcome> {
  const limited = admit(input.userId, input.source, services, Math.max(1, Math.min(files.length, MAX_IMAGES)));
  if (limited) return limited;
  const r = services.images ? await readLocalImages(files, services.images.reader) : collect([], ['unavailable'], 0);
  return finishImageCheck(input, r, services);
}

function finishImageCheck(input: CheckInput, r: ImagesRead, services: Services): Promise<CheckOutcome> {
  services.log.info('images', {
    source: input.source,
    read: r.read,
    with_text: r.texts.length,
    chars: r.chars,
    confidence: r.confidence,
    ms: r.ms,
    not_read: r.problems.length + r.extra,
  });
  const withText = input.text.trim().length > 0;
  const notes = imageNotes(r, withText);
  return inQueue(services, () =>
    runCheck(
      {
        ...input,
        text: joinParts([input.text, ...r.texts]),
        admitted: true,
        fromImages: r.texts.length > 0,
        notes: [...(input.notes ?? []), ...notes],
        emptyNote: notes.length > 0 ? joinNotes(notes) : undefined,
        attachments: 0,
      },
      services,
    ),
    BUSY,
  );
}

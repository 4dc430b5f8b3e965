// Image bytes → message text, locally. One Tesseract worker (tesseract.js runs it on a worker
// thread, so recognition never blocks the event loop) with the Japanese LSTM model shipped in the
// @tesseract.js-data/jpn npm package: nothing is downloaded, nothing is written to disk (the model
// cache is off), and the image only ever lives in memory. Reads run one at a time in arrival order;
// a read that takes too long is abandoned and the worker replaced, so one bad image cannot wedge
// the rest. No Discord, no storage, no logging of text: callers get text and numbers back.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker as TesseractWorker } from 'tesseract.js';
import { IMAGE_LIMITS, inspectImage, type ImageInfo, type ImageLimits, type ImageProblem } from './image.ts';
import { bands, pgmOf, prepareImage, targetWidth, type Band } from './prepare.ts';
import { parseTsv, toMessageText, type OcrParagraph } from './text.ts';

export interface OcrResult {
  /** The message text for the detector ('' when the image holds no readable text). */
  text: string;
  /** Characters read (whitespace excluded). */
  chars: number;
  /** Mean word confidence of the kept text, 0–100. */
  confidence: number;
  /** Time from bytes to text, queueing excluded. */
  ms: number;
}

/** Why an image gave no text, beyond what the header already tells (ImageProblem). */
export type ReadProblem = ImageProblem | 'busy' | 'timeout' | 'failed';
export type ReadOutcome = { ok: true; result: OcrResult } | { ok: false; problem: ReadProblem };

export interface OcrLogger {
  info(event: string, fields?: Record<string, string | number | boolean | null | undefined>): void;
  warn(event: string, fields?: Record<string, string | number | boolean | null | undefined>): void;
}

export interface OcrReaderOptions {
  /** Longest a read may take (decode + recognise) per screenful of image, before the worker is replaced. */
  timeoutMs?: number;
  /** Reads waiting or running beyond which new ones are refused as `busy`. */
  maxPending?: number;
  limits?: ImageLimits;
  log?: OcrLogger;
  /** Sample image read by start() so the first real read is warm (PNG/JPEG/WebP bytes). */
  warmUpImage?: () => Promise<Uint8Array | null>;
  /** Tesseract parameters over PARAMETERS, and the width phone screenshots are brought to (bench). */
  tesseract?: Record<string, string>;
  phoneWidth?: number;
}

export interface OcrReader {
  /** Loads the model and reads the warm-up image. Idempotent; resolves when reads are warm. */
  start(): Promise<void>;
  /** True once the current worker has read an image (start() does that with the sample). */
  readonly ready: boolean;
  /** Reads waiting or running. */
  readonly pending: number;
  /** `timeoutMs` overrides the reader's limit for this read. */
  read(bytes: Uint8Array, opts?: { timeoutMs?: number }): Promise<ReadOutcome>;
  close(): Promise<void>;
}

/** Confidence under which the reply warns that the text may be misread. */
export const LOW_CONFIDENCE = 75;
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_PENDING = 8;

/** The worker thread's entry (src/ocr/worker-entry.cjs): Tesseract's script at a lower priority. */
const WORKER_PATH = fileURLToPath(new URL('./worker-entry.cjs', import.meta.url));

/** The folder of the integer LSTM model (LSTM only: 2 MB instead of the 16 MB legacy+LSTM file). */
export function japaneseModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/jpn/package.json')), '4.0.0_best_int');
}

/**
 * Page segmentation: automatic (PSM.AUTO, set below: bubbles, headers and times are separate blocks).
 * Sauvola thresholding: local, so a white bubble on a coloured background keeps its text (the
 * global Otsu threshold turns a blue or green chat background black and loses the bubble).
 * debug_file: Tesseract's own diagnostics would otherwise go to stderr among the JSON log lines.
 */
const PARAMETERS = {
  thresholding_method: '2',
  user_defined_dpi: '300',
  debug_file: '/dev/null',
};

class Timeout extends Error {
  override name = 'OcrTimeout';
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  // A read abandoned at its time limit may still fail later (its worker is gone): that is expected.
  p.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A band's lines in image coordinates, only those whose centre is in the band's own rows. */
export function keepBand(paragraphs: readonly OcrParagraph[], band: Band): OcrParagraph[] {
  const dy = band.y0;
  const shift = <T extends { y0: number; y1: number }>(b: T): T => ({ ...b, y0: b.y0 + dy, y1: b.y1 + dy });
  const out: OcrParagraph[] = [];
  for (const p of paragraphs) {
    const lines = p.lines
      .map((l) => ({ bbox: shift(l.bbox), words: l.words.map((w) => ({ ...w, bbox: shift(w.bbox) })) }))
      .filter((l) => {
        const centre = (l.bbox.y0 + l.bbox.y1) / 2;
        return centre >= band.keepFrom && centre < band.keepTo;
      });
    if (lines.length > 0) out.push({ lines, bbox: shift(p.bbox) });
  }
  return out;
}

export function createOcrReader(opts: OcrReaderOptions = {}): OcrReader {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxPending = opts.maxPending ?? DEFAULT_MAX_PENDING;
  const limits = opts.limits ?? IMAGE_LIMITS;
  let worker: Promise<TesseractWorker> | null = null;
  let started: Promise<void> | null = null;
  let warm = false;
  let closed = false;
  let pending = 0;
  let tail: Promise<unknown> = Promise.resolve();

  const spawn = (): Promise<TesseractWorker> => {
    const began = performance.now();
    const w = (async () => {
      // Loaded here, not at start-up: the bot pays for tesseract.js only once it reads images.
      const { createWorker, OEM, PSM } = await import('tesseract.js');
      const tw = await createWorker('jpn', OEM.LSTM_ONLY, {
        langPath: japaneseModelDir(),
        workerPath: WORKER_PATH,
        gzip: true,
        cacheMethod: 'none',
        // A worker that dies is replaced on the next read; its error is only counted.
        errorHandler: () => opts.log?.warn('ocr_worker_error'),
      });
      await tw.setParameters({ tessedit_pageseg_mode: PSM.AUTO, ...PARAMETERS, ...opts.tesseract });
      opts.log?.info('ocr_worker_started', { ms: Math.round(performance.now() - began) });
      return tw;
    })();
    w.catch(() => undefined);
    return w;
  };

  const replaceWorker = (): void => {
    const old = worker;
    worker = null;
    warm = false;
    void old?.then((w) => w.terminate()).catch(() => undefined);
  };

  const recognise = async (tw: TesseractWorker, current: Promise<TesseractWorker>, bytes: Uint8Array, info: ImageInfo, began: number): Promise<ReadOutcome> => {
    let prepared;
    try {
      prepared = await prepareImage(bytes, info, limits.maxPixels, opts.phoneWidth);
    } catch {
      return { ok: false, problem: 'corrupt' };
    }
    const paragraphs: OcrParagraph[] = [];
    for (const band of bands(prepared.height)) {
      // Abandoned at its time limit meanwhile: its worker has been replaced, leave it be.
      if (worker !== current) return { ok: false, problem: 'timeout' };
      const r = await tw.recognize(pgmOf(prepared, band.y0, band.y1), {}, { text: false, blocks: false, tsv: true });
      paragraphs.push(...keepBand(parseTsv(r.data.tsv ?? ''), band));
    }
    const read = toMessageText(paragraphs);
    warm = true;
    return { ok: true, result: { text: read.text, chars: read.chars, confidence: read.confidence, ms: Math.round(performance.now() - began) } };
  };

  /**
   * One read at a time, in order. Starting a worker (after a replacement) is not part of a read's
   * time limit; decoding and recognising are, and a read past its limit costs the worker, not the queue.
   */
  const enqueue = (bytes: Uint8Array, info: ImageInfo, limitMs: number): Promise<ReadOutcome> => {
    pending++;
    const job = tail.then(async (): Promise<ReadOutcome> => {
      try {
        if (closed) return { ok: false, problem: 'failed' };
        worker ??= spawn();
        const current = worker;
        const tw = await current;
        // The limit is per screenful: a long capture is read in several bands.
        const screens = bands(Math.round((info.height * targetWidth(info, opts.phoneWidth)) / info.width)).length;
        return await withTimeout(recognise(tw, current, bytes, info, performance.now()), limitMs * screens);
      } catch (err) {
        if (err instanceof Timeout) opts.log?.warn('ocr_timeout', { ms: limitMs });
        else opts.log?.warn('ocr_failed', { error: err instanceof Error ? err.name : typeof err });
        replaceWorker();
        return { ok: false, problem: err instanceof Timeout ? 'timeout' : 'failed' };
      } finally {
        pending--;
      }
    });
    tail = job;
    return job;
  };

  /** Header checks first: a refused file never waits in the queue or reaches a decoder. */
  const read = (bytes: Uint8Array, readOpts: { timeoutMs?: number } = {}): Promise<ReadOutcome> => {
    if (closed) return Promise.resolve({ ok: false, problem: 'failed' });
    const inspected = inspectImage(bytes, limits);
    if (!inspected.ok) return Promise.resolve({ ok: false, problem: inspected.problem });
    if (pending >= maxPending) return Promise.resolve({ ok: false, problem: 'busy' });
    return enqueue(bytes, inspected.info, readOpts.timeoutMs ?? timeoutMs);
  };

  return {
    start() {
      started ??= (async () => {
        const began = performance.now();
        worker ??= spawn();
        await worker;
        const sample = await opts.warmUpImage?.().catch(() => null);
        if (sample) await read(sample);
        else warm = true;
        opts.log?.info('ocr_ready', { ms: Math.round(performance.now() - began) });
      })();
      return started;
    },
    get ready() {
      return warm && worker !== null;
    },
    get pending() {
      return pending;
    },
    read,
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      warm = false;
      if (w) await w.then((x) => x.terminate()).catch(() => undefined);
    },
  };
}

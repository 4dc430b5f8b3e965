// `gaibu-guard check --image FILE [--json]` (docs/cli-contract.md): a screenshot is read locally
// (src/ocr/, the same reader the bot uses) and the text read is checked like any text. The human
// report starts with the same notes the bot adds (read from an image, possibly misread); the JSON
// Verdict adds "ocr": {"chars", "confidence", "ms"}. A file that is not a readable PNG, JPEG or
// WebP is an error (exit 2); an image without text is level none with ocr.chars 0 (exit 0).
import { readFile } from 'node:fs/promises';
import { imageNotes, type ImagesRead } from '../bot/images.ts';
import type { CheckOptions } from '../detector/types.ts';
import type { Engine } from '../engine.ts';
import { IMAGE_LIMITS, inspectImage } from '../ocr/image.ts';
import { createOcrReader, type ReadProblem } from '../ocr/reader.ts';
import { toContractJson } from '../reply/json.ts';
import { renderText } from '../reply/text.ts';
import type { CliRecorder } from './stats-hooks.ts';

/** One image from the command line may take longer than the bot allows (a slow machine, a big page). */
const CLI_TIMEOUT_MS = 60_000;

/** Why a file was not read, for the error line (the CLI's errors are English, like its usage). */
const PROBLEM: Record<ReadProblem, string> = {
  not_image: 'not an image (PNG, JPEG or WebP expected)',
  unsupported: 'this image format is not read (PNG, JPEG or WebP expected)',
  corrupt: 'the image is damaged and cannot be decoded',
  too_large: `the file is larger than ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB`,
  too_many_pixels: `the image is larger than ${IMAGE_LIMITS.maxPixels / 1e6} megapixels or ${IMAGE_LIMITS.maxSide} px on a side`,
  animated: 'animated images are not read (send a still screenshot)',
  busy: 'the image could not be read (OCR busy)',
  timeout: `the image could not be read within ${CLI_TIMEOUT_MS / 1000} s`,
  failed: 'the image could not be read (OCR failed)',
};

export interface ImageCheckOptions {
  json: boolean;
  lang: 'ja' | 'en';
  base: CheckOptions;
  recorder: CliRecorder | null;
}

/** The file is read and its header checked before the dictionary is loaded: a wrong file fails fast. */
export async function runImageCheck(file: string, makeEngine: () => Promise<Engine>, opts: ImageCheckOptions): Promise<number> {
  const fail = (msg: string): number => {
    process.stderr.write(`gaibu-guard: ${file}: ${msg}\n`);
    return 2;
  };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return fail(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const header = inspectImage(bytes);
  if (!header.ok) return fail(PROBLEM[header.problem]);
  const reader = createOcrReader();
  try {
    const [out, engine] = await Promise.all([reader.read(bytes, { timeoutMs: CLI_TIMEOUT_MS }), makeEngine()]);
    if (!out.ok) return fail(PROBLEM[out.problem]);
    const { text, chars, confidence, ms } = out.result;
    const report = engine.analyse(text, opts.base);
    if (chars > 0) opts.recorder?.record(report, text, 'cli_image');
    const ocr = { chars, confidence, ms };
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ ...toContractJson(report), ocr }, null, 2)}\n`);
    } else {
      const read: ImagesRead = { read: 1, texts: chars > 0 ? [text] : [], chars, confidence: chars > 0 ? confidence : null, ms, problems: [], extra: 0 };
      const notes = imageNotes(read, false).map((n) => `※ ${n[opts.lang]}`);
      process.stdout.write(`${[...notes, renderText(report, opts.lang)].join('\n')}\n`);
    }
    return 0;
  } finally {
    await reader.close();
  }
}

// Screenshots at every door, through the real handlers (harness.ts) and the real OCR reader: raw
// Discord JSON with attachments in, REST bodies out. Downloads are served from memory by URL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadResult } from '../../src/bot/download.ts';
import { imageNotes, MAX_IMAGES, type ImageServices, type ImagesRead } from '../../src/bot/images.ts';
import type { Engine } from '../../src/engine.ts';
import { IMAGE_LIMITS } from '../../src/ocr/image.ts';
import { createOcrReader, type OcrReader, type ReadOutcome } from '../../src/ocr/reader.ts';
import { imageCopy, noteCopy } from '../../src/reply/bot-copy.ts';
import type { RecordMeta, StatsPort } from '../../src/stats/port.ts';
import { sharedEngine } from '../helpers/engine.ts';
import { renderScreen } from '../ocr/render.ts';
import { SCREENS } from '../ocr/screens.ts';
import { createHarness, fixture, type CapturedRequest, type Harness } from './harness.ts';

type Json = Record<string, unknown>;
type Interaction = Json & { id: string; token: string; data: Json };

const CDN = 'https://cdn.discordapp.com/attachments/1300000000000000300/1300000000000000801';
const served = new Map<string, Uint8Array>();
const fetched: string[] = [];
const download = async (url: string): Promise<DownloadResult> => {
  fetched.push(url);
  const bytes = served.get(url);
  return bytes ? { ok: true, bytes } : { ok: false, problem: 'download_failed' };
};

let engine: Engine;
let reader: OcrReader;
let h: Harness;
const shot = async (id: string): Promise<Uint8Array> => {
  const spec = SCREENS.find((s) => s.id === id);
  if (!spec) throw new Error(id);
  return (await renderScreen(spec)).jpeg;
};

beforeAll(async () => {
  reader = createOcrReader();
  const [e, lineId, sticker, zoom] = await Promise.all([sharedEngine(), shot('line-id-light'), shot('line-sticker-posting'), shot('zoom-before-contract'), reader.start()]);
  engine = e;
  served.set(`${CDN}/line-id.jpg`, lineId);
  served.set(`${CDN}/sticker.jpg`, sticker);
  served.set(`${CDN}/zoom.jpg`, zoom);
  served.set('https://cdn.discordapp.com/ephemeral-attachments/1300000000000001001/1300000000000000901/screenshot.jpg', lineId);
  served.set(`${CDN}/notes.txt`, new TextEncoder().encode('詳細はLINEで'));
  served.set(`${CDN}/broken.png`, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
}, 120_000);
afterAll(async () => {
  await reader?.close();
});
afterEach(async () => {
  fetched.length = 0;
  await h?.destroy();
});

const images = (over: Partial<ImageServices> = {}): ImageServices => ({ reader, download, ...over });
const attachment = (name: string, over: Json = {}): Json => ({
  id: String(1300000000000000800n + BigInt(name.length)),
  filename: name,
  size: 70_000,
  url: `${CDN}/${name}`,
  proxy_url: `${CDN}/${name}`,
  content_type: name.endsWith('.txt') ? 'text/plain' : name.endsWith('.png') ? 'image/png' : 'image/jpeg',
  width: 1080,
  height: 1772,
  ...over,
});
const dm = (content: string, attachments: Json[]): Json & { id: string } => ({ ...fixture<Json & { id: string }>('message-dm.json'), content, attachments });
function body(req: CapturedRequest): Json & { content?: string; embeds: (Json & { title: string; description: string; fields: { name: string; value: string }[] })[] } {
  return (req.body?.['data'] ?? req.body) as never;
}
const whole = (req: CapturedRequest): string => JSON.stringify(req.body);
const statsSpy = (metas: RecordMeta[], texts: string[]): StatsPort => ({
  record: (_r, text, meta) => {
    metas.push(meta);
    texts.push(text);
    return { seenOthers: 0 };
  },
  close: () => undefined,
});

describe('screenshots in direct messages', () => {
  it('reads a DM screenshot and answers with the verdict on its text, saying it was read from the image', async () => {
    const metas: RecordMeta[] = [];
    const texts: string[] = [];
    h = await createHarness(engine, { images: images(), stats: statsSpy(metas, texts) });
    const [req] = await h.messages(dm('', [attachment('line-id.jpg')]));
    const e = body(req!).embeds[0]!;
    expect(e.title).toContain('危険');
    expect(e.description).toContain(imageCopy.readFrom(1, false).ja);
    // The phrases point at the words read from the image, with the ID masked.
    // (Markdown-escaped in the embed: sa\*\*….)
    expect(e.fields.map((f) => f.value).join('\n')).toMatch(/ID: sa(\\\*)+/);
    expect(whole(req!)).not.toContain('sakura_2024');
    expect(metas.map((m) => m.source)).toEqual(['dm_image']);
    expect(h.logs.join('\n')).not.toMatch(/sakura|詳細|LINEで/);
  }, 60_000);

  it('checks a DM’s own text and its screenshot together, as one text', async () => {
    h = await createHarness(engine, { images: images() });
    const [req] = await h.messages(dm('このメッセージ、大丈夫でしょうか？', [attachment('zoom.jpg')]));
    const e = body(req!).embeds[0]!;
    expect(e.description).toContain(imageCopy.readFrom(1, true).ja);
    expect(JSON.stringify(e)).toContain('Zoom');
  }, 60_000);

  it('reads the screenshot inside a forwarded message (snapshot attachments)', async () => {
    h = await createHarness(engine, { images: images() });
    const fwd = fixture<Json & { message_snapshots: { message: Json }[] }>('message-dm-forward.json');
    const snap = fwd.message_snapshots[0]!;
    const m = { ...fwd, message_snapshots: [{ ...snap, message: { ...snap.message, content: '', attachments: [attachment('line-id.jpg')] } }] };
    const [req] = await h.messages(m);
    expect(body(req!).embeds[0]!.title).toContain('危険');
    expect(fetched).toEqual([`${CDN}/line-id.jpg`]);
  }, 60_000);

  it('stays quiet on a screenshot of a LINE sticker job', async () => {
    h = await createHarness(engine, { images: images() });
    const [req] = await h.messages(dm('', [attachment('sticker.jpg')]));
    const title = body(req!).embeds[0]!.title;
    expect(title, title).toMatch(/^(🟢|🟡)/);
  }, 60_000);

  it('answers a corrupt, animated, oversized or non-image attachment with a clear note and records nothing', async () => {
    const metas: RecordMeta[] = [];
    h = await createHarness(engine, { images: images(), stats: statsSpy(metas, []) });
    const cases: [Json, string][] = [
      [attachment('broken.png'), imageCopy.problem.corrupt.ja],
      [attachment('notes.txt'), imageCopy.problem.not_image.ja],
      [attachment('anim.gif', { content_type: 'image/gif' }), imageCopy.problem.unsupported.ja],
      [attachment('huge.png', { size: 30 * 1024 * 1024 }), imageCopy.problem.too_large.ja],
      [attachment('tall.png', { width: 5000, height: 9000 }), imageCopy.problem.too_many_pixels.ja],
    ];
    for (const [a, note] of cases) {
      const [req] = await h.messages(dm('', [a]));
      expect(body(req!).content, String(a['filename'])).toBe(note);
    }
    // Refused from what Discord said about them: never fetched.
    expect(fetched).toEqual([`${CDN}/broken.png`]);
    expect(metas).toEqual([]);
  }, 60_000);

  it('still checks the text when its screenshot cannot be read, and says why', async () => {
    h = await createHarness(engine, { images: images() });
    const [req] = await h.messages(dm('詳細はLINEでお伝えします。ID: kenta_77 を追加してください。', [attachment('broken.png')]));
    const e = body(req!).embeds[0]!;
    expect(e.title).toContain('危険');
    expect(e.description).toContain(imageCopy.problem.corrupt.ja);
  }, 60_000);

  it('reads at most four images of a message and says the rest were not read', async () => {
    h = await createHarness(engine, { images: images(), limit: 20 });
    const five = [1, 2, 3, 4, 5].map((k) => attachment('sticker.jpg', { id: String(1300000000000000810n + BigInt(k)) }));
    const [req] = await h.messages(dm('', five));
    expect(fetched).toHaveLength(MAX_IMAGES);
    expect(body(req!).embeds[0]!.description).toContain(imageCopy.tooMany(MAX_IMAGES).ja);
  }, 120_000);

  it('charges every image against the per-user budget before reading any', async () => {
    h = await createHarness(engine, { images: images(), limit: 3 });
    const four = [1, 2, 3, 4].map((k) => attachment('zoom.jpg', { id: String(1300000000000000820n + BigInt(k)) }));
    const [req] = await h.messages(dm('', four));
    expect(body(req!).content).toMatch(/少しお休みしています/);
    expect(fetched).toEqual([]);
  }, 60_000);
});

describe('screenshots through interactions', () => {
  it('/check image: defers at once, reads the screenshot and edits the answer in', async () => {
    const metas: RecordMeta[] = [];
    h = await createHarness(engine, { images: images(), stats: statsSpy(metas, []) });
    const i = fixture<Interaction>('interaction-check-image.json');
    const reqs = await h.interaction(i);
    expect(reqs[0]).toMatchObject({ method: 'POST', path: `/interactions/${i.id}/${i.token}/callback`, body: { type: 5, data: { flags: 64 } } });
    const edit = reqs.at(-1)!;
    expect(edit.method).toBe('PATCH');
    expect(body(edit).embeds[0]!.title).toContain('危険');
    expect(body(edit).embeds[0]!.description).toContain(imageCopy.readFrom(1, false).ja);
    expect(metas.map((m) => m.source)).toEqual(['slash_image']);
  }, 60_000);

  it('the context menu reads the images of the right-clicked message', async () => {
    h = await createHarness(engine, { images: images() });
    const i = fixture<Interaction & { data: { resolved: { messages: Record<string, Json> } } }>('interaction-context-menu.json');
    const [id, target] = Object.entries(i.data.resolved.messages)[0]!;
    const withShot = { ...i, data: { ...i.data, resolved: { messages: { [id]: { ...target, content: '', attachments: [attachment('line-id.jpg')] } } } } };
    const reqs = await h.interaction(withShot);
    expect(body(reqs.at(-1)!).embeds[0]!.title).toContain('危険');
  }, 60_000);

  it('without OCR (OCR=off) the reply still says images are not read', async () => {
    h = await createHarness(engine);
    const [req] = await h.messages(dm('', [attachment('line-id.jpg')]));
    expect(body(req!).content).toBe(noteCopy.imagesNotRead.ja);
    expect(fetched).toEqual([]);
  });
});

describe('what the reply says about images', () => {
  const base: ImagesRead = { read: 1, texts: ['詳細はLINEで'], chars: 8, confidence: 90, ms: 800, problems: [], extra: 0 };
  it('warns that the text may be misread when OCR was unsure', () => {
    expect(imageNotes(base, false)).toEqual([imageCopy.readFrom(1, false)]);
    expect(imageNotes({ ...base, confidence: 52 }, false)).toEqual([imageCopy.readFrom(1, false), imageCopy.lowConfidence]);
  });
  it('says when an image held no text, once per reason otherwise', () => {
    expect(imageNotes({ ...base, texts: [], chars: 0, confidence: null }, false)).toEqual([imageCopy.noText]);
    expect(imageNotes({ ...base, problems: ['busy', 'busy', 'corrupt'] }, true)).toEqual([imageCopy.readFrom(1, true), imageCopy.problem.busy, imageCopy.problem.corrupt]);
  });
  it('names the same limits the reader applies', () => {
    expect(imageCopy.problem.too_large.ja).toContain(`${IMAGE_LIMITS.maxBytes / 1024 / 1024}MB`);
    expect(imageCopy.problem.too_large.en).toContain(`${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB`);
    expect(imageCopy.problem.too_many_pixels.ja).toContain(`${(IMAGE_LIMITS.maxPixels / 10_000).toLocaleString('en-US')}万画素`);
    expect(imageCopy.problem.too_many_pixels.en).toContain(`${IMAGE_LIMITS.maxPixels / 1_000_000} megapixels`);
    expect(imageCopy.tooMany(MAX_IMAGES).ja).toContain(`${MAX_IMAGES}枚まで`);
  });

  it('tells a busy reader apart from a broken file', async () => {
    const busy: OcrReader = { ...reader, read: async (): Promise<ReadOutcome> => ({ ok: false, problem: 'busy' }) };
    h = await createHarness(engine, { images: images({ reader: busy }) });
    const [req] = await h.messages(dm('', [attachment('line-id.jpg')]));
    expect(body(req!).content).toBe(imageCopy.problem.busy.ja);
  });
});

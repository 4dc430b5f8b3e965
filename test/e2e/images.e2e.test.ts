// End to end: screenshots. The real bot process reads images that the stand-in serves on 127.0.0.1
// (as Discord's CDN would), with the OCR worker it started after login: a DM with a screenshot, a
// /check image:, a broken file, and a text check that does not wait for an image being read.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderScreen } from '../ocr/render.ts';
import { SCREENS } from '../ocr/screens.ts';
import { callbackData, checkPatch, fixture, sendInteraction, startBot, type BotProcess, type Json } from './bot-process.ts';
import { FakeDiscord, snowflakeNow, type RecordedRequest } from './fake-discord.ts';

let discord: FakeDiscord;
let bot: BotProcess;
const shots = new Map<string, Uint8Array>();

beforeAll(async () => {
  discord = new FakeDiscord();
  await discord.start();
  const render = async (id: string) => {
    const spec = SCREENS.find((s) => s.id === id);
    if (!spec) throw new Error(id);
    shots.set(id, (await renderScreen(spec)).jpeg);
  };
  await Promise.all([render('line-id-light'), render('zoom-before-contract')]);
  bot = await startBot(discord);
}, 120_000);
afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

const isReplyTo = (id: string) => (r: RecordedRequest) =>
  r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && ((r.body as Json)['message_reference'] as Json | undefined)?.['message_id'] === id;
function dmWith(attachments: Json[], text = '', userId?: string): { id: string; reply: Promise<RecordedRequest> } {
  const m = fixture('message-dm.json');
  const id = snowflakeNow();
  m['id'] = id;
  m['content'] = text;
  m['attachments'] = attachments;
  if (userId) (m['author'] as Json)['id'] = userId;
  const reply = discord.waitForRequest(isReplyTo(id), 60_000);
  discord.dispatch('MESSAGE_CREATE', m);
  return { id, reply };
}
const embedOf = (body: Json): Json & { title: string; description: string; fields: { value: string }[] } => (body['embeds'] as never[])[0]!;

describe('screenshots, end to end', () => {
  it('answers a DM screenshot with the verdict on the text it shows, having fetched it from the CDN', async () => {
    const a = discord.serveAttachment('screenshot.jpg', shots.get('line-id-light')!, 'image/jpeg', { width: 1080, height: 1772 });
    const { reply } = dmWith([a], '', '1300000000000000501');
    const r = await reply;
    const e = embedOf(r.body as Json);
    expect(e.title).toMatch(/^🔴/);
    expect(e.description).toContain('画像から文字を読み取って判定しました');
    expect(e.fields.map((f) => f.value).join('\n')).toMatch(/ID: sa(\\\*)+/);
    expect(discord.requests.some((q) => q.method === 'GET' && q.path === new URL(String(a['url'])).pathname)).toBe(true);
    const images = await bot.waitForLog((ev) => ev['event'] === 'images' && ev['source'] === 'dm');
    expect(images).toMatchObject({ read: 1, with_text: 1 });
    expect(Number(images['ms'])).toBeGreaterThan(0);
  }, 90_000);

  it('/check image: defers at once, then edits in the verdict on the screenshot', async () => {
    const a = discord.serveAttachment('zoom.jpg', shots.get('zoom-before-contract')!, 'image/jpeg', { width: 1080, height: 1772 });
    const edit = discord.waitForRequest((r) => r.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(r.path), 60_000);
    const sent = sendInteraction(discord, 'interaction-check-image.json', (i) => {
      const d = i['data'] as Json;
      const id = String(a['id']);
      d['options'] = [{ name: 'image', type: 11, value: id }];
      d['resolved'] = { attachments: { [id]: a } };
      ((i['member'] as Json)['user'] as Json)['id'] = '1300000000000000502';
    });
    const first = await sent.callback;
    expect((first.body as Json)['type']).toBe(5);
    expect(callbackData(first)['flags']).toBe(64);
    const e = embedOf((await edit).body as Json);
    expect(e.title).toMatch(/^(🔴|🟠)/);
    expect(JSON.stringify(e)).toContain('Zoom');
  }, 90_000);

  it('keeps answering text while a screenshot is being read (OCR runs off the event loop)', async () => {
    const a = discord.serveAttachment('screenshot2.jpg', shots.get('line-id-light')!, 'image/jpeg', { width: 1080, height: 1772 });
    const image = dmWith([a], '', '1300000000000000503');
    const text = sendInteraction(discord, 'interaction-check.json', checkPatch({ text: '契約前にZoomで面談をお願いします。', userId: '1300000000000000504' }), 30_000);
    const [imageReply, textReply] = await Promise.all([image.reply, text.callback]);
    // The text check is answered outright (no deferral) and before the screenshot's answer.
    expect((textReply.body as Json)['type']).toBe(4);
    expect(textReply.answeredAt!).toBeLessThan(imageReply.at);
  }, 90_000);

  it('answers a broken or non-image attachment with a clear note, and goes on', async () => {
    const broken = discord.serveAttachment('broken.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2]), 'image/png');
    const pdf = discord.serveAttachment('terms.pdf', new TextEncoder().encode('%PDF-1.7'), 'application/pdf');
    const r1 = await dmWith([broken], '', '1300000000000000505').reply;
    expect((r1.body as Json)['content']).toContain('壊れているため');
    const r2 = await dmWith([pdf], '', '1300000000000000506').reply;
    expect((r2.body as Json)['content']).toContain('画像以外の添付ファイルは確認していません');
    const ok = await dmWith([], '詳細はLINEでお伝えします。ID: abc_123 を追加してください。', '1300000000000000507').reply;
    expect(embedOf(ok.body as Json).title).toMatch(/^🔴/);
  }, 90_000);

  it('records image checks with their door marked, and never the text read', async () => {
    // SIGTERM: the bot writes the queued statistics and closes the database (bot.stop() would
    // also remove its data folder, so it comes after the look).
    bot.child.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
    const db = new Database(join(bot.dataDir, 'gaibu-guard.db'), { readonly: true, fileMustExist: false });
    try {
      const sources = (db.prepare('SELECT source FROM checks ORDER BY id').all() as { source: number }[]).map((r) => r.source);
      // Codes are list indexes (src/stats/port.ts): slash 0, dm 2, slash_image 6, dm_image 8.
      expect(sources.filter((s) => s === 8).length).toBe(2);
      expect(sources).toContain(6);
      expect(sources).toContain(0);
    } finally {
      db.close();
    }
    expect(bot.log()).not.toMatch(/sakura|詳細は|Zoomで/);
  }, 60_000);
});

// The bot's handlers end to end inside one process: raw Discord API JSON in (fixtures), exact REST
// bodies out (captured through discord.js's `rest.makeRequest`).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { noteCopy, buttonCopy, helpCopy, embedCopy } from '../../src/reply/bot-copy.ts';
import { copy } from '../../src/reply/copy.ts';
import { buildReportReply, LEVEL_COLOUR } from '../../src/reply/embed.ts';
import { composeRefusal } from '../../src/reply/refusal.ts';
import type { Engine } from '../../src/engine.ts';
import { createEngine } from '../../src/engine.ts';
import type { RecordMeta, StatsPort } from '../../src/stats/port.ts';
import type { Report } from '../../src/reply/report.ts';
import type { Category } from '../../src/detector/types.ts';
import { COMMENT_WINDOW_MS } from '../../src/bot/dm.ts';
import { createHarness, fixture, FIXTURE_TIME, type CapturedRequest, type Harness } from './harness.ts';

type Json = Record<string, unknown>;
type Interaction = Json & { id: string; token: string; locale: string; data: Json };

let engine: Engine;
let h: Harness;
beforeAll(async () => {
  engine = await createEngine();
});
afterEach(async () => {
  await h?.destroy();
});

const SCAM = '応募ありがとうございます。詳細はLINEでお伝えしますので、ID: sakura22 を追加してください。本日中にお願いします。';
const PAY = 'いつもありがとうございます。手数料がもったいないので、次回から直接振込でお支払いしますね。口座番号を教えてください。';
const CALL = '契約前にZoomで面談させてください。明日の20時はいかがでしょうか。';
const DM_CHANNEL = '1300000000000000300';

/** What discord.js sends for an ephemeral interaction reply. */
function ephemeralCallback(data: Json): Json {
  return { type: 4, data: { tts: false, enforce_nonce: false, allowed_mentions: { parse: [], replied_user: false }, flags: 64, ...data } };
}
/** What discord.js sends for message.reply() in a DM. */
function dmReply(messageId: string, data: Json): Json {
  return {
    tts: false,
    enforce_nonce: false,
    allowed_mentions: { parse: [], replied_user: false },
    message_reference: { message_id: messageId, fail_if_not_exists: true },
    ...data,
  };
}
function only(reqs: CapturedRequest[]): CapturedRequest {
  expect(reqs).toHaveLength(1);
  return reqs[0]!;
}
function callbackPath(i: Interaction): string {
  return `/interactions/${i.id}/${i.token}/callback`;
}
function embedOf(req: CapturedRequest): Json & { title: string; description: string; color: number; fields: { name: string; value: string }[] } {
  const data = (req.body?.['data'] ?? req.body) as { embeds: never[] };
  return data.embeds[0]!;
}
function customIds(req: CapturedRequest): string[] {
  const data = (req.body?.['data'] ?? req.body) as { components: { components: { custom_id: string }[] }[] };
  return data.components.flatMap((r) => r.components.map((c) => c.custom_id));
}
function hasCategory(embed: { fields: { name: string }[] }, category: Category): boolean {
  return embed.fields.some((f) => f.name.endsWith(`. ${copy.categoryLabel[category].ja}`));
}
function withText(i: Interaction, text: string): Interaction {
  const copy = structuredClone(i);
  (copy.data['options'] as Json[])[0]!['value'] = text;
  return copy;
}
function withId(i: Interaction, n: number): Interaction {
  // Same instant (the snowflake's timestamp bits), a different increment.
  return { ...structuredClone(i), id: String(BigInt(i.id) + BigInt(n)), token: `${i.token}-${n}` };
}
function expected(report: Report, locale: 'ja' | 'en' = 'ja', extras: Parameters<typeof buildReportReply>[2] = {}): Json {
  return { ...buildReportReply(report, locale, { notes: [], seenOthers: null, ...extras }) };
}

describe('/check', () => {
  it('answers privately with an embed coloured by level and the three buttons', async () => {
    h = await createHarness(engine);
    const i = fixture<Interaction>('interaction-check.json');
    const req = only(await h.interaction(i));
    expect(req.method).toBe('POST');
    expect(req.path).toBe(callbackPath(i));
    const report = engine.analyse(SCAM, { platform: 'crowdworks' });
    expect(req.body).toEqual(ephemeralCallback(expected(report)));

    const embed = embedOf(req);
    expect(embed.color).toBe(LEVEL_COLOUR.high);
    expect(embed.title).toBe(`🔴 危険 — ${copy.levelHeadline.high.ja}`);
    expect(hasCategory(embed, 'off_platform_contact')).toBe(true);
    // Contact details are masked in the findings; the handle never comes back.
    expect(JSON.stringify(embed)).not.toContain('sakura22');
    expect(embed.fields.map((f) => f.name)).toContain(embedCopy.route('crowdworks', 'before_contract').ja);
    expect(embed.footer).toEqual({ text: copy.disclaimer.ja });
    expect(customIds(req)).toEqual([`gg:v2:refusal:crowdworks:${report.refusalParts.join('.')}:ja`, `gg:v2:report:crowdworks:${report.reportCategory}:ja`, 'gg:v2:replied:ja']);
  });

  it('answers in English when the user’s Discord is set to English', async () => {
    h = await createHarness(engine);
    const i = { ...fixture<Interaction>('interaction-check.json'), locale: 'en-GB' };
    const req = only(await h.interaction(i));
    expect(req.body).toEqual(ephemeralCallback(expected(engine.analyse(SCAM, { platform: 'crowdworks' }), 'en')));
    expect(embedOf(req).title).toBe(`🔴 Danger — ${copy.levelHeadline.high.en}`);
    expect(customIds(req)[0]).toMatch(/^gg:v2:refusal:crowdworks:[a-z_.]+:en$/);
  });

  it('uses the platform and stage the user chose', async () => {
    h = await createHarness(engine);
    const i = fixture<Interaction>('interaction-check.json');
    (i.data['options'] as Json[]).splice(1, 1, { name: 'platform', type: 3, value: 'coconala' }, { name: 'stage', type: 3, value: 'after_escrow' });
    const req = only(await h.interaction(i));
    expect(req.body).toEqual(ephemeralCallback(expected(engine.analyse(SCAM, { platform: 'coconala', stage: 'after_escrow' }))));
    expect(embedOf(req).description).toContain('サービス＝ココナラ（指定どおり）、段階＝仮払い後（指定どおり）');
  });

  it('defers a very long text and then edits the deferred private reply', async () => {
    h = await createHarness(engine);
    const long = `${SCAM}\n${'業務内容の詳細です。'.repeat(300)}`;
    const i = withText(fixture<Interaction>('interaction-check.json'), long);
    const [defer, edit, ...rest] = await h.interaction(i);
    expect(rest).toEqual([]);
    expect(defer).toMatchObject({ method: 'POST', path: callbackPath(i), body: { type: 5, data: { flags: 64 } } });
    expect(edit!.method).toBe('PATCH');
    expect(edit!.path).toBe(`/webhooks/1300000000000000001/${i.token}/messages/%40original`);
    const want = expected(engine.analyse(long, { platform: 'crowdworks' }));
    expect(edit!.body).toMatchObject(want);
  });

  it('defers when the interaction reached the bot late', async () => {
    h = await createHarness(engine, { clockOffsetMs: 2000 });
    const [defer, edit] = await h.interaction(fixture<Interaction>('interaction-check.json'));
    expect(defer!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit!.method).toBe('PATCH');
  });

  it('records the check anonymously and shows how often five or more others checked the same text', async () => {
    const calls: { text: string; meta: RecordMeta }[] = [];
    const seen = [7, 4];
    const stats: StatsPort = {
      record: (_r, text, meta) => {
        calls.push({ text, meta });
        return { seenOthers: seen[calls.length - 1] ?? 0 };
      },
      close: () => undefined,
    };
    h = await createHarness(engine, { stats });
    const i = fixture<Interaction>('interaction-check.json');
    const first = only(await h.interaction(i));
    // The fixture's member uses the bot through their own account (user install): the server is
    // not recorded, since it never added the bot and could not opt out.
    expect(calls[0]).toEqual({
      text: SCAM,
      meta: { source: 'slash', guildId: null, userId: '1300000000000000042', at: new Date(FIXTURE_TIME + 200) },
    });
    expect(embedOf(first).description).toContain('この文面（または似た文面）は直近30日にほかに 7 件チェックされています');
    expect(first.body).toEqual(ephemeralCallback(expected(engine.analyse(SCAM, { platform: 'crowdworks' }), 'ja', { seenOthers: 7 })));
    // Four others are too few to say (a couple of extra accounts must not be able to tell).
    const second = only(await h.interaction(withId(i, 1)));
    expect(embedOf(second).description).not.toContain('直近30日');
  });

  it('asks the user to wait after 10 checks in a minute, and counts per user', async () => {
    h = await createHarness(engine);
    const i = fixture<Interaction>('interaction-check.json');
    for (let n = 1; n <= 10; n++) expect(embedOf(only(await h.interaction(withId(i, n)))).color).toBe(LEVEL_COLOUR.high);
    const limited = only(await h.interaction(withId(i, 11)));
    expect(limited.body).toEqual(ephemeralCallback({ content: noteCopy.rateLimited(60)[('ja')], embeds: [], components: [] }));
    // Another member is not affected.
    const other = withId(i, 12);
    (other['member'] as { user: Json }).user['id'] = '1300000000000000043';
    expect(embedOf(only(await h.interaction(other))).color).toBe(LEVEL_COLOUR.high);
    // A minute later the first member can check again.
    h.setClock(FIXTURE_TIME + 61_000);
    const later = { ...withId(i, 13), id: String(BigInt(i.id) + (61_000n << 22n)) };
    expect(embedOf(only(await h.interaction(later))).color).toBe(LEVEL_COLOUR.high);
  });

  it('apologises privately and logs the failure without the message text', async () => {
    const broken: Engine = { ...engine, analyse: () => { throw new TypeError(`cannot analyse ${SCAM}`); } };
    h = await createHarness(broken);
    const i = fixture<Interaction>('interaction-check.json');
    const req = only(await h.interaction(i));
    expect(req.body).toEqual(ephemeralCallback({ content: noteCopy.apology.ja }));
    const logs = h.logs.join('');
    expect(logs).toContain('"event":"handler_failed"');
    expect(logs).toContain('"handler":"check"');
    expect(logs).toContain('"error":"TypeError"');
    expect(logs).not.toContain('LINE');
    expect(logs).not.toContain('sakura');
    // The bot is still up: the next interaction is handled.
    const help = { ...withId(i, 1), data: { id: '1300000000000001003', name: 'help', type: 1 } };
    expect(only(await h.interaction(help)).body).toEqual(ephemeralCallback({ content: helpCopy.ja }));
  });
});

describe('message context menu 「外部誘導チェック」', () => {
  it('checks the right-clicked message and answers privately', async () => {
    h = await createHarness(engine);
    const i = fixture<Interaction>('interaction-context-menu.json');
    const req = only(await h.interaction(i));
    expect(req.path).toBe(callbackPath(i));
    const report = engine.analyse(PAY);
    expect(req.body).toEqual(ephemeralCallback(expected(report)));
    expect(hasCategory(embedOf(req), 'direct_deal')).toBe(true);
    expect(customIds(req)[0]).toBe(`gg:v2:refusal:crowdworks:${report.refusalParts.join('.')}:ja`);
  });

  it('checks the forwarded text when the right-clicked message is a forward', async () => {
    h = await createHarness(engine);
    const req = only(await h.interaction(fixture<Interaction>('interaction-context-menu-forwarded.json')));
    expect(req.body).toEqual(ephemeralCallback(expected(engine.analyse(CALL))));
    expect(hasCategory(embedOf(req), 'pre_contract_call')).toBe(true);
  });
});

describe('direct messages', () => {
  it('answers a pasted DM with a reply to that message', async () => {
    h = await createHarness(engine);
    const m = fixture<Json & { id: string }>('message-dm.json');
    const req = only(await h.messages(m));
    expect(req.method).toBe('POST');
    expect(req.path).toBe(`/channels/${DM_CHANNEL}/messages`);
    expect(req.body).toEqual(dmReply(m.id, expected(engine.analyse(SCAM))));
  });

  it('answers a forwarded DM (empty content) on the text of its snapshot', async () => {
    const sources: string[] = [];
    const stats: StatsPort = { record: (_r, _t, meta) => (sources.push(meta.source), { seenOthers: 0 }), close: () => undefined };
    h = await createHarness(engine, { stats });
    const m = fixture<Json & { id: string }>('message-dm-forward.json');
    const req = only(await h.messages(m));
    expect(req.body).toEqual(dmReply(m.id, expected(engine.analyse(PAY))));
    expect(sources).toEqual(['forward']);
  });

  it('answers several forwards in a row, each as a reply to its own message', async () => {
    h = await createHarness(engine);
    const a = fixture<Json & { id: string }>('message-dm-forward.json');
    const [b] = fixture<(Json & { id: string })[]>('message-dm-forward-then-comment.json');
    const c = fixture<Json & { id: string }>('message-dm-forward-with-comment.json');
    const reqs = await h.messages(a, b!, c);
    expect(reqs.map((r) => (r.body?.['message_reference'] as Json)['message_id'])).toEqual([a.id, b!.id, c.id]);
    expect(reqs.map((r) => embedOf(r).fields[0]!.name)).toEqual(
      [PAY, SCAM, CALL].map((t) => `1. ${copy.categoryLabel[engine.analyse(t).verdict.findings[0]!.category].ja}`),
    );
    expect([hasCategory(embedOf(reqs[0]!), 'direct_deal'), hasCategory(embedOf(reqs[1]!), 'off_platform_contact'), hasCategory(embedOf(reqs[2]!), 'pre_contract_call')]).toEqual([true, true, true]);
  });

  it('takes a harmless message sent right after a forward as the user’s comment and says it was not checked', async () => {
    h = await createHarness(engine);
    const [forward, comment] = fixture<(Json & { id: string })[]>('message-dm-forward-then-comment.json');
    const [first, second] = await h.messages(forward!, comment!);
    expect(first!.body).toEqual(dmReply(forward!.id, expected(engine.analyse(SCAM))));
    expect(second!.body).toEqual(dmReply(comment!.id, { content: noteCopy.commentAfterForward.ja }));
  });

  it('still checks a risky message sent right after a forward', async () => {
    h = await createHarness(engine);
    const [forward, comment] = fixture<(Json & { content: string })[]>('message-dm-forward-then-comment.json');
    comment!.content = PAY;
    const [, second] = await h.messages(forward!, comment!);
    expect(embedOf(second!).color).toBe(LEVEL_COLOUR.high);
  });

  it('treats a message long after a forward as a new text to check', async () => {
    h = await createHarness(engine);
    const [forward, comment] = fixture<Json[]>('message-dm-forward-then-comment.json');
    await h.messages(forward!);
    h.setClock(FIXTURE_TIME + 200 + COMMENT_WINDOW_MS + 1);
    const req = only(await h.messages(comment!));
    expect(embedOf(req).color).toBe(LEVEL_COLOUR.none);
    expect(req.body?.['components']).toEqual([]);
  });

  it('leaves the comment carried by a forward out of the check and says so', async () => {
    h = await createHarness(engine);
    const m = fixture<Json & { id: string }>('message-dm-forward-with-comment.json');
    const req = only(await h.messages(m));
    expect(req.body).toEqual(dmReply(m.id, expected(engine.analyse(CALL), 'ja', { notes: [noteCopy.commentNotChecked] })));
    expect(embedOf(req).description.startsWith(`※ ${noteCopy.commentNotChecked.ja}`)).toBe(true);
  });

  it('tells the user that images are not read yet when a DM has only an attachment', async () => {
    h = await createHarness(engine);
    const m = fixture<Json & { id: string }>('message-dm-attachment.json');
    const req = only(await h.messages(m));
    expect(req.body).toEqual(dmReply(m.id, { content: noteCopy.imagesNotRead.ja, embeds: [], components: [] }));
  });

  it('notes that attachments were not read when a DM has text and an image', async () => {
    h = await createHarness(engine);
    const m = { ...fixture<Json>('message-dm.json'), attachments: fixture<Json & { attachments: unknown[] }>('message-dm-attachment.json').attachments };
    const req = only(await h.messages(m));
    expect(embedOf(req).description).toContain(noteCopy.imagesIgnored.ja);
  });

  it('sends one rate-limit notice per minute in a DM, not one per message', async () => {
    h = await createHarness(engine, { limit: 2 });
    const m = fixture<Json & { id: string }>('message-dm.json');
    const ids = [1, 2, 3, 4].map((n) => String(BigInt(m.id) + BigInt(n)));
    const reqs = await h.messages(...ids.map((id) => ({ ...m, id })));
    expect(reqs).toHaveLength(3);
    expect(reqs[2]!.body).toEqual(dmReply(ids[2]!, { content: noteCopy.rateLimited(60).ja, embeds: [], components: [] }));
  });

  it('ignores messages from bots and messages in servers', async () => {
    h = await createHarness(engine);
    const m = fixture<Json & { author: Json }>('message-dm.json');
    const fromBot = { ...m, author: { ...m.author, bot: true } };
    const inGuild = { ...m, guild_id: '1300000000000000100', channel_type: 0, channel_id: '1300000000000000200' };
    expect(await h.messages(fromBot, inGuild)).toEqual([]);
  });

  it('apologises in the DM and keeps running when a check fails', async () => {
    const broken: Engine = { ...engine, analyse: () => { throw new RangeError('boom'); } };
    h = await createHarness(broken);
    const m = fixture<Json & { id: string }>('message-dm.json');
    const req = only(await h.messages(m));
    expect(req.body).toEqual(dmReply(m.id, { content: noteCopy.apology.ja }));
    expect(h.logs.join('')).toContain('"handler":"dm"');
  });
});

describe('report buttons', () => {
  const click = (customId: string, locale = 'ja'): Interaction => {
    const i = fixture<Interaction>('interaction-button-refusal.json');
    return { ...i, locale, data: { ...i.data, custom_id: customId } };
  };

  it('sends the refusal alone as a plain private message, easy to copy', async () => {
    h = await createHarness(engine);
    const i = fixture<Interaction>('interaction-button-refusal.json');
    const req = only(await h.interaction(i));
    expect(req.path).toBe(callbackPath(i));
    // The fixture carries a first-format id (gg:v1:refusal:contact_tool:…): old replies keep working.
    expect(req.body).toEqual(ephemeralCallback({ content: composeRefusal(['contact'], 'crowdworks')!.ja }));
  });

  it('shows the platform’s report and block steps', async () => {
    h = await createHarness(engine);
    const req = only(await h.interaction(click('gg:v1:report:lancers:ja')));
    const content = (req.body?.['data'] as Json)['content'] as string;
    expect(content.split('\n')[0]).toBe(`**${buttonCopy.reportTitle('lancers').ja}**`);
    expect(content).toContain(`1. ${copy.reportSteps('lancers', null)[0]!.ja}`);
    expect((req.body?.['data'] as Json)['flags']).toBe(64);
  });

  it('explains what to do after already replying, in the language of the reply', async () => {
    h = await createHarness(engine);
    const req = only(await h.interaction(click('gg:v1:replied:en', 'ja')));
    const content = (req.body?.['data'] as Json)['content'] as string;
    expect(content).toContain(copy.alreadyReplied[0]!.en);
    expect(content).toContain('188');
    expect(content).toContain('#9110');
  });

  it('keeps working after a restart: a fresh bot answers the buttons of an earlier reply', async () => {
    h = await createHarness(engine);
    const ids = customIds(only(await h.interaction(fixture<Interaction>('interaction-check.json'))));
    await h.destroy();
    h = await createHarness(engine); // nothing shared with the first bot
    const answers = [];
    for (const id of ids) answers.push(((only(await h.interaction(click(id))).body?.['data'] as Json)['content']) as string);
    const report = engine.analyse(SCAM, { platform: 'crowdworks' });
    expect(answers[0]).toBe(report.refusal!.ja);
    expect(answers[1]).toContain(copy.reportSteps('crowdworks', report.reportCategory)[1]!.ja);
    expect(answers[2]).toContain(copy.alreadyReplied[0]!.ja);
  });

  it('answers an outdated or malformed button kindly', async () => {
    h = await createHarness(engine);
    const req = only(await h.interaction(click('gg:v0:refusal:whatever')));
    expect(req.body).toEqual(ephemeralCallback({ content: buttonCopy.stale.ja }));
  });
});

describe('/help', () => {
  it('explains privately how to use the bot, in the user’s language', async () => {
    h = await createHarness(engine);
    const i = fixture<Interaction>('interaction-check.json');
    const help = { ...i, locale: 'en-US', data: { id: '1300000000000001003', name: 'help', type: 1 } };
    const req = only(await h.interaction(help));
    expect(req.body).toEqual(ephemeralCallback({ content: helpCopy.en }));
  });

  it('answers a command it does not know instead of timing out', async () => {
    h = await createHarness(engine);
    const i = fixture<Interaction>('interaction-check.json');
    const req = only(await h.interaction({ ...i, data: { id: '1', name: 'retired', type: 1 } }));
    expect(req.body).toEqual(ephemeralCallback({ content: noteCopy.unknownCommand.ja }));
  });
});

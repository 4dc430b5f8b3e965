import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_IDS, PLATFORMS, STAGES, type Finding, type Level, type Verdict } from '../../src/detector/types.ts';
import { createEngine, type Engine } from '../../src/engine.ts';
import { embedCopy, noteCopy } from '../../src/reply/bot-copy.ts';
import { copy } from '../../src/reply/copy.ts';
import { decodeButton } from '../../src/reply/custom-id.ts';
import {
  alreadyRepliedText,
  buildReportReply,
  clip,
  EMBED_LIMITS,
  escapeInline,
  LEVEL_COLOUR,
  LEVEL_MARK,
  refusalText,
  reportStepsText,
} from '../../src/reply/embed.ts';
import { composeReport } from '../../src/reply/report.ts';
import { composeRefusal } from '../../src/reply/refusal.ts';
import type { APIEmbed } from 'discord.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});

function verdict(level: Level, findings: Finding[] = [], extra: Partial<Verdict> = {}): Verdict {
  return {
    level,
    score: level === 'none' ? 0 : 6,
    categories: [...new Set(findings.map((f) => f.category))],
    findings,
    mitigations: [],
    tools: [],
    platform: 'crowdworks',
    platformSource: 'default',
    stage: 'before_contract',
    stageSource: 'inferred',
    kind: 'message',
    officialRoute: false,
    truncated: false,
    analysedChars: 100,
    inputChars: 100,
    ...extra,
  };
}

function finding(k: number, phraseLen = 60, explanationLen = 80): Finding {
  return {
    rule: `rule.${k}`,
    category: CATEGORY_IDS[k % CATEGORY_IDS.length]!,
    weight: 5,
    span: { start: 0, end: phraseLen },
    phrase: 'あ'.repeat(phraseLen),
    description: `説明${k}`,
    explanation: 'い'.repeat(explanationLen),
  };
}

function assertWithinLimits(e: APIEmbed): void {
  expect(e.title!.length).toBeLessThanOrEqual(EMBED_LIMITS.title);
  expect(e.description!.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
  expect(e.fields!.length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
  for (const f of e.fields!) {
    expect(f.name.length).toBeGreaterThan(0);
    expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
  }
  expect(e.footer!.text.length).toBeLessThanOrEqual(EMBED_LIMITS.footer);
  const total = e.title!.length + e.description!.length + e.footer!.text.length + e.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
  expect(total).toBeLessThanOrEqual(EMBED_LIMITS.total);
}

describe('report embed', () => {
  it('is coloured by level, with the level named once and its one-line headline as its title', () => {
    for (const level of ['high', 'medium', 'low', 'none'] as const) {
      const fs = level === 'none' ? [] : [finding(0)];
      const [e] = buildReportReply(composeReport(verdict(level, fs)), 'ja').embeds;
      expect(e!.color).toBe(LEVEL_COLOUR[level]);
      expect(e!.title).toBe(`${LEVEL_MARK[level]} ${copy.levelLabel[level].ja} — ${copy.levelHeadline[level].ja}`);
      expect(e!.title!.split(copy.levelLabel[level].ja)).toHaveLength(2);
    }
    expect(new Set(Object.values(LEVEL_COLOUR)).size).toBe(4);
  });

  it('shows each finding with its category, the masked phrase and a plain explanation', () => {
    const report = engine.analyse('詳細はLINEで。ID: sakura22 まで連絡ください');
    const [e] = buildReportReply(report, 'ja').embeds;
    expect(report.verdict.findings.length).toBeGreaterThan(0);
    report.verdict.findings.forEach((f, k) => {
      expect(e!.fields![k]).toEqual({ name: `${k + 1}. ${copy.categoryLabel[f.category].ja}`, value: `「${escapeInline(f.phrase)}」\n${report.explanations[k]!.ja}` });
    });
    const text = JSON.stringify(e);
    expect(text).toContain('ID: sa');
    expect(text).not.toContain('sakura22');
  });

  it('says what is allowed instead on this platform at this stage, and that a level is not a guarantee', () => {
    for (const platform of PLATFORMS) {
      for (const stage of STAGES) {
        const report = composeReport(verdict('medium', [finding(1)], { platform, stage }));
        const [e] = buildReportReply(report, 'ja').embeds;
        expect(e!.fields).toContainEqual({ name: embedCopy.route(platform, stage).ja, value: copy.route(platform, stage).ja });
        expect(e!.footer!.text).toBe(copy.disclaimer.ja);
      }
    }
  });

  it('stays inside every Discord embed limit with a huge input', () => {
    const huge = composeReport(
      verdict('high', Array.from({ length: 200 }, (_, k) => finding(k, 3000, 5000)), { truncated: true, analysedChars: 8000, inputChars: 500_000 }),
    );
    const notes = Array.from({ length: 20 }, () => ({ ja: 'ノート'.repeat(300), en: 'note '.repeat(300) }));
    for (const locale of ['ja', 'en'] as const) {
      const { embeds } = buildReportReply(huge, locale, { notes, seenOthers: 12 });
      expect(embeds).toHaveLength(1);
      assertWithinLimits(embeds[0]!);
      expect(JSON.stringify(embeds[0])).toContain(embedCopy.why[locale]);
    }
  });

  it('stays inside the limits for a real 100 000-character message, and says which parts were read', () => {
    const line = '応募ありがとうございます。詳細はLINEで！ID: sakura22、本日中に追加してください。手数料がもったいないので直接振込で。研修費3万円が必要です。\n';
    const report = engine.analyse(line.repeat(Math.ceil(100_000 / line.length)));
    const [e] = buildReportReply(report, 'ja').embeds;
    assertWithinLimits(e!);
    expect(e!.description).toContain(report.notes[0]!.ja);
    expect(report.notes[0]!.ja).toContain('最初の6,000文字と最後の2,000文字');
  });

  it('adds the community line only when at least two others checked a similar text', () => {
    const report = composeReport(verdict('high', [finding(0)]));
    const line = embedCopy.seenOthers(2).ja;
    expect(buildReportReply(report, 'ja', { seenOthers: 2 }).embeds[0]!.description).toContain(line);
    expect(line).toBe('この文面（または似た文面）は直近30日にほかに 2 件チェックされています');
    expect(buildReportReply(report, 'ja', { seenOthers: 1 }).embeds[0]!.description).not.toContain('直近30日');
    expect(buildReportReply(report, 'ja', { seenOthers: null }).embeds[0]!.description).not.toContain('直近30日');
  });

  it('puts door notes first', () => {
    const report = composeReport(verdict('high', [finding(0)]));
    const d = buildReportReply(report, 'en', { notes: [noteCopy.commentNotChecked] }).embeds[0]!.description!;
    expect(d.startsWith(`※ ${noteCopy.commentNotChecked.en}`)).toBe(true);
  });

  it('keeps user text from restyling the reply', () => {
    const f = { ...finding(0), phrase: '**太字**と`コード`と||ネタバレ||' };
    const [e] = buildReportReply(composeReport(verdict('high', [f])), 'ja').embeds;
    expect(e!.fields![0]!.value).toContain('\\*\\*太字\\*\\*と\\`コード\\`と\\|\\|ネタバレ\\|\\|');
  });
});

describe('report buttons', () => {
  it('offers the refusal, the report steps and the already-replied steps, carrying only state', () => {
    const report = engine.analyse('詳細はLINEで。ID: sakura22 まで連絡ください', { platform: 'lancers' });
    const { components } = buildReportReply(report, 'en');
    const buttons = components[0]!.components;
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual(['Show the reply', 'How to report', 'If you already replied']);
    for (const b of buttons) {
      const id = 'custom_id' in b ? b.custom_id : '';
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeButton(id)).not.toBeNull();
      expect(id).toMatch(/^gg:v2:[a-z_:.-]+$/); // state only: no user text can hide in here
    }
    expect(decodeButton(('custom_id' in buttons[0]! && buttons[0].custom_id) || '')).toEqual({
      action: 'refusal',
      parts: report.refusalParts,
      platform: 'lancers',
      locale: 'en',
    });
    expect(decodeButton(('custom_id' in buttons[1]! && buttons[1].custom_id) || '')).toEqual({ action: 'report', platform: 'lancers', category: report.reportCategory, locale: 'en' });
  });

  it('offers no buttons when nothing was found', () => {
    expect(buildReportReply(composeReport(verdict('none')), 'ja').components).toEqual([]);
  });

  it('answers with plain texts: the refusal alone, numbered report steps, numbered after-reply steps', () => {
    expect(refusalText(['fees'], 'coconala', 'ja')).toBe(composeRefusal(['fees'], 'coconala')!.ja);
    const steps = reportStepsText('crowdworks', 'upfront_payment', 'ja').split('\n');
    expect(steps.slice(1)).toEqual(copy.reportSteps('crowdworks', 'upfront_payment').map((s, k) => `${k + 1}. ${s.ja}`));
    expect(alreadyRepliedText('en').split('\n')).toHaveLength(copy.alreadyReplied.length + 1);
    for (const t of [reportStepsText('other', null, 'en'), alreadyRepliedText('ja')]) expect(t.length).toBeLessThanOrEqual(EMBED_LIMITS.content);
  });
});

describe('clip', () => {
  it('cuts to the limit without splitting a surrogate pair', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcdef', 4)).toBe('abc…');
    const emoji = '😀'.repeat(10);
    const cut = clip(emoji, 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('😀😀…');
  });
});

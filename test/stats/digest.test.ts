// The weekly digest for a seeded week: numbers, Japanese text and the SVG chart (snapshots), the
// PNG rendering, and the wording rules (typical phrasing only from the rules' own words).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestChartSvg, japaneseFontFiles, renderChartPng } from '../../src/stats/chart.ts';
import { buildDigest, foldRanked, renderDigestText, textBar, type DigestData, type RuleInfo } from '../../src/stats/digest.ts';
import type { CommunityStats } from '../../src/stats/store.ts';
import { isoWeekStartHour, HOUR_MS, WEEK_HOURS, type WeekRelation } from '../../src/stats/time.ts';
import { composeDigest, weekDigestData } from '../../src/stats/weekly.ts';
import { CALL, DIRECT, FEES, fakeReport, LINE, PERSONAL, tempDb, TELEGRAM, testRules, type FakeFinding, type TempDb } from './helpers.ts';
import type { Tool } from '../../src/detector/types.ts';

const WEEK = '2026-W47';
/** Fixed descriptions, so the snapshots do not move when rule wording is tuned. */
const RULE_INFO = new Map<string, RuleInfo>([
  [LINE.rule, { category: LINE.category, description: 'LINEでのやり取りへの誘導', example: 'まずはLINEで連絡ください' }],
  [TELEGRAM.rule, { category: TELEGRAM.category, description: 'Telegram などのメッセンジャーへの誘導', example: 'テレグラムで連絡ください' }],
  [PERSONAL.rule, { category: PERSONAL.category, description: '個人情報の提出依頼', example: null }],
  [FEES.rule, { category: FEES.category, description: '研修費・登録料などの支払い要求', example: '研修費として3万円をお支払いください' }],
  [CALL.rule, { category: CALL.category, description: '契約前の通話・ビデオ面談の依頼', example: 'Zoomで面談しましょう' }],
  [DIRECT.rule, { category: DIRECT.category, description: 'プラットフォームを通さない直接契約の提案', example: null }],
]);

let db: TempDb;
let stats: CommunityStats;

/** Texts that share no fingerprint: 24 pseudo-random letters each (digits would collapse). */
function distinctText(week: string, i: number): string {
  let x = (i + 1) * 2654435761 + week.length * 40503;
  let out = '';
  for (let k = 0; k < 24; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode(97 + ((x >>> 16) % 26));
  }
  return out;
}

function seed(week: string, plan: [FakeFinding[], Tool[], number][], guildId: string): void {
  const start = isoWeekStartHour(week);
  let i = 0;
  for (const [findings, tools, times] of plan) {
    for (let k = 0; k < times; k++) {
      stats.record(fakeReport({ findings, tools }), distinctText(week, i), {
        source: 'slash',
        guildId,
        userId: `user-${i}`,
        at: new Date((start + (i * 7) % WEEK_HOURS) * HOUR_MS + 60_000),
      });
      i++;
    }
  }
}

beforeAll(() => {
  db = tempDb();
  stats = db.open();
  // The week before: LINE 8, personal info 4, fees 2 (folded), calls 3 (Zoom).
  seed('2026-W46', [[[LINE], ['line'], 8], [[PERSONAL], [], 4], [[FEES], [], 2], [[CALL], ['zoom'], 3]], 'guild-a');
  // The week: LINE 12, Telegram 0 → 5, personal info 6, fees 1 and direct deal 2 (folded), calls 3,
  // nothing found 4; one other server adds 2 LINE checks.
  seed(WEEK, [[[LINE], ['line'], 12], [[TELEGRAM], ['telegram'], 5], [[PERSONAL], [], 6], [[FEES], [], 1], [[DIRECT], [], 2], [[CALL], ['zoom'], 3], [[], [], 4]], 'guild-a');
  seed(WEEK, [[[LINE], ['line'], 2]], 'guild-b');
});
afterAll(() => {
  stats.close();
  db.cleanup();
});

/** The seeded week's digest, as posted on the Monday after it (先週) unless said otherwise. */
function seededDigest(guildKey: string | null = null, opts: { relative?: WeekRelation; serverName?: string } = {}): DigestData {
  const start = isoWeekStartHour(WEEK);
  return buildDigest({
    week: WEEK,
    previousWeek: '2026-W46',
    scope: guildKey === null ? 'all' : 'server',
    current: stats.counts(guildKey, start, start + WEEK_HOURS),
    previous: stats.counts(guildKey, start - WEEK_HOURS, start),
    rules: RULE_INFO,
    relative: opts.relative ?? 'last',
    serverName: opts.serverName ?? null,
  });
}

describe('digest numbers', () => {
  it('totals the week and the week before', () => {
    const d = seededDigest();
    expect([d.total, d.prevTotal]).toEqual([35, 17]);
    expect(d.range).toBe('11/16（月）〜11/22（日）');
  });

  it('ranks categories and folds those under 3 checks into 「その他（少数）」', () => {
    const d = seededDigest();
    expect(d.categories.map((c) => [c.id, c.n])).toEqual([
      ['off_platform_contact', 19],
      ['personal_info', 6],
      ['pre_contract_call', 3],
      [null, 3],
    ]);
    expect(d.categories.at(-1)?.label).toBe('その他（少数）');
  });

  it('lists rising tools with their previous count (Telegram 0 → 5)', () => {
    expect(seededDigest().risingTools.map((t) => [t.label, t.prev, t.n])).toEqual([
      ['Telegram', 0, 5],
      ['LINE', 8, 14],
    ]);
  });

  it('names rising patterns by the rules’ descriptions, with the rule’s own example', () => {
    const d = seededDigest();
    expect(d.patternsRising).toBe(true);
    expect(d.patterns.map((p) => [p.description, p.prev, p.n, p.example])).toEqual([
      ['Telegram などのメッセンジャーへの誘導', 0, 5, 'テレグラムで連絡ください'],
      ['LINEでのやり取りへの誘導', 8, 14, 'まずはLINEで連絡ください'],
      ['個人情報の提出依頼', 4, 6, null],
    ]);
  });

  it('ties the protection tip to the top category', () => {
    expect(seededDigest().tip).toMatchObject({ category: 'off_platform_contact', label: '外部連絡ツールへの誘導' });
  });

  it('counts one server alone when asked', () => {
    const d = seededDigest(stats.guildKeyOf('guild-b'));
    expect([d.scope, d.total, d.prevTotal]).toEqual(['server', 0 + 2, 0]);
    expect(d.categories).toEqual([]); // 2 < 3: nothing to break down
  });
});

describe('digest text', () => {
  it('matches the snapshot', () => {
    expect(renderDigestText(seededDigest())).toMatchSnapshot();
  });

  it('never shows a count of 1 or 2', () => {
    const text = renderDigestText(seededDigest());
    expect(text).not.toMatch(/(?<![0-9])[12]件/);
    expect(renderDigestText(seededDigest(stats.guildKeyOf('guild-b')))).toContain('3件未満');
  });

  it('fits in one Discord message', () => {
    expect(renderDigestText(seededDigest()).length).toBeLessThanOrEqual(2000);
  });

  it('takes typical phrasing from the rules in rules/, never from checked text', () => {
    const rules = testRules();
    const d = weekDigestData(stats, rules, WEEK, null);
    const descriptions = new Set(rules.rules.map((r) => r.description));
    const examples = new Set(rules.rules.flatMap((r) => r.examples.hit));
    expect(d.patterns.length).toBeGreaterThan(0);
    for (const p of d.patterns) {
      expect(descriptions).toContain(p.description);
      if (p.example) expect(examples).toContain(p.example);
    }
    expect(renderDigestText(d)).not.toContain(distinctText(WEEK, 0));
  });

  it('draws fixed-width bars', () => {
    expect(textBar(19, 19)).toBe('██████████');
    expect(textBar(3, 19)).toBe('██░░░░░░░░');
    expect(textBar(1, 100)).toBe('█░░░░░░░░░');
  });
});

describe('digest wording of the week', () => {
  it('says 今週 only for the week in progress, and says it is in progress', () => {
    const now = renderDigestText(seededDigest(null, { relative: 'this' }));
    expect(now).toContain('今週のチェック：35件');
    expect(now).toContain('今週はまだ集計中です');
    expect(now).toContain('今週いちばん多かったのは');
    for (const [relative, word] of [['last', '先週'], ['earlier', 'この週']] as const) {
      const text = renderDigestText(seededDigest(null, { relative }));
      expect(text, relative).not.toContain('今週');
      expect(text).toContain(`${word}のチェック：35件`);
      expect(text).toContain(`${word}いちばん多かったのは`);
      expect(digestChartSvg(seededDigest(null, { relative }))).not.toContain('今週');
    }
  });

  it('names the server where its name is known', () => {
    const key = stats.guildKeyOf('guild-a');
    expect(renderDigestText(seededDigest(key, { serverName: 'フリーランス互助会' }))).toContain('2026-W47（11/16（月）〜11/22（日））・サーバー「フリーランス互助会」の集計');
    expect(digestChartSvg(seededDigest(key, { serverName: '<b>&' }))).toContain('サーバー「&lt;b&gt;&amp;」の集計');
    expect(renderDigestText(seededDigest(key))).toContain('このサーバーの集計');
    // A digest of all servers is never labelled with one server's name.
    expect(renderDigestText(seededDigest(null, { serverName: 'x' }))).toContain('すべてのサーバーの集計');
  });
});

describe('digest chart', () => {
  const widthOf = (svg: string, label: string): number => {
    const m = new RegExp(`>${label}</text>\\n<rect x="\\d+" y="\\d+" width="(\\d+)"`).exec(svg);
    if (!m) throw new Error(`no bar for ${label}`);
    return Number(m[1]);
  };

  it('leads with the headline: the total, its change, and the 危険 / 注意 split', () => {
    const svg = digestChartSvg(seededDigest());
    expect(svg).toContain('>先週のチェック 35件（前週 17件、+106%）</text>');
    expect(svg).toContain('>危険 31件</text>');
    expect(svg).toContain('>注意 0件</text>');
  });

  it('draws both sections on one scale (LINE 14 is shorter than a category of 19)', () => {
    const svg = digestChartSvg(seededDigest());
    const top = widthOf(svg, '外部連絡ツールへの誘導'); // 19
    expect(widthOf(svg, 'LINE')).toBe(Math.round((14 / 19) * top));
    expect(widthOf(svg, 'Telegram')).toBe(Math.round((5 / 19) * top));
  });

  it('shows a legend swatch only for what is drawn', () => {
    const noPrevious = { ...seededDigest(), categories: seededDigest().categories.map((c) => ({ ...c, prev: 0 })), tools: seededDigest().tools.map((t) => ({ ...t, prev: 0 })) };
    const svg = digestChartSvg(noPrevious);
    expect(svg).not.toContain('前週（括弧内）');
    expect(svg).not.toContain('fill="#adb5bd"');
    expect(digestChartSvg(seededDigest())).toContain('前週（括弧内）');
    // Nothing drawn: no legend at all.
    const empty = digestChartSvg(seededDigest(stats.guildKeyOf('guild-b')));
    expect(empty).toContain('グラフはありません');
    expect(empty).not.toContain('fill="#d9480f"');
    expect(empty).not.toContain('fill="#adb5bd"');
  });

  it('is an SVG built by a pure function (snapshot)', () => {
    const svg = digestChartSvg(seededDigest());
    expect(digestChartSvg(seededDigest())).toBe(svg);
    expect(svg).toMatchSnapshot();
  });

  it('escapes text and names the Japanese font', () => {
    const svg = digestChartSvg({ ...seededDigest(), range: '<&>' });
    expect(svg).toContain('&lt;&amp;&gt;');
    expect(svg).toContain('font-family="Noto Sans JP"');
  });

  it('renders to PNG with the Japanese font shipped by npm', async () => {
    expect(japaneseFontFiles().length).toBe(2);
    const png = await renderChartPng(digestChartSvg(seededDigest()));
    expect(png).not.toBeNull();
    expect(png!.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png!.length).toBeGreaterThan(20_000);
  });

  it('falls back to text when there is nothing to draw', async () => {
    const out = await composeDigest(stats, testRules(), WEEK, stats.guildKeyOf('guild-b'));
    expect(out.png).toBeNull();
    expect(out.text).toContain('3件以上から集計します');
  });
});

describe('folding', () => {
  it('folds every item under the minimum and keeps the rest ranked', () => {
    const ids = ['a', 'b', 'c', 'd'] as const;
    const rows = foldRanked(ids, { a: 2, b: 7, c: 3, d: 1 }, { a: 0, b: 1, c: 9, d: 4 }, (id) => id.toUpperCase());
    expect(rows).toEqual([
      { id: 'b', label: 'B', n: 7, prev: 1 },
      { id: 'c', label: 'C', n: 3, prev: 9 },
      { id: null, label: 'その他（少数）', n: 3, prev: 4 },
    ]);
  });

  it('shows no 「その他」 row when nothing is folded', () => {
    expect(foldRanked(['a'] as const, { a: 5 }, { a: 0 }, (x) => x)).toHaveLength(1);
  });
});

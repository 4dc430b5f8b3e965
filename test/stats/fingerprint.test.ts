// "この文面（または似た文面）は直近30日にほかに N 件": keyed fingerprints and distinct reporters.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalText, fingerprintText } from '../../src/stats/fingerprint.ts';
import { createKeyring } from '../../src/stats/keys.ts';
import type { RecordMeta } from '../../src/stats/port.ts';
import type { CommunityStats } from '../../src/stats/store.ts';
import { fakeReport, LINE, tempDb, TEST_SECRET, testRules, type TempDb } from './helpers.ts';

const T0 = Date.parse('2026-11-18T03:00:00Z');
const DAY = 86_400_000;
const report = fakeReport({ findings: [LINE], tools: ['line'] });

const template = (name: string, id: string): string =>
  `${name}様\nご応募ありがとうございます！担当の${name}です。選考は公式LINEで行っておりますので、お手数ですがID：${id} を友だち追加のうえ「応募しました」とメッセージをお送りください。本日中にご連絡いただけない場合は辞退とみなします。`;

const UNRELATED =
  'はじめまして。ECサイトの商品説明文を20本ご依頼したく、ご連絡いたしました。納期は2週間、文字数は1本あたり400字程度を想定しています。よろしくお願いいたします。';

let db: TempDb | undefined;
let stats: CommunityStats;
function open(): CommunityStats {
  db = tempDb();
  stats = db.open();
  return stats;
}
afterEach(() => {
  if (!db) return;
  stats.close();
  db.cleanup();
  db = undefined;
});

const meta = (userId: string | null, at: number, guildId: string | null = '1180000000000000001'): RecordMeta => ({
  source: 'slash',
  guildId,
  userId,
  at: new Date(at),
});

describe('canonical text (in memory only)', () => {
  it('replaces every contact detail with the same placeholder and ignores symbols and spacing', () => {
    const rules = testRules();
    const a = canonicalText('詳細はLINEで！ID：sakura_22 を追加してください😊', rules);
    const b = canonicalText('詳細は ＬＩＮＥ で!! ID: mika-0707 を追加してください', rules);
    expect(a).toBe(b);
    expect(a).not.toMatch(/sakura|mika/);
  });

  it('collapses amounts and other digit runs', () => {
    const rules = testRules();
    expect(canonicalText('日給3万円、1日30分でOK', rules)).toBe(canonicalText('日給5万円、1日15分でOK', rules));
  });
});

describe('keyed fingerprints', () => {
  it('depend on the key: the same text gives unrelated values under another secret', () => {
    const rules = testRules();
    const a = fingerprintText(template('佐藤', 'sato_01'), rules, createKeyring(TEST_SECRET));
    const b = fingerprintText(template('佐藤', 'sato_01'), rules, createKeyring(`${TEST_SECRET}-other`));
    expect(a && b).toBeTruthy();
    expect(a!.exact.equals(b!.exact)).toBe(false);
    expect(a!.bands.some((x) => b!.bands.some((y) => x.equals(y)))).toBe(false);
  });

  it('gives the same template with another name or ID a shared fingerprint', () => {
    const rules = testRules();
    const keys = createKeyring(TEST_SECRET);
    const a = fingerprintText(template('佐藤', 'sato_01'), rules, keys)!;
    const b = fingerprintText(template('高橋', 'taka.hashi99'), rules, keys)!;
    expect(a.exact.equals(b.exact)).toBe(false); // the name differs…
    expect(a.bands.some((x) => b.bands.some((y) => x.equals(y)))).toBe(true); // …but it is a near-duplicate
  });

  it('keeps distinct corpus messages apart (almost no shared fingerprint between different texts)', () => {
    const rules = testRules();
    const keys = createKeyring(TEST_SECRET);
    const texts = [
      ...new Set(
        readFileSync(new URL('../fixtures/corpus.jsonl', import.meta.url), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { text: string }).text),
      ),
    ];
    const canon = texts.map((t) => canonicalText(t, rules));
    const sets = texts.map((t) => {
      const f = fingerprintText(t, rules, keys);
      return f ? new Set([f.exact, ...f.bands].map((b) => b.toString('hex'))) : null;
    });
    let pairs = 0;
    let shared = 0;
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const a = sets[i];
        const b = sets[j];
        if (!a || !b || canon[i] === canon[j]) continue;
        pairs++;
        for (const x of a) {
          if (b.has(x)) {
            shared++;
            break;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(50_000);
    expect(shared / pairs).toBeLessThan(0.002);
  });
});

describe('seen N times', () => {
  it('counts the same template with a different ID and name as seen, across servers', () => {
    open();
    expect(stats.record(report, template('佐藤', 'sato_01'), meta('u1', T0))?.seenOthers).toBe(0);
    expect(stats.record(report, template('高橋', 'taka.hashi99'), meta('u2', T0 + 60_000, '1180000000000000002'))?.seenOthers).toBe(1);
    expect(stats.record(report, template('鈴木', 'suzuki-k'), meta('u3', T0 + 120_000, null))?.seenOthers).toBe(2);
  });

  it('does not count an unrelated message', () => {
    open();
    for (const [i, name] of ['佐藤', '高橋', '鈴木'].entries()) stats.record(report, template(name, `id_${name}_${i}x`), meta(`u${i}`, T0 + i * 1000));
    expect(stats.record(fakeReport({}), UNRELATED, meta('u9', T0 + 10_000))?.seenOthers).toBe(0);
  });

  it('counts one user forwarding the same text ten times once, and never counts the user themself', () => {
    open();
    const text = template('佐藤', 'sato_01');
    for (let i = 0; i < 10; i++) stats.record(report, text, meta('forwarder', T0 + i * 1000));
    expect(stats.record(report, text, meta('forwarder', T0 + 20_000))?.seenOthers).toBe(0);
    expect(stats.record(report, text, meta('someone-else', T0 + 30_000))?.seenOthers).toBe(1);
  });

  it('gives the same answers whether earlier rows are still queued or already written', () => {
    open();
    const text = template('佐藤', 'sato_01');
    stats.record(report, text, meta('a', T0));
    stats.record(report, text, meta('b', T0 + 1000));
    const queued = stats.record(report, text, meta('c', T0 + 2000))?.seenOthers;
    stats.flush();
    stats.record(report, text, meta('a', T0 + 3000)); // a again: still one reporter
    stats.flush();
    expect(queued).toBe(2);
    expect(stats.record(report, text, meta('d', T0 + 4000))?.seenOthers).toBe(3);
  });

  it('keeps counts across a restart', () => {
    open();
    const text = template('佐藤', 'sato_01');
    stats.record(report, text, meta('a', T0));
    stats.record(report, text, meta('b', T0 + 1000));
    stats.close();
    stats = db!.open();
    expect(stats.record(report, text, meta('c', T0 + 2000))?.seenOthers).toBe(2);
  });

  it('looks back 30 days only', () => {
    open();
    const text = template('佐藤', 'sato_01');
    stats.record(report, text, meta('a', T0));
    stats.record(report, text, meta('b', T0 + 25 * DAY));
    expect(stats.record(report, text, meta('c', T0 + 31 * DAY + 3_600_000))?.seenOthers).toBe(1);
  });

  it('excludes the user’s own checks from earlier weeks too (the reporter hash rotates weekly)', () => {
    open();
    const text = template('佐藤', 'sato_01');
    stats.record(report, text, meta('a', T0));
    stats.record(report, text, meta('b', T0 + 8 * DAY));
    expect(stats.record(report, text, meta('a', T0 + 15 * DAY))?.seenOthers).toBe(1);
  });

  it('counts each check without a user (the CLI) separately', () => {
    open();
    const text = template('佐藤', 'sato_01');
    stats.record(report, text, { source: 'cli', guildId: null, userId: null, at: new Date(T0) });
    stats.record(report, text, { source: 'cli', guildId: null, userId: null, at: new Date(T0 + 1000) });
    expect(stats.record(report, text, meta('x', T0 + 2000))?.seenOthers).toBe(2);
  });

  it('returns 0 for text with nothing to compare (only symbols)', () => {
    open();
    stats.record(report, '！！！😊😊', meta('a', T0));
    expect(stats.record(report, '！！！😊😊', meta('b', T0 + 1000))?.seenOthers).toBe(0);
  });

  it('answers null instead of throwing when the database is gone', () => {
    open();
    stats.close();
    expect(stats.record(report, 'x', meta('a', T0))).toBeNull();
    stats = db!.open();
  });
});

describe('long texts', () => {
  it('fingerprints only the first 8,000 characters, the part the detector reads', () => {
    const keys = createKeyring(TEST_SECRET);
    const head = template('佐藤', 'sato_0101').repeat(80).slice(0, 8000);
    const a = fingerprintText(head, testRules(), keys);
    // 100,000 characters: the same as the first 8,000, whatever follows.
    const b = fingerprintText(head + UNRELATED.repeat(1000).slice(0, 92_000), testRules(), keys);
    expect(b).toEqual(a);
    expect(fingerprintText(head.slice(0, 7000) + UNRELATED, testRules(), keys)).not.toEqual(a);
  });
});

// The privacy guarantee, checked on the bytes: after recording a corpus full of emails, phone
// numbers, LINE IDs and links, no contact detail, no user or server id and no 12-character run of
// any input text appears anywhere in the database files (main file, -wal and -shm).
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import type { CommunityStats } from '../../src/stats/store.ts';
import { sharedEngine } from '../helpers/engine.ts';
import { tempDb, type TempDb } from './helpers.ts';

/** Messages written to be full of contact details, in the forms scammers use. */
const CONTACT_RICH = [
  '応募ありがとうございます！詳細はLINEで。ID：kirara_works_2024 を追加してください',
  'こちらのアドレスまでご連絡ください → sakura.recruit-office@gmail.com',
  'メールはｍｉｋａ．ｓｕｐｐｏｒｔ＠ｙａｈｏｏ．ｃｏ．ｊｐ（全角です）までお願いします',
  'お電話ください：090-1234-5678（担当：山田）',
  '電話番号　０８０ ９８７６ ５４３２ までショートメールをください',
  '友だち追加はこちら https://lin.ee/AbCdEf9XyZ から',
  'テレグラムで連絡ください t.me/quick_money_jp_bot',
  'Discordサーバーに参加してください discord.gg/fukugyou777',
  'チャットワークに登録を。https://www.chatwork.com/g/zx81secretroom',
  'WhatsAppはこちら wa.me/818012345678 からどうぞ',
  'インスタのDMで！ @hana_side_job_2025 をフォローしてDMください',
  'LINE ID は taro-bizz-77 です。検索して追加してください',
  '連絡先：contact+jobs@example-recruit.jp（24時間受付）',
  'mail: yuki.tanaka.private [at] outlook [dot] com に履歴書を送ってください',
  'カカオトークID：koko_nara_777 で直接やりとりしましょう',
  'Skypeはlive:.cid.9f8e7d6c5b4a で追加お願いします',
  'PayPayで前払いします。電話 03-5555-0199 に確認の連絡を',
  '登録フォーム https://forms.gle/Q1w2E3r4T5y6U7i8 に本名と住所を入力してください',
];

const CONTACT_VALUES = [
  'kirara_works_2024',
  'sakura.recruit-office@gmail.com',
  'ｍｉｋａ．ｓｕｐｐｏｒｔ＠ｙａｈｏｏ．ｃｏ．ｊｐ',
  'mika.support@yahoo.co.jp',
  '090-1234-5678',
  '09012345678',
  '０８０ ９８７６ ５４３２',
  '080 9876 5432',
  'lin.ee/AbCdEf9XyZ',
  'AbCdEf9XyZ',
  'quick_money_jp_bot',
  'fukugyou777',
  'zx81secretroom',
  '818012345678',
  'hana_side_job_2025',
  'taro-bizz-77',
  'contact+jobs@example-recruit.jp',
  'yuki.tanaka.private',
  'koko_nara_777',
  'cid.9f8e7d6c5b4a',
  '03-5555-0199',
  'Q1w2E3r4T5y6U7i8',
];

const GUILDS = ['1180000000000000001', '1180000000000000002', 'my-local-server-name'];
const USERS = ['1190000000000000001', '1190000000000000002', '1190000000000000003', '1190000000000000004'];

function fixtureTexts(file: string): string[] {
  return readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Contact-looking values inside the fixture corpora (so the scan covers them too). */
function extractContacts(text: string): string[] {
  const folded = text.normalize('NFKC');
  const found = [
    ...folded.matchAll(/[a-z0-9][a-z0-9._%+-]{2,}@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi),
    ...folded.matchAll(/0\d{1,4}[- ]?\d{1,4}[- ]?\d{3,4}/g),
    ...folded.matchAll(/@[a-z0-9_][a-z0-9_.]{3,}/gi),
    ...folded.matchAll(/(?:ID|id)\s*[:：は]?\s*([a-z0-9][a-z0-9._-]{4,})/g),
    ...folded.matchAll(/(?:lin\.ee|line\.me|t\.me|wa\.me|discord\.gg|forms\.gle|chatwork\.com\/g)\/[a-z0-9_\-/]+/gi),
  ];
  return found.map((m) => m[1] ?? m[0]).filter((v) => v.length >= 5);
}

/** All variants under which a value could have been stored: as typed, NFKC, lower case. */
function variants(s: string): string[] {
  const n = s.normalize('NFKC');
  return [...new Set([s, n, n.toLowerCase()])];
}

/** Every run of 12 characters (code points) of a text. */
function runs(text: string, len = 12): string[] {
  const cps = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i + len <= cps.length; i++) out.push(cps.slice(i, i + len).join(''));
  return out;
}

/**
 * Finds which needles occur in the bytes. Indexes needles by their first 4 UTF-8 bytes so one pass
 * over the file checks tens of thousands of needles.
 */
function scan(bytes: Buffer, needles: Iterable<string>): string[] {
  const byPrefix = new Map<number, Buffer[]>();
  for (const n of needles) {
    const b = Buffer.from(n, 'utf8');
    if (b.length < 4) continue;
    const k = b.readUInt32BE(0);
    const list = byPrefix.get(k);
    if (list) list.push(b);
    else byPrefix.set(k, [b]);
  }
  const hits: string[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const list = byPrefix.get(bytes.readUInt32BE(i));
    if (!list) continue;
    for (const n of list) if (bytes.compare(n, 0, n.length, i, i + n.length) === 0) hits.push(n.toString('utf8'));
  }
  return hits;
}

describe('privacy: what reaches the database files', () => {
  let engine: Engine;
  let db: TempDb;
  let stats: CommunityStats;
  let texts: string[];
  const needles = new Set<string>();

  beforeAll(async () => {
    engine = await sharedEngine();
    db = tempDb();
    stats = db.open();
    texts = [...CONTACT_RICH, ...fixtureTexts('corpus.jsonl'), ...fixtureTexts('holdout.jsonl')];
    const base = Date.parse('2026-11-16T01:00:00Z');
    texts.forEach((text, i) => {
      const report = engine.analyse(text);
      for (let k = 0; k < 2; k++) {
        stats.record(report, text, {
          source: k === 0 ? 'slash' : 'forward',
          guildId: GUILDS[(i + k) % GUILDS.length] as string,
          userId: USERS[(i + k) % USERS.length] as string,
          at: new Date(base + i * 60_000 + k * 3_600_000),
        });
      }
    });
    stats.flush();
    for (const t of texts) {
      for (const r of runs(t)) for (const v of variants(r)) needles.add(v);
      for (const c of extractContacts(t)) for (const v of variants(c)) needles.add(v);
    }
    for (const c of CONTACT_VALUES) for (const v of variants(c)) needles.add(v);
    for (const id of [...GUILDS, ...USERS]) needles.add(id);
  });

  afterAll(() => {
    stats.close();
    db.cleanup();
  });

  const files = (): string[] => [db.path, `${db.path}-wal`, `${db.path}-shm`].filter((f) => existsSync(f));

  it('records every check (the scan looks at a real, populated database)', () => {
    const c = stats.counts(null, 0, 10_000_000);
    expect(c.total).toBe(texts.length * 2);
    expect(c.category.contact_details).toBeGreaterThan(10);
    expect(files().map((f) => f.slice(db.path.length))).toEqual(['', '-wal', '-shm']);
    expect(needles.size).toBeGreaterThan(20_000);
  });

  it('finds none of the contact details, ids or 12-character runs while the database is open', () => {
    for (const f of files()) expect(scan(readFileSync(f), needles), f).toEqual([]);
  });

  it('finds none of them after closing (everything checkpointed into the main file)', () => {
    stats.close();
    const remaining = files();
    expect(remaining.length).toBeGreaterThanOrEqual(1);
    for (const f of remaining) expect(scan(readFileSync(f), needles), f).toEqual([]);
    // Reopen for afterAll's close (close is idempotent on the old handle).
    stats = db.open();
  });

  it('the scanner itself finds a planted value (so zero hits mean something)', () => {
    const planted = Buffer.concat([Buffer.alloc(100, 7), Buffer.from('ID：kirara_works_2024', 'utf8'), Buffer.alloc(50)]);
    expect(scan(planted, ['kirara_works_2024', '応募ありがとうございます'])).toEqual(['kirara_works_2024']);
    expect(scan(planted, runs('ID：kirara_works_2024です', 12))).toContain('ID：kirara_wo');
  });
});

// Reply bodies of /stats, /privacy and /digest-admin (plain functions), and the registered JSON of
// the three command modules.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { data as adminData } from '../../commands/digest-admin.ts';
import { data as privacyData } from '../../commands/privacy.ts';
import { data as statsData } from '../../commands/stats.ts';
import {
  adminClearChannel,
  adminOptIn,
  adminOptOut,
  adminPreview,
  adminSetChannel,
  adminStatus,
  privacyReply,
  roughCount,
  splitForDiscord,
  statsReply,
} from '../../src/stats/replies.ts';
import type { CommunityStats } from '../../src/stats/store.ts';
import { isoWeekStartHour } from '../../src/stats/time.ts';
import { CALL, DIRECT, fakeReport, LINE, PERSONAL, tempDb, testRules, type TempDb } from './helpers.ts';

const NOW = new Date('2026-11-18T03:00:00Z');
const HOUR = 3_600_000;
let db: TempDb;
let stats: CommunityStats;

beforeEach(() => {
  db = tempDb();
  stats = db.open();
  const rec = (findings: typeof LINE[], tools: ('line' | 'zoom')[], n: number, guildId: string, hoursAgo: number): void => {
    for (let i = 0; i < n; i++) {
      stats.record(fakeReport({ findings, tools }), `${guildId} ${hoursAgo} ${'abcdefghijklmnop'.slice(i)}`, {
        source: 'slash',
        guildId,
        userId: `${guildId}-${i}`,
        at: new Date(NOW.getTime() - hoursAgo * HOUR),
      });
    }
  };
  rec([LINE], ['line'], 6, '1180000000000000001', 2); // this week, server A
  rec([CALL], ['zoom'], 3, '1180000000000000001', 30);
  rec([PERSONAL], [], 2, '1180000000000000001', 40); // folded
  rec([LINE], ['line'], 4, '1180000000000000001', 24 * 9); // the week before
  rec([LINE], ['line'], 5, '1180000000000000002', 5); // another server
});
afterEach(() => {
  stats.close();
  db.cleanup();
});

const req = { period: 'week' as const, isAdmin: false, guildInstalled: true, now: NOW, locale: 'ja' as const };
const A = '1180000000000000001';
const B = '1180000000000000002';
/** Hours into the last complete week (2026-W46, Monday 11/9 00:00 JST) and the ones before. */
const W46 = isoWeekStartHour('2026-W46') * HOUR;
const atWeek = (weeksBack: number, hour = 30): number => W46 - weeksBack * 7 * 24 * HOUR + hour * HOUR;

describe('/stats', () => {
  // Its own store: completed weeks only, thresholds on people.
  let sdb: TempDb;
  let s: CommunityStats;
  const rec = (findings: (typeof LINE)[], tools: ('line' | 'zoom')[], guildId: string, user: string, at: number, i = 0): void => {
    s.record(fakeReport({ findings, tools }), `${guildId} ${user} ${i} ${at}`, { source: 'slash', guildId, userId: user, at: new Date(at) });
  };
  beforeEach(() => {
    sdb = tempDb();
    s = sdb.open();
    for (let i = 0; i < 12; i++) rec([LINE], ['line'], A, `line-${i}`, atWeek(0, i));
    for (let i = 0; i < 6; i++) rec([CALL], ['zoom'], A, `call-${i % 3}`, atWeek(0, 20 + i), i); // 3 people
    for (let i = 0; i < 7; i++) rec([PERSONAL], [], A, `pi-${i}`, atWeek(0, 40 + i));
    for (let i = 0; i < 30; i++) rec([DIRECT], [], A, 'one-busy-account', atWeek(0, 60 + (i % 20)), i); // 1 person
    for (let i = 0; i < 4; i++) rec([LINE], ['line'], A, `before-${i}`, atWeek(1, i)); // the week before: 4 people
    for (let i = 0; i < 5; i++) rec([LINE], ['line'], B, `b-${i}`, atWeek(0, i));
  });
  afterEach(() => {
    s.close();
    sdb.cleanup();
  });

  it('shows the last complete week, rounded, with only what five or more people checked', () => {
    const body = statsReply(s, { ...req, scope: 'server', guildId: A });
    expect(body).toContain('**📊 チェックの集計（先週 11/9〜11/15・このサーバー）**');
    // 55 checks by 23 people; the week before, 4 people: too few to show.
    expect(body).toContain('チェック件数：約60件（前の期間 少数）');
    expect(body).toContain('🔴 危険 約60件 ／ 🟠 注意 少数 ／ 🟡 軽微 少数 ／ 🟢 問題なし 少数');
    expect(body).toContain('・外部連絡ツールへの誘導 約10件（前 少数）');
    expect(body).toContain('・個人情報の要求 10件未満（前 少数）');
    // Calls (3 people) and direct deals (30 checks by one account) stay hidden, even folded together.
    expect(body).not.toContain('契約前の通話');
    expect(body).not.toContain('直接契約');
    expect(body).not.toContain('・その他');
    expect(body).toContain('・LINE 約10件（前 少数）');
    expect(body).toContain('終わった週（月〜日）の件数のみ');
  });

  it('never shows the current week: a check made now changes nothing', () => {
    const before = statsReply(s, { ...req, scope: 'server', guildId: A });
    for (let i = 0; i < 40; i++) rec([CALL], ['zoom'], A, `now-${i}`, NOW.getTime() - HOUR);
    expect(statsReply(s, { ...req, scope: 'server', guildId: A })).toBe(before);
  });

  it('shows nothing but "too few" when fewer than five people checked, however many checks one made', () => {
    const quiet = '1180000000000000003';
    for (let i = 0; i < 50; i++) rec([LINE], ['line'], quiet, 'padding-account', atWeek(0, i % 100), i);
    rec([PERSONAL], [], quiet, 'a-member', atWeek(0, 101));
    const body = statsReply(s, { ...req, scope: 'server', guildId: quiet });
    expect(body).toContain('チェックした人がまだ5人未満のため、件数と内訳は表示できません');
    expect(body).not.toMatch(/\d+件/);
  });

  it('shows all servers together, and four weeks against the four before', () => {
    expect(statsReply(s, { ...req, scope: 'all', guildId: A })).toContain('・外部連絡ツールへの誘導 約20件（前 少数）');
    const month = statsReply(s, { ...req, period: 'month', scope: 'server', guildId: A });
    expect(month).toContain('直近4週間 10/19〜11/15');
    expect(month).toContain('・外部連絡ツールへの誘導 約20件（前 少数）');
  });

  it('gives a server its own numbers only where the server added the bot', () => {
    const body = statsReply(s, { ...req, guildInstalled: false, scope: 'server', guildId: A });
    expect(body).toContain('このサーバーにはボットが追加されていないため');
    expect(body).toContain('すべてのサーバー');
    expect(body).toContain('・外部連絡ツールへの誘導 約20件');
  });

  it('falls back to all servers outside a server, and explains an opted-out server', () => {
    expect(statsReply(s, { ...req, scope: 'server', guildId: null })).toContain('サーバーの外では');
    s.optOut(s.guildKeyOf(B));
    const body = statsReply(s, { ...req, scope: 'server', guildId: B });
    expect(body).toContain('集計に参加していません');
    expect(body).toContain('すべてのサーバー');
  });

  it('tells an admin once that the digest could not be posted', () => {
    const key = s.guildKeyOf(A);
    s.setDigestChannel(key, '1300000000000000001', 'all', NOW);
    s.noteDigestProblem(key, '2026-W46', 'missing_permission');
    const member = statsReply(s, { ...req, scope: 'server', guildId: A });
    expect(member).not.toContain('⚠️');
    const admin = statsReply(s, { ...req, isAdmin: true, scope: 'server', guildId: A });
    expect(admin.split('\n')[0]).toBe(
      '⚠️ 管理者の方へ：2026-W46 の週間ダイジェストを投稿できませんでした（ボットにそのチャンネルの「メッセージを送信」「ファイルを添付」権限がありません）。/digest-admin でチャンネルと権限をご確認ください。',
    );
    expect(statsReply(s, { ...req, isAdmin: true, scope: 'server', guildId: A })).not.toContain('⚠️');
  });

  it('answers in English for English clients', () => {
    const body = statsReply(s, { ...req, locale: 'en', scope: 'server', guildId: A });
    expect(body).toContain('Checks: about 60 (previous period: few)');
    expect(body).toContain('- Moving contact to an outside tool: about 10 (before: few)');
  });

  it('rounds every count it shows', () => {
    expect([0, 1, 9, 10, 14, 15, 94, 95, 123, 1_234, 56_789].map(roughCount)).toEqual([0, 9, 9, 10, 10, 20, 90, 100, 120, 1_200, 57_000]);
  });
});

describe('/privacy', () => {
  it('says what members and admins can see: completed weeks, five people, installed servers, risky texts only', () => {
    const ja = privacyReply('ja');
    for (const s of ['終わった週（月〜日）の件数だけ', '今週の分は含みません', '5人以上がチェックした項目だけ', 'ボットを追加したサーバーでのみ', '注意・危険と判定された文面', '1時間に10回まで', '31日後に削除', '管理者にもボットの運営者にも分かりません']) {
      expect(ja).toContain(s);
    }
    expect(privacyReply('en')).toContain('completed weeks (Monday–Sunday) only');
  });

  it('says in Japanese what is never stored and what is', () => {
    const ja = privacyReply('ja');
    for (const s of ['メッセージの本文', 'ユーザーID', 'サーバーID', 'LINE ID・メールアドレス・電話番号・URL', '1時間単位', '鍵付きハッシュ', '30日で削除', '/digest-admin']) {
      expect(ja).toContain(s);
    }
    expect(ja.length).toBeLessThanOrEqual(2000);
    expect(privacyReply('en').length).toBeLessThanOrEqual(2000);
    expect(privacyReply('en')).toContain('Never stored');
  });
});

describe('/digest-admin bodies', () => {
  const guildId = '1180000000000000001';
  it('sets the channel, reports the status, clears it', () => {
    expect(adminSetChannel(stats, { guildId, channelId: '1300000000000000001', scope: 'all', now: NOW, cron: '0 9 * * 1', locale: 'ja' })).toBe(
      '✅ 週間ダイジェストを <#1300000000000000001> に投稿します（すべてのサーバー）。投稿は 毎週月曜 9:00（日本時間） です。初回は次の予定日時に投稿します。いま内容を確認したいときは「プレビュー」をお使いください。',
    );
    const status = adminStatus(stats, { guildId, cron: '0 9 * * 1', locale: 'ja' });
    expect(status).toContain('<#1300000000000000001>（すべてのサーバー）');
    // Setting the channel skips the week already due; nothing has been posted yet.
    expect(status).toContain('最後に投稿した週：なし');
    expect(adminClearChannel(stats, { guildId, locale: 'ja' })).toContain('投稿を止めました');
    expect(adminStatus(stats, { guildId, cron: '0 18 * * 5', locale: 'ja' })).toContain('投稿先：未設定');
  });

  it('shows a failed post in the status until a later post succeeds, not as the last week posted', () => {
    const key = stats.guildKeyOf(guildId);
    stats.setDigestChannel(key, '1300000000000000001', 'all', NOW);
    stats.noteDigestPosted(key, '2026-W47');
    stats.claimDigestWeek(key, '2026-W48');
    stats.noteDigestProblem(key, '2026-W48', 'channel_missing');
    const failed = adminStatus(stats, { guildId, cron: '0 9 * * 1', locale: 'ja' });
    expect(failed).toContain('・最後に投稿した週：2026-W47');
    expect(failed).toContain('・⚠️ 2026-W48 のダイジェストは投稿できませんでした：チャンネルが見つかりません（削除されたか、ボットから見えません）。チャンネルと権限をご確認ください。');
    // An admin seeing it once on /stats does not make it go away here.
    expect(stats.takeDigestProblem(key)).toEqual({ problem: 'channel_missing', week: '2026-W48' });
    expect(stats.takeDigestProblem(key)).toBeNull();
    expect(adminStatus(stats, { guildId, cron: '0 9 * * 1', locale: 'ja' })).toContain('⚠️ 2026-W48');
    stats.noteDigestPosted(key, '2026-W49');
    const fixed = adminStatus(stats, { guildId, cron: '0 9 * * 1', locale: 'en' });
    expect(fixed).toContain('- Last week posted: 2026-W49');
    expect(fixed).not.toContain('⚠️');
  });

  it('opts out with the number of deleted records, and back in', () => {
    expect(adminOptOut(stats, { guildId, locale: 'ja' })).toContain('これまでの記録（15件）');
    expect(adminStatus(stats, { guildId, cron: '0 9 * * 1', locale: 'ja' })).toContain('このサーバーの記録：停止中');
    expect(adminOptIn(stats, { guildId, locale: 'ja' })).toContain('再開しました');
  });

  it('previews last week’s digest for the server’s scope', async () => {
    stats.setDigestChannel(stats.guildKeyOf(guildId), '1300000000000000001', 'server', NOW);
    const out = await adminPreview(stats, testRules(), { guildId, now: new Date(NOW.getTime() + 7 * 24 * HOUR), chart: false });
    expect(out.data).toMatchObject({ week: '2026-W47', scope: 'server', total: 11 });
    expect(out.text).toContain('このサーバーの集計');
    expect(out.text).toContain('先週のチェック：11件');
    const named = await adminPreview(stats, testRules(), { guildId, now: new Date(NOW.getTime() + 7 * 24 * HOUR), chart: false, serverName: '翻訳者の会' });
    expect(named.text).toContain('サーバー「翻訳者の会」の集計');
  });

  it('splits long messages at line breaks within Discord’s limit', () => {
    const parts = splitForDiscord(Array.from({ length: 300 }, (_, i) => `行 ${i} ${'あ'.repeat(20)}`).join('\n'));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(parts.join('\n').split('\n')).toHaveLength(300);
    expect(splitForDiscord('x'.repeat(4500)).map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});

describe('command modules', () => {
  type Json = Record<string, unknown>;
  it('registers /stats and /privacy everywhere, in Japanese with English localizations', () => {
    for (const d of [statsData, privacyData]) {
      const json = d.toJSON() as unknown as Json;
      expect(json).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
      expect(json['description_localizations']).toMatchObject({ 'en-US': expect.any(String) });
    }
    const opts = (statsData.toJSON() as unknown as { options: Json[] }).options;
    expect(opts.map((o) => [o['name'], (o['choices'] as Json[]).map((c) => c['value'])])).toEqual([
      ['period', ['week', 'month']],
      ['scope', ['server', 'all']],
    ]);
  });

  it('limits /digest-admin to servers and to members who can manage the server by default', () => {
    const json = adminData.toJSON() as unknown as Json;
    expect(json).toMatchObject({ integration_types: [0], contexts: [0], default_member_permissions: String(PermissionFlagsBits.ManageGuild) });
    expect((json['options'] as Json[]).map((o) => o['name'])).toEqual(['set-channel', 'clear-channel', 'preview', 'status', 'opt-out', 'opt-in']);
  });

  it('keeps names and descriptions within Discord’s limits', () => {
    const texts: string[] = [];
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        for (const [k, v] of Object.entries(o)) {
          if ((k === 'description' || k === 'name') && typeof v === 'string') texts.push(v);
          else if ((k === 'description_localizations' || k === 'name_localizations') && v) texts.push(...Object.values(v as Record<string, string>));
          else walk(v);
        }
      }
    };
    walk([statsData, privacyData, adminData].map((d) => d.toJSON()));
    for (const t of texts) expect(t.length, t).toBeLessThanOrEqual(100);
  });
});

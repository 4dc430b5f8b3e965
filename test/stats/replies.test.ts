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
  splitForDiscord,
  statsReply,
} from '../../src/stats/replies.ts';
import type { CommunityStats } from '../../src/stats/store.ts';
import { CALL, fakeReport, LINE, PERSONAL, tempDb, testRules, type TempDb } from './helpers.ts';

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

const req = { period: 'week' as const, isAdmin: false, now: NOW, locale: 'ja' as const };

describe('/stats', () => {
  it('shows this server’s counts with the change and folds small items', () => {
    const body = statsReply(stats, { ...req, scope: 'server', guildId: '1180000000000000001' });
    expect(body).toContain('**📊 チェックの集計（直近7日間・このサーバー）**');
    expect(body).toContain('チェック件数：11件（前の期間 4件、+175%）');
    expect(body).toContain('・外部連絡ツールへの誘導 6件（前 4件）');
    expect(body).toContain('・契約前の通話・面談 3件（前 0件）');
    expect(body).toContain('・その他（少数） 3件未満');
    expect(body).toContain('・LINE 6件（前 4件）');
    expect(body).not.toMatch(/(?<![0-9])[12]件/);
  });

  it('shows all servers together', () => {
    const body = statsReply(stats, { ...req, scope: 'all', guildId: '1180000000000000001' });
    expect(body).toContain('すべてのサーバー');
    expect(body).toContain('チェック件数：16件');
    expect(body).toContain('・外部連絡ツールへの誘導 11件（前 4件）');
  });

  it('compares 30 days with the 30 before for period month', () => {
    const body = statsReply(stats, { ...req, period: 'month', scope: 'server', guildId: '1180000000000000001' });
    expect(body).toContain('直近30日間');
    expect(body).toContain('チェック件数：15件（前の期間 0件）');
  });

  it('says so when there are too few checks to break down', () => {
    const body = statsReply(stats, { ...req, scope: 'server', guildId: '1180000000000000009' });
    expect(body).toContain('チェック件数：0件');
    expect(body).toContain('3件未満のため、内訳は表示できません');
  });

  it('falls back to all servers outside a server, and explains an opted-out server', () => {
    expect(statsReply(stats, { ...req, scope: 'server', guildId: null })).toContain('サーバーの外では');
    stats.optOut(stats.guildKeyOf('1180000000000000002'));
    const body = statsReply(stats, { ...req, scope: 'server', guildId: '1180000000000000002' });
    expect(body).toContain('集計に参加していません');
    expect(body).toContain('すべてのサーバー');
  });

  it('tells an admin once that the digest could not be posted', () => {
    const key = stats.guildKeyOf('1180000000000000001');
    stats.setDigestChannel(key, '1300000000000000001', 'all', NOW);
    stats.noteDigestProblem(key, '2026-W46', 'missing_permission');
    const member = statsReply(stats, { ...req, scope: 'server', guildId: '1180000000000000001' });
    expect(member).not.toContain('⚠️');
    const admin = statsReply(stats, { ...req, isAdmin: true, scope: 'server', guildId: '1180000000000000001' });
    expect(admin.split('\n')[0]).toBe(
      '⚠️ 管理者の方へ：2026-W46 の週間ダイジェストを投稿できませんでした（ボットにそのチャンネルの「メッセージを送信」「ファイルを添付」権限がありません）。/digest-admin でチャンネルと権限をご確認ください。',
    );
    expect(statsReply(stats, { ...req, isAdmin: true, scope: 'server', guildId: '1180000000000000001' })).not.toContain('⚠️');
  });

  it('answers in English for English clients', () => {
    const body = statsReply(stats, { ...req, locale: 'en', scope: 'server', guildId: '1180000000000000001' });
    expect(body).toContain('Checks: 11 (previous period: 4)');
    expect(body).toContain('- Moving contact to an outside tool: 6 (before: 4)');
    expect(body).toContain('Other (few) fewer than 3');
  });
});

describe('/privacy', () => {
  it('says in Japanese what is never stored and what is', () => {
    const ja = privacyReply('ja');
    for (const s of ['メッセージの本文', 'ユーザーID', 'サーバーID', 'LINE ID・メールアドレス・電話番号・URL', '1時間単位', '鍵付きハッシュ', '30日で削除', '3件未満', '/digest-admin']) {
      expect(ja).toContain(s);
    }
    expect(ja.length).toBeLessThanOrEqual(2000);
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
    expect(status).toContain('最後に投稿した週：2026-W46');
    expect(adminClearChannel(stats, { guildId, locale: 'ja' })).toContain('投稿を止めました');
    expect(adminStatus(stats, { guildId, cron: '0 18 * * 5', locale: 'ja' })).toContain('投稿先：未設定');
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

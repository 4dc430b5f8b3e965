// The digest scheduler with a fake clock: croner's own nextRuns give the times, posting is a
// recorded function, and the database is a real file reopened to simulate restarts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestScheduler, type PostDigest, type PostResult } from '../../src/stats/scheduler.ts';
import type { CommunityStats, DigestTarget } from '../../src/stats/store.ts';
import { fakeReport, LINE, tempDb, testRules, type TempDb } from './helpers.ts';

// 2026-11-18 is a Wednesday (ISO week 47); JST = UTC+9.
const WED_W47 = new Date('2026-11-18T03:00:00Z');
const MON_W48_0900_JST = new Date('2026-11-23T00:00:00Z');

let db: TempDb;
let stats: CommunityStats;
let posts: { week: string; channel: string; scope: string; text: string }[];
let clock: Date;

const recordingPost =
  (result: (t: DigestTarget) => PostResult = () => ({ ok: true })): PostDigest =>
  async (target, digest) => {
    posts.push({ week: digest.data.week, channel: target.channelId, scope: digest.data.scope, text: digest.text });
    return result(target);
  };

function scheduler(post: PostDigest = recordingPost(), cron?: string) {
  return createDigestScheduler({ stats, rules: testRules(), post, now: () => clock, chart: false, ...(cron ? { cron } : {}) });
}

beforeEach(() => {
  db = tempDb();
  stats = db.open();
  posts = [];
  clock = WED_W47;
  // Some checks in W46 and W47 so the digests have content.
  for (let i = 0; i < 12; i++) {
    stats.record(fakeReport({ findings: [LINE], tools: ['line'] }), `text number ${'abcdefghijkl'[i]}${'mnopqrstuvwx'[i]}`, {
      source: 'slash',
      guildId: 'guild-a',
      userId: `u${i}`,
      at: new Date(WED_W47.getTime() - (i % 2) * 7 * 86_400_000),
    });
  }
  // Channels set on Wednesday of W47: W46 was due already, so the first post is W47's.
  stats.setDigestChannel(stats.guildKeyOf('guild-a'), '1300000000000000001', 'all', WED_W47);
  stats.setDigestChannel(stats.guildKeyOf('guild-b'), '1300000000000000002', 'server', WED_W47);
});
afterEach(() => {
  stats.close();
  db.cleanup();
});

describe('digest schedule', () => {
  it('runs every Monday at 09:00 Asia/Tokyo by default (croner nextRuns)', () => {
    const runs = scheduler().nextRuns(3, WED_W47);
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z']);
  });

  it('posts the last complete week at each run, once per server', async () => {
    const s = scheduler();
    for (const run of s.nextRuns(2, WED_W47)) {
      clock = run;
      await s.tick(run);
      await s.tick(new Date(run.getTime() + 60_000)); // a second tick in the same week posts nothing
    }
    expect(posts.map((p) => [p.week, p.channel, p.scope])).toEqual([
      ['2026-W47', '1300000000000000001', 'all'],
      ['2026-W47', '1300000000000000002', 'server'],
      ['2026-W48', '1300000000000000001', 'all'],
      ['2026-W48', '1300000000000000002', 'server'],
    ]);
    expect(posts[0]?.text).toContain('2026-W47');
  });

  it('calls the posted week 先週 and names the server of a server-scope digest', async () => {
    const names: DigestTarget[] = [];
    const s = createDigestScheduler({
      stats,
      rules: testRules(),
      post: recordingPost(),
      now: () => clock,
      chart: false,
      serverName: (t) => {
        names.push(t);
        return t.channelId === '1300000000000000002' ? 'デザイナー交流会' : null;
      },
    });
    await s.tick(MON_W48_0900_JST);
    const all = posts.find((p) => p.scope === 'all');
    const server = posts.find((p) => p.scope === 'server');
    expect(all?.text).toContain('・すべてのサーバーの集計');
    expect(server?.text).toContain('・サーバー「デザイナー交流会」の集計');
    for (const p of posts) {
      expect(p.text).toContain('先週のチェック：');
      expect(p.text).not.toContain('今週');
    }
    expect(names.map((t) => t.channelId)).toEqual(['1300000000000000002']); // asked only where it is shown
  });

  it('does not post before 09:00 on Monday', async () => {
    const s = scheduler();
    await s.tick(new Date(MON_W48_0900_JST.getTime() - 60_000));
    expect(posts).toEqual([]);
    await s.tick(MON_W48_0900_JST);
    expect(posts).toHaveLength(2);
  });

  it('never posts a week twice across a restart', async () => {
    clock = new Date(MON_W48_0900_JST.getTime() + 1000);
    await scheduler().tick();
    expect(posts).toHaveLength(2);
    // Restart: a new handle on the same file and a new scheduler, minutes later.
    stats.close();
    stats = db.open();
    clock = new Date(MON_W48_0900_JST.getTime() + 5 * 60_000);
    const again = scheduler();
    const first = await again.start();
    again.stop();
    expect(first).toMatchObject({ week: '2026-W47', posted: 0 });
    expect(posts).toHaveLength(2);
  });

  it('posts a week missed while down once on start', async () => {
    // Down over Monday 09:00 of W48, back on Tuesday.
    clock = new Date('2026-11-24T02:00:00Z');
    const s = scheduler();
    await s.start();
    s.stop();
    expect(posts.map((p) => p.week)).toEqual(['2026-W47', '2026-W47']);
    const s2 = scheduler();
    await s2.start();
    s2.stop();
    expect(posts).toHaveLength(2);
  });

  it('after a long outage posts only the latest missed week, once', async () => {
    clock = new Date('2026-12-02T03:00:00Z'); // Wednesday of W49: the W47 and W48 runs were missed
    const s = scheduler();
    await s.start();
    await s.tick();
    s.stop();
    expect(posts.map((p) => p.week)).toEqual(['2026-W48', '2026-W48']);
  });

  it('starts a newly set channel at the next run, not with an old week', async () => {
    stats.setDigestChannel(stats.guildKeyOf('guild-c'), '1300000000000000003', 'all', WED_W47);
    clock = new Date(WED_W47.getTime() + 3_600_000);
    await scheduler().tick();
    expect(posts).toEqual([]);
    // Set an hour before Monday's run: that run still posts to it.
    stats.setDigestChannel(stats.guildKeyOf('guild-d'), '1300000000000000004', 'all', new Date(MON_W48_0900_JST.getTime() - 3_600_000));
    clock = MON_W48_0900_JST;
    await scheduler().tick();
    expect(posts.filter((p) => p.channel >= '1300000000000000003').map((p) => [p.channel, p.week]).sort()).toEqual([
      ['1300000000000000003', '2026-W47'],
      ['1300000000000000004', '2026-W47'],
    ]);
  });

  it('remembers a missing permission for the admin, does not retry that week, and tries again the next week', async () => {
    const denied = recordingPost((t) => (t.channelId === '1300000000000000001' ? { ok: false, problem: 'missing_permission' } : { ok: true }));
    clock = MON_W48_0900_JST;
    const r = await scheduler(denied).tick();
    expect(r).toMatchObject({ week: '2026-W47', posted: 1, failed: 1 });
    await scheduler(denied).tick(new Date(MON_W48_0900_JST.getTime() + 3_600_000));
    expect(posts).toHaveLength(2);
    const key = stats.guildKeyOf('guild-a');
    expect(stats.takeDigestProblem(key)).toEqual({ problem: 'missing_permission', week: '2026-W47' });
    expect(stats.takeDigestProblem(key)).toBeNull(); // told once
    // Until fixed, the settings (and /digest-admin status) keep the failure, and W47 is not "posted".
    expect(stats.settings(key)).toMatchObject({ lastWeek: '2026-W47', postedWeek: null, problem: 'missing_permission', problemWeek: '2026-W47' });
    expect(stats.settings(stats.guildKeyOf('guild-b'))).toMatchObject({ postedWeek: '2026-W47', problem: null });
    clock = new Date('2026-11-30T00:00:00Z');
    await scheduler().tick();
    expect(posts.slice(2).map((p) => [p.week, p.channel])).toContainEqual(['2026-W48', '1300000000000000001']);
    expect(stats.settings(key)).toMatchObject({ postedWeek: '2026-W48', problem: null });
  });

  it('survives a post that throws', async () => {
    const throwing: PostDigest = async () => {
      throw new Error('network down');
    };
    clock = MON_W48_0900_JST;
    await expect(scheduler(throwing).tick()).resolves.toMatchObject({ failed: 2 });
    expect(stats.takeDigestProblem(stats.guildKeyOf('guild-b'))).toEqual({ problem: 'post_failed', week: '2026-W47' });
  });

  it('skips a server-scoped digest of a server that opted out', async () => {
    stats.optOut(stats.guildKeyOf('guild-b'));
    clock = MON_W48_0900_JST;
    const r = await scheduler().tick();
    expect(r).toMatchObject({ posted: 1, skipped: 1 });
  });

  it('follows DIGEST_CRON (Friday 18:00 JST) and still posts the last complete week', async () => {
    const s = scheduler(recordingPost(), '0 18 * * 5');
    const runs = s.nextRuns(2, WED_W47);
    expect(runs.map((r) => r.toISOString())).toEqual(['2026-11-20T09:00:00.000Z', '2026-11-27T09:00:00.000Z']);
    for (const run of runs) {
      clock = run;
      await s.tick();
    }
    expect(posts.map((p) => p.week)).toEqual(['2026-W47', '2026-W47']);
  });

  it('takes the store from a function, and skips a run (logged) while it is unavailable', async () => {
    const logged: string[] = [];
    let available = false;
    const s = createDigestScheduler({
      stats: () => {
        if (!available) throw new Error('statistics database unavailable');
        return stats;
      },
      rules: testRules(),
      post: recordingPost(),
      now: () => clock,
      chart: false,
      log: { info: () => undefined, warn: () => undefined, error: (e) => void logged.push(e) },
    });
    clock = MON_W48_0900_JST;
    await expect(s.tick()).resolves.toMatchObject({ posted: 0 });
    expect(logged).toEqual(['digest_tick_failed']);
    available = true;
    await expect(s.tick()).resolves.toMatchObject({ posted: 2 });
  });

  it('runs retention on start without failing', async () => {
    clock = MON_W48_0900_JST;
    const s = scheduler();
    await expect(s.start()).resolves.toMatchObject({ week: '2026-W47' });
    s.stop();
  });
});

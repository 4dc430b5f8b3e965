// Shutdown and the weekly digest: a digest being posted is let finish (every message of it), and
// none starts once shutdown has begun.
import { describe, expect, it } from 'vitest';
import { drainablePoster } from '../../src/bot/digest-posts.ts';
import type { PostDigest } from '../../src/stats/scheduler.ts';
import type { DigestTarget } from '../../src/stats/store.ts';
import type { DigestOutput } from '../../src/stats/weekly.ts';

const target: DigestTarget = { guildKey: 'ab'.repeat(16), channelId: '1300000000000000200', scope: 'all', lastWeek: null };
const digest = { text: 'digest', png: null } as unknown as DigestOutput;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('digest posts during shutdown', () => {
  it('waits for a digest in flight to be posted whole before closing', async () => {
    const sent: string[] = [];
    const post: PostDigest = async () => {
      for (const part of ['part 1', 'part 2', 'chart']) {
        await sleep(20);
        sent.push(part);
      }
      return { ok: true };
    };
    const poster = drainablePoster(post);
    const posting = poster.post(target, digest);
    expect(poster.inFlight).toBe(1);
    await poster.close();
    expect(sent).toEqual(['part 1', 'part 2', 'chart']);
    expect(await posting).toEqual({ ok: true });
    expect(poster.inFlight).toBe(0);
  });

  it('starts no digest after shutdown began', async () => {
    let calls = 0;
    const poster = drainablePoster(async () => {
      calls++;
      return { ok: true };
    });
    await poster.close();
    expect(await poster.post(target, digest)).toEqual({ ok: false, problem: 'post_failed' });
    expect(calls).toBe(0);
  });

  it('closes even when a post fails', async () => {
    const poster = drainablePoster(async () => {
      await sleep(10);
      throw new Error('network');
    });
    const p = poster.post(target, digest).catch(() => 'failed');
    await poster.close();
    expect(await p).toBe('failed');
  });
});

// The check queue: checks run in order, in short slices, with the event loop's timers and I/O in
// between; an interaction still waiting for its turn when its window runs short is deferred then.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCheckQueue, SLICE_MS } from '../../src/bot/check-queue.ts';
import type { Engine } from '../../src/engine.ts';
import { sharedEngine } from '../helpers/engine.ts';
import { createHarness, fixture, type Harness } from './harness.ts';

const busy = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('check queue', () => {
  it('runs jobs in order and hands back their results and errors', async () => {
    const q = createCheckQueue();
    const order: number[] = [];
    const results = await Promise.allSettled([
      q.run(() => (order.push(1), 'a')),
      q.run(() => {
        order.push(2);
        throw new Error('boom');
      }),
      q.run(() => (order.push(3), 'c')),
    ]);
    expect(order).toEqual([1, 2, 3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(q.length).toBe(0);
  });

  it('lets timers run between slices of a long backlog', async () => {
    const q = createCheckQueue();
    const done: number[] = [];
    let timerFiredAfter = -1;
    // The timer is set from inside the first check, so it is due while the backlog is running
    // (set before, it could fire before the queue even started, which says nothing).
    const work = (k: number) => () => {
      if (k === 0) setTimeout(() => (timerFiredAfter = done.length), 0);
      busy(SLICE_MS / 2);
      done.push(k);
    };
    await Promise.all(Array.from({ length: 20 }, (_, k) => q.run(work(k))));
    expect(done).toHaveLength(20);
    // The timer did not wait for the whole backlog (400 ms of work), only for a slice or two.
    expect(timerFiredAfter).toBeGreaterThan(0);
    expect(timerFiredAfter).toBeLessThan(10);
  });
});

describe('an interaction waiting in a busy queue', () => {
  let engine: Engine;
  let h: Harness | undefined;
  beforeAll(async () => {
    engine = await sharedEngine();
  });
  afterEach(async () => {
    await h?.destroy();
    h = undefined;
  });

  it('is deferred when its window runs short, then edited with the verdict', async () => {
    // The interaction is 1.4 s old when it arrives: 100 ms left before the bot's 1.5 s mark.
    h = await createHarness(engine, { clockOffsetMs: 1400 });
    const backlog = Array.from({ length: 20 }, () => h!.services.queue!.run(() => busy(20))); // ~400 ms of checks ahead
    const [defer, edit, ...rest] = await h.interaction(fixture('interaction-check.json'));
    await Promise.all(backlog);
    expect(defer!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit!.method).toBe('PATCH');
    expect((edit!.body as { embeds: unknown[] }).embeds).toHaveLength(1);
    expect(rest).toEqual([]);
  });

  it('is answered directly when its turn comes in time', async () => {
    h = await createHarness(engine);
    const [reply, ...rest] = await h.interaction(fixture('interaction-check.json'));
    expect((reply!.body as { type: number }).type).toBe(4);
    expect(rest).toEqual([]);
  });
});

describe('check queue cap', () => {
  it('refuses a job at once past its cap, flags the first refusal of a spell, and takes jobs again once below', async () => {
    const q = createCheckQueue({ maxQueued: 2 });
    const a = q.run(() => 'a');
    const b = q.run(() => 'b');
    const c = q.run(() => 'c');
    const d = q.run(() => 'd');
    await expect(c).rejects.toMatchObject({ name: 'QueueFullError', first: true });
    await expect(d).rejects.toMatchObject({ name: 'QueueFullError', first: false });
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(await q.run(() => 'e')).toBe('e');
  });
});

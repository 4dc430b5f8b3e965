import { describe, expect, it } from 'vitest';
import { createRateLimiter, createCheckBudget } from '../../src/bot/rate-limit.ts';

describe('per-user rate limit', () => {
  it('allows 10 checks a minute, then says how long to wait', () => {
    const rl = createRateLimiter();
    for (let k = 0; k < 10; k++) expect(rl.take('u', 1000 + k * 1000).ok).toBe(true);
    expect(rl.take('u', 15_000)).toEqual({ ok: false, retryAfterMs: 46_000, firstRejection: true });
    expect(rl.take('u', 16_000)).toEqual({ ok: false, retryAfterMs: 45_000, firstRejection: false });
  });

  it('slides the window: the oldest check frees a slot after a minute', () => {
    const rl = createRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(rl.take('u', 0).ok).toBe(true);
    expect(rl.take('u', 30_000).ok).toBe(true);
    expect(rl.take('u', 59_999).ok).toBe(false);
    expect(rl.take('u', 60_000).ok).toBe(true);
    expect(rl.take('u', 60_001).ok).toBe(false);
  });

  it('counts each user separately', () => {
    const rl = createRateLimiter({ limit: 1 });
    expect(rl.take('a', 0).ok).toBe(true);
    expect(rl.take('b', 0).ok).toBe(true);
    expect(rl.take('a', 1).ok).toBe(false);
  });

  it('keeps memory bounded however many users come by', () => {
    const rl = createRateLimiter({ maxKeys: 100 });
    for (let k = 0; k < 10_000; k++) rl.take(`user${k}`, k);
    expect(rl.size).toBeLessThanOrEqual(100);
  });

  it('forgets users whose checks have all expired', () => {
    const rl = createRateLimiter({ windowMs: 1000 });
    for (let k = 0; k < 50; k++) rl.take(`user${k}`, 0);
    for (let k = 0; k < 50; k++) rl.take('active', 10_000 + k);
    expect(rl.size).toBe(1);
  });
});

describe('the bot’s check budget', () => {
  it('lets checks draw a burst, refuses when it is spent, and refills with time', () => {
    const b = createCheckBudget({ capacityMs: 100, refillMsPerSecond: 50 });
    expect(b.allow(0)).toEqual({ ok: true });
    b.charge(80, 0);
    expect(b.allow(0)).toEqual({ ok: true });
    b.charge(40, 0); // over by 20
    expect(b.allow(0)).toEqual({ ok: false, first: true });
    expect(b.allow(100)).toEqual({ ok: false, first: false });
    // 0.4 s later: 20 ms regained, back at zero; a moment more and checks run again.
    expect(b.allow(400)).toEqual({ ok: false, first: false });
    expect(b.allow(500)).toEqual({ ok: true });
    // Never more than the burst, however long it was idle.
    b.allow(1_000_000);
    expect(b.availableMs).toBe(100);
  });
});

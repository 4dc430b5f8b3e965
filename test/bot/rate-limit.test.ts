import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/bot/rate-limit.ts';

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

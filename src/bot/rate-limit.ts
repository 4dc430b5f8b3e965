// Per-user check budget (default 10 checks a minute), shared by every door. In memory and bounded:
// at most `maxKeys` users are tracked, the least recently active are forgotten first.
export interface RateLimitOptions {
  limit?: number;
  windowMs?: number;
  maxKeys?: number;
}

export type RateDecision =
  | { ok: true; remaining: number }
  /** `firstRejection` is true once per window, so a DM conversation gets one notice, not a flood. */
  | { ok: false; retryAfterMs: number; firstRejection: boolean };

export interface RateLimiter {
  take(key: string, nowMs: number): RateDecision;
  readonly size: number;
  readonly limit: number;
  readonly windowMs: number;
}

interface Bucket {
  hits: number[];
  notified: boolean;
}

export function createRateLimiter(opts: RateLimitOptions = {}): RateLimiter {
  const limit = opts.limit ?? 10;
  const windowMs = opts.windowMs ?? 60_000;
  const maxKeys = opts.maxKeys ?? 10_000;
  // Map iteration order is insertion order; re-inserting on every hit makes it LRU order.
  const buckets = new Map<string, Bucket>();

  const sweep = (now: number): void => {
    // Over capacity: forget the least recently active users first.
    while (buckets.size > maxKeys) {
      const oldest = buckets.keys().next();
      if (oldest.done) break;
      buckets.delete(oldest.value);
    }
    // Amortised cleanup: look at the two least recently active buckets and drop them when expired.
    let looked = 0;
    for (const [k, bucket] of buckets) {
      if (looked++ >= 2) break;
      const last = bucket.hits[bucket.hits.length - 1] ?? Number.NEGATIVE_INFINITY;
      if (last > now - windowMs) break;
      buckets.delete(k);
    }
  };

  return {
    limit,
    windowMs,
    get size() {
      return buckets.size;
    },
    take(key: string, now: number): RateDecision {
      const bucket = buckets.get(key) ?? { hits: [], notified: false };
      buckets.delete(key);
      buckets.set(key, bucket);
      while (bucket.hits.length > 0 && (bucket.hits[0] ?? 0) <= now - windowMs) bucket.hits.shift();
      let decision: RateDecision;
      if (bucket.hits.length >= limit) {
        decision = {
          ok: false,
          retryAfterMs: Math.max(0, (bucket.hits[0] ?? now) + windowMs - now),
          firstRejection: !bucket.notified,
        };
        bucket.notified = true;
      } else {
        bucket.hits.push(now);
        bucket.notified = false;
        decision = { ok: true, remaining: limit - bucket.hits.length };
      }
      sweep(now);
      return decision;
    },
  };
}

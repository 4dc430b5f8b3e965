// Per-user check budget (default 10 checks a minute), shared by every door. In memory and bounded:
// at most `maxKeys` users are tracked, the least recently active are forgotten first. Below it, the
// budget of the whole bot (createCheckBudget): how much of the one thread checks may use.
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

export interface CheckBudgetOptions {
  /** Check time that may be spent in a burst (ms). */
  capacityMs?: number;
  /** Check time regained per second of wall time (ms): the share of the thread checks may use. */
  refillMsPerSecond?: number;
}

/**
 * The bot's check budget, for all users together: a bucket of thread time that each check draws
 * on by the CPU time it took, refilled at `refillMsPerSecond`. Ordinary traffic never empties it (a check
 * takes a few ms); many accounts sending the slowest texts they can build would, and then new
 * checks are answered at once with 「混み合っています」 instead of queueing behind work that would
 * make every answer late.
 */
export interface CheckBudget {
  /** May a check start now? `first` is true once per busy spell (for one log line). */
  allow(nowMs: number): { ok: true } | { ok: false; first: boolean };
  /** What a check took (CPU ms). */
  charge(ms: number, nowMs: number): void;
  readonly availableMs: number;
}

export const DEFAULT_BUDGET_CAPACITY_MS = 5000;
export const DEFAULT_BUDGET_REFILL_MS_PER_S = 800;

export function createCheckBudget(opts: CheckBudgetOptions = {}): CheckBudget {
  const capacity = opts.capacityMs ?? DEFAULT_BUDGET_CAPACITY_MS;
  const refill = opts.refillMsPerSecond ?? DEFAULT_BUDGET_REFILL_MS_PER_S;
  let available = capacity;
  let last: number | null = null;
  let busy = false;
  const update = (now: number): void => {
    if (last !== null && now > last) available = Math.min(capacity, available + ((now - last) / 1000) * refill);
    if (last === null || now > last) last = now;
  };
  return {
    allow(now) {
      update(now);
      if (available > 0) {
        busy = false;
        return { ok: true };
      }
      const first = !busy;
      busy = true;
      return { ok: false, first };
    },
    charge(ms, now) {
      update(now);
      available -= ms;
    },
    get availableMs() {
      return available;
    },
  };
}

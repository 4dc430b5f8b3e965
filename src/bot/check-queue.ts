// Checks are CPU work on the one JavaScript thread: the tokenizer and rules, then the statistics
// (fingerprints and the "seen N times" lookup), about 5 ms in all. Run back to back, a burst would
// hold every answer's HTTP request until the last check is done: 200 interactions at once were all
// answered together, 2.4 s in, close to Discord's 3-second limit, with no chance to defer any.
// This queue runs checks in order in short slices (SLICE_MS) and lets the event loop turn in
// between, so answers leave while later checks wait, and timers run: an interaction still waiting
// for its turn when its window runs short is deferred then (src/bot/respond.ts) and edited when its
// turn comes. Measured with 200 at once: every first answer within about 2.1–2.3 s instead of
// 3.0–3.6 s back to back (npm run test:load, 2 loaded cores).

// The queue is capped (maxQueued): past it, a job is refused at once (QueueFullError) and the
// caller answers 「混み合っています」, rather than letting answers wait past any use.

export interface CheckQueue {
  /**
   * Runs `job` after every job queued before it (never in the caller's turn of the event loop).
   * Rejects at once with QueueFullError when `maxQueued` jobs are already waiting.
   */
  run<T>(job: () => T): Promise<T>;
  /** Jobs queued or running. */
  readonly length: number;
}

export class QueueFullError extends Error {
  /** True for the first refusal since the queue was last below its cap (one log line per spell). */
  constructor(readonly first: boolean) {
    super('check queue full');
    this.name = 'QueueFullError';
  }
}

/**
 * About 2 s of ordinary checks (≈ 5 ms each): far above a real burst (200 at once in the load
 * test), far below what a flood of accounts could queue.
 */
export const DEFAULT_MAX_QUEUED = 400;

interface Job {
  run: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/** How long jobs may run back to back before the thread turns to I/O and timers. */
export const SLICE_MS = 20;

export function createCheckQueue(opts: { maxQueued?: number } = {}): CheckQueue {
  const maxQueued = opts.maxQueued ?? DEFAULT_MAX_QUEUED;
  const jobs: Job[] = [];
  let running = false;
  let full = false;

  const step = (): void => {
    // Jobs back to back for one time slice, then the rest of the loop turn: answers go out,
    // timers (deferrals) fire, gateway events are read.
    const sliceEnd = performance.now() + SLICE_MS;
    do {
      const job = jobs.shift();
      if (!job) break;
      try {
        job.resolve(job.run());
      } catch (err) {
        job.reject(err);
      }
    } while (performance.now() < sliceEnd);
    if (jobs.length > 0) setImmediate(step);
    else running = false;
  };

  return {
    run<T>(job: () => T): Promise<T> {
      if (jobs.length >= maxQueued) {
        const first = !full;
        full = true;
        return Promise.reject(new QueueFullError(first));
      }
      full = false;
      return new Promise<T>((resolve, reject) => {
        jobs.push({ run: job, resolve: resolve as (v: unknown) => void, reject });
        if (!running) {
          running = true;
          setImmediate(step);
        }
      });
    },
    get length() {
      return jobs.length;
    },
  };
}

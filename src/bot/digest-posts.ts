// The weekly digest's poster as the bot runs it: discord.js posting (src/stats/post-discord.ts)
// with the posts in flight tracked, so shutdown can let a digest finish (all its messages and the
// chart) before the gateway closes: a digest is posted whole or not at all.
import type { PostDigest, PostResult } from '../stats/scheduler.ts';

export interface DrainablePoster {
  post: PostDigest;
  /** Refuses new posts and resolves when the ones in flight have finished. */
  close(): Promise<void>;
  readonly inFlight: number;
}

export function drainablePoster(post: PostDigest): DrainablePoster {
  const inflight = new Set<Promise<PostResult>>();
  let closing = false;
  return {
    post(target, digest) {
      // Shutting down: do not start a digest that might be cut in half.
      if (closing) return Promise.resolve({ ok: false, problem: 'post_failed' });
      const p = post(target, digest);
      inflight.add(p);
      void p.then(
        () => inflight.delete(p),
        () => inflight.delete(p),
      );
      return p;
    },
    async close() {
      closing = true;
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
    get inFlight() {
      return inflight.size;
    },
  };
}

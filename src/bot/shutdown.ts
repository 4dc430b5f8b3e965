// Graceful shutdown (SIGTERM from a process manager or `docker stop`, Ctrl-C in a terminal).
//
// Steps run in phases, in this order, each phase's steps in the order they were added:
//   1. 'stop'  — timers and scheduled jobs (the digest scheduler, maintenance), so nothing new
//                starts. A stop function may return a promise that settles when a job already
//                running has finished (a digest is posted whole or not at all).
//   2. 'drain' — checks in flight are finished and answered. The gateway is still open, so an
//                interaction arriving meanwhile is answered too rather than left to time out.
//   3. 'close' — the gateway (client.destroy: close code 1000, Discord ends the session), then the
//                database (queued statistics rows are flushed, the handle closed).
// Every step is bounded by a timeout, and a step that fails or times out is logged (without its
// message) and the next one still runs, so a stuck REST call cannot keep the process alive until the
// process manager's SIGKILL. The exit code is 0 when every step completed, 1 otherwise.
// A second signal while shutting down exits at once with code 130 (a human pressing Ctrl-C twice).
import type { Logger } from './log.ts';
import { errorFields } from './log.ts';

export const SHUTDOWN_PHASES = ['stop', 'drain', 'close'] as const;
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

export interface ShutdownOptions {
  log: Logger;
  /** Upper bound for each step; the drain phase gets `drainMs`. */
  stepMs?: number;
  /** How long checks in flight may take to finish (Docker sends SIGKILL 10 s after SIGTERM). */
  drainMs?: number;
  /** Ends the process (tests pass a spy). */
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Registers a step. Steps added after shutdown began are ignored. */
  add(phase: ShutdownPhase, name: string, run: () => unknown): void;
  /** Runs every step once and exits; later calls (a second signal) exit immediately with 130. */
  run(reason: string): Promise<number>;
  /** True once a signal (or `run`) started the shutdown. */
  readonly started: boolean;
  /** Installs SIGTERM and SIGINT handlers that call `run`. */
  listen(signals?: NodeJS.Signals[]): void;
}

export const DEFAULT_STEP_MS = 5000;
export const DEFAULT_DRAIN_MS = 8000;

type Outcome = 'done' | 'failed' | 'timeout';

export function createShutdown(opts: ShutdownOptions): Shutdown {
  const { log } = opts;
  const stepMs = opts.stepMs ?? DEFAULT_STEP_MS;
  const drainMs = opts.drainMs ?? DEFAULT_DRAIN_MS;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const steps: { phase: ShutdownPhase; name: string; run: () => unknown }[] = [];
  let running: Promise<number> | null = null;

  const runStep = async (phase: ShutdownPhase, name: string, fn: () => unknown): Promise<Outcome> => {
    const limit = phase === 'drain' ? drainMs : stepMs;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), limit);
    });
    const work = (async (): Promise<Outcome> => {
      try {
        await fn();
        return 'done';
      } catch (err) {
        log.error('shutdown_step_failed', { phase, step: name, ...errorFields(err) });
        return 'failed';
      }
    })();
    const outcome = await Promise.race([work, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') log.error('shutdown_step_timeout', { phase, step: name, ms: limit });
    else log.info('shutdown_step', { phase, step: name, outcome, ms: Math.round(performance.now() - started) });
    return outcome;
  };

  const sequence = async (reason: string): Promise<number> => {
    const started = performance.now();
    log.info('shutdown', { signal: reason });
    let clean = true;
    for (const phase of SHUTDOWN_PHASES) {
      for (const s of steps.filter((x) => x.phase === phase)) {
        if ((await runStep(phase, s.name, s.run)) !== 'done') clean = false;
      }
    }
    const code = clean ? 0 : 1;
    log.info('shutdown_complete', { code, ms: Math.round(performance.now() - started) });
    return code;
  };

  const shutdown: Shutdown = {
    add(phase, name, run) {
      if (running) return;
      steps.push({ phase, name, run });
    },
    run(reason) {
      if (running) {
        log.warn('shutdown_forced', { signal: reason });
        exit(130);
        return running;
      }
      running = sequence(reason).then((code) => {
        exit(code);
        return code;
      });
      return running;
    },
    get started() {
      return running !== null;
    },
    listen(signals = ['SIGTERM', 'SIGINT']) {
      for (const s of signals) process.on(s, () => void shutdown.run(s));
    },
  };
  return shutdown;
}

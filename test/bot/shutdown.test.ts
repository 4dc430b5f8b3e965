// Graceful shutdown: phases in order, every step bounded, failures do not stop later steps.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/bot/log.ts';
import { createShutdown } from '../../src/bot/shutdown.ts';

function setup(opts: { stepMs?: number; drainMs?: number } = {}) {
  const logs: string[] = [];
  const exits: number[] = [];
  const order: string[] = [];
  const shutdown = createShutdown({ log: createLogger('debug', (l) => logs.push(l)), exit: (c) => exits.push(c), ...opts });
  return { shutdown, logs, exits, order };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown', () => {
  it('stops timers, then drains checks, then closes the gateway and the database, and exits 0', async () => {
    const { shutdown, exits, order } = setup();
    // Registered out of order on purpose: the phase decides, not the registration order.
    shutdown.add('close', 'gateway', () => order.push('gateway'));
    shutdown.add('drain', 'checks', async () => {
      await sleep(30);
      order.push('checks');
    });
    shutdown.add('stop', 'scheduler', () => order.push('scheduler'));
    shutdown.add('close', 'database', () => order.push('database'));
    expect(shutdown.started).toBe(false);
    const code = await shutdown.run('SIGTERM');
    expect(shutdown.started).toBe(true);
    expect(order).toEqual(['scheduler', 'checks', 'gateway', 'database']);
    expect(code).toBe(0);
    expect(exits).toEqual([0]);
  });

  it('waits for a stop that finishes a job already running (no digest half-posted)', async () => {
    const { shutdown, order } = setup();
    let posting = true;
    shutdown.add('stop', 'scheduler', async () => {
      await sleep(40);
      posting = false;
      order.push('digest posted');
    });
    shutdown.add('close', 'database', () => order.push(posting ? 'closed while posting' : 'database'));
    await shutdown.run('SIGTERM');
    expect(order).toEqual(['digest posted', 'database']);
  });

  it('bounds a stuck step, logs it, still closes the rest, and exits 1', async () => {
    const { shutdown, logs, exits, order } = setup({ drainMs: 50, stepMs: 50 });
    shutdown.add('drain', 'checks', () => new Promise(() => undefined)); // never settles
    shutdown.add('close', 'gateway', () => {
      throw new Error('secret message text must not be logged');
    });
    shutdown.add('close', 'database', () => order.push('database'));
    const started = performance.now();
    const code = await shutdown.run('SIGINT');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(order).toEqual(['database']);
    expect(code).toBe(1);
    expect(exits).toEqual([1]);
    const events = logs.map((l) => JSON.parse(l) as { event: string; step?: string });
    expect(events.find((e) => e.event === 'shutdown_step_timeout')?.step).toBe('checks');
    expect(events.find((e) => e.event === 'shutdown_step_failed')?.step).toBe('gateway');
    expect(logs.join('')).not.toContain('secret message text');
  });

  it('runs the steps once; a second signal exits at once with 130', async () => {
    const { shutdown, exits } = setup();
    let runs = 0;
    shutdown.add('drain', 'checks', async () => {
      runs++;
      await sleep(30);
    });
    const first = shutdown.run('SIGTERM');
    void shutdown.run('SIGINT');
    expect(exits).toEqual([130]);
    await first;
    expect(runs).toBe(1);
    expect(exits).toEqual([130, 0]);
  });

  it('ignores steps added after shutdown began', async () => {
    const { shutdown, order } = setup();
    const done = shutdown.run('SIGTERM');
    shutdown.add('close', 'late', () => order.push('late'));
    await done;
    expect(order).toEqual([]);
  });
});

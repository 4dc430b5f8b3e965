// Builds the Services object once at startup (see src/bot/command.ts for what each field is for).
import type { Config } from '../config.ts';
import { createEngine, type Engine } from '../engine.ts';
import type { StatsPort } from '../stats/port.ts';
import type { Services } from './command.ts';
import type { Logger } from './log.ts';
import { createRateLimiter } from './rate-limit.ts';

export async function createServices(config: Config, log: Logger, opts: { engine?: Engine } = {}): Promise<Services> {
  const started = performance.now();
  const engine = opts.engine ?? (await createEngine());
  const checkMs = warmUp(engine);
  log.info('engine_ready', { ms: Math.round(performance.now() - started), check_ms: Math.round(checkMs * 10) / 10 });
  const stats = await openStats(config, log);
  return { engine, stats, limiter: createRateLimiter(), log, now: () => new Date() };
}

/** Sample texts (made up, not users') covering the common paths: a tool request, a call, a harmless job. */
const WARM_UP_TEXTS = [
  '応募ありがとうございます。詳細はLINEでお伝えしますので、ID: sample を追加してください。',
  '契約前に一度Zoomで面談をお願いします。本日中にご返信ください。',
  'LINEスタンプのイラスト制作をお願いします。納期は2週間です。',
  '手数料がかかるので、直接契約で銀行振込にしませんか？',
];

/**
 * Runs a few analyses before login, so the first real checks do not pay for JIT compilation
 * (cold, a check takes several times longer; a burst right after a restart would feel it).
 */
export function warmUp(engine: Engine, rounds = 15): number {
  for (let i = 0; i < rounds; i++) for (const t of WARM_UP_TEXTS) engine.analyse(t);
  // The last round, warm: what one check costs on this machine.
  const started = performance.now();
  for (const t of WARM_UP_TEXTS) engine.analyse(t);
  return (performance.now() - started) / WARM_UP_TEXTS.length;
}

/**
 * Community statistics at config.DATABASE_PATH. The SQLite implementation of StatsPort lands with
 * the statistics issue (src/stats/); until then checks are not recorded and this returns null.
 * That issue replaces the body of this function; nothing else in the bot changes.
 */
export async function openStats(_config: Config, _log: Logger): Promise<StatsPort | null> {
  return null;
}

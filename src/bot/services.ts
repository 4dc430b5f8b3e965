// Builds the Services object once at startup (see src/bot/command.ts for what each field is for).
import type { Config } from '../config.ts';
import { createEngine, type Engine } from '../engine.ts';
import { IMAGE_LIMITS } from '../ocr/image.ts';
import { createOcrReader } from '../ocr/reader.ts';
import { warmUpImage } from '../ocr/sample.ts';
import { buildReportReply } from '../reply/embed.ts';
import { openStatsFromEnv } from '../stats/index.ts';
import type { Services } from './command.ts';
import { createCheckQueue } from './check-queue.ts';
import { attachmentHosts, downloadAttachment } from './download.ts';
import type { ImageServices } from './images.ts';
import type { Logger } from './log.ts';
import { createCheckBudget, createRateLimiter } from './rate-limit.ts';
import { SEEN_LOOKUPS_PER_HOUR } from '../stats/seen.ts';
import { createStatsGuard, type StatsGuard } from './stats-guard.ts';

export async function createServices(config: Config, log: Logger, opts: { engine?: Engine } = {}): Promise<Services> {
  const started = performance.now();
  const engine = opts.engine ?? (await createEngine());
  const checkMs = warmUp(engine);
  log.info('engine_ready', { ms: Math.round(performance.now() - started), check_ms: Math.round(checkMs * 10) / 10 });
  const stats = await openStats(config, log, engine);
  const images = config.OCR === 'on' ? imageServices(config, log) : undefined;
  return {
    engine,
    stats,
    limiter: createRateLimiter(),
    budget: createCheckBudget(),
    lookups: createRateLimiter({ limit: SEEN_LOOKUPS_PER_HOUR, windowMs: 3_600_000 }),
    queue: createCheckQueue(),
    log,
    now: () => new Date(),
    images,
  };
}

/** How long fetching one attachment from Discord's CDN may take. */
const DOWNLOAD_TIMEOUT_MS = 15_000;

/**
 * Screenshot reading (src/ocr/): the reader is created here but starts its worker only when
 * `reader.start()` is called (the bot does so after login) or on the first image.
 */
export function imageServices(config: Config, log: Logger): ImageServices {
  const hosts = attachmentHosts(config.DISCORD_API_URL);
  return {
    reader: createOcrReader({ log, warmUpImage }),
    download: (url) => downloadAttachment(url, { maxBytes: IMAGE_LIMITS.maxBytes, timeoutMs: DOWNLOAD_TIMEOUT_MS, hosts }),
  };
}

/** Sample texts (made up, not users') covering the common paths: a tool request, a call, a harmless job. */
const WARM_UP_TEXTS = [
  '応募ありがとうございます。詳細はLINEでお伝えしますので、ID: sample を追加してください。',
  '契約前に一度Zoomで面談をお願いします。本日中にご返信ください。',
  'LINEスタンプのイラスト制作をお願いします。納期は2週間です。',
  '手数料がかかるので、直接契約で銀行振込にしませんか？',
];

/**
 * Runs a few analyses and builds their replies before login, so the first real checks do not pay for JIT compilation
 * (cold, a check takes several times longer; a burst right after a restart would feel it).
 */
export function warmUp(engine: Engine, rounds = 15): number {
  for (let i = 0; i < rounds; i++) for (const t of WARM_UP_TEXTS) buildReportReply(engine.analyse(t), i % 2 === 0 ? 'ja' : 'en', { notes: [], seenOthers: null });
  // The last round, warm: what one check costs on this machine.
  const started = performance.now();
  for (const t of WARM_UP_TEXTS) engine.analyse(t);
  return (performance.now() - started) / WARM_UP_TEXTS.length;
}

/**
 * Community statistics at config.DATABASE_PATH (src/stats/, created on first run), behind the
 * guard that keeps the bot answering through database faults (src/bot/stats-guard.ts). A bad
 * statistics setting (STATS_SECRET, RETENTION_DAYS, DIGEST_CRON) throws StatsConfigError.
 */
export async function openStats(config: Config, log: Logger, engine: Engine): Promise<StatsGuard> {
  return createStatsGuard({
    path: config.DATABASE_PATH,
    log,
    recoveryMs: config.STATS_RECOVERY_SECONDS * 1000,
    open: (logger) => openStatsFromEnv({ rules: engine.detector.rules, path: config.DATABASE_PATH, logger }).stats,
  });
}

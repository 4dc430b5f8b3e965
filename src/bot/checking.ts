// One check, whatever door it came through (/check, the context menu, a DM, a forward, the local
// console): empty input → a note; over the per-user budget → a friendly wait; otherwise analyse,
// record anonymously, and hand back the report with the notes the reply should carry.
import type { Platform, Stage } from '../detector/types.ts';
import { noteCopy } from '../reply/bot-copy.ts';
import type { Bilingual } from '../reply/copy-types.ts';
import type { Report } from '../reply/report.ts';
import { imageSource } from '../stats/codes.ts';
import type { CheckDoor } from '../stats/port.ts';
import type { Services } from './command.ts';
import { errorFields } from './log.ts';

export interface CheckInput {
  text: string;
  /** The door; statistics mark it as an image check when `fromImages` is set. */
  source: CheckDoor;
  /** Rate-limit key and (hashed by the stats module) distinct-reporter count. Never logged. */
  userId: string | null;
  guildId: string | null;
  platform?: Platform | undefined;
  stage?: Stage | undefined;
  /** Notes from the door (e.g. "the comment on your forward was not checked"). */
  notes?: Bilingual[];
  /** Attachments that came with the text and were not read (no OCR here); the reply says so. */
  attachments?: number;
  /** Some of the text was read from images (src/bot/images.ts): recorded with the image source. */
  fromImages?: boolean;
  /** Said instead of a report when there is no text at all (e.g. why the images were not read). */
  emptyNote?: Bilingual;
  /** The per-user budget was already charged (image checks pay before their OCR work). */
  admitted?: boolean;
}

export type CheckOutcome =
  | { kind: 'report'; report: Report; seenOthers: number | null; notes: Bilingual[] }
  | { kind: 'nothing'; note: Bilingual }
  | { kind: 'limited'; retryAfterSec: number; firstRejection: boolean };

export type Limited = Extract<CheckOutcome, { kind: 'limited' }>;

/**
 * Charges `cost` checks to the user's budget; the 'limited' outcome when it is spent. Image checks
 * charge one per image before reading them, so a flood of screenshots costs no OCR time.
 */
export function admit(userId: string | null, source: CheckDoor, services: Services, cost = 1): Limited | null {
  const key = userId ?? 'anonymous';
  const nowMs = services.now().getTime();
  for (let i = 0; i < Math.max(1, cost); i++) {
    const decision = services.limiter.take(key, nowMs);
    if (decision.ok) continue;
    // One line per user and window, not per message: a flood must not flood the log too.
    if (decision.firstRejection) services.log.info('rate_limited', { source });
    return { kind: 'limited', retryAfterSec: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)), firstRejection: decision.firstRejection };
  }
  return null;
}

export function runCheck(input: CheckInput, services: Services): CheckOutcome {
  const text = input.text.trim();
  if (text.length === 0) {
    return { kind: 'nothing', note: input.emptyNote ?? ((input.attachments ?? 0) > 0 ? noteCopy.imagesNotRead : noteCopy.nothingToCheck) };
  }
  if (!input.admitted) {
    const limited = admit(input.userId, input.source, services);
    if (limited) return limited;
  }

  const started = performance.now();
  const report = services.engine.analyse(text, { platform: input.platform, stage: input.stage });
  const notes = [...(input.notes ?? [])];
  if ((input.attachments ?? 0) > 0) notes.push(noteCopy.imagesIgnored);

  let seenOthers: number | null = null;
  if (services.stats) {
    try {
      seenOthers = services.stats.record(report, text, {
        source: input.fromImages ? imageSource(input.source) : input.source,
        guildId: input.guildId,
        userId: input.userId,
        at: services.now(),
      })?.seenOthers ?? null;
    } catch (err) {
      // The port promises not to throw; if it does, the user still gets the answer.
      services.log.error('stats_record_failed', errorFields(err));
    }
  }
  services.log.info('check', {
    source: input.source,
    images: input.fromImages ? true : undefined,
    verdict: report.verdict.level,
    findings: report.verdict.findings.length,
    chars: text.length,
    ms: Math.round(performance.now() - started),
  });
  return { kind: 'report', report, seenOthers, notes };
}

// One check, whatever door it came through (/check, the context menu, a DM, a forward, the local
// console): over the per-user budget → a friendly wait (every message counts, empty ones too, and
// each image before it is read); empty input → a note; the bot's own budget used up →
// 「混み合っています」; otherwise analyse, record anonymously, and hand back the report with the
// notes the reply should carry.
import type { Platform, Stage } from '../detector/types.ts';
import { noteCopy } from '../reply/bot-copy.ts';
import type { Bilingual } from '../reply/copy-types.ts';
import type { Report } from '../reply/report.ts';
import { imageSource } from '../stats/codes.ts';
import type { CheckDoor } from '../stats/port.ts';
import { seenApplies, seenToShow } from '../stats/seen.ts';
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
  | { kind: 'limited'; retryAfterSec: number; firstRejection: boolean }
  | { kind: 'busy' };

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
  const nowMs = services.now().getTime();
  // Every message counts, with text or without (an empty or attachment-only DM still costs a reply).
  if (!input.admitted) {
    const limited = admit(input.userId, input.source, services);
    if (limited) return limited;
  }
  const text = input.text.trim();
  if (text.length === 0) {
    return { kind: 'nothing', note: input.emptyNote ?? ((input.attachments ?? 0) > 0 ? noteCopy.imagesNotRead : noteCopy.nothingToCheck) };
  }
  const allowed = services.budget?.allow(nowMs) ?? { ok: true };
  if (!allowed.ok) {
    if (allowed.first) services.log.warn('checks_busy', { source: input.source });
    return { kind: 'busy' };
  }

  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const report = services.engine.analyse(text, { platform: input.platform, stage: input.stage });
  const notes = [...(input.notes ?? [])];
  if ((input.attachments ?? 0) > 0) notes.push(noteCopy.imagesIgnored);

  let seenOthers: number | null = null;
  if (services.stats) {
    try {
      const seen = services.stats.record(report, text, {
        source: input.fromImages ? imageSource(input.source) : input.source,
        guildId: input.guildId,
        userId: input.userId,
        at: services.now(),
      })?.seenOthers;
      seenOthers = seenLine(report, seen, input.userId, nowMs, services);
    } catch (err) {
      // The port promises not to throw; if it does, the user still gets the answer.
      services.log.error('stats_record_failed', errorFields(err));
    }
  }
  // CPU time, not wall time: on a machine shared with other work a check is paused now and then,
  // which says nothing about what it cost the bot.
  const cpu = process.cpuUsage(cpu0);
  services.budget?.charge((cpu.user + cpu.system) / 1000, nowMs);
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

/**
 * 「ほかに N 件」 for this reply, or null (src/stats/seen.ts). Every medium or high verdict uses one
 * of the person's look-ups whether or not a number is shown: the line's absence says something
 * too, so it must cost the same.
 */
function seenLine(report: Report, seen: number | null | undefined, userId: string | null, nowMs: number, services: Services): number | null {
  if (!seenApplies(report.verdict.level)) return null;
  if (services.lookups && !services.lookups.take(`seen:${userId ?? 'anonymous'}`, nowMs).ok) return null;
  return seenToShow(report.verdict.level, seen);
}

// Answering interactions privately, inside Discord's 3-second window.
// Every reply is ephemeral (`flags: MessageFlags.Ephemeral`): a member's client message is nobody
// else's business. The tokenizer is built before login, so a check normally takes milliseconds;
// we defer only when the work may not fit (a very long text, or an interaction that already
// arrived late) and then edit the deferred reply.
import { MessageFlags, type APIEmbed, type RepliableInteraction } from 'discord.js';
import { noteCopy } from '../reply/bot-copy.ts';
import type { Bilingual, Locale } from '../reply/copy-types.ts';
import { buildReportReply, type ButtonRow } from '../reply/embed.ts';
import { QueueFullError } from './check-queue.ts';
import { runCheck, type CheckInput, type CheckOutcome } from './checking.ts';
import type { Services } from './command.ts';
import { checkWithImages, type AttachmentRef } from './images.ts';
import { localeOf } from './locale.ts';

/** Texts longer than this are analysed after a deferral (analysis grows with length). */
export const DEFER_OVER_CHARS = 2000;
/** An interaction older than this when we start has little of its 3 s left: defer first. */
export const DEFER_AFTER_AGE_MS = 1500;

export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** The message for a check outcome (no flags: DMs cannot be ephemeral, interactions add them). */
export function payloadFor(outcome: CheckOutcome, locale: Locale): ReplyPayload {
  switch (outcome.kind) {
    case 'report':
      return buildReportReply(outcome.report, locale, { notes: outcome.notes, seenOthers: outcome.seenOthers });
    case 'nothing':
      return { content: outcome.note[locale], embeds: [], components: [] };
    case 'limited':
      return { content: noteCopy.rateLimited(outcome.retryAfterSec)[locale], embeds: [], components: [] };
    case 'busy':
      return { content: noteCopy.busy[locale], embeds: [], components: [] };
  }
}

/** What a check that could not even be queued answers. */
export const BUSY: CheckOutcome = { kind: 'busy' };

export function shouldDefer(createdTimestamp: number, nowMs: number, chars: number): boolean {
  return chars > DEFER_OVER_CHARS || nowMs - createdTimestamp > DEFER_AFTER_AGE_MS;
}

/**
 * Runs `job` in the services' check queue when there is one (the bot), else at once. When the
 * queue is full, resolves with `whenFull` (logged once per spell) instead of waiting.
 */
export function inQueue<T>(services: Services, job: () => T, whenFull?: T): Promise<T> {
  if (services.queue) {
    return services.queue.run(job).catch((err: unknown) => {
      if (!(err instanceof QueueFullError) || whenFull === undefined) throw err;
      if (err.first) services.log.warn('checks_queue_full', { queued: services.queue?.length });
      return whenFull;
    });
  }
  try {
    return Promise.resolve(job());
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * Runs a check for an interaction and answers it privately. With `files` (attachments) and OCR
 * available, the images are read too (src/bot/images.ts): that takes a second or more, so the
 * interaction is deferred at once.
 */
export async function answerCheck(interaction: RepliableInteraction, input: CheckInput, services: Services, files: readonly AttachmentRef[] = []): Promise<void> {
  const locale = localeOf(interaction.locale);
  const nowMs = services.now().getTime();
  let deferral: Promise<unknown> | null = null;
  const deferNow = (): void => {
    deferral ??= interaction.deferReply({ flags: MessageFlags.Ephemeral });
    deferral.catch(() => undefined); // awaited below
  };
  const withImages = files.length > 0 && services.images !== undefined;
  if (withImages || shouldDefer(interaction.createdTimestamp, nowMs, input.text.length)) deferNow();
  // Still waiting for its turn in the check queue when the window runs short: defer then. The
  // queue runs checks in short slices, so this timer fires between two slices.
  const timer = deferral ? null : setTimeout(deferNow, Math.max(0, interaction.createdTimestamp + DEFER_AFTER_AGE_MS - nowMs));
  let outcome: CheckOutcome;
  try {
    outcome = withImages ? await checkWithImages(input, files, services) : await inQueue(services, () => runCheck(input, services), BUSY);
  } finally {
    if (timer) clearTimeout(timer);
  }
  const payload = payloadFor(outcome, locale);
  if (deferral) {
    await deferral;
    await interaction.editReply(payload);
  } else {
    await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  }
}

/** A short private text answer (help, button answers, notes). */
export async function replyPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}

/** The apology after a failure (or another short note), in whatever state the interaction was left. */
export async function apologise(interaction: RepliableInteraction, note: Bilingual = noteCopy.apology): Promise<void> {
  const content = note[localeOf(interaction.locale)];
  if (interaction.deferred && !interaction.replied) await interaction.editReply({ content, embeds: [], components: [] });
  else if (interaction.replied) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}

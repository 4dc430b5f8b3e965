// Direct messages: a pasted text, or a forwarded client message.
//
// A Discord forward arrives with empty `content` and the text in `message_snapshots`. When the user
// adds a comment to a forward, the Discord client sends it as a separate plain message right after
// the forward (a bot cannot see them as one). So:
//   - a forward is checked on its snapshot text; if it does carry content of its own, that content
//     is the user's comment, left out of the check, and the reply says so;
//   - a plain message arriving within COMMENT_WINDOW_MS after a forward in the same DM is taken as
//     that comment: if it contains nothing risky it gets a one-line note instead of a full report
//     (a risky text is always checked in full, whatever its timing);
//   - several forwards in a row are each answered, as replies to their own messages;
//   - screenshots (the message's own images, or a forward's) are read and checked together with
//     the text (src/bot/images.ts); a message with images is never taken as a forward's comment.
import { ChannelType, type Message } from 'discord.js';
import { noteCopy } from '../reply/bot-copy.ts';
import type { Bilingual } from '../reply/copy-types.ts';
import { admit, runCheck, type CheckOutcome } from './checking.ts';
import type { Services } from './command.ts';
import { extractMessage } from './extract.ts';
import { checkWithImages, imageCost } from './images.ts';
import { BUSY, inQueue, payloadFor } from './respond.ts';

export const COMMENT_WINDOW_MS = 3000;

/** When each DM channel last received a forward; bounded, oldest forgotten first. */
export class RecentForwards {
  private readonly at = new Map<string, number>();
  constructor(private readonly max = 5000) {}
  mark(channelId: string, nowMs: number): void {
    this.at.delete(channelId);
    this.at.set(channelId, nowMs);
    while (this.at.size > this.max) {
      const oldest = this.at.keys().next();
      if (oldest.done) break;
      this.at.delete(oldest.value);
    }
  }
  /** True (once) when a forward arrived in this channel within the comment window. */
  consume(channelId: string, nowMs: number): boolean {
    const t = this.at.get(channelId);
    if (t === undefined) return false;
    this.at.delete(channelId);
    return nowMs - t <= COMMENT_WINDOW_MS;
  }
}

export function isDirectMessage(message: Message): boolean {
  return message.channel.type === ChannelType.DM && !message.guildId;
}

export async function handleDirectMessage(message: Message, services: Services, forwards: RecentForwards): Promise<void> {
  const nowMs = services.now().getTime();
  const x = extractMessage(message);
  const who = { userId: message.author.id, guildId: null };
  let outcome: CheckOutcome;

  // Both branches decide inside the FIFO check queue, so a forward's budget decision and its mark
  // always come before the comment the Discord client sends right after it.
  const ocr = services.images !== undefined;
  if (x.isForward) {
    const notes: Bilingual[] = x.own ? [noteCopy.commentNotChecked] : [];
    const input = { text: x.forwarded, source: 'forward' as const, ...who, notes, attachments: x.forwardedAttachments };
    if (ocr && x.forwardedFiles.length > 0) {
      // As below: the budget decision and the mark in queue order, before the comment that follows.
      const limited = await inQueue<CheckOutcome | null>(
        services,
        () => {
          const l = admit(who.userId, 'forward', services, imageCost(x.forwardedFiles));
          if (!l) forwards.mark(message.channelId, nowMs);
          return l;
        },
        BUSY,
      );
      outcome = limited ?? (await checkWithImages({ ...input, admitted: true }, x.forwardedFiles, services));
    } else {
      outcome = await inQueue(services, () => {
        const o = runCheck(input, services);
        // Only an answered forward opens the comment window: otherwise a flood alternating forwards
        // and plain messages would have every plain one analysed outside the rate limit.
        if (o.kind !== 'limited') forwards.mark(message.channelId, nowMs);
        return o;
      }, BUSY);
    }
  } else if (ocr && x.ownFiles.length > 0) {
    // A screenshot is a message to check, never a comment on the forward before it.
    await inQueue(services, () => forwards.consume(message.channelId, nowMs));
    outcome = await checkWithImages({ text: x.own, source: 'dm', ...who, attachments: x.ownAttachments }, x.ownFiles, services);
  } else {
    const harmlessComment = x.own
      ? await inQueue(services, () => forwards.consume(message.channelId, nowMs) && services.engine.analyse(x.own).verdict.level === 'none', false)
      : false;
    if (harmlessComment) {
      services.log.info('forward_comment');
      await message.reply({ content: noteCopy.commentAfterForward.ja, allowedMentions: { parse: [], repliedUser: false } });
      return;
    }
    outcome = await inQueue(services, () => runCheck({ text: x.own, source: 'dm', ...who, attachments: x.ownAttachments }, services), BUSY);
  }

  // Over the budget: one notice per window, not one per message.
  if (outcome.kind === 'limited' && !outcome.firstRejection) return;
  // DMs carry no locale; Japanese is the default language of the bot.
  await message.reply({ ...payloadFor(outcome, 'ja'), allowedMentions: { parse: [], repliedUser: false } });
}

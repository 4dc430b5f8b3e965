// Discord message → the text to check: content, the text of forwarded snapshots, and the title and
// description of embeds, plus the attachments (screenshots are read by src/bot/images.ts). Works on
// the structural minimum of a discord.js Message, so the rules are tested without a client.
import type { AttachmentRef } from './images.ts';

/** What discord.js tells about an attachment (an `Attachment` has these fields). */
export interface AttachmentLike {
  url: string;
  size: number;
  contentType: string | null;
  width?: number | null;
  height?: number | null;
  name?: string | null;
}

/** The parts of a message (or a forwarded snapshot) that carry text or images. */
export interface MessageLike {
  content: string | null;
  embeds: ReadonlyArray<{ title: string | null; description: string | null }>;
  /** discord.js keeps attachments in a Collection. */
  attachments: { size: number; values(): Iterable<AttachmentLike> };
}

export interface SourceMessage extends MessageLike {
  /** Forwarded copies; discord.js keeps them in a Collection. */
  messageSnapshots?: { values(): Iterable<MessageLike> } | null;
  /** message_reference.type: 0 = reply, 1 = forward. */
  reference?: { type?: number | null } | null;
}

export interface Extracted {
  /** The message's own text: its content plus its embeds' text. For a forward, the user's comment. */
  own: string;
  /** Text of the forwarded message(s), in order. */
  forwarded: string;
  isForward: boolean;
  ownAttachments: number;
  forwardedAttachments: number;
  /** The attachments themselves, in order: the message's own, then the forwarded ones. */
  ownFiles: AttachmentRef[];
  forwardedFiles: AttachmentRef[];
}

function filesOf(m: MessageLike): AttachmentRef[] {
  return [...m.attachments.values()].map((a) => ({
    url: a.url,
    size: a.size,
    contentType: a.contentType ?? null,
    width: a.width ?? null,
    height: a.height ?? null,
    name: a.name ?? null,
  }));
}

const FORWARD = 1;

function textOf(m: MessageLike): string {
  const parts = [m.content ?? ''];
  for (const e of m.embeds) parts.push(e.title ?? '', e.description ?? '');
  return joinParts(parts);
}

export function joinParts(parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

export function extractMessage(m: SourceMessage): Extracted {
  const snapshots = m.messageSnapshots ? [...m.messageSnapshots.values()] : [];
  return {
    own: textOf(m),
    forwarded: joinParts(snapshots.map(textOf)),
    isForward: snapshots.length > 0 || m.reference?.type === FORWARD,
    ownAttachments: m.attachments.size,
    forwardedAttachments: snapshots.reduce((n, s) => n + s.attachments.size, 0),
    ownFiles: filesOf(m),
    forwardedFiles: snapshots.flatMap(filesOf),
  };
}

/**
 * Everything in a message someone else wrote (context menu target): its own text and anything it
 * forwards. There is no "comment" to leave out here: the whole target is the client's message.
 */
export function wholeText(x: Extracted): string {
  return joinParts([x.own, x.forwarded]);
}

// The digest scheduler's `post` for discord.js: send the text (split at 2,000 characters) and the
// chart to the channel an admin chose, and turn Discord's refusals into a remembered problem.
// This is the only Discord call of src/stats/; the bot passes its client in at startup.
import { AttachmentBuilder, PermissionFlagsBits, type Client } from 'discord.js';
import { digestCopy } from './digest-copy.ts';
import { splitForDiscord } from './replies.ts';
import type { PostDigest, PostResult } from './scheduler.ts';
import type { DigestProblem } from './store.ts';

/** Discord JSON error codes: Unknown Channel, Missing Access, Missing Permissions. */
const UNKNOWN_CHANNEL = 10003;
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;

/** What a failed post means for the admin (pure; tested). */
export function problemOf(err: unknown): DigestProblem {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === UNKNOWN_CHANNEL) return 'channel_missing';
  if (code === MISSING_ACCESS || code === MISSING_PERMISSIONS) return 'missing_permission';
  return 'post_failed';
}

const REQUIRED = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.AttachFiles];

export function discordDigestPoster(client: Client): PostDigest {
  return async (target, digest): Promise<PostResult> => {
    let channel;
    try {
      channel = await client.channels.fetch(target.channelId);
    } catch (err) {
      return { ok: false, problem: problemOf(err) };
    }
    if (!channel || !channel.isSendable()) return { ok: false, problem: 'channel_missing' };
    if (!channel.isDMBased()) {
      const me = channel.guild.members.me;
      if (me && !channel.permissionsFor(me).has(REQUIRED)) return { ok: false, problem: 'missing_permission' };
    }
    try {
      const [first = '', ...rest] = splitForDiscord(digest.text);
      const files = digest.png ? [new AttachmentBuilder(digest.png, { name: 'digest.png', description: digestCopy.chartAlt })] : [];
      await channel.send({ content: first, files, allowedMentions: { parse: [] } });
      for (const part of rest) await channel.send({ content: part, allowedMentions: { parse: [] } });
      return { ok: true };
    } catch (err) {
      return { ok: false, problem: problemOf(err) };
    }
  };
}

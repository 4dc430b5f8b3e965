// Whether the bot is installed in the server an interaction comes from. Members can use the bot
// anywhere through a user install; only a server that added the bot itself has statistics of its
// own, because only there can its admins see /digest-admin and opt the server out.
import type { BaseInteraction } from 'discord.js';

/** The interaction's server id when the bot is installed in that server; null otherwise (DMs too). */
export function installedGuildId(interaction: BaseInteraction): string | null {
  const guildId = interaction.guildId;
  if (!guildId) return null;
  return interaction.authorizingIntegrationOwners.guildId === guildId ? guildId : null;
}

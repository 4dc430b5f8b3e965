// /stats [period:week|month] [scope:server|all] — community counts of the last complete week (or
// four) against the span before. Counts only, rounded; anything fewer than five people checked is
// folded; a server's own numbers only where the server added the bot (src/stats/replies.ts).
import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import type { ChatInputExecute } from '../src/bot/command.ts';
import { installedGuildId } from '../src/bot/install.ts';
import { englishLocalizations, localeOf } from '../src/bot/locale.ts';
import { replyPrivately } from '../src/bot/respond.ts';
import { adminCopy, statsCopy } from '../src/stats/digest-copy.ts';
import { PERIODS, SCOPES, statsReply } from '../src/stats/replies.ts';

export const data = new SlashCommandBuilder()
  .setName('stats')
  .setDescription(statsCopy.description.ja)
  .setDescriptionLocalizations(englishLocalizations(statsCopy.description))
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
  .addStringOption((o) =>
    o
      .setName('period')
      .setDescription(statsCopy.periodOption.ja)
      .setDescriptionLocalizations(englishLocalizations(statsCopy.periodOption))
      .addChoices(
        { name: statsCopy.periodWeek.ja, name_localizations: englishLocalizations(statsCopy.periodWeek), value: 'week' },
        { name: statsCopy.periodMonth.ja, name_localizations: englishLocalizations(statsCopy.periodMonth), value: 'month' },
      ),
  )
  .addStringOption((o) =>
    o
      .setName('scope')
      .setDescription(statsCopy.scopeOption.ja)
      .setDescriptionLocalizations(englishLocalizations(statsCopy.scopeOption))
      .addChoices(
        { name: statsCopy.scopeServer.ja, name_localizations: englishLocalizations(statsCopy.scopeServer), value: 'server' },
        { name: statsCopy.scopeAll.ja, name_localizations: englishLocalizations(statsCopy.scopeAll), value: 'all' },
      ),
  );

const Period = z.enum(PERIODS).catch('week');
// In a server that added the bot the default is that server; elsewhere "all".
const Scope = z.enum(SCOPES).optional().catch(undefined);

export const execute: ChatInputExecute = async (interaction, services) => {
  const locale = localeOf(interaction.locale);
  const stats = services.stats?.community;
  if (!stats) {
    await replyPrivately(interaction, adminCopy.noStats[locale]);
    return;
  }
  const guildId = interaction.inGuild() ? interaction.guildId : null;
  const guildInstalled = installedGuildId(interaction) !== null;
  const content = statsReply(stats, {
    period: Period.parse(interaction.options.getString('period') ?? 'week'),
    scope: Scope.parse(interaction.options.getString('scope') ?? undefined) ?? (guildInstalled ? 'server' : 'all'),
    guildId,
    guildInstalled,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    now: services.now(),
    locale,
  });
  await replyPrivately(interaction, content);
};

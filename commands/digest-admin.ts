// /digest-admin — server admins (Manage Server, checked here as well as by the default member
// permission, which a server can override): the weekly digest channel, a private preview, the
// status, and opting the server out of recording (which deletes its records) or back in.
// Reply bodies come from src/stats/replies.ts; this file reads options and talks to Discord.
import {
  ApplicationIntegrationType,
  AttachmentBuilder,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { z } from 'zod';
import type { ChatInputExecute } from '../src/bot/command.ts';
import { englishLocalizations, localeOf } from '../src/bot/locale.ts';
import { replyPrivately } from '../src/bot/respond.ts';
import { adminCopy, digestCopy, statsCopy } from '../src/stats/digest-copy.ts';
import {
  adminClearChannel,
  adminOptIn,
  adminOptOut,
  adminPreview,
  adminSetChannel,
  adminStatus,
  splitForDiscord,
} from '../src/stats/replies.ts';
import { DIGEST_SCOPES } from '../src/stats/store.ts';

const c = adminCopy;
const optOutConfirm = {
  description: { ja: '記録の削除に同意する場合は「True」を選んでください', en: 'Choose True to confirm deleting the records' },
};

export const data = new SlashCommandBuilder()
  .setName('digest-admin')
  .setDescription(c.description.ja)
  .setDescriptionLocalizations(englishLocalizations(c.description))
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('set-channel')
      .setDescription(c.setChannel.ja)
      .setDescriptionLocalizations(englishLocalizations(c.setChannel))
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription(c.channelOption.ja)
          .setDescriptionLocalizations(englishLocalizations(c.channelOption))
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)
          .setRequired(true),
      )
      .addStringOption((o) =>
        o
          .setName('scope')
          .setDescription(c.scopeOption.ja)
          .setDescriptionLocalizations(englishLocalizations(c.scopeOption))
          .addChoices(
            { name: statsCopy.scopeAll.ja, name_localizations: englishLocalizations(statsCopy.scopeAll), value: 'all' },
            { name: statsCopy.scopeServer.ja, name_localizations: englishLocalizations(statsCopy.scopeServer), value: 'server' },
          ),
      ),
  )
  .addSubcommand((s) => s.setName('clear-channel').setDescription(c.clearChannel.ja).setDescriptionLocalizations(englishLocalizations(c.clearChannel)))
  .addSubcommand((s) => s.setName('preview').setDescription(c.preview.ja).setDescriptionLocalizations(englishLocalizations(c.preview)))
  .addSubcommand((s) => s.setName('status').setDescription(c.status.ja).setDescriptionLocalizations(englishLocalizations(c.status)))
  .addSubcommand((s) =>
    s
      .setName('opt-out')
      .setDescription(c.optOut.ja)
      .setDescriptionLocalizations(englishLocalizations(c.optOut))
      .addBooleanOption((o) =>
        o
          .setName('confirm')
          .setDescription(optOutConfirm.description.ja)
          .setDescriptionLocalizations(englishLocalizations(optOutConfirm.description))
          .setRequired(true),
      ),
  )
  .addSubcommand((s) => s.setName('opt-in').setDescription(c.optIn.ja).setDescriptionLocalizations(englishLocalizations(c.optIn)));

const Scope = z.enum(DIGEST_SCOPES).catch('all');
const REQUIRED = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.AttachFiles];

/** Whether the bot can post in the channel; null when the cache cannot tell (the post will). */
function botCanPost(interaction: ChatInputCommandInteraction, channelId: string): boolean | null {
  const guild = interaction.guild;
  const me = guild?.members.me;
  const channel = guild?.channels.cache.get(channelId);
  if (!me || !channel) return null;
  return channel.permissionsFor(me).has(REQUIRED);
}

export const execute: ChatInputExecute = async (interaction, services) => {
  const locale = localeOf(interaction.locale);
  const stats = services.stats?.community;
  if (!interaction.inGuild()) {
    await replyPrivately(interaction, c.guildOnly[locale]);
    return;
  }
  // Discord applies default_member_permissions only until a server overrides the command's
  // permissions; the member's own permission in this server decides.
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await replyPrivately(interaction, c.needManageGuild[locale]);
    return;
  }
  if (!stats) {
    await replyPrivately(interaction, c.noStats[locale]);
    return;
  }
  const guildId = interaction.guildId;
  const sub = interaction.options.getSubcommand(true);
  switch (sub) {
    case 'set-channel': {
      const channel = interaction.options.getChannel('channel', true);
      if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
        await replyPrivately(interaction, c.channelNotText[locale]);
        return;
      }
      if (botCanPost(interaction, channel.id) === false) {
        await replyPrivately(interaction, c.channelMissingPermission(channel.id)[locale]);
        return;
      }
      const scope = Scope.parse(interaction.options.getString('scope') ?? 'all');
      await replyPrivately(interaction, adminSetChannel(stats, { guildId, channelId: channel.id, scope, now: services.now(), cron: stats.digestCron, locale }));
      return;
    }
    case 'clear-channel':
      await replyPrivately(interaction, adminClearChannel(stats, { guildId, locale }));
      return;
    case 'status':
      await replyPrivately(interaction, adminStatus(stats, { guildId, cron: stats.digestCron, locale }));
      return;
    case 'opt-out':
      if (!interaction.options.getBoolean('confirm', true)) {
        await replyPrivately(interaction, c.optOutNotConfirmed[locale]);
        return;
      }
      await replyPrivately(interaction, adminOptOut(stats, { guildId, locale }));
      return;
    case 'opt-in':
      await replyPrivately(interaction, adminOptIn(stats, { guildId, locale }));
      return;
    case 'preview': {
      // Building the chart takes a moment (fonts): answer within Discord's 3 seconds first.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const digest = await adminPreview(stats, services.engine.detector.rules, { guildId, now: services.now(), serverName: interaction.guild?.name ?? null });
      const [first = '', ...rest] = splitForDiscord(`${c.previewNote[locale]}\n\n${digest.text}`);
      const files = digest.png ? [new AttachmentBuilder(digest.png, { name: 'digest.png', description: digestCopy.chartAlt })] : [];
      await interaction.editReply({ content: first, files });
      for (const part of rest) await interaction.followUp({ content: part, flags: MessageFlags.Ephemeral });
      return;
    }
    default:
      await replyPrivately(interaction, c.guildOnly[locale]);
  }
};

// /privacy — what community statistics store and what they never store, in Japanese (English for
// English clients). The text lives in src/stats/digest-copy.ts.
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { ChatInputExecute } from '../src/bot/command.ts';
import { englishLocalizations, localeOf } from '../src/bot/locale.ts';
import { replyPrivately } from '../src/bot/respond.ts';
import { privacyCopy } from '../src/stats/digest-copy.ts';
import { privacyReply } from '../src/stats/replies.ts';

export const data = new SlashCommandBuilder()
  .setName('privacy')
  .setDescription(privacyCopy.description.ja)
  .setDescriptionLocalizations(englishLocalizations(privacyCopy.description))
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);

export const execute: ChatInputExecute = async (interaction) => {
  await replyPrivately(interaction, privacyReply(localeOf(interaction.locale)));
};

// /help — how to use the bot, privately.
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { ChatInputExecute } from '../src/bot/command.ts';
import { englishLocalizations, localeOf } from '../src/bot/locale.ts';
import { replyPrivately } from '../src/bot/respond.ts';
import { commandCopy, helpCopy } from '../src/reply/bot-copy.ts';

export const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription(commandCopy.help.description.ja)
  .setDescriptionLocalizations(englishLocalizations(commandCopy.help.description))
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);

export const execute: ChatInputExecute = async (interaction) => {
  await replyPrivately(interaction, helpCopy[localeOf(interaction.locale)]);
};

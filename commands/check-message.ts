// Message context menu 「外部誘導チェック」: right-click (long-press) any message → Apps.
// Checks the target's text, including a forwarded message's snapshot and embed text, together with
// the text read from its screenshots (its own images and a forward's).
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
} from 'discord.js';
import type { MessageMenuExecute } from '../src/bot/command.ts';
import { extractMessage, wholeText } from '../src/bot/extract.ts';
import { englishLocalizations } from '../src/bot/locale.ts';
import { answerCheck } from '../src/bot/respond.ts';
import { installedGuildId } from '../src/bot/install.ts';
import { commandCopy } from '../src/reply/bot-copy.ts';

export const data = new ContextMenuCommandBuilder()
  .setName(commandCopy.checkMessage.name.ja)
  .setNameLocalizations(englishLocalizations(commandCopy.checkMessage.name))
  .setType(ApplicationCommandType.Message)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);

export const execute: MessageMenuExecute = async (interaction, services) => {
  const x = extractMessage(interaction.targetMessage);
  await answerCheck(
    interaction,
    {
      text: wholeText(x),
      source: 'context_menu',
      userId: interaction.user.id,
      // Statistics keep a server apart only where the server added the bot (and can opt out).
      guildId: installedGuildId(interaction),
      attachments: x.ownAttachments + x.forwardedAttachments,
    },
    services,
    [...x.ownFiles, ...x.forwardedFiles],
  );
};

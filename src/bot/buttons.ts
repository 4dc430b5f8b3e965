// The buttons under a report. Their custom_id carries the whole state (src/reply/custom-id.ts), so
// they work after a restart and never need the checked text. Each answer is its own private plain
// message: the refusal alone is easy to long-press and copy on a phone.
import type { ButtonInteraction } from 'discord.js';
import { buttonCopy } from '../reply/bot-copy.ts';
import { decodeButton } from '../reply/custom-id.ts';
import { alreadyRepliedText, refusalText, reportStepsText } from '../reply/embed.ts';
import type { Services } from './command.ts';
import { localeOf } from './locale.ts';
import { replyPrivately } from './respond.ts';

export async function handleButton(interaction: ButtonInteraction, services: Services): Promise<void> {
  const action = decodeButton(interaction.customId);
  if (!action) {
    services.log.info('button_stale');
    await replyPrivately(interaction, buttonCopy.stale[localeOf(interaction.locale)]);
    return;
  }
  services.log.info('button', { action: action.action });
  switch (action.action) {
    case 'refusal':
      await replyPrivately(interaction, refusalText(action.parts, action.platform, action.locale));
      return;
    case 'report':
      await replyPrivately(interaction, reportStepsText(action.platform, action.category, action.locale));
      return;
    case 'replied':
      await replyPrivately(interaction, alreadyRepliedText(action.locale));
      return;
  }
}

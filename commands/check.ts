// /check text:… [image:…] [platform:…] [stage:…] — check a pasted client message and/or a
// screenshot of it (its text is read locally and checked with the pasted text); the answer is private.
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import { z } from 'zod';
import { PlatformSchema, StageSchema, type Platform, type Stage } from '../src/detector/types.ts';
import type { ChatInputExecute } from '../src/bot/command.ts';
import { englishLocalizations } from '../src/bot/locale.ts';
import { answerCheck } from '../src/bot/respond.ts';
import { installedGuildId } from '../src/bot/install.ts';
import { commandCopy, imageCopy } from '../src/reply/bot-copy.ts';
import { copy } from '../src/reply/copy.ts';

/** Discord's maximum length of a string option. */
export const TEXT_MAX_LENGTH = 6000;
const PLATFORM_CHOICES: Platform[] = ['crowdworks', 'lancers', 'coconala', 'other'];
// `unknown` is what leaving the option out means (the stage is then guessed from the text).
const STAGE_CHOICES: Stage[] = ['before_contract', 'after_contract', 'after_escrow'];
const c = commandCopy.check;

export const data = new SlashCommandBuilder()
  .setName('check')
  .setDescription(c.description.ja)
  .setDescriptionLocalizations(englishLocalizations(c.description))
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
  .addStringOption((o) =>
    o
      .setName('text')
      .setDescription(c.text.ja)
      .setDescriptionLocalizations(englishLocalizations(c.text))
      // Optional since a screenshot alone can be checked; with neither, the reply asks for one.
      .setRequired(false)
      .setMaxLength(TEXT_MAX_LENGTH),
  )
  .addAttachmentOption((o) =>
    o.setName('image').setDescription(imageCopy.option.ja).setDescriptionLocalizations(englishLocalizations(imageCopy.option)),
  )
  .addStringOption((o) =>
    o
      .setName('platform')
      .setDescription(c.platform.ja)
      .setDescriptionLocalizations(englishLocalizations(c.platform))
      .addChoices(
        ...PLATFORM_CHOICES.map((p) => ({ name: copy.platformLabel[p].ja, name_localizations: englishLocalizations(copy.platformLabel[p]), value: p })),
      ),
  )
  .addStringOption((o) =>
    o
      .setName('stage')
      .setDescription(c.stage.ja)
      .setDescriptionLocalizations(englishLocalizations(c.stage))
      .addChoices(
        ...STAGE_CHOICES.map((s) => ({ name: copy.stageLabel[s].ja, name_localizations: englishLocalizations(copy.stageLabel[s]), value: s })),
      ),
  );

// Option values come from Discord: validate them like any other input (unknown → guess from text).
const OptionalPlatform = PlatformSchema.optional().catch(undefined);
const OptionalStage = StageSchema.optional().catch(undefined);
const optionalString = (v: string | null): string | undefined => (v === null ? undefined : v);

export const execute: ChatInputExecute = async (interaction, services) => {
  const text = z.string().parse(interaction.options.getString('text') ?? '');
  const image = interaction.options.getAttachment('image');
  await answerCheck(
    interaction,
    {
      text,
      source: 'slash',
      userId: interaction.user.id,
      // Statistics keep a server apart only where the server added the bot (and can opt out).
      guildId: installedGuildId(interaction),
      platform: OptionalPlatform.parse(optionalString(interaction.options.getString('platform'))),
      stage: OptionalStage.parse(optionalString(interaction.options.getString('stage'))),
      attachments: image ? 1 : 0,
    },
    services,
    image ? [{ url: image.url, size: image.size, contentType: image.contentType, width: image.width, height: image.height, name: image.name }] : [],
  );
};

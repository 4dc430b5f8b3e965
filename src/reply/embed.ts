// Report → the JSON of a Discord reply: one embed plus a row of buttons. Plain data only (types
// from discord.js, no client calls), so it is tested without a bot and reused by every door.
// Mirrors src/reply/text.ts section by section: what the CLI prints is what the bot says.
//
// Embed limits (Discord rejects the whole reply when one is exceeded): title 256, description 4096,
// 25 fields, field name 256, field value 1024, footer 2048, and 6000 characters in total.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField, ButtonStyle, ComponentType } from 'discord.js';
import type { Category, Level, Platform } from '../detector/types.ts';
import { buttonCopy, embedCopy } from './bot-copy.ts';
import { copy } from './copy.ts';
import type { Bilingual, Locale, RefusalPart } from './copy-types.ts';
import { buttonIds } from './custom-id.ts';
import { composeRefusal } from './refusal.ts';
import { assumedLine, type Report } from './report.ts';

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  /** Plain message content. */
  content: 2000,
} as const;

/** Findings shown one per field; the rest are summarised so the embed stays readable on a phone. */
export const MAX_FINDING_FIELDS = 10;

export const LEVEL_COLOUR: Record<Level, number> = {
  high: 0xd32f2f, // red
  medium: 0xf57c00, // orange
  low: 0xfbc02d, // yellow
  none: 0x388e3c, // green
};
export const LEVEL_MARK: Record<Level, string> = { high: '🔴', medium: '🟠', low: '🟡', none: '🟢' };

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface ReportReply {
  embeds: APIEmbed[];
  components: ButtonRow[];
}

export interface ReplyExtras {
  /** Door-specific notes (image not read, forward comment not checked, …), shown first. */
  notes?: Bilingual[];
  /** From StatsPort.record(); the community line is shown when it is 2 or more. */
  seenOthers?: number | null;
}

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair, marking the cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** User text inside an embed: neutralise inline markdown so a phrase cannot restyle the reply. */
export function escapeInline(s: string): string {
  return s.replace(/[\\*_~`|[\]]/g, (ch) => `\\${ch}`);
}

function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

function field(name: string, value: string): APIEmbedField {
  return { name: clip(name, EMBED_LIMITS.fieldName), value: clip(value || '-', EMBED_LIMITS.fieldValue) };
}

export function buildReportEmbed(report: Report, locale: Locale, extras: ReplyExtras = {}): APIEmbed {
  const v = report.verdict;
  // The level's name once, then the one line a beginner reads: 「🔴 危険 — このメッセージの求めには…」.
  const title = clip(`${LEVEL_MARK[v.level]} ${report.levelLabel[locale]} — ${report.headline[locale]}`, EMBED_LIMITS.title);

  const descLines: string[] = [];
  for (const n of extras.notes ?? []) descLines.push(`※ ${n[locale]}`);
  for (const n of report.notes) descLines.push(`※ ${n[locale]}`);
  if (extras.seenOthers !== undefined && extras.seenOthers !== null && extras.seenOthers >= 2) {
    descLines.push(`👥 ${embedCopy.seenOthers(extras.seenOthers)[locale]}`);
  }
  descLines.push(assumedLine(report, 'discord')[locale]);
  const description = clip(descLines.join('\n'), EMBED_LIMITS.description);

  // Fixed sections after the findings: the route, the refusal, the next steps.
  const tail: APIEmbedField[] = [field(embedCopy.route(v.platform, v.stage)[locale], report.route[locale])];
  if (report.refusal) tail.push(field(embedCopy.refusal[locale], report.refusal[locale]));
  tail.push(field(embedCopy.next[locale], report.advice.map((a) => `・${a[locale]}`).join('\n')));
  const footer = { text: clip(report.disclaimer[locale], EMBED_LIMITS.footer) };

  const base: APIEmbed = { title, description, color: LEVEL_COLOUR[v.level], fields: tail, footer };
  // Room left for findings, keeping space for the "N more" field.
  const moreReserve = 120;
  let budget = EMBED_LIMITS.total - embedLength(base) - moreReserve;
  const maxFindingFields = Math.min(MAX_FINDING_FIELDS, EMBED_LIMITS.fields - tail.length - 1);

  const findingFields: APIEmbedField[] = [];
  for (const [k, f] of v.findings.entries()) {
    if (findingFields.length >= maxFindingFields) break;
    const name = `${k + 1}. ${copy.categoryLabel[f.category][locale]}`;
    const value = `「${escapeInline(f.phrase)}」\n${report.explanations[k]?.[locale] ?? ''}`;
    const ff = field(name, value);
    const size = ff.name.length + ff.value.length;
    if (size > budget) break;
    budget -= size;
    findingFields.push(ff);
  }
  const hidden = v.findings.length - findingFields.length;
  if (hidden > 0) findingFields.push(field(embedCopy.why[locale], embedCopy.moreFindings(hidden)[locale]));

  const embed: APIEmbed = { ...base, fields: [...findingFields, ...tail] };
  // The budget above keeps us inside the total; this is the last line of defence.
  while (embedLength(embed) > EMBED_LIMITS.total && embed.description && embed.description.length > 1) {
    embed.description = clip(embed.description, Math.max(1, embed.description.length - (embedLength(embed) - EMBED_LIMITS.total)));
  }
  return embed;
}

const SECONDARY = 2 as ButtonStyle.Secondary;
const ACTION_ROW = 1 as ComponentType.ActionRow;
const BUTTON = 2 as ComponentType.Button;

/** The three buttons under a report; none when nothing was found. */
export function buildButtons(report: Report, locale: Locale): ButtonRow[] {
  const v = report.verdict;
  if (v.level === 'none') return [];
  const buttons: APIButtonComponent[] = [];
  if (report.refusal && report.refusalParts.length > 0) {
    buttons.push({
      type: BUTTON,
      style: 1 as ButtonStyle.Primary,
      label: buttonCopy.refusal[locale],
      emoji: { name: '✉️' },
      custom_id: buttonIds.refusal(report.refusalParts, v.platform, locale),
    });
  }
  buttons.push(
    { type: BUTTON, style: SECONDARY, label: buttonCopy.report[locale], emoji: { name: '📣' }, custom_id: buttonIds.report(v.platform, report.reportCategory, locale) },
    { type: BUTTON, style: SECONDARY, label: buttonCopy.replied[locale], emoji: { name: '🧯' }, custom_id: buttonIds.replied(locale) },
  );
  return [{ type: ACTION_ROW, components: buttons }];
}

export function buildReportReply(report: Report, locale: Locale, extras: ReplyExtras = {}): ReportReply {
  return { embeds: [buildReportEmbed(report, locale, extras)], components: buildButtons(report, locale) };
}

// ---------------------------------------------------------------------------------------------
// Button answers: plain text, so a phone user can long-press and copy them.

/** The refusal alone, nothing around it: the whole message is what the user pastes. */
export function refusalText(parts: readonly RefusalPart[], platform: Platform, locale: Locale): string {
  const text = composeRefusal(parts, platform);
  return clip(text ? text[locale] : '', EMBED_LIMITS.content);
}

export function reportStepsText(platform: Platform, category: Category | null, locale: Locale): string {
  const steps = copy.reportSteps(platform, category).map((s, k) => `${k + 1}. ${s[locale]}`);
  return clip([`**${buttonCopy.reportTitle(platform)[locale]}**`, ...steps].join('\n'), EMBED_LIMITS.content);
}

export function alreadyRepliedText(locale: Locale): string {
  const steps = copy.alreadyReplied.map((s, k) => `${k + 1}. ${s[locale]}`);
  return clip([`**${buttonCopy.repliedTitle[locale]}**`, ...steps].join('\n'), EMBED_LIMITS.content);
}

// The local console: `npm start` without DISCORD_TOKEN. The same check flow as the bot (rate limit,
// engine, statistics, notes) rendered as text; the buttons' answers are commands.
//
//   paste a message, end it with an empty line or a line with only "."
//   :refusal  :report  :replied  (the three buttons)   :en / :ja   :help   :quit
//   :image PATH   a screenshot, read locally (OCR) and checked like a DM with that image
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { consoleCopy, embedCopy, helpCopy, imageCopy, noteCopy } from '../reply/bot-copy.ts';
import type { Locale } from '../reply/copy-types.ts';
import { alreadyRepliedText, refusalText, reportStepsText } from '../reply/embed.ts';
import type { Report } from '../reply/report.ts';
import { renderText } from '../reply/text.ts';
import { runCheck, type CheckOutcome } from './checking.ts';
import type { Services } from './command.ts';
import { checkLocalImages } from './images.ts';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  services: Services;
  locale?: Locale;
}

/** Text version of a check outcome: notes, the report as the CLI prints it, the community line. */
export function renderOutcome(outcome: CheckOutcome, locale: Locale): string {
  if (outcome.kind === 'nothing') return outcome.note[locale];
  if (outcome.kind === 'limited') return noteCopy.rateLimited(outcome.retryAfterSec)[locale];
  const lines: string[] = outcome.notes.map((n) => `※ ${n[locale]}`);
  if (outcome.seenOthers !== null && outcome.seenOthers >= 2) lines.push(`👥 ${embedCopy.seenOthers(outcome.seenOthers)[locale]}`);
  lines.push(renderText(outcome.report, locale));
  if (outcome.report.verdict.level !== 'none') {
    lines.push('', locale === 'ja' ? '（:refusal 断り文 / :report 通報のしかた / :replied もう返信してしまった場合）' : '(:refusal reply text / :report how to report / :replied if you already replied)');
  }
  return lines.join('\n');
}

/** Stripped of markdown bold for the terminal. */
const plain = (s: string): string => s.replace(/\*\*/g, '');

export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const { input, output, services } = opts;
  let locale: Locale = opts.locale ?? 'ja';
  const say = (s: string): void => void output.write(`${s}\n`);
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  let buffer: string[] = [];
  let last: Report | null = null;

  const check = (): void => {
    const text = buffer.join('\n');
    buffer = [];
    if (text.trim() === '') return;
    const outcome = runCheck({ text, source: 'console', userId: 'console', guildId: null }, services);
    if (outcome.kind === 'report') last = outcome.report;
    say(`\n${renderOutcome(outcome, locale)}\n`);
  };

  /** Returns false when the console should stop. */
  const command = (line: string): boolean => {
    const cmd = line.trim().toLowerCase();
    switch (cmd) {
      case ':quit':
      case ':q':
      case ':exit':
        return false;
      case ':help':
        say(`${consoleCopy.banner[locale]}\n\n${plain(helpCopy[locale])}`);
        return true;
      case ':en':
      case ':ja':
        locale = cmd === ':en' ? 'en' : 'ja';
        say(consoleCopy.languageSet[locale]);
        return true;
      case ':refusal':
        if (!last) say(consoleCopy.noReport[locale]);
        else if (!last.refusalKind) say(consoleCopy.noRefusal[locale]);
        else say(refusalText(last.refusalKind, last.verdict.platform, locale));
        return true;
      case ':report':
        say(last ? plain(reportStepsText(last.verdict.platform, locale)) : consoleCopy.noReport[locale]);
        return true;
      case ':replied':
        say(plain(alreadyRepliedText(locale)));
        return true;
      default:
        say(consoleCopy.unknownCommand(line.trim())[locale]);
        return true;
    }
  };

  // :image PATH — the file is read here and handed to the same image check as a DM's screenshot.
  const IMAGE_COMMAND = /^:image\s+(.+)$/i;
  const checkImage = async (arg: string): Promise<void> => {
    const path = arg.trim().replace(/^(["'])(.*)\1$/, '$2');
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      say(imageCopy.fileNotFound[locale]);
      return;
    }
    const outcome = await checkLocalImages({ text: '', source: 'console', userId: 'console', guildId: null }, [bytes], services);
    if (outcome.kind === 'report') last = outcome.report;
    say(`\n${renderOutcome(outcome, locale)}\n`);
  };

  say(consoleCopy.banner[locale]);
  say(imageCopy.consoleHelp[locale]);
  for await (const line of rl) {
    const image = buffer.length === 0 ? IMAGE_COMMAND.exec(line.trim()) : null;
    if (image) {
      await checkImage(image[1] ?? '');
      continue;
    }
    if (buffer.length === 0 && line.startsWith(':')) {
      if (!command(line)) break;
      continue;
    }
    if (line.trim() === '' || line.trim() === '.') check();
    else buffer.push(line);
  }
  check(); // a message piped in without a final blank line
  rl.close();
  say(consoleCopy.bye[locale]);
}

// The local console: `npm start` without DISCORD_TOKEN. The same check flow as the bot (rate limit,
// engine, statistics, notes) rendered as text; the buttons' answers and the slash commands are
// commands.
//
// What one message is:
// - In a terminal: what you type or paste, ended by an empty line (or a line with only "." or
//   "---"). A paste is one message whatever blank lines it holds (bracketed paste; without it,
//   lines arriving in one burst count as a paste), and Enter after a paste checks it. The terminal
//   is read in raw mode (readline), so a long pasted line is never cut at the terminal's line limit.
// - From a pipe or a file: everything up to the end, or up to a line holding only "---" (or ".").
// In both, a line that is a command (:refusal, /stats, …) ends the message before it and runs.
// :image PATH reads a screenshot locally (OCR) and checks it like a DM with that image.
import { readFile } from 'node:fs/promises';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { stripControls } from '../detector/mask.ts';
import { PLATFORMS, STAGES, type Platform, type Stage } from '../detector/types.ts';
import { consoleCopy, embedCopy, helpCopy, imageCopy, noteCopy } from '../reply/bot-copy.ts';
import { copy } from '../reply/copy.ts';
import type { Locale } from '../reply/copy-types.ts';
import { alreadyRepliedText, refusalText, reportStepsText } from '../reply/embed.ts';
import type { Report } from '../reply/report.ts';
import { renderText } from '../reply/text.ts';
import { adminCopy } from '../stats/digest-copy.ts';
import { PERIODS, privacyReply, statsReply, type Period } from '../stats/replies.ts';
import { runCheck, type CheckOutcome } from './checking.ts';
import { checkLocalImages } from './images.ts';
import type { Services } from './command.ts';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  services: Services;
  locale?: Locale;
  /** Read the input as a terminal (line editing, bracketed paste). Default: when the input is a TTY. */
  terminal?: boolean;
}

/** Lines that arrive closer together than this were pasted, not typed (terminals without bracketed paste). */
export const PASTE_GAP_MS = 30;

const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

/** Text version of a check outcome: notes, the report as the CLI prints it, the community line. */
export function renderOutcome(outcome: CheckOutcome, locale: Locale): string {
  if (outcome.kind === 'nothing') return outcome.note[locale];
  if (outcome.kind === 'limited') return noteCopy.rateLimited(outcome.retryAfterSec)[locale];
  if (outcome.kind === 'busy') return noteCopy.busy[locale];
  const lines: string[] = outcome.notes.map((n) => `※ ${n[locale]}`);
  if (outcome.seenOthers !== null && outcome.seenOthers >= 2) lines.push(`👥 ${embedCopy.seenOthers(outcome.seenOthers)[locale]}`);
  lines.push(renderText(outcome.report, locale, { door: 'console' }));
  if (outcome.report.verdict.level !== 'none') lines.push('', consoleCopy.buttons[locale]);
  return lines.join('\n');
}

/** Markdown (bold, code) stripped for the terminal. */
const plain = (s: string): string => s.replace(/\*\*/g, '').replace(/`/g, '');

/** A platform or stage as typed: its id, or its label in either language. */
function parseChoice<T extends string>(arg: string, ids: readonly T[], label: (id: T) => { ja: string; en: string }): T | 'auto' | null {
  const a = arg.trim().toLowerCase();
  if (a === '' || a === 'auto' || a === '自動') return 'auto';
  for (const id of ids) {
    const l = label(id);
    if (a === id || a === l.ja.toLowerCase() || a === l.en.toLowerCase()) return id;
  }
  return null;
}

/** A command line: `:name [args]` or `/name [args]`. */
interface CommandLine {
  sigil: ':' | '/';
  name: string;
  args: string;
}

const COLON_COMMANDS = new Set(['quit', 'q', 'exit', 'help', 'en', 'ja', 'refusal', 'report', 'replied', 'platform', 'stage']);
const SLASH_COMMANDS = new Set(['check', 'help', 'privacy', 'stats', 'digest-admin']);

function parseCommand(line: string): CommandLine | null {
  const m = /^\s*([:/])([a-z][a-z-]*)(?:\s+([\s\S]*))?$/i.exec(line);
  if (!m) return null;
  const sigil = m[1] as ':' | '/';
  const name = (m[2] as string).toLowerCase();
  const known = sigil === ':' ? COLON_COMMANDS.has(name) : SLASH_COMMANDS.has(name);
  // An unknown `:word` is a mistyped command; an unknown `/word` is more likely text.
  if (!known && sigil === '/') return null;
  return { sigil, name, args: (m[3] ?? '').trim() };
}

export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const { input, output, services } = opts;
  const terminal = opts.terminal ?? (input as Readable & { isTTY?: boolean }).isTTY === true;
  let locale: Locale = opts.locale ?? 'ja';
  let platform: Platform | undefined;
  let stage: Stage | undefined;
  const say = (s: string): void => void output.write(`${s}\n`);
  const rl: Interface = createInterface({
    input,
    ...(terminal ? { output, terminal: true, historySize: 0 } : { terminal: false }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let buffer: string[] = [];
  let last: Report | null = null;
  let checks = 0;
  let commands = 0;
  let quitting = false;

  // Checks run one after another, in the order they were given: a screenshot is read
  // asynchronously, and a text typed after it must not be answered before it.
  let work: Promise<void> = Promise.resolve();
  const show = (outcome: CheckOutcome): void => {
    if (outcome.kind === 'report') last = outcome.report;
    say(`\n${renderOutcome(outcome, locale)}\n`);
  };
  // The platform and stage are read when the check runs: a :platform typed before it has run by then.
  const check = (text: string): void => {
    if (text.trim() === '') return;
    checks += 1;
    work = work.then(() => show(runCheck({ text, source: 'console', userId: 'console', guildId: null, platform, stage }, services)));
  };
  // :image PATH — the file is read here and handed to the same image check as a DM's screenshot.
  const checkImage = async (arg: string): Promise<void> => {
    const file = arg.trim().replace(/^(["'])(.*)\1$/, '$2');
    checks += 1;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      say(imageCopy.fileNotFound[locale]);
      return;
    }
    show(await checkLocalImages({ text: '', source: 'console', userId: 'console', guildId: null, platform, stage }, [bytes], services));
  };

  /** Checks what has been collected; an empty message gets a hint instead. */
  const flush = (hintIfEmpty: boolean): void => {
    const text = buffer.join('\n');
    buffer = [];
    if (text.trim() === '') {
      if (hintIfEmpty) say(consoleCopy.emptyHint[locale]);
      return;
    }
    check(text);
  };

  const setChoice = (kind: 'platform' | 'stage', args: string): void => {
    if (kind === 'platform') {
      const p = parseChoice(args, PLATFORMS, (id) => copy.platformLabel[id]);
      if (p === null) return say(consoleCopy.choices.platform[locale]);
      platform = p === 'auto' ? undefined : p;
      return say(consoleCopy.platformSet(platform ? copy.platformLabel[platform] : null)[locale]);
    }
    const s = parseChoice(args, STAGES, (id) => copy.stageLabel[id]);
    if (s === null) return say(consoleCopy.choices.stage[locale]);
    stage = s === 'auto' ? undefined : s;
    say(consoleCopy.stageSet(stage ? copy.stageLabel[stage] : null)[locale]);
  };

  const slash = (c: CommandLine): void => {
    switch (c.name) {
      case 'check':
        if (c.args === '') say(consoleCopy.checkNeedsText[locale]);
        else check(c.args);
        return;
      case 'help':
        say(plain(helpCopy[locale]));
        return;
      case 'privacy':
        say(plain(privacyReply(locale)));
        return;
      case 'stats': {
        const community = services.stats?.community;
        if (!community) return say(adminCopy.noStats[locale]);
        const period: Period = (PERIODS as readonly string[]).includes(c.args.split(/\s+/)[0] ?? '') ? (c.args.split(/\s+/)[0] as Period) : 'week';
        say(plain(statsReply(community, { period, scope: 'all', guildId: null, guildInstalled: false, isAdmin: false, now: services.now(), locale })));
        return;
      }
      case 'digest-admin':
        say(consoleCopy.serverOnly(`/${c.name}`)[locale]);
        return;
    }
  };

  /** Runs a command; false when the console should stop. */
  const command = (c: CommandLine): boolean | Promise<boolean> => {
    commands += 1;
    if (c.sigil === '/') {
      slash(c);
      return true;
    }
    switch (c.name) {
      case 'quit':
      case 'q':
      case 'exit':
        return false;
      case 'help':
        say(`${consoleCopy.banner[locale]}\n\n${plain(helpCopy[locale])}`);
        return true;
      case 'en':
      case 'ja':
        locale = c.name;
        say(consoleCopy.languageSet[locale]);
        return true;
      case 'platform':
      case 'stage':
        setChoice(c.name, c.args);
        return true;
      case 'refusal':
        if (!last) say(consoleCopy.noReport[locale]);
        else if (last.refusalParts.length === 0) say(consoleCopy.noRefusal[locale]);
        else say(refusalText(last.refusalParts, last.verdict.platform, locale));
        return true;
      case 'report':
        say(last ? plain(reportStepsText(last.verdict.platform, last.reportCategory, locale)) : consoleCopy.noReport[locale]);
        return true;
      case 'replied':
        say(plain(alreadyRepliedText(locale)));
        return true;
      case 'image':
        return checkImage(c.args).then(() => true);
      default:
        say(consoleCopy.unknownCommand(stripControls(`:${c.name}`))[locale]);
        return true;
    }
  };

  // Terminal state: inside a bracketed paste, after one (Enter checks it), or waiting to see whether
  // an empty line is the end of a message or a gap inside a paste that arrives in one burst.
  let inPaste = false;
  let pasted = false;
  let pendingEnd: NodeJS.Timeout | null = null;
  const cancelPending = (): void => {
    if (pendingEnd) clearTimeout(pendingEnd);
    pendingEnd = null;
  };

  const onLine = (line: string): void => {
    if (quitting) return;
    const c = inPaste ? null : parseCommand(line);
    if (c) {
      cancelPending();
      pasted = false;
      flush(false);
      // In order with the checks before it (a screenshot is still being read when :refusal comes).
      work = work.then(async () => {
        if (!(await command(c))) {
          quitting = true;
          rl.close();
        }
      });
      return;
    }
    const t = line.trim();
    if (!terminal) {
      if (t === '---' || t === '.') flush(true);
      else buffer.push(line);
      return;
    }
    if (inPaste) {
      buffer.push(line);
      return;
    }
    if (pasted) {
      // Enter after a paste: the paste (and anything typed on its last line) is the message.
      pasted = false;
      if (t !== '') buffer.push(line);
      flush(true);
      return;
    }
    if (t === '' || t === '.' || t === '---') {
      if (pendingEnd) {
        // A second separator in the same burst: keep it as part of the text.
        buffer.push(line);
        return;
      }
      if (buffer.length === 0) {
        say(consoleCopy.emptyHint[locale]);
        return;
      }
      pendingEnd = setTimeout(() => {
        pendingEnd = null;
        flush(true);
      }, PASTE_GAP_MS);
      return;
    }
    if (pendingEnd) {
      // More text within a burst: the empty line was inside a paste.
      cancelPending();
      buffer.push('');
    }
    buffer.push(line);
  };

  if (terminal) {
    input.on('keypress', (_s: string, key: { name?: string } | undefined) => {
      if (key?.name === 'paste-start') {
        inPaste = true;
        cancelPending();
      } else if (key?.name === 'paste-end') {
        inPaste = false;
        pasted = true;
      }
    });
    output.write(BRACKETED_PASTE_ON);
  }

  say(consoleCopy.banner[locale]);
  say(imageCopy.consoleHelp[locale]);
  rl.on('line', onLine);
  await new Promise<void>((resolve) => rl.once('close', resolve));
  cancelPending();
  if (!quitting) flush(checks === 0 && commands === 0);
  await work;
  if (terminal) output.write(BRACKETED_PASTE_OFF);
  say(consoleCopy.bye[locale]);
}

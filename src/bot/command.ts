// The shape of a command module and of the services every handler receives.
//
// A command is one file in commands/ (discord.js guide style) exporting:
//
//   export const data = new SlashCommandBuilder()…          // or ContextMenuCommandBuilder
//   export const execute: ChatInputExecute = async (interaction, services) => { … };
//
// The loader (src/bot/loader.ts) imports every commands/*.ts, checks the shape, and picks the
// interaction type from `data.toJSON().type`; deploy-commands registers the same list. Write names
// and descriptions in Japanese by default with English localizations (copy in src/reply/), reply
// with `flags: MessageFlags.Ephemeral`, and let errors propagate: the router logs them without
// message text and sends the user a short apology.
import type {
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
  UserContextMenuCommandInteraction,
} from 'discord.js';
import type { Engine } from '../engine.ts';
import type { CheckQueue } from './check-queue.ts';
import type { ImageServices } from './images.ts';
import type { StatsPort } from '../stats/port.ts';
import type { Logger } from './log.ts';
import type { CheckBudget, RateLimiter } from './rate-limit.ts';

/**
 * Everything a handler may use, created once at startup (src/bot/services.ts) and passed in.
 * No handler builds its own engine, database handle or clock.
 *
 * Adding a dependency for a new command (a statistics query, an admin store, …): add a field here,
 * construct it in `createServices`, and give tests a stand-in in test/bot/harness.ts.
 */
export interface Services {
  /** Detector + reply composer. Built before login: kuromoji takes about a second and ~400 MB. */
  engine: Engine;
  /**
   * Community statistics, or null when they are not available. When set, every check calls
   * `record()` once and the reply shows 「…ほかに N 件…」 when `seenOthers` ≥ 2.
   */
  stats: StatsPort | null;
  /** Per-user check budget shared by /check, the context menu, DMs and the console. */
  limiter: RateLimiter;
  /**
   * The bot's check budget for everyone together (src/bot/rate-limit.ts): when checks have used
   * their share of the thread, new ones are answered 「混み合っています」. Absent: no limit.
   */
  budget?: CheckBudget;
  /**
   * Per-user budget of 「ほかに N 件」 look-ups (src/stats/seen.ts): every medium or high verdict
   * uses one. Absent: no limit.
   */
  lookups?: RateLimiter;
  /**
   * The bot's checks, one per event-loop turn, with an estimate of the wait (src/bot/check-queue.ts).
   * Absent (the console, some tests): checks run at once.
   */
  queue?: CheckQueue;
  /** Structured logger. Never pass it message text, tokens or user ids. */
  log: Logger;
  /** The clock (tests freeze it). */
  now: () => Date;
  /**
   * Reading screenshots (src/bot/images.ts, src/ocr/). Absent: images are not read and the reply
   * says so. The bot starts the reader after login; reads before it is warm simply wait for it.
   */
  images?: ImageServices;
}

export type ChatInputExecute = (interaction: ChatInputCommandInteraction, services: Services) => Promise<void>;
export type MessageMenuExecute = (interaction: MessageContextMenuCommandInteraction, services: Services) => Promise<void>;
export type UserMenuExecute = (interaction: UserContextMenuCommandInteraction, services: Services) => Promise<void>;

/** What `data` must offer: a name and the JSON Discord registers. Both builders satisfy it. */
export interface CommandData {
  readonly name: string;
  toJSON(): RESTPostAPIApplicationCommandsJSONBody;
}

/** A validated command, ready for routing and registration. */
export type LoadedCommand =
  | { kind: 'chat_input'; name: string; file: string; json: RESTPostAPIApplicationCommandsJSONBody; execute: ChatInputExecute }
  | { kind: 'message'; name: string; file: string; json: RESTPostAPIApplicationCommandsJSONBody; execute: MessageMenuExecute }
  | { kind: 'user'; name: string; file: string; json: RESTPostAPIApplicationCommandsJSONBody; execute: UserMenuExecute };

// What the rest of the program may ask of community statistics. The bot and the CLI depend on
// this interface only; the SQLite implementation lives in src/stats/ (the only SQLite code).
import type { Report } from '../reply/report.ts';
import type { CommunityStats } from './store.ts';

/**
 * Where a check came from; stored as-is (it says nothing about who asked). Append-only: a code is
 * the index. The `_image` sources are the same doors when text was read from a screenshot (OCR).
 */
export const CHECK_SOURCES = [
  'slash', 'context_menu', 'dm', 'forward', 'cli', 'console',
  'slash_image', 'context_menu_image', 'dm_image', 'forward_image', 'cli_image', 'console_image',
] as const;
export type CheckSource = (typeof CHECK_SOURCES)[number];
/** The doors themselves, without the image marking. */
export type CheckDoor = Exclude<CheckSource, `${string}_image`>;

export interface RecordMeta {
  source: CheckSource;
  /** Raw Discord guild id (or the CLI's --guild name). Only a keyed hash of it is stored. */
  guildId: string | null;
  /** Raw user id; only a weekly-rotating keyed hash is stored, to count distinct reporters. */
  userId: string | null;
  at: Date;
}

export interface RecordResult {
  /**
   * How many OTHER checks in the last 30 days (all servers) had the same or a near-duplicate
   * text; the reply shows 「…ほかに N 件…」 when this is ≥ 2.
   */
  seenOthers: number;
}

export interface StatsPort {
  /**
   * Records one check anonymously (never the text, a user id, a raw guild id or a contact detail).
   * `text` is used only to compute keyed fingerprints in memory. Never throws: on a database
   * fault it returns null and logs once per incident.
   */
  record(report: Report, text: string, meta: RecordMeta): RecordResult | null;
  close(): void;
  /**
   * The full statistics store (queries, server settings, digest) when this port is the SQLite one
   * (src/stats/store.ts); /stats and /digest-admin use it. Stand-ins leave it out.
   */
  readonly community?: CommunityStats;
}

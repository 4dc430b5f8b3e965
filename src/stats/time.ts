// Time as the statistics see it: hour buckets (UTC hours since the epoch) and ISO weeks in
// Asia/Tokyo. Japan has had no daylight saving time since 1951, so a fixed +9 h offset is exact and
// keeps these functions pure (no Intl, no host time zone).
import { z } from 'zod';

export const HOUR_MS = 3_600_000;
export const DAY_HOURS = 24;
export const WEEK_HOURS = 168;
/** Asia/Tokyo is UTC+9 all year. */
export const JST_OFFSET_HOURS = 9;
export const TIMEZONE = 'Asia/Tokyo';

/** The hour bucket a moment falls into (UTC hours since 1970-01-01T00:00Z). */
export function hourOf(at: Date): number {
  return Math.floor(at.getTime() / HOUR_MS);
}

export function dateOfHour(hour: number): Date {
  return new Date(hour * HOUR_MS);
}

/** An ISO 8601 week: `2026-W47`. The string form sorts chronologically. */
export const IsoWeekSchema = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, { error: 'must look like 2026-W47' });
export type IsoWeek = string;

/** Days since the epoch of the JST calendar day containing `hour`. */
function jstDay(hour: number): number {
  return Math.floor((hour + JST_OFFSET_HOURS) / DAY_HOURS);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of an epoch day (1970-01-01 was a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The hour bucket of Monday 00:00 JST of the week containing `hour`. */
export function weekStartHour(hour: number): number {
  const day = jstDay(hour);
  const monday = day - (isoWeekday(day) - 1);
  return monday * DAY_HOURS - JST_OFFSET_HOURS;
}

function utcDateOfDay(day: number): Date {
  return new Date(day * DAY_HOURS * HOUR_MS);
}

/** The ISO week (in Asia/Tokyo) containing the hour bucket. */
export function isoWeekOfHour(hour: number): IsoWeek {
  const day = jstDay(hour);
  // ISO rule: the week belongs to the year of its Thursday.
  const thursday = day - (isoWeekday(day) - 1) + 3;
  const year = utcDateOfDay(thursday).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / (DAY_HOURS * HOUR_MS));
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isoWeekOf(at: Date): IsoWeek {
  return isoWeekOfHour(hourOf(at));
}

/** Monday 00:00 JST of an ISO week, as an hour bucket. */
export function isoWeekStartHour(week: IsoWeek): number {
  const parsed = IsoWeekSchema.parse(week);
  const year = Number(parsed.slice(0, 4));
  const n = Number(parsed.slice(6));
  // January 4th is always in week 1.
  const jan4 = Math.floor(Date.UTC(year, 0, 4) / (DAY_HOURS * HOUR_MS));
  const week1Monday = jan4 - (isoWeekday(jan4) - 1);
  const start = (week1Monday + (n - 1) * 7) * DAY_HOURS - JST_OFFSET_HOURS;
  if (isoWeekOfHour(start) !== parsed) throw new RangeError(`${week} does not exist`);
  return start;
}

/** The week before (or `n` weeks before) an ISO week. */
export function shiftWeek(week: IsoWeek, n: number): IsoWeek {
  return isoWeekOfHour(isoWeekStartHour(week) + n * WEEK_HOURS);
}

/** The last ISO week (Asia/Tokyo) that had fully ended at `at`. */
export function lastCompleteWeek(at: Date): IsoWeek {
  return isoWeekOfHour(weekStartHour(hourOf(at)) - 1);
}

/** 「11/16（月）〜11/22（日）」: the JST dates of a week, for headings. */
export function weekRangeLabel(week: IsoWeek): string {
  const start = isoWeekStartHour(week) + JST_OFFSET_HOURS;
  const a = dateOfHour(start);
  const b = dateOfHour(start + 6 * DAY_HOURS);
  const md = (d: Date): string => `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  return `${md(a)}（月）〜${md(b)}（日）`;
}

/** Where an ISO week lies from the week containing `at` (Asia/Tokyo): the digest says 今週 only for 'this'. */
export type WeekRelation = 'this' | 'last' | 'earlier' | 'later';

export function weekRelation(week: IsoWeek, at: Date): WeekRelation {
  const current = isoWeekOf(at);
  if (week === current) return 'this';
  if (week > current) return 'later'; // `YYYY-Www` sorts chronologically
  return week === shiftWeek(current, -1) ? 'last' : 'earlier';
}

/** How many ISO weeks a year has (52 or 53): December 28th is always in the last one. */
export function isoWeeksInYear(year: number): number {
  return Number(isoWeekOfHour(hourOf(new Date(Date.UTC(year, 11, 28, 3)))).slice(6));
}

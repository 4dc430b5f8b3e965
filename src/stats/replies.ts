// Reply bodies of /stats, /privacy and /digest-admin as plain functions (unit-tested without
// Discord); commands/*.ts only read options, check permissions and send what these return.
import type { RuleSet } from '../detector/rules.ts';
import { CATEGORY_IDS, LEVELS, PLATFORMS, TOOL_IDS, type Category, type Level, type Platform, type Tool } from '../detector/types.ts';
import { copy } from '../reply/copy.ts';
import type { Bilingual, Locale } from '../reply/copy-types.ts';
import { DIM } from './codes.ts';
import { adminCopy, digestProblemText, OTHER_LABEL, privacyCopy, statsCopy, toolLabel } from './digest-copy.ts';
import { peopleOf, peopleOfAny, type PeopleVector } from './people.ts';
import type { CommunityStats, DigestScope, GuildKey } from './store.ts';
import { HOUR_MS, isoWeekStartHour, JST_OFFSET_HOURS, lastCompleteWeek, WEEK_HOURS } from './time.ts';
import { composeDigest, type DigestOutput } from './weekly.ts';

export const PERIODS = ['week', 'month'] as const;
export type Period = (typeof PERIODS)[number];
/** Complete ISO weeks (Monday–Sunday, Asia/Tokyo) per period: the current week is never shown. */
export const PERIOD_WEEKS: Record<Period, number> = { week: 1, month: 4 };
export const SCOPES = ['server', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * /stats shows an item (a level, category, tool, platform, the total) only when at least this many
 * different people checked texts with it in the period (people.ts: a lower bound), so no breakdown
 * can be unlocked or moved by one account, or a few; and every number it shows is rounded.
 */
export const MIN_PEOPLE = 5;

/** A number as /stats shows it: null when fewer than MIN_PEOPLE people stand behind it. */
export type Shown = number | null;

export interface ShownItem<Id extends string> {
  /** null for the folded 「その他（少数）」 row. */
  id: Id | null;
  label: string;
  n: number;
  /** The same item in the period before; null when too few people were behind it then. */
  prev: Shown;
}

export interface StatsSummary {
  period: Period;
  scope: Scope;
  /** The complete weeks covered: [fromHour, toHour). */
  fromHour: number;
  toHour: number;
  total: Shown;
  prevTotal: Shown;
  levels: { level: Level; n: Shown }[];
  categories: ShownItem<Category>[];
  tools: ShownItem<Tool>[];
  platforms: ShownItem<Platform>[];
}

/** Counts rounded for showing: under 10 as "under 10", then to 10s, then to two digits. */
export function roughCount(n: number): number {
  if (n < 10) return n <= 0 ? 0 : 9;
  if (n < 100) return Math.round(n / 10) * 10;
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

function shownItems<Id extends string>(
  ids: readonly Id[],
  dim: number,
  cur: { n: Record<Id, number>; people: PeopleVector },
  prev: { n: Record<Id, number>; people: PeopleVector },
  label: (id: Id) => string,
  other: string,
): ShownItem<Id>[] {
  const shown: ShownItem<Id>[] = [];
  const folded: [number, number][] = [];
  let foldedN = 0;
  ids.forEach((id, key) => {
    if (cur.n[id] <= 0) return;
    if (peopleOf(cur.people, dim, key) >= MIN_PEOPLE) {
      shown.push({ id, label: label(id), n: cur.n[id], prev: peopleOf(prev.people, dim, key) >= MIN_PEOPLE ? prev.n[id] : null });
    } else {
      folded.push([dim, key]);
      foldedN += cur.n[id];
    }
  });
  shown.sort((a, b) => b.n - a.n || ids.indexOf(a.id as Id) - ids.indexOf(b.id as Id));
  // The folded row too only when enough people stand behind it together.
  if (folded.length > 0 && peopleOfAny(cur.people, folded) >= MIN_PEOPLE) shown.push({ id: null, label: other, n: foldedN, prev: null });
  return shown;
}

/**
 * Counts of the last complete week, or the last four, against the same span before. Never the
 * current week: a member's private check must not show up within seconds on someone's /stats.
 */
export function statsSummary(stats: CommunityStats, q: { period: Period; guildKey: GuildKey | null; now: Date; locale?: Locale }): StatsSummary {
  const locale = q.locale ?? 'ja';
  const to = isoWeekStartHour(lastCompleteWeek(q.now)) + WEEK_HOURS;
  const span = PERIOD_WEEKS[q.period] * WEEK_HOURS;
  const from = to - span;
  const cur = { ...stats.counts(q.guildKey, from, to), people: stats.people(q.guildKey, from, to) };
  const prev = { ...stats.counts(q.guildKey, from - span, from), people: stats.people(q.guildKey, from - span, from) };
  const other = OTHER_LABEL[locale];
  const total = peopleOf(cur.people, DIM.total, 0) >= MIN_PEOPLE ? cur.total : null;
  const pick = <Id extends string>(n: Record<Id, number>, people: PeopleVector) => ({ n, people });
  return {
    period: q.period,
    scope: q.guildKey === null ? 'all' : 'server',
    fromHour: from,
    toHour: to,
    total,
    prevTotal: peopleOf(prev.people, DIM.total, 0) >= MIN_PEOPLE ? prev.total : null,
    levels: [...LEVELS].reverse().map((l) => ({ level: l, n: peopleOf(cur.people, DIM.level, LEVELS.indexOf(l)) >= MIN_PEOPLE ? cur.level[l] : null })),
    categories: total === null ? [] : shownItems(CATEGORY_IDS, DIM.category, pick(cur.category, cur.people), pick(prev.category, prev.people), (id) => copy.categoryLabel[id][locale], other),
    tools: total === null ? [] : shownItems(TOOL_IDS, DIM.tool, pick(cur.tool, cur.people), pick(prev.tool, prev.people), (id) => toolLabel[id][locale], other),
    platforms: total === null ? [] : shownItems(PLATFORMS, DIM.platform, pick(cur.platform, cur.people), pick(prev.platform, prev.people), (id) => copy.platformLabel[id][locale], other),
  };
}

const LEVEL_ICON: Record<Level, string> = { high: '🔴', medium: '🟠', low: '🟡', none: '🟢' };

const shownText = (n: Shown, locale: Locale): string => (n === null ? statsCopy.few[locale] : statsCopy.count(roughCount(n))[locale]);

function rankedLines<Id extends string>(rows: ShownItem<Id>[], locale: Locale): string[] {
  if (rows.length === 0) return [statsCopy.none[locale]];
  return rows.map((r) =>
    r.id === null
      ? locale === 'ja'
        ? `・${r.label} ${shownText(r.n, locale)}`
        : `- ${r.label}: ${shownText(r.n, locale)}`
      : locale === 'ja'
        ? `・${r.label} ${shownText(r.n, locale)}（前 ${shownText(r.prev, locale)}）`
        : `- ${r.label}: ${shownText(r.n, locale)} (before: ${shownText(r.prev, locale)})`,
  );
}

/** The /stats message body for a summary, with any notes (opted out, digest problem) on top. */
export function renderStats(s: StatsSummary, locale: Locale, notes: Bilingual[] = []): string {
  const period = statsCopy.periodSpan(s.period === 'week' ? statsCopy.periodWeek : statsCopy.periodMonth, weekRangeLabelOf(s.fromHour, s.toHour));
  const scope = s.scope === 'server' ? statsCopy.scopeServer : statsCopy.scopeAll;
  const out: string[] = notes.map((n) => n[locale]);
  if (out.length > 0) out.push('');
  out.push(`**${statsCopy.heading(period, scope)[locale]}**`);
  if (s.total === null) {
    out.push(statsCopy.tooFew[locale], '', statsCopy.footer[locale]);
    return out.join('\n');
  }
  out.push(statsCopy.total(shownText(s.total, 'ja'), shownText(s.prevTotal, 'ja'), shownText(s.total, 'en'), shownText(s.prevTotal, 'en'))[locale]);
  out.push('', `**${statsCopy.levels[locale]}**`);
  out.push(s.levels.map((l) => `${LEVEL_ICON[l.level]} ${copy.levelLabel[l.level][locale]} ${shownText(l.n, locale)}`).join(locale === 'ja' ? ' ／ ' : ' / '));
  out.push('', `**${statsCopy.categories[locale]}**`, ...rankedLines(s.categories, locale));
  out.push('', `**${statsCopy.tools[locale]}**`, ...rankedLines(s.tools, locale));
  out.push('', `**${statsCopy.platforms[locale]}**`, ...rankedLines(s.platforms, locale));
  out.push('', statsCopy.footer[locale]);
  return out.join('\n');
}

/** 「11/9〜11/15」: the JST dates of the first and last day of [fromHour, toHour). */
function weekRangeLabelOf(fromHour: number, toHour: number): string {
  const md = (hour: number): string => {
    const d = new Date((hour + JST_OFFSET_HOURS) * HOUR_MS);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  };
  return `${md(fromHour)}〜${md(toHour - 24)}`;
}

export interface StatsRequest {
  period: Period;
  scope: Scope;
  /** Raw guild id of the interaction (hashed here, never stored raw); null outside a server. */
  guildId: string | null;
  /**
   * The bot is installed in that server (not only in the member's account): only such a server
   * has its own statistics, and only it can opt out of them.
   */
  guildInstalled: boolean;
  /** The member may manage the server: pending digest problems are shown (once) to them. */
  isAdmin: boolean;
  now: Date;
  locale: Locale;
}

/** Everything /stats answers. */
export function statsReply(stats: CommunityStats, req: StatsRequest): string {
  const notes: Bilingual[] = [];
  const guildKey = req.guildId && req.guildInstalled ? stats.guildKeyOf(req.guildId) : null;
  let scopeKey: GuildKey | null = null;
  if (req.scope === 'server') {
    if (!req.guildId) notes.push(statsCopy.noServer);
    else if (!guildKey) notes.push(statsCopy.notInstalled);
    else if (stats.isOptedOut(guildKey)) notes.push(statsCopy.optedOut);
    else scopeKey = guildKey;
  }
  if (guildKey && req.isAdmin) {
    const problem = stats.takeDigestProblem(guildKey);
    if (problem) notes.unshift(statsCopy.digestProblem(problem.problem, problem.week));
  }
  return renderStats(statsSummary(stats, { period: req.period, guildKey: scopeKey, now: req.now, locale: req.locale }), req.locale, notes);
}

export function privacyReply(locale: Locale): string {
  return privacyCopy.body[locale];
}

// ---- /digest-admin ------------------------------------------------------------------------------

const scopeLabel = (s: DigestScope): Bilingual => (s === 'all' ? statsCopy.scopeAll : statsCopy.scopeServer);

export function adminSetChannel(
  stats: CommunityStats,
  a: { guildId: string; channelId: string; scope: DigestScope; now: Date; cron: string; locale: Locale },
): string {
  stats.setDigestChannel(stats.guildKeyOf(a.guildId), a.channelId, a.scope, a.now);
  return adminCopy.channelSet(a.channelId, scopeLabel(a.scope), adminCopy.schedule(a.cron)[a.locale])[a.locale];
}

export function adminClearChannel(stats: CommunityStats, a: { guildId: string; locale: Locale }): string {
  stats.clearDigestChannel(stats.guildKeyOf(a.guildId));
  return adminCopy.channelCleared[a.locale];
}

export function adminOptOut(stats: CommunityStats, a: { guildId: string; locale: Locale }): string {
  const purged = stats.optOut(stats.guildKeyOf(a.guildId));
  return adminCopy.optedOut(purged.checks)[a.locale];
}

export function adminOptIn(stats: CommunityStats, a: { guildId: string; locale: Locale }): string {
  stats.optIn(stats.guildKeyOf(a.guildId));
  return adminCopy.optedIn[a.locale];
}

export function adminStatus(stats: CommunityStats, a: { guildId: string; cron: string; locale: Locale }): string {
  const s = stats.settings(stats.guildKeyOf(a.guildId));
  return adminCopy.statusText({
    channel: s.channelId,
    scope: scopeLabel(s.scope),
    optedOut: s.optedOut,
    postedWeek: s.postedWeek,
    // A failed post stays here until a later one succeeds or the channel is set again.
    problem: s.problem && s.problemWeek ? { week: s.problemWeek, why: digestProblemText[s.problem] } : null,
    cron: adminCopy.schedule(a.cron)[a.locale],
  })[a.locale];
}

/** The digest this server would get for the last complete week, built now (nothing is posted). */
export async function adminPreview(
  stats: CommunityStats,
  rules: RuleSet,
  a: { guildId: string; now: Date; chart?: boolean; serverName?: string | null },
): Promise<DigestOutput> {
  const key = stats.guildKeyOf(a.guildId);
  const s = stats.settings(key);
  return composeDigest(stats, rules, lastCompleteWeek(a.now), s.scope === 'server' ? key : null, { chart: a.chart ?? true, now: a.now, serverName: a.serverName ?? null });
}

/** Splits a message at line breaks into parts of at most `max` characters (Discord: 2000). */
export function splitForDiscord(text: string, max = 2000): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    const pieces = line.length > max ? (line.match(new RegExp(`[\\s\\S]{1,${max}}`, 'g')) ?? []) : [line];
    for (const p of pieces) {
      if (cur.length === 0) cur = p;
      else if (cur.length + 1 + p.length <= max) cur += `\n${p}`;
      else {
        parts.push(cur);
        cur = p;
      }
    }
  }
  if (cur.length > 0 || parts.length === 0) parts.push(cur);
  return parts;
}

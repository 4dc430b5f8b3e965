// The weekly digest: counts of one ISO week (Asia/Tokyo) against the week before → numbers
// (DigestData, also the CLI's --format json) → Japanese text with bars. Pure: the store supplies
// the counts, the rules supply the wording of patterns. Typical phrasing comes only from the rules'
// own descriptions and examples, never from what users checked.
import { contactMaskRanges } from '../detector/mask.ts';
import { normalize } from '../detector/normalize.ts';
import type { RuleSet } from '../detector/rules.ts';
import { CATEGORY_IDS, LEVELS, TOOL_IDS, type Category, type Level, type Tool } from '../detector/types.ts';
import { copy } from '../reply/copy.ts';
import type { Counts } from './counts.ts';
import { changeText, countText, digestCopy, MIN_COUNT, OTHER_LABEL, protectTip, toolLabel } from './digest-copy.ts';
import { type IsoWeek, type WeekRelation, weekRangeLabel } from './time.ts';

export interface RankedItem<Id extends string> {
  /** null for the folded 「その他（少数）」 row. */
  id: Id | null;
  label: string;
  n: number;
  prev: number;
}

export interface RisingTool {
  id: Tool;
  label: string;
  n: number;
  prev: number;
}

export interface PatternLine {
  rule: string;
  category: Category;
  /** The rule's own description. */
  description: string;
  /** One of the rule's own must-hit examples (without contact details), or null. */
  example: string | null;
  n: number;
  prev: number;
}

export interface DigestData {
  week: IsoWeek;
  previousWeek: IsoWeek;
  range: string;
  /** The week as seen from when the digest was made: 'this' (still in progress), 'last', … */
  relative: WeekRelation;
  scope: 'all' | 'server';
  /** The server's display name, where known (a server-scope digest posted or previewed in Discord, the CLI's --guild). */
  serverName: string | null;
  minCount: number;
  total: number;
  prevTotal: number;
  /** Checks whose text had been checked by ≥ 2 others. */
  repeated: number;
  levels: { level: Level; label: string; n: number; prev: number }[];
  /** Ranked, with categories under minCount folded into one 「その他（少数）」 row (last). */
  categories: RankedItem<Category>[];
  tools: RankedItem<Tool>[];
  risingTools: RisingTool[];
  /** Rising patterns (rules) or, when none rose, the most frequent ones. */
  patterns: PatternLine[];
  patternsRising: boolean;
  tip: { category: Category; label: string; text: string } | null;
}

/** How much something rose, relative to where it was (a new pattern at 5 beats 8 → 14). */
function growth(x: { n: number; prev: number }, min: number): number {
  return (x.n - x.prev) / Math.max(x.prev, min);
}

const LEVEL_ORDER: Level[] = [...LEVELS].reverse();
const MAX_RISING_TOOLS = 3;
const MAX_PATTERNS = 3;

/** Ranks ids by count and folds those under minCount into one trailing row. */
export function foldRanked<Id extends string>(
  ids: readonly Id[],
  n: Record<Id, number>,
  prev: Record<Id, number>,
  label: (id: Id) => string,
  minCount = MIN_COUNT,
  otherLabel = OTHER_LABEL.ja,
): RankedItem<Id>[] {
  const shown: RankedItem<Id>[] = [];
  const other: RankedItem<Id> = { id: null, label: otherLabel, n: 0, prev: 0 };
  for (const id of ids) {
    if (n[id] <= 0) continue;
    if (n[id] < minCount) {
      other.n += n[id];
      other.prev += prev[id];
    } else {
      shown.push({ id, label: label(id), n: n[id], prev: prev[id] });
    }
  }
  shown.sort((a, b) => b.n - a.n || ids.indexOf(a.id as Id) - ids.indexOf(b.id as Id));
  if (other.n > 0) shown.push(other);
  return shown;
}

export interface RuleInfo {
  category: Category;
  description: string;
  example: string | null;
}

/** Rule id → what the digest may say about it: the rule's own words only. */
export function ruleInfo(rules: RuleSet): Map<string, RuleInfo> {
  const out = new Map<string, RuleInfo>();
  for (const r of rules.rules) {
    // An example that names a contact detail (even a made-up one) is not repeated to a community.
    const example =
      r.examples.hit.find((e) => Array.from(e).length <= 40 && !/\n/.test(e) && contactMaskRanges(normalize(e), rules).length === 0) ?? null;
    out.set(r.id, { category: r.category, description: r.description, example });
  }
  return out;
}

export function buildDigest(input: {
  week: IsoWeek;
  previousWeek: IsoWeek;
  scope: 'all' | 'server';
  current: Counts;
  previous: Counts;
  rules: Map<string, RuleInfo>;
  minCount?: number;
  /** Default 'earlier' (named 「この週」). */
  relative?: WeekRelation;
  serverName?: string | null;
}): DigestData {
  const { current: c, previous: p } = input;
  const min = input.minCount ?? MIN_COUNT;
  const enough = c.total >= min;
  const categories = enough ? foldRanked(CATEGORY_IDS, c.category, p.category, (id) => copy.categoryLabel[id].ja, min) : [];
  const tools = enough ? foldRanked(TOOL_IDS, c.tool, p.tool, (id) => toolLabel[id].ja, min) : [];
  const risingTools: RisingTool[] = enough
    ? TOOL_IDS.filter((t) => c.tool[t] >= min && c.tool[t] > p.tool[t])
        .map((t) => ({ id: t, label: toolLabel[t].ja, n: c.tool[t], prev: p.tool[t] }))
        .sort((a, b) => growth(b, min) - growth(a, min) || b.n - a.n)
        .slice(0, MAX_RISING_TOOLS)
    : [];

  const lines: PatternLine[] = [];
  if (enough) {
    for (const [rule, n] of Object.entries(c.rule)) {
      const info = input.rules.get(rule);
      if (!info || n < min) continue;
      lines.push({ rule, category: info.category, description: info.description, example: info.example, n, prev: p.rule[rule] ?? 0 });
    }
  }
  const rising = lines.filter((l) => l.n > l.prev).sort((a, b) => growth(b, min) - growth(a, min) || b.n - a.n || a.rule.localeCompare(b.rule));
  const patternsRising = rising.length > 0;
  const patterns = (patternsRising ? rising : lines.sort((a, b) => b.n - a.n || a.rule.localeCompare(b.rule))).slice(0, MAX_PATTERNS);

  const top = categories.find((r) => r.id !== null);
  const tip = top?.id ? { category: top.id, label: copy.categoryLabel[top.id].ja, text: protectTip[top.id] } : null;

  return {
    week: input.week,
    previousWeek: input.previousWeek,
    range: weekRangeLabel(input.week),
    relative: input.relative ?? 'earlier',
    scope: input.scope,
    serverName: input.scope === 'server' ? (input.serverName ?? null) : null,
    minCount: min,
    total: c.total,
    prevTotal: p.total,
    repeated: c.repeated,
    levels: LEVEL_ORDER.map((l) => ({ level: l, label: copy.levelLabel[l].ja, n: c.level[l], prev: p.level[l] })),
    categories,
    tools,
    risingTools,
    patterns,
    patternsRising,
    tip,
  };
}

const LEVEL_ICON: Record<Level, string> = { high: '🔴', medium: '🟠', low: '🟡', none: '🟢' };
const BAR_WIDTH = 10;

/** A fixed-width text bar: ██████░░░░. */
export function textBar(n: number, max: number, width = BAR_WIDTH): string {
  const filled = max <= 0 ? 0 : Math.max(n > 0 ? 1 : 0, Math.round((n / max) * width));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** Whose checks a digest counts: all servers, the named server, or 「このサーバー」. */
export function scopeLabel(d: Pick<DigestData, 'scope' | 'serverName'>): string {
  if (d.scope === 'all') return digestCopy.scopeAll;
  return d.serverName ? digestCopy.scopeServerNamed(d.serverName) : digestCopy.scopeServer;
}

/** The digest as posted: Japanese, bars first so they line up in any font. */
export function renderDigestText(d: DigestData): string {
  const out: string[] = [];
  const week = digestCopy.weekWord[d.relative];
  out.push(digestCopy.title);
  out.push(`${d.week}（${d.range}）・${scopeLabel(d)}`);
  out.push('');
  out.push(digestCopy.total(week, countText(d.total), countText(d.prevTotal), changeText(d.total, d.prevTotal)));
  if (d.relative === 'this') out.push(digestCopy.inProgress);
  if (d.total < d.minCount) {
    out.push(digestCopy.tooFew(week), '', digestCopy.footer);
    return out.join('\n');
  }
  out.push(d.levels.map((l) => `${LEVEL_ICON[l.level]} ${l.label} ${countText(l.n)}`).join(' ／ '));
  if (d.repeated >= d.minCount) out.push(digestCopy.repeated(countText(d.repeated)));

  out.push('', digestCopy.categoriesHeading);
  const max = Math.max(0, ...d.categories.map((r) => r.n));
  for (const r of d.categories) {
    out.push(`${textBar(r.n, max)} ${countText(r.n)} ${r.label}${r.id ? digestCopy.prevSuffix(countText(r.prev)) : ''}`);
  }

  if (d.risingTools.length > 0) {
    out.push('', digestCopy.risingToolsHeading);
    for (const t of d.risingTools) out.push(digestCopy.risingTool(t.label, countText(t.prev), countText(t.n)));
  }

  if (d.patterns.length > 0) {
    out.push('', d.patternsRising ? digestCopy.risingPatternsHeading : digestCopy.topPatternsHeading);
    for (const p of d.patterns) {
      out.push(d.patternsRising ? digestCopy.pattern(p.description, countText(p.prev), countText(p.n)) : `・${p.description}：${countText(p.n)}`);
      if (p.example) out.push(digestCopy.patternExample(p.example));
    }
  }

  if (d.tip) out.push('', digestCopy.tipHeading, digestCopy.tipLead(week, d.tip.label), d.tip.text);
  out.push('', digestCopy.footer);
  return out.join('\n');
}

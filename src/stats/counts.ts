// Counts over a period, as read back from the rollup tables: the one shape every query, /stats and
// the digest work from. Pure helpers only.
import { CATEGORY_IDS, LEVELS, PLATFORMS, STAGES, TOOL_IDS, type Category, type Level, type Platform, type Stage, type Tool } from '../detector/types.ts';
import { CODE_LISTS, DIM } from './codes.ts';
import { CHECK_SOURCES, type CheckSource } from './port.ts';

export interface Counts {
  total: number;
  /** Checks whose text had been checked by ≥ 2 others when it was recorded. */
  repeated: number;
  level: Record<Level, number>;
  platform: Record<Platform, number>;
  stage: Record<Stage, number>;
  source: Record<CheckSource, number>;
  category: Record<Category, number>;
  tool: Record<Tool, number>;
  /** Rule id → checks in which it fired. */
  rule: Record<string, number>;
}

const zeros = <T extends string>(list: readonly T[]): Record<T, number> =>
  Object.fromEntries(list.map((k) => [k, 0])) as Record<T, number>;

export function emptyCounts(): Counts {
  return {
    total: 0,
    repeated: 0,
    level: zeros(LEVELS),
    platform: zeros(PLATFORMS),
    stage: zeros(STAGES),
    source: zeros(CHECK_SOURCES),
    category: zeros(CATEGORY_IDS),
    tool: zeros(TOOL_IDS),
    rule: {},
  };
}

export interface CountRow {
  dim: number;
  key: number;
  n: number;
}

/** Folds rollup rows into Counts; codes unknown to this version are ignored. */
export function countsFromRows(rows: readonly CountRow[], ruleName: (id: number) => string | undefined): Counts {
  const c = emptyCounts();
  const put = <T extends string>(rec: Record<T, number>, list: readonly T[], key: number, n: number): void => {
    const id = list[key];
    if (id !== undefined) rec[id] += n;
  };
  for (const { dim, key, n } of rows) {
    switch (dim) {
      case DIM.total:
        c.total += n;
        break;
      case DIM.repeated:
        c.repeated += n;
        break;
      case DIM.level:
        put(c.level, CODE_LISTS.level, key, n);
        break;
      case DIM.platform:
        put(c.platform, CODE_LISTS.platform, key, n);
        break;
      case DIM.stage:
        put(c.stage, CODE_LISTS.stage, key, n);
        break;
      case DIM.source:
        put(c.source, CODE_LISTS.source, key, n);
        break;
      case DIM.category:
        put(c.category, CODE_LISTS.category, key, n);
        break;
      case DIM.tool:
        put(c.tool, CODE_LISTS.tool, key, n);
        break;
      case DIM.rule: {
        const name = ruleName(key);
        if (name !== undefined) c.rule[name] = (c.rule[name] ?? 0) + n;
        break;
      }
      default:
        break;
    }
  }
  return c;
}

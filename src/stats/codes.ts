// How the stored integers map to the detector's vocabulary. Each list is the detector's own
// (src/detector/types.ts) or the port's, so a code is the index in that list; categories and tools
// are bitmasks over their list. The lists are append-only: reordering one would silently relabel
// every stored row, and the test in test/stats/codes.test.ts pins the current order.
import { CATEGORY_IDS, LEVELS, PLATFORMS, STAGES, TOOL_IDS, type Category, type Tool } from '../detector/types.ts';
import { CHECK_SOURCES, type CheckDoor, type CheckSource } from './port.ts';

/** Dimensions of the rollup tables (`hourly`, `weekly`). Append-only, like the lists. */
export const DIM = {
  total: 0,
  level: 1,
  platform: 2,
  stage: 3,
  source: 4,
  category: 5,
  tool: 6,
  rule: 7,
  /** Checks whose text had been checked by ≥ 2 others (the reply showed 「ほかに N 件」). */
  repeated: 8,
} as const;
export type Dim = (typeof DIM)[keyof typeof DIM];

export const CODE_LISTS = {
  level: LEVELS,
  platform: PLATFORMS,
  stage: STAGES,
  source: CHECK_SOURCES,
  category: CATEGORY_IDS,
  tool: TOOL_IDS,
} as const;

export function codeOf<T extends string>(list: readonly T[], value: T): number {
  const i = list.indexOf(value);
  if (i < 0) throw new RangeError(`unknown code ${value}`);
  return i;
}

export function bitmask<T extends string>(list: readonly T[], values: readonly T[]): number {
  let m = 0;
  // 2 ** i instead of 1 << i: the tool list may grow past 31 entries.
  for (const v of new Set(values)) m += 2 ** codeOf(list, v);
  return m;
}

export function categoriesMask(c: readonly Category[]): number {
  return bitmask(CATEGORY_IDS, c);
}
export function toolsMask(t: readonly Tool[]): number {
  return bitmask(TOOL_IDS, t);
}

/** The source recorded for a check whose text was (partly) read from images: the door, marked. */
export function imageSource(door: CheckDoor): CheckSource {
  return `${door}_image`;
}

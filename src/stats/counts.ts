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

/**
 * A count vector: code → n, where code = dim << 16 | key (see DIM in codes.ts). Stored as a BLOB of
 * sorted (uint32 code, int32 n) pairs, one per hour and server, so a record adds to two rows (its
 * server's and the all-servers row) instead of one row per counted item.
 */
export type CountVector = Map<number, number>;

export const vectorCode = (dim: number, key: number): number => dim * 65_536 + key;

export function encodeVector(v: CountVector): Buffer {
  const codes = [...v.keys()].filter((c) => v.get(c) !== 0).sort((a, b) => a - b);
  const buf = Buffer.alloc(codes.length * 8);
  codes.forEach((c, i) => {
    buf.writeUInt32LE(c, i * 8);
    buf.writeInt32LE(v.get(c) as number, i * 8 + 4);
  });
  return buf;
}

/** Adds (sign 1) or subtracts (sign -1) an encoded vector into `into`. */
export function addEncoded(into: CountVector, buf: Uint8Array, sign = 1): void {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length % 8 !== 0) throw new RangeError('corrupt count vector');
  for (let i = 0; i < b.length; i += 8) {
    const code = b.readUInt32LE(i);
    into.set(code, (into.get(code) ?? 0) + sign * b.readInt32LE(i + 4));
  }
}

/** a + sign·b, for SQL (counts_add / counts_sub). */
export function mergeEncoded(a: Uint8Array | null, b: Uint8Array | null, sign = 1): Buffer {
  const v: CountVector = new Map();
  if (a) addEncoded(v, a);
  if (b) addEncoded(v, b, sign);
  return encodeVector(v);
}

/** Reads a summed vector into Counts; codes unknown to this version are ignored. */
export function countsFromVector(v: CountVector, ruleName: (id: number) => string | undefined): Counts {
  const c = emptyCounts();
  const put = <T extends string>(rec: Record<T, number>, list: readonly T[], key: number, n: number): void => {
    const id = list[key];
    if (id !== undefined) rec[id] += n;
  };
  for (const [code, n] of v) {
    const dim = Math.floor(code / 65_536);
    const key = code % 65_536;
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

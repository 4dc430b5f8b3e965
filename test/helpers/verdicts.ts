// Verdict assertions shared by the detector's behaviour tests: each failure prints the level, the
// kind of text and every finding with its phrase.
import { beforeAll, expect } from 'vitest';
import type { CheckOptions, Level, Verdict } from '../../src/detector/types.ts';
import type { Engine } from '../../src/engine.ts';
import { sharedEngine } from './engine.ts';

let engine: Engine | undefined;

/** Call once at the top of a test file: the helpers below check with the shared engine. */
export function useSharedEngine(): void {
  beforeAll(async () => {
    engine = await sharedEngine();
  });
}

export const check = (text: string, opts: CheckOptions = {}): Verdict => {
  if (!engine) throw new Error('call useSharedEngine() first');
  return engine.detector.check(text, opts);
};
export const flagged = (v: Verdict): boolean => v.level === 'high' || v.level === 'medium';
export const explain = (v: Verdict): string => `${v.level} (${v.kind}) ${v.findings.map((f) => `${f.rule}「${f.phrase}」`).join(' ')}`;
const RANK: Record<Level, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** Neither medium nor high. */
export function expectQuiet(text: string, opts: CheckOptions = {}): Verdict {
  const v = check(text, opts);
  expect(flagged(v), explain(v)).toBe(false);
  return v;
}
export function expectLevel(text: string, level: Level, opts: CheckOptions = {}): Verdict {
  const v = check(text, opts);
  expect(v.level, explain(v)).toBe(level);
  return v;
}
export function expectAtLeast(text: string, level: Level, opts: CheckOptions = {}): Verdict {
  const v = check(text, opts);
  expect(RANK[v.level], explain(v)).toBeGreaterThanOrEqual(RANK[level]);
  return v;
}

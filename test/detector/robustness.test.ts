// Bad input never crashes the detector and never takes unbounded time.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../src/detector/normalize.ts';
import { loadRules } from '../../src/detector/rules.ts';
import { LEVELS } from '../../src/detector/types.ts';
import type { Engine } from '../../src/engine.ts';
import { sharedEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await sharedEngine();
});

const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('\ud800', '\udfff', '\u200b', '\u202e', '\u0301', '\u0336', 'ラ', 'イ', 'ン', 'L', 'I', 'N', 'E', '〇', ' ', '\n', '@', '.', '0', '9', '😀', '「', '」', 'で', '連絡', 'ください'), maxLength: 400 }),
);

describe('bad input', () => {
  it('normalize never throws and keeps its offset map inside the raw text', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const t = normalize(s);
        expect(t.foldToClean.length).toBe(t.fold.length);
        for (let k = 0; k < t.clean.length; k++) {
          expect(t.cleanStart[k]).toBeGreaterThanOrEqual(0);
          expect(t.cleanEnd[k]).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the detector returns a valid verdict for arbitrary strings', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const v = engine.detector.check(s);
        expect(LEVELS).toContain(v.level);
        for (const f of v.findings) {
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t　'],
    ['emoji flood', '😀🔥💰'.repeat(5000)],
    ['zalgo', 'L̸̢͓I̵͎N̶E̷'.repeat(2000)],
    ['RTL marks', '\u202eLINE\u202c で連絡ください\u200f'.repeat(500)],
    ['lone surrogates', '\ud800\udc00\ud800x\udfff'.repeat(3000)],
    ['binary junk', Array.from({ length: 20000 }, (_, k) => String.fromCharCode((k * 7919) % 65536)).join('')],
    ['100,000 characters', 'あ'.repeat(100000)],
    ['a rule prefix repeated', 'LINEで'.repeat(20000)],
    ['an email prefix repeated', 'a'.repeat(50000) + '@'],
    ['a phone prefix repeated', '090-'.repeat(20000)],
  ])('handles %s', (_name, text) => {
    const t0 = performance.now();
    const v = engine.detector.check(text);
    expect(LEVELS).toContain(v.level);
    // Generous bound: the point is "not catastrophic", the bench measures real speed.
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('refuses to load a rule pattern shaped for catastrophic backtracking', () => {
    const dir = makeRuleDir('(?:a+)+b');
    try {
      expect(() => loadRules({ dir })).toThrow(/catastrophic|backtracking/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file, the rule and the field when a rule file is broken', () => {
    const dir = makeRuleDir('ok');
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'category: pressure\ncap: 5\nrules:\n  - id: bad.rule\n    weight: 99\n    description: テスト用\n    explanation: テスト用の説明文です。\n    patterns: [x]\n    examples:\n      hit: [x]\n');
    try {
      expect(() => loadRules({ dir })).toThrow(/bad\.yaml.*bad\.rule.*weight/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function makeRuleDir(pattern: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gg-rules-'));
  fs.writeFileSync(path.join(dir, 'lexicon.yaml'), 'macros:\n  X: "x"\n');
  fs.writeFileSync(
    path.join(dir, 'bad.yaml'),
    `category: pressure\ncap: 5\nrules:\n  - id: bad.rule\n    weight: 1\n    description: テスト用\n    explanation: テスト用の説明文です。\n    patterns: ['${pattern}']\n    examples:\n      hit: [aab]\n`,
  );
  return dir;
}

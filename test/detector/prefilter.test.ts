// The pattern prefilter (src/detector/prefilter.ts) may only rule out a pattern that finds nothing:
// the literals it reads from a pattern must be in every match, on the rule set's own patterns and
// on generated ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/detector/normalize.ts';
import { buildPatternFilter, requiredLiterals } from '../../src/detector/prefilter.ts';
import { loadRules } from '../../src/detector/rules.ts';
import { labeledSample } from '../helpers/labeled.ts';

const lits = (src: string, flags = 'gu'): string[] | null => {
  const found = requiredLiterals(new RegExp(src, flags));
  return found ? [...found].sort() : null;
};

const matches = (re: RegExp, text: string): boolean => {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
};

describe('requiredLiterals', () => {
  it('reads the words a match must hold', () => {
    expect(lits('らいん')).toEqual(['らいん']);
    expect(lits('(?:line|らいん)で追加')).toEqual(['lineで追加', 'らいんで追加']);
    // Past a gap of any characters, the more telling side is kept.
    expect(lits('(?:line|らいん).{0,8}追加して')).toEqual(['追加して']);
    expect(lits('l[i1]ne')).toEqual(['l1ne', 'line']);
  });

  it('counts an optional part both ways and a lookaround as no characters', () => {
    expect(lits('ご?連絡')).toEqual(['連絡']);
    expect(lits('(?:を)?(?:お願い|ください)')).toEqual(['お願い', 'ください']);
    expect(lits('(?<![a-z])zoom(?!\\s?in)')).toEqual(['zoom']);
    expect(lits('(?<cue>すかいぷ)(?=で)')).toEqual(['すかいぷ']);
  });

  it('knows nothing of a pattern any text may satisfy, or one it cannot read', () => {
    expect(lits('[^。]{2,}')).toBeNull();
    expect(lits('(?:らいん)?')).toBeNull();
    expect(lits('\\d{3}-\\d{4}')).toEqual(['-']);
    expect(lits('(?<v>[^。])\\k<v>')).toBeNull();
    expect(lits('らいん', 'gi')).toBeNull();
  });
});

describe('buildPatternFilter', () => {
  it('never rules out a rule pattern that matches a labeled text', () => {
    const rules = loadRules({ checkBacktracking: false });
    const patterns = rules.rules.flatMap((r) => r.patterns);
    const filter = buildPatternFilter(patterns);
    const texts = [...labeledSample(), ...rules.rules.flatMap((r) => [...r.examples.hit, ...r.examples.miss])];
    let ruledOut = 0;
    let missed = 0;
    for (const text of texts) {
      const fold = normalize(text).fold;
      const may = filter.possible(fold);
      for (const re of patterns) {
        const possible = may(re);
        if (!possible) ruledOut++;
        if (!possible && matches(re, fold)) missed++;
      }
    }
    expect(missed).toBe(0);
    // It earns its keep: most patterns are not searched in most texts.
    expect(ruledOut / (texts.length * patterns.length)).toBeGreaterThan(0.8);
  });

  it('says yes for a pattern it was not built with', () => {
    const line = /らいん/gu;
    const filter = buildPatternFilter([line]);
    expect(filter.possible('ずーむで')(/ずーむ/gu)).toBe(true);
    expect(filter.possible('ずーむで')(line)).toBe(false);
    expect(filter.possible('らいんで')(line)).toBe(true);
  });

  it('never rules out a generated pattern on a text it matches', () => {
    // Small alphabets, so patterns and texts meet often.
    const ch = fc.constantFrom('a', 'b', 'ら', 'い', 'ん', '〇', '-', ' ');
    const atom: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        ch,
        fc.constantFrom('[ab]', '[らい]', '[^a]', '.', '\\s', '[a-c]', '\\b'),
        fc.tuple(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 })).map(([a, b]) => `(?:${a.join('')}|${b.join('')})`),
        fc.tuple(tie('node'), fc.constantFrom('?', '*', '+', '{0,2}', '{1,3}', '{2}', '??')).map(([n, q]) => `(?:${n})${q}`),
        fc.tuple(fc.constantFrom('(?=', '(?!', '(?<=', '(?<!'), tie('node')).map(([l, n]) => `${l}${n})`),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((ns) => `(${ns.join('')})`),
      ),
    })).node;
    const pattern = fc.array(atom, { minLength: 1, maxLength: 4 }).map((as) => as.join(''));
    const text = fc.array(ch, { maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (src, texts) => {
        const re = new RegExp(src, 'gu');
        const filter = buildPatternFilter([re]);
        for (const t of texts) if (matches(re, t)) expect(filter.possible(t)(re)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

// Every rule carries its own must-hit and must-miss examples; this runs each rule alone on them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDetector } from '../../src/detector/detect.ts';
import { loadRules, type RuleSet } from '../../src/detector/rules.ts';
import { CATEGORY_IDS } from '../../src/detector/types.ts';
import type { Tokenizer } from '../../src/detector/tokenizer.ts';
import { sharedEngine } from '../helpers/engine.ts';

const rules = loadRules();
let tokenizer: Tokenizer;

beforeAll(async () => {
  tokenizer = (await sharedEngine()).tokenizer;
});

function only(set: RuleSet, id: string): RuleSet {
  return { ...set, rules: set.rules.filter((r) => r.id === id) };
}

describe('rule registry', () => {
  it('has unique ids, a Japanese description and explanation, and examples for every rule', () => {
    const ids = rules.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules.rules) {
      expect(r.description, r.id).toMatch(/[ぁ-んァ-ヶ一-龯]/);
      expect(r.explanation, r.id).toMatch(/[ぁ-んァ-ヶ一-龯]/);
      expect(r.examples.hit.length, r.id).toBeGreaterThan(0);
    }
  });

  it('covers every category of domain.md with at least one rule and a cap', () => {
    for (const c of CATEGORY_IDS) {
      expect(rules.rules.some((r) => r.category === c), c).toBe(true);
      expect(rules.caps[c], c).toBeGreaterThan(0);
    }
  });

  for (const rule of rules.rules) {
    describe(rule.id, () => {
      for (const [k, text] of rule.examples.hit.entries()) {
        const opts = rule.exampleOptions.hit[k] ?? {};
        it(`fires on 「${text.slice(0, 40)}」`, () => {
          const v = createDetector(tokenizer, only(rules, rule.id)).check(text, opts);
          expect(v.findings.map((f) => f.rule)).toContain(rule.id);
        });
      }
      for (const [k, text] of rule.examples.miss.entries()) {
        const opts = rule.exampleOptions.miss[k] ?? {};
        it(`stays quiet on 「${text.slice(0, 40)}」`, () => {
          const v = createDetector(tokenizer, only(rules, rule.id)).check(text, opts);
          expect(v.findings.map((f) => f.rule)).not.toContain(rule.id);
        });
      }
    });
  }
});

// The load-time probe (src/detector/probe.ts): every pattern, context pattern and macro of the rule
// set runs on inputs built from its own atoms at the full cap; a quadratic one stops the load.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { adversarialSeeds, findSlowPatterns, parsePattern, primitiveRoot, probeInput, ruleSetTargets } from '../../src/detector/probe.ts';
import { DEFAULT_RULES_DIR, loadRules, RuleLoadError } from '../../src/detector/rules.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A rules folder with one rule and the given macros (as little as loadRules needs). */
function rulesDir(opts: { macros?: Record<string, string>; patterns?: string[]; requires?: string[]; unless?: string[] }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gaibu-probe-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'lexicon.yaml'), YAML.stringify({ macros: opts.macros ?? { TOOL: '(?:zoom|ずーむ)' } }));
  writeFileSync(
    path.join(dir, 'contact_details.yaml'),
    YAML.stringify({
      category: 'contact_details',
      cap: 8,
      rules: [
        {
          id: 'test.meeting_link',
          weight: 5,
          description: '会議への招待リンク',
          explanation: '招待リンクは外部ツールにつながります。',
          patterns: opts.patterns ?? ['zoom\\.us/j/\\d{3,12}'],
          context: { window: 'text', requires: opts.requires ?? [], unless: opts.unless ?? [] },
          examples: { hit: ['zoom.us/j/1234 から参加してください'] },
        },
      ],
    }),
  );
  return dir;
}

const loadError = (dir: string): RuleLoadError | null => {
  try {
    loadRules({ dir });
    return null;
  } catch (e) {
    if (e instanceof RuleLoadError) return e;
    throw e;
  }
};

describe('adversarial inputs', () => {
  it('starts a match that an unbounded run then stretches to the end of the text', () => {
    const seeds = adversarialSeeds(/[a-z0-9]+\.zoom\.us/gu);
    expect(seeds).toContain('a');
    expect(adversarialSeeds(/で[^。]*追加/gu)).toContain('で');
    expect(adversarialSeeds(/(?:^|\n)\s*(?:くらいあんと|わーかー)[:：]/gu)).toContain('\n');
  });

  it('reads classes, escapes, groups, lookarounds and quantifiers', () => {
    const [seq] = parsePattern(String.raw`(?<v>(?<![a-z])[0-9]{2,}\s?円)(?=です)`);
    expect(seq).toHaveLength(2);
    expect(adversarialSeeds(/(?<![a-z])[0-9]{2,}\s?円/gu)).toContain('0');
  });

  it('repeats a seed to the cap and makes it a two-byte string', () => {
    const input = probeInput('ab', 10);
    expect(input).toHaveLength(10);
    expect(input.slice(0, 9)).toBe('ababababa');
    expect(input.charCodeAt(9)).toBeGreaterThan(0xff);
    expect(primitiveRoot('000')).toBe('0');
    expect(primitiveRoot('abab')).toBe('ab');
  });
});

describe('the load-time probe', () => {
  it('finds nothing slow in the shipped rules: patterns, context patterns and macros', { timeout: 90_000 }, () => {
    const rules = loadRules({ checkBacktracking: false });
    const macros = Object.keys((YAML.parse(readFileSync(path.join(DEFAULT_RULES_DIR, 'lexicon.yaml'), 'utf8')) as { macros: Record<string, string> }).macros);
    const targets = ruleSetTargets(rules, macros);
    expect(targets.length).toBeGreaterThan(rules.rules.length + macros.length);
    const slow = findSlowPatterns(targets);
    expect(slow.map((s) => `${s.file} ${s.ruleId ?? ''} ${s.field}: ${s.ms.toFixed(0)} ms on ${JSON.stringify(s.seed)}`)).toEqual([]);
  });

  // Each of these probes a quadratic pattern for real (a few hundred ms of CPU), slower on a busy machine.
  it('stops the load on a quadratic macro, naming it and the input', { timeout: 90_000 }, () => {
    const err = loadError(rulesDir({ macros: { TOOL: '(?:zoom|ずーむ)', ZOOM_HOST: '[a-z0-9]+\\.zoom\\.us' } }));
    expect(err?.message).toMatch(/lexicon\.yaml field "ZOOM_HOST": pattern takes \d+ ms on "[a-z0-9]" repeated to 8000 characters/);
  });

  it('stops the load on a quadratic pattern', { timeout: 90_000 }, () => {
    expect(loadError(rulesDir({ patterns: ['\\d+分以内'] }))?.message).toMatch(/rule "test\.meeting_link" field "patterns\.0"/);
  });

  it('stops the load on a quadratic requires', { timeout: 90_000 }, () => {
    expect(loadError(rulesDir({ requires: ['(?:^|\\n)\\s*参加'] }))?.message).toMatch(/field "context\.requires\.0"/);
  });

  it('stops the load on a quadratic unless', { timeout: 90_000 }, () => {
    expect(loadError(rulesDir({ unless: ['[0-9,]{3,}円の'] }))?.message).toMatch(/field "context\.unless\.0"/);
  });

  it('loads the same shapes anchored on the left', () => {
    const dir = rulesDir({
      macros: { TOOL: '(?:zoom|ずーむ)', ZOOM_HOST: '(?<![a-z0-9])[a-z0-9]+\\.zoom\\.us' },
      patterns: ['(?<!\\d)\\d+分以内'],
      requires: ['(?:^|\\n(?<!\\n\\s*?\\n))\\s*参加'],
      unless: ['(?<![0-9,])[0-9,]{3,}円の'],
    });
    expect(loadError(dir)).toBeNull();
  });
});

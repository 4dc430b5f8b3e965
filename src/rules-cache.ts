// A start-up cache for the rules, written by `npm run build` (so by `npm ci`) into
// dist/rules-cache.json: the parsed YAML of each rule file and the patterns that passed the
// backtracking probe, keyed by content (SHA-256 of the file's text; of a pattern's flags and
// source). Parsing the YAML and probing every pattern is most of what loading the rules costs. A rule
// file edited after the build misses the cache and is parsed and probed as before: nothing stale is
// ever used, and a missing or unreadable cache only means a slower start.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';
import { z } from 'zod';
import { loadRules, type RulesLoadCache } from './detector/rules.ts';
import { PROJECT_ROOT } from './paths.ts';

export const RULES_CACHE_FILE = path.join(PROJECT_ROOT, 'dist', 'rules-cache.json');

const CacheFileSchema = z.object({
  format: z.literal(1),
  yaml: z.record(z.string(), z.unknown()),
  probed: z.array(z.string()),
});

const sha = (s: string): string => createHash('sha256').update(s).digest('base64url');
const patternKey = (re: RegExp): string => sha(`${re.flags}/${re.source}`);

/** The cache at `file`, or undefined when there is none (or it cannot be read). */
export function readRulesCache(file: string = RULES_CACHE_FILE): RulesLoadCache | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = CacheFileSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const yaml = new Map(Object.entries(parsed.data.yaml));
  const probed = new Set(parsed.data.probed);
  return { yaml: (text) => yaml.get(sha(text)), probed: (re) => probed.has(patternKey(re)) };
}

/**
 * Loads the rules in `dir` the slow way (every file parsed, every pattern probed) and writes what it
 * did to `file`. Throws, writing nothing, when the rules do not load.
 */
export function writeRulesCache(file: string = RULES_CACHE_FILE, dir?: string): { files: number; patterns: number } {
  const yaml: Record<string, unknown> = {};
  const probed = new Set<string>();
  loadRules({
    ...(dir ? { dir } : {}),
    checkBacktracking: true,
    cache: {
      yaml(text) {
        const data: unknown = YAML.parse(text);
        // Only what survives JSON unchanged (YAML can express values JSON cannot).
        if (isDeepStrictEqual(JSON.parse(JSON.stringify(data)) as unknown, data)) yaml[sha(text)] = data;
        return data;
      },
      probed(re) {
        probed.add(patternKey(re)); // recorded before the probe; a failing probe throws and nothing is written
        return false;
      },
    },
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ format: 1, yaml, probed: [...probed] }));
  return { files: Object.keys(yaml).length, patterns: probed.size };
}

// The one place that wires the pipeline together: tokenizer + rules → detector → report.
// The CLI, the local console and the Discord bot each create one Engine at startup and share it.
import { createDetector, type Detector } from './detector/detect.ts';
import { buildPatternFilter } from './detector/prefilter.ts';
import { loadRules, type RuleSet } from './detector/rules.ts';
import { loadSimilarity, type SimilarityModel } from './detector/similarity.ts';
import { buildTokenizer, type Tokenizer } from './detector/tokenizer.ts';
import type { CheckOptions } from './detector/types.ts';
import { composeReport, type Report } from './reply/report.ts';
import { readModelCache, readRulesCache } from './start-cache.ts';

export interface Engine {
  detector: Detector;
  tokenizer: Tokenizer;
  analyse(text: string, opts?: CheckOptions): Report;
}

export interface EngineOptions {
  tokenizer?: Tokenizer;
  rulesDir?: string;
  maxChars?: number;
  /** Folder of the statistical model (similarity.yaml + weights.json); false: the rules alone. */
  modelDir?: string | false;
}

/**
 * V8 compiles a regular expression when it first runs; the first check would pay for every rule's
 * patterns at once. Run each once on a one-character text while the dictionary is still being
 * decompressed (this thread would wait anyway).
 */
function compilePatterns(rules: RuleSet): void {
  for (const rule of rules.rules) {
    const c = rule.context;
    for (const re of [...rule.patterns, ...c.requires, ...c.requiresAfter, ...c.unless, ...c.unlessAfter, ...c.unlessBefore, ...c.unlessText]) {
      re.lastIndex = 0;
      re.exec('x');
      re.lastIndex = 0;
    }
  }
}

export async function createEngine(opts: EngineOptions = {}): Promise<Engine> {
  // The dictionary's files are read and queued for decompression in the thread pool first; the
  // rules and the model load on this thread meanwhile, then the dictionary is assembled.
  const tokenizing = opts.tokenizer ? Promise.resolve(opts.tokenizer) : buildTokenizer();
  let rules: RuleSet;
  let similarity: SimilarityModel | undefined;
  const rulesCache = readRulesCache();
  try {
    rules = loadRules({ ...(opts.rulesDir ? { dir: opts.rulesDir } : {}), cache: rulesCache });
    similarity = opts.modelDir === false ? undefined : loadSimilarity(opts.modelDir, readModelCache());
  } catch (err) {
    await tokenizing.catch(() => undefined); // settled, so its failure is not reported as unhandled
    throw err;
  }
  compilePatterns(rules);
  // Built here, from the start-up cache when it knows the patterns, while the dictionary loads.
  const patternFilter = buildPatternFilter(rules.rules.flatMap((r) => r.patterns), rulesCache?.literals);
  const tokenizer = await tokenizing;
  const detector = createDetector(tokenizer, rules, { ...(opts.maxChars ? { maxChars: opts.maxChars } : {}), similarity, patternFilter });
  return {
    detector,
    tokenizer,
    analyse(text: string, o: CheckOptions = {}): Report {
      return composeReport(detector.check(text, o));
    },
  };
}

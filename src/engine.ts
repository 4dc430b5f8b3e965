// The one place that wires the pipeline together: tokenizer + rules → detector → report.
// The CLI, the local console and the Discord bot each create one Engine at startup and share it.
import { createDetector, type Detector } from './detector/detect.ts';
import { loadRules } from './detector/rules.ts';
import { loadSimilarity } from './detector/similarity.ts';
import { buildTokenizer, type Tokenizer } from './detector/tokenizer.ts';
import type { CheckOptions } from './detector/types.ts';
import { composeReport, type Report } from './reply/report.ts';

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

export async function createEngine(opts: EngineOptions = {}): Promise<Engine> {
  const rules = loadRules(opts.rulesDir ? { dir: opts.rulesDir } : {});
  const tokenizer = opts.tokenizer ?? (await buildTokenizer());
  const similarity = opts.modelDir === false ? undefined : loadSimilarity(opts.modelDir);
  const detector = createDetector(tokenizer, rules, { ...(opts.maxChars ? { maxChars: opts.maxChars } : {}), similarity });
  return {
    detector,
    tokenizer,
    analyse(text: string, o: CheckOptions = {}): Report {
      return composeReport(detector.check(text, o));
    },
  };
}

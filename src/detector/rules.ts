// Rule files: YAML data validated by zod at load. A broken file stops the program with the file,
// the rule id and the field, so a typo never silently disables a rule.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths.ts';
import { foldPatternSource } from './normalize.ts';
import { assertLinearTime } from './probe.ts';
import { readingWidener } from './readings.ts';
import { CategorySchema, PlatformSchema, StageSchema, ToolSchema, type Category, type Tool } from './types.ts';

/** rules/ at the project root, whether this module runs from src/ or from the build in dist/src/. */
export const DEFAULT_RULES_DIR = path.join(PROJECT_ROOT, 'rules');

const WindowSchema = z.union([z.enum(['clause', 'sentence', 'text']), z.number().int().min(0).max(400)]);

const ContextSchema = z
  .object({
    /** Where `requires`, `requiresAfter` and `unless` look. */
    window: WindowSchema.default('sentence'),
    /** Each pattern must also match inside the window (AND of ORs). */
    requires: z.array(z.string().min(1)).default([]),
    /** Each pattern must match inside the window, after the cue. */
    requiresAfter: z.array(z.string().min(1)).default([]),
    /** Any of these inside the window drops the finding (e.g. the tool is the subject of the work). */
    unless: z.array(z.string().min(1)).default([]),
    /** Any of these right after the cue (within 12 chars) drops the finding. */
    unlessAfter: z.array(z.string().min(1)).default([]),
    /** Any of these right before the cue (within 12 chars) drops the finding. */
    unlessBefore: z.array(z.string().min(1)).default([]),
    /** Any of these anywhere in the text drops the finding (a posting whose deliverable is a form). */
    unlessText: z.array(z.string().min(1)).default([]),
    /**
     * unlessText does not excuse a cue under a heading matching one of these: in a data-entry
     * posting, the items listed under 【応募時にご記入いただく事項】 are asked of the applicant.
     */
    textExceptUnder: z.array(z.string().min(1)).default([]),
    /**
     * unlessText does not excuse a cue in a sentence that tells applicants what to write when
     * applying (「ご応募の際、日中につながるお電話番号を書いていただけますか」).
     */
    textExceptAsked: z.boolean().default(false),
    /** A negation or prohibition in the same clause after the cue drops it (行いません, 不要です). */
    negatable: z.boolean().default(true),
    /** A cue inside 「…」 that the sentence reports or warns about is not a request. */
    quotable: z.boolean().default(true),
    /**
     * How stage and platform change the weight:
     * contact: fine after 仮払い via the official route on CrowdWorks/Lancers, never on coconala;
     * call: like contact, and a call after the contract is informative only (it is no longer a
     *   pre-contract call);
     * work: "start before 仮払い" — moot once the stage is after_escrow;
     * unescrowed: only when the stage is after_contract (signed, 仮払い not yet made);
     * coconala_mention: a bare mention of an outside tool, which matters only on coconala;
     * none: the same at every stage (payments outside the platform, fees).
     */
    stage: z.enum(['contact', 'call', 'work', 'unescrowed', 'coconala_mention', 'none']).default('none'),
    /** Reject a match that sits inside a longer katakana or Latin word in the original text. */
    wordBoundary: z.boolean().default(false),
  })
  .strict();

/** An example is a text, or a text with the stage / platform the user would state. */
export const ExampleSchema = z.union([
  z.string().min(1),
  z.object({ text: z.string().min(1), platform: PlatformSchema.optional(), stage: StageSchema.optional() }).strict(),
]);
export type RuleExample = z.infer<typeof ExampleSchema>;
export interface ExampleOptions {
  platform?: z.infer<typeof PlatformSchema>;
  stage?: z.infer<typeof StageSchema>;
}
const exampleText = (e: RuleExample): string => (typeof e === 'string' ? e : e.text);
const exampleOptions = (e: RuleExample): ExampleOptions => (typeof e === 'string' ? {} : { platform: e.platform, stage: e.stage });

const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'ids look like "contact.line.request"'),
    weight: z.number().min(0).max(10),
    tool: ToolSchema.optional(),
    description: z.string().min(2),
    explanation: z.string().min(8),
    patterns: z.array(z.string().min(1)).min(1),
    context: ContextSchema.prefault({}),
    examples: z
      .object({
        hit: z.array(ExampleSchema).min(1),
        miss: z.array(ExampleSchema).default([]),
      })
      .strict(),
  })
  .strict();

const RuleFileSchema = z
  .object({
    category: CategorySchema,
    /** The most this category can add to a verdict's score, however many of its rules fire. */
    cap: z.number().min(0).max(20),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();

const LexiconSchema = z
  .object({
    macros: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string().min(1)),
    /** Kanji word → per-character kana readings; patterns also match the kana spellings. */
    readings: z.record(z.string().regex(/^\p{Script=Han}+$/u, 'a reading key is a kanji word'), z.array(z.string().regex(/^[ぁ-ゖ/]+$/, 'readings are hiragana, alternatives split by /'))).default({}),
  })
  .strict()
  .superRefine((lex, ctx) => {
    for (const [w, r] of Object.entries(lex.readings)) {
      if (Array.from(w).length !== r.length) ctx.addIssue({ code: 'custom', path: ['readings', w], message: `one reading per character (${Array.from(w).length})` });
    }
  });

/** What patterns are compiled with: macros, and the widening to kana spellings of kanji words. */
interface Lexicon {
  macros: Record<string, string>;
  widen: (src: string) => string;
}

export type RuleSpec = z.infer<typeof RuleSchema>;
type ContextSpec = z.infer<typeof ContextSchema>;

export interface CompiledContext
  extends Omit<ContextSpec, 'requires' | 'requiresAfter' | 'unless' | 'unlessAfter' | 'unlessBefore' | 'unlessText' | 'textExceptUnder'> {
  requires: RegExp[];
  requiresAfter: RegExp[];
  unless: RegExp[];
  unlessAfter: RegExp[];
  unlessBefore: RegExp[];
  unlessText: RegExp[];
  textExceptUnder: RegExp[];
}

export interface CompiledRule {
  id: string;
  category: Category;
  weight: number;
  tool: Tool | undefined;
  description: string;
  explanation: string;
  patterns: RegExp[];
  context: CompiledContext;
  /** Example texts (must hit / must miss) and, in parallel, the options each one is checked with. */
  examples: { hit: string[]; miss: string[] };
  exampleOptions: { hit: ExampleOptions[]; miss: ExampleOptions[] };
  file: string;
}

export interface RuleSet {
  rules: CompiledRule[];
  caps: Record<Category, number>;
  /** Shared macros, compiled; the engine uses a few of them for stage and quote context. */
  macro: (name: string) => RegExp;
}

export class RuleLoadError extends Error {
  constructor(
    readonly file: string,
    readonly ruleId: string | undefined,
    readonly field: string,
    detail: string,
  ) {
    super(`rules: ${file}${ruleId ? ` rule "${ruleId}"` : ''} field "${field}": ${detail}`);
    this.name = 'RuleLoadError';
  }
}

// Expanded macro bodies, per macro table: rules share a few large macros, so expand each once.
const expansionCache = new WeakMap<Record<string, string>, Map<string, string>>();

function expandMacros(src: string, macros: Record<string, string>, file: string, ruleId: string | undefined, field: string, depth = 0): string {
  if (depth > 8) throw new RuleLoadError(file, ruleId, field, 'macros nest too deeply (a cycle?)');
  let cache = expansionCache.get(macros);
  if (!cache) {
    cache = new Map();
    expansionCache.set(macros, cache);
  }
  const memo = cache;
  return src.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (_m, name: string) => {
    const hit = memo.get(name);
    if (hit !== undefined) return hit;
    const body = macros[name];
    if (body === undefined) throw new RuleLoadError(file, ruleId, field, `unknown macro {${name}}`);
    const expanded = `(?:${expandMacros(body, macros, file, ruleId, field, depth + 1)})`;
    memo.set(name, expanded);
    return expanded;
  });
}

// Shapes that make a backtracking engine explode: a quantified group whose body is itself
// quantified without a bound, like (a+)+ or (?:x*y?)*. Our patterns never need them.
const NESTED_QUANTIFIER = /\((?:\?:)?[^()]*(?:[+*]|\{\d+,\})[^()]*\)(?:[+*]|\{\d+,\})/;

export function compilePattern(src: string, lex: Lexicon, file: string, ruleId: string | undefined, field: string): RegExp {
  const expanded = lex.widen(foldPatternSource(expandMacros(src, lex.macros, file, ruleId, field)));
  if (NESTED_QUANTIFIER.test(expanded)) {
    throw new RuleLoadError(file, ruleId, field, `pattern has a nested unbounded quantifier (catastrophic backtracking risk): ${src}`);
  }
  try {
    // A pattern may name its cue — (?<cue>…) — so context right after the tool word can be checked
    // even when the pattern itself runs on to the request verb.
    return new RegExp(expanded, expanded.includes('(?<cue>') ? 'gud' : 'gu');
  } catch (e) {
    throw new RuleLoadError(file, ruleId, field, `invalid regular expression: ${(e as Error).message}`);
  }
}

function formatZodError(err: z.ZodError, data: unknown): { ruleId: string | undefined; field: string; detail: string } {
  const issue = err.issues[0];
  const p = issue?.path ?? [];
  let ruleId: string | undefined;
  if (p[0] === 'rules' && typeof p[1] === 'number' && data && typeof data === 'object') {
    const rules = (data as { rules?: unknown }).rules;
    if (Array.isArray(rules)) {
      const r: unknown = rules[p[1]];
      if (r && typeof r === 'object' && typeof (r as { id?: unknown }).id === 'string') ruleId = (r as { id: string }).id;
      else ruleId = `#${p[1]}`;
    }
  }
  const fieldPath = p[0] === 'rules' ? p.slice(2) : p;
  return { ruleId, field: fieldPath.join('.') || '(root)', detail: issue?.message ?? 'invalid' };
}

export interface LoadOptions {
  dir?: string;
  /** Probe every pattern with adversarial input (done at startup and in tests; ~tens of ms). */
  checkBacktracking?: boolean;
  /** What an earlier load of the same file texts already did (src/start-cache.ts, written by the build). */
  cache?: RulesLoadCache;
}

/** A start-up cache, keyed by content: a file text or pattern it does not know is parsed or probed as usual. */
export interface RulesLoadCache {
  /** The parsed YAML of this file text, or undefined. */
  yaml(text: string): unknown;
  /** Whether this compiled pattern has passed the backtracking probe. */
  probed(re: RegExp): boolean;
  /** The literals one of which every match of this pattern holds (prefilter.ts), null when none; undefined when not cached. */
  literals?(re: RegExp): string[] | null | undefined;
}

export function loadRules(opts: LoadOptions = {}): RuleSet {
  const dir = opts.dir ?? DEFAULT_RULES_DIR;
  const parseYaml = (text: string): unknown => opts.cache?.yaml(text) ?? YAML.parse(text);
  const lexFile = path.join(dir, 'lexicon.yaml');
  let lex: Lexicon;
  {
    const parsed = LexiconSchema.safeParse(parseYaml(fs.readFileSync(lexFile, 'utf8')));
    if (!parsed.success) {
      const f = formatZodError(parsed.error, null);
      throw new RuleLoadError('lexicon.yaml', undefined, f.field, f.detail);
    }
    lex = { macros: parsed.data.macros, widen: readingWidener(parsed.data.readings) };
  }
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'lexicon.yaml')
    .sort();
  const rules: CompiledRule[] = [];
  const caps = {} as Record<Category, number>;
  const seen = new Map<string, string>();
  for (const file of files) {
    let data: unknown;
    try {
      data = parseYaml(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      throw new RuleLoadError(file, undefined, '(yaml)', (e as Error).message);
    }
    const parsed = RuleFileSchema.safeParse(data);
    if (!parsed.success) {
      const f = formatZodError(parsed.error, data);
      throw new RuleLoadError(file, f.ruleId, f.field, f.detail);
    }
    const { category, cap } = parsed.data;
    if (caps[category] !== undefined) throw new RuleLoadError(file, undefined, 'category', `category ${category} is defined in two files`);
    caps[category] = cap;
    for (const r of parsed.data.rules) {
      const prev = seen.get(r.id);
      if (prev) throw new RuleLoadError(file, r.id, 'id', `duplicate rule id (also in ${prev})`);
      seen.set(r.id, file);
      const c = (field: string, list: string[]): RegExp[] => list.map((s, k) => compilePattern(s, lex, file, r.id, `${field}.${k}`));
      const compiled: CompiledRule = {
        id: r.id,
        category,
        weight: r.weight,
        tool: r.tool,
        description: r.description,
        explanation: r.explanation,
        patterns: c('patterns', r.patterns),
        context: {
          ...r.context,
          requires: c('context.requires', r.context.requires),
          requiresAfter: c('context.requiresAfter', r.context.requiresAfter),
          unless: c('context.unless', r.context.unless),
          unlessAfter: c('context.unlessAfter', r.context.unlessAfter),
          unlessBefore: c('context.unlessBefore', r.context.unlessBefore),
          unlessText: c('context.unlessText', r.context.unlessText),
          textExceptUnder: c('context.textExceptUnder', r.context.textExceptUnder),
        },
        examples: { hit: r.examples.hit.map(exampleText), miss: r.examples.miss.map(exampleText) },
        exampleOptions: { hit: r.examples.hit.map(exampleOptions), miss: r.examples.miss.map(exampleOptions) },
        file,
      };
      rules.push(compiled);
    }
  }
  const macroCache = new Map<string, RegExp>();
  return assertLinearTime({
    rules,
    caps,
    macro(name: string): RegExp {
      let re = macroCache.get(name);
      if (!re) {
        re = compilePattern(`{${name}}`, lex, 'lexicon.yaml', undefined, name);
        macroCache.set(name, re);
      }
      return re;
    },
  }, opts.checkBacktracking === false ? null : Object.keys(lex.macros), opts.cache ? { skip: (re) => (opts.cache as RulesLoadCache).probed(re) } : {});
}

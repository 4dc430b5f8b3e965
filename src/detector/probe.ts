// Adversarial probing of the rules' regular expressions at load.
//
// JavaScript's regex engine backtracks: a search that fails tries every start position, so a
// pattern that can run on from each start (an unbounded quantifier before a literal that never
// comes: `[a-z0-9]+\.zoom\.us` on "aaaa…", `で[^。]*追加` on "でででで…") costs the square of the
// input length. One such pattern on an 8,000-character message takes hundreds of milliseconds on
// the bot's only thread. Bounded quantifiers and left anchors (a lookbehind that fails inside a
// run) keep every search linear.
//
// This module builds inputs from a pattern's own atoms — each literal, each character class
// (a member of it), and each prefix of every sequence in it (the near-miss that starts a match and
// never finishes one), repeated to the full input cap — and times every pattern of the rule set on
// them: rule patterns, requires / unless lists, and the lexicon's macros. A pattern that is slow on
// any of them stops the load, naming the file, rule, field and the input that was slow. Times are
// CPU time, so a busy machine slows the probe down but does not make a linear pattern look slow.
import { RuleLoadError } from './rules.ts';

/** One parsed term: an atom with its repetition bounds. */
interface Term {
  node: Node;
  min: number;
  /** Infinity for `*`, `+`, `{n,}`. */
  max: number;
}
type Seq = Term[];
type Node =
  | { t: 'chars'; samples: string[] }
  | { t: 'group'; alts: Seq[]; look: boolean }
  | { t: 'assert' };

// Characters tried against a class or escape when looking for members (and for non-members of a
// negated class): the script and punctuation mix of the folded text.
const POOL = Array.from('a0 z9.-_@/:・ー〇あんがア漢字。、！?？()（）「」[]【】\n#%&=+~|,>→※…LINEIDlineid', (c) => c);

/** Members found for a class or escape, by its source (the rules repeat the same few hundred). */
const sampleCache = new Map<string, string[]>();

/** Parses the source of a `u`-flag regular expression into sequences of terms. */
export function parsePattern(source: string, flags = 'u'): Seq[] {
  let i = 0;
  const src = source;

  const classSamples = (body: string): string[] => {
    const key = `${flags.includes('u') ? 'u' : ''}${body}`;
    const hit = sampleCache.get(key);
    if (hit) return hit;
    const found = findSamples(body);
    sampleCache.set(key, found);
    return found;
  };

  const findSamples = (body: string): string[] => {
    let re: RegExp;
    try {
      re = new RegExp(`^${body}$`, flags.includes('u') ? 'u' : '');
    } catch {
      return ['a'];
    }
    // Members named in the class itself first (its literal characters), then the common pool.
    const named = Array.from(body.replace(/\\[pPu]\{[^}]*\}|\\./g, '').replace(/[[\]^-]/g, ''));
    const out: string[] = [];
    for (const c of [...named, ...POOL]) {
      if (out.length >= 3) break;
      if (!out.includes(c) && re.test(c)) out.push(c);
    }
    return out.length > 0 ? out : ['a'];
  };

  const parseAlts = (): Seq[] => {
    const alts: Seq[] = [[]];
    while (i < src.length) {
      const ch = src[i] as string;
      if (ch === ')') break;
      if (ch === '|') {
        alts.push([]);
        i++;
        continue;
      }
      const node = parseAtom();
      const [min, max] = parseQuantifier();
      (alts[alts.length - 1] as Seq).push({ node, min, max });
    }
    return alts;
  };

  const parseQuantifier = (): [number, number] => {
    const ch = src[i];
    let q: [number, number] | null = null;
    if (ch === '*') q = [0, Infinity];
    else if (ch === '+') q = [1, Infinity];
    else if (ch === '?') q = [0, 1];
    if (q) i++;
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (m) {
        const lo = Number(m[1]);
        q = [lo, m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3])];
        i += m[0].length;
      }
    }
    if (!q) return [1, 1];
    if (src[i] === '?') i++; // lazy: the same bounds
    return q;
  };

  const parseAtom = (): Node => {
    const ch = src[i] as string;
    if (ch === '(') {
      i++;
      let look = false;
      let assertion = false;
      if (src.startsWith('?:', i)) i += 2;
      else if (src.startsWith('?=', i) || src.startsWith('?!', i)) {
        i += 2;
        look = true;
        assertion = true;
      } else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) {
        i += 3;
        look = true;
        assertion = true;
      } else if (src.startsWith('?<', i)) {
        i = src.indexOf('>', i) + 1;
      }
      const alts = parseAlts();
      i++; // ')'
      return assertion ? { t: 'group', alts, look } : { t: 'group', alts, look: false };
    }
    if (ch === '[') {
      const start = i;
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      i++;
      return { t: 'chars', samples: classSamples(src.slice(start, i)) };
    }
    if (ch === '\\') {
      const m = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|\d+|.)/su.exec(src.slice(i));
      const esc = m ? m[0] : src.slice(i, i + 2);
      i += esc.length;
      if (esc === '\\b' || esc === '\\B') return { t: 'assert' };
      if (/^\\(?:k<|[1-9])/.test(esc)) return { t: 'chars', samples: ['a'] };
      return { t: 'chars', samples: classSamples(esc) };
    }
    if (ch === '^' || ch === '$') {
      i++;
      return { t: 'assert' };
    }
    const cp = src.codePointAt(i) as number;
    const c = String.fromCodePoint(cp);
    i += c.length;
    if (c === '.') return { t: 'chars', samples: classSamples('.') };
    return { t: 'chars', samples: [c] };
  };

  const alts = parseAlts();
  return alts;
}

/** One string the term's atom matches (variant k picks among class members and branches). */
function sampleNode(node: Node, k: number): string {
  if (node.t === 'assert') return '';
  if (node.t === 'chars') return node.samples[k % node.samples.length] as string;
  if (node.look) return '';
  // The first branch that yields something: an empty optional branch says nothing about the shape.
  for (let b = 0; b < node.alts.length; b++) {
    const s = sampleSeq(node.alts[(b + k) % node.alts.length] as Seq, k);
    if (s.length > 0) return s;
  }
  return '';
}

function sampleTerm(term: Term, k: number, forceOne = false): string {
  const reps = Math.min(Math.max(term.min, forceOne ? 1 : 0), 3);
  let s = '';
  for (let r = 0; r < reps; r++) s += sampleNode(term.node, k);
  return s;
}

function sampleSeq(seq: Seq, k: number): string {
  return seq.map((t) => sampleTerm(t, k)).join('');
}

/** Visits every sequence in the tree (branches of groups and lookarounds included). */
function eachSeq(alts: Seq[], visit: (seq: Seq) => void): void {
  for (const seq of alts) {
    visit(seq);
    for (const term of seq) if (term.node.t === 'group') eachSeq(term.node.alts, visit);
  }
}

/** A quantifier that lets one start position run far: unbounded, or bounded high. */
const LONG_RUN = 50;

/**
 * Seeds whose repetition makes a backtracking search slow, best first: for every sequence, each
 * prefix that ends just before or inside a long-running term (the near miss), then every atom.
 */
export function adversarialSeeds(re: RegExp, limit = 24): string[] {
  const alts = parsePattern(re.source, re.flags);
  const risky: string[] = [];
  const atoms: string[] = [];
  eachSeq(alts, (seq) => {
    for (let j = 0; j < seq.length; j++) {
      const term = seq[j] as Term;
      if (term.node.t === 'chars') for (const s of term.node.samples) atoms.push(s);
      if (term.max < LONG_RUN) continue;
      for (const k of [0, 1]) {
        // The sequence up to this term, with the term's atom once: the start of a match that the
        // term then stretches over the rest of the input.
        let prefix = '';
        for (let p = 0; p < j; p++) prefix += sampleTerm(seq[p] as Term, k, false);
        const atom = sampleTerm(term, k, true);
        risky.push(prefix + atom, prefix.length > 0 ? prefix : atom);
        // And what follows the term, minus its last atom: a match that almost completes.
        let tail = '';
        for (let p = j + 1; p < seq.length - 1; p++) tail += sampleTerm(seq[p] as Term, k, true);
        if (tail.length > 0) risky.push(prefix + atom + tail);
      }
    }
  });
  // Whole near-misses of each top-level branch (all but the last term), for bounded patterns whose
  // cost is a large constant per start.
  for (const seq of alts) {
    if (seq.length > 1) risky.push(seq.slice(0, -1).map((t) => sampleTerm(t, 0, true)).join(''));
  }
  const out: string[] = [];
  for (const s of [...risky, ...atoms, ...GENERIC]) {
    if (out.length >= limit) break;
    if (s.length === 0 || s.length > 200) continue;
    // "0", "00" and "000" repeat to the same input: keep one.
    const root = primitiveRoot(s);
    if (!out.includes(root)) out.push(root);
  }
  return out;
}

/** The shortest string whose repetition is `s` ("abab" → "ab"). */
export function primitiveRoot(s: string): string {
  const i = (s + s).indexOf(s, 1);
  return i < s.length ? s.slice(0, i) : s;
}

/** Shapes every pattern is tried on, whatever its atoms. */
const GENERIC = ['a', '0', ' ', 'あ', 'ー', '〇', '0・', 'a.', '@', '\n'];

/** `seed` repeated to exactly `chars` characters (never splitting a surrogate pair). */
export function repeatTo(seed: string, chars: number): string {
  const s = seed.repeat(Math.ceil(chars / seed.length) + 1).slice(0, chars);
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? s.slice(0, -1) : s;
}

/**
 * The probe input for a seed: its repetition, ending in one character outside Latin-1. V8 keeps
 * an all-Latin-1 string in one byte per character and runs a pattern on it with every non-Latin-1
 * branch cut away, so "0000…" alone would hide what the same digits cost inside Japanese text.
 */
export function probeInput(seed: string, chars: number): string {
  return `${repeatTo(seed, chars - 1)}\uffff`;
}

/** How the detector runs a pattern over a text: every match, at most `maxMatches` of them. */
export function runPattern(re: RegExp, text: string, maxMatches = 40): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  if (!re.global && !re.sticky) {
    re.exec(text);
    return;
  }
  while ((m = re.exec(text)) !== null && n++ < maxMatches) {
    if (m[0].length === 0) re.lastIndex += 1;
  }
  re.lastIndex = 0;
}

/** CPU milliseconds used by the process (not wall time: on a loaded machine a run is paused). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The CPU time of one search. Wall time would count the moments the process waits for a core: on
 * a machine shared with other work, a 0.3 ms search measured 34 ms that way.
 */
function timeRun(re: RegExp, text: string): number {
  const t0 = cpuMs();
  runPattern(re, text);
  return cpuMs() - t0;
}

export interface ProbeResult {
  /** Time of one search-all over the seed repeated to the cap (the better of two when slow). */
  ms: number;
  /** The seed that was slowest, before repetition. */
  seed: string;
  /**
   * For a slow pattern: ms at the cap ÷ ms at an eighth of it (eight times the input): about 8 for
   * a linear pattern, 64 for a quadratic one.
   */
  growth: number | null;
}

const bestOf = (re: RegExp, text: string, runs: number): number => {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timeRun(re, text));
  return best;
};

/**
 * The slowest of a pattern's adversarial inputs at `cap` characters. Every seed is tried at a
 * sixteenth of the cap (cheap); the two slowest are timed at the full cap. Over `hardMs` ends it;
 * over `slowMs`, it is timed again, and at an eighth of the cap, to tell a quadratic pattern from
 * a merely heavy one: eight times the input costs 64 times as much against 8.
 */
export function probePattern(re: RegExp, cap: number, seeds = adversarialSeeds(re), slowMs = PROBE_LIMIT_MS, hardMs = PROBE_HARD_LIMIT_MS): ProbeResult {
  const small = Math.max(64, Math.floor(cap / 16));
  const scored = seeds.map((seed) => ({ seed, ms: timeRun(re, probeInput(seed, small)) }));
  scored.sort((a, b) => b.ms - a.ms);
  let worst: ProbeResult = { ms: 0, seed: scored[0]?.seed ?? '', growth: null };
  for (const s of scored.slice(0, 2)) {
    const text = probeInput(s.seed, cap);
    let ms = timeRun(re, text);
    // Far too slow (in CPU time, which other work on the machine does not inflate): nothing more
    // to learn, and every further run would cost as much again.
    if (ms > hardMs) return { ms, seed: s.seed, growth: null };
    if (ms > slowMs) ms = Math.min(ms, bestOf(re, text, 2));
    if (ms > worst.ms) worst = { ms, seed: s.seed, growth: null };
  }
  if (worst.ms > slowMs) {
    worst.ms = Math.min(worst.ms, bestOf(re, probeInput(worst.seed, cap), 2));
    worst.growth = worst.ms / Math.max(0.001, bestOf(re, probeInput(worst.seed, Math.floor(cap / 8)), 3));
  }
  return worst;
}

export interface ProbeTarget {
  re: RegExp;
  /** Where the pattern comes from: file, rule id (if any) and field. */
  file: string;
  ruleId: string | undefined;
  field: string;
}

export interface SlowPattern extends ProbeTarget, ProbeResult {}

export interface ProbeOptions {
  /** Input length to probe at: the detector's cap (8,000 characters). */
  cap?: number;
  /** Slower than this and growing faster than linearly (growth over GROWTH_LIMIT) fails. */
  limitMs?: number;
  /** Slower than this fails whatever the growth. */
  hardLimitMs?: number;
  /** Stop at the first pattern that fails (the load-time check needs only one). */
  first?: boolean;
  /** Skip patterns that passed earlier in this process, and remember those that pass now. */
  remember?: boolean;
  /** Patterns an earlier load already proved linear (the build's start-up cache, keyed by source). */
  skip?: (re: RegExp) => boolean;
}

export const PROBE_CAP = 8000;
/**
 * A linear pattern scans 8,000 characters in well under a millisecond (a few heavy ones, with
 * hundreds of alternatives, in ~10 ms); a quadratic one takes hundreds. A pattern fails when it is
 * over PROBE_LIMIT_MS and grows superlinearly, or over PROBE_HARD_LIMIT_MS at all: bounds far from
 * both, so a loaded machine does not make a load fail.
 */
export const PROBE_LIMIT_MS = 30;
export const PROBE_HARD_LIMIT_MS = 150;
/** Eight times the input costing more than this many times as much: not linear (quadratic: 64). */
export const GROWTH_LIMIT = 24;

/**
 * Patterns (flags/source) that passed with the default bounds in this process. A result depends
 * on the source alone, so a second load of the same rules (the CLI loads them twice with --record)
 * does not probe again.
 */
const passed = new Set<string>();

/** Every pattern that is too slow on its adversarial inputs (empty when all are fine). */
export function findSlowPatterns(targets: ProbeTarget[], opts: ProbeOptions = {}): SlowPattern[] {
  const cap = opts.cap ?? PROBE_CAP;
  const limit = opts.limitMs ?? PROBE_LIMIT_MS;
  const hard = opts.hardLimitMs ?? PROBE_HARD_LIMIT_MS;
  const remember = opts.remember === true && cap === PROBE_CAP && limit === PROBE_LIMIT_MS && hard === PROBE_HARD_LIMIT_MS;
  const slow: SlowPattern[] = [];
  // The same source compiled twice (a macro used as a whole pattern) is probed once.
  const done = new Set<string>();
  for (const t of targets) {
    const key = `${t.re.flags}/${t.re.source}`;
    if (done.has(key)) continue;
    done.add(key);
    if (opts.skip?.(t.re) || (remember && passed.has(key))) continue;
    const r = probePattern(t.re, cap, adversarialSeeds(t.re), limit, hard);
    if (r.ms > hard || (r.ms > limit && (r.growth ?? 0) > GROWTH_LIMIT)) {
      slow.push({ ...t, ...r });
      if (opts.first) break;
    } else if (remember) {
      passed.add(key);
    }
  }
  return slow;
}

/** A rule set's patterns in the shape the probe takes (structural: rules.ts imports this module). */
interface ProbedRuleSet {
  rules: {
    id: string;
    file: string;
    patterns: RegExp[];
    context: Record<'requires' | 'requiresAfter' | 'unless' | 'unlessAfter' | 'unlessBefore' | 'unlessText', RegExp[]>;
  }[];
  macro(name: string): RegExp;
}

const CONTEXT_FIELDS = ['requires', 'requiresAfter', 'unless', 'unlessAfter', 'unlessBefore', 'unlessText'] as const;

/** Every regular expression of a rule set: patterns, context lists and the named macros. */
export function ruleSetTargets(set: ProbedRuleSet, macroNames: readonly string[]): ProbeTarget[] {
  const out: ProbeTarget[] = [];
  for (const r of set.rules) {
    r.patterns.forEach((re, k) => out.push({ re, file: r.file, ruleId: r.id, field: `patterns.${k}` }));
    for (const f of CONTEXT_FIELDS) r.context[f].forEach((re, k) => out.push({ re, file: r.file, ruleId: r.id, field: `context.${f}.${k}` }));
  }
  for (const name of macroNames) out.push({ re: set.macro(name), file: 'lexicon.yaml', ruleId: undefined, field: name });
  return out;
}

/**
 * The load-time check (src/detector/rules.ts): every pattern, context pattern and macro of the
 * rule set on its adversarial inputs at the full cap; the first one too slow stops the load with
 * its file, rule, field and the input that was slow. `macroNames` null: no probing.
 */
export function assertLinearTime<T extends ProbedRuleSet>(set: T, macroNames: readonly string[] | null, opts: ProbeOptions = {}): T {
  if (macroNames === null) return set;
  const [slow] = findSlowPatterns(ruleSetTargets(set, macroNames), { remember: true, ...opts, first: true });
  if (slow) {
    const growth = slow.growth === null ? '' : `; 8 times the input takes ${slow.growth.toFixed(0)} times as long`;
    throw new RuleLoadError(
      slow.file,
      slow.ruleId,
      slow.field,
      `pattern takes ${slow.ms.toFixed(0)} ms on ${JSON.stringify(slow.seed)} repeated to ${opts.cap ?? PROBE_CAP} characters${growth}; bound its quantifiers or anchor them on the left (a lookbehind)`,
    );
  }
  return set;
}

/** The distinct adversarial seeds of all targets (for end-to-end measurements). */
export function allSeeds(targets: ProbeTarget[], perPattern = 40): string[] {
  const seen = new Set<string>(GENERIC);
  for (const t of targets) for (const s of adversarialSeeds(t.re, perPattern)) seen.add(s);
  return [...seen];
}

// Which rule patterns can match a text at all, found in one pass over it.
//
// Most of the rule set's patterns find nothing in a given message, and each failing search still
// reads the whole text. At load, every pattern's source is read for the literal strings that any
// match must contain one of (「らいん」「line」「追加」…: for `(?:line|らいん)\s?(?:で|に)追加`,
// a match holds 「line」 or 「らいん」, and always 「追加」; the more telling set is kept). Per text,
// one walk of a trie of all those strings marks the patterns whose strings occur; only those are
// searched. A pattern whose source yields no such set (a class of any letter, `.{0,8}`, a
// construct this reader does not know) is always searched, so the result is never narrower than
// the truth: skipping a pattern can only skip a search that would have found nothing.
//
// Pure: patterns in at load; a text in, a yes/no per pattern out.

/** Strings of which every match contains at least one, and how often such a set occurs ({@link cost}). */
interface Factors {
  set: string[];
  cost: number;
}

/** What is known about the strings a piece of a pattern matches. */
interface Shape {
  /** Every string it can match, when there are few (null: too many or unknown). */
  exact: string[] | null;
  /** Strings of which every match contains at least one (null: none known). */
  factors: Factors | null;
}

/** Largest exact set kept, and longest string in one. */
const MAX_EXACT = 64;
const MAX_EXACT_LEN = 24;
const ANY: Shape = { exact: null, factors: null };
const EMPTY: Shape = { exact: [''], factors: null };

class Unsupported extends Error {}

const COMMON_CHAR = /[ぁ-ゖー、。\s\p{P}a-z0-9]/u;

/**
 * How likely a set of strings is to occur in an ordinary message (lower: the set rules out more
 * texts). A single kana or punctuation mark is in nearly every text; a longer string rarely is,
 * and the longer the rarer.
 */
function factors(set: string[]): Factors {
  let c = 0;
  for (const s of set) {
    if (s.length >= 3) c += 0.06 / s.length;
    else if (s.length === 2) c += 0.1;
    else c += COMMON_CHAR.test(s) ? 1 : 0.4;
  }
  return { set, cost: c };
}

/** The set without repeats and without strings that contain a shorter member (that member already implies them). */
function minimal(set: string[]): string[] {
  const uniq = [...new Set(set)].sort((a, b) => a.length - b.length);
  const kept = new Set<string>();
  const out: string[] = [];
  for (const s of uniq) {
    let implied = false;
    for (let a = 0; a < s.length && !implied; a++) {
      for (let b = a + 1; b <= s.length && !implied; b++) implied = b - a < s.length && kept.has(s.slice(a, b));
    }
    if (!implied) {
      kept.add(s);
      out.push(s);
    }
  }
  return out;
}

/** The better of two factor sets (null: no constraint). */
function better(a: Factors | null, b: Factors | null): Factors | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.cost < a.cost ? b : a;
}

/** A shape whose factors also consider its exact set. */
function shape(exact: string[] | null, f: Factors | null): Shape {
  const ex = exact && exact.length <= MAX_EXACT && exact.every((s) => s.length <= MAX_EXACT_LEN) ? exact : null;
  return { exact: ex, factors: ex && !ex.includes('') ? better(f, factors(ex)) : f };
}

function product(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  if (a.length === 1 && a[0] === '') return b;
  if (b.length === 1 && b[0] === '') return a;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

/** A sequence: its exact set is the product of its terms'; its factors come from one term or from a run of terms with exact sets. */
function sequence(terms: Shape[]): Shape {
  if (terms.length === 1) return terms[0] as Shape;
  let f: Factors | null = null;
  for (const t of terms) f = better(f, t.factors);
  // Runs of terms with exact sets, each as long as its product stays small: 「らいん」 from ら, い, ん.
  let run: string[] = [''];
  const endRun = (): void => {
    if (!run.includes('')) f = better(f, factors(run));
    run = [''];
  };
  for (const t of terms) {
    if (!t.exact) {
      endRun();
      continue;
    }
    const next = product(run, t.exact);
    if (next) run = next;
    else {
      endRun();
      run = t.exact;
    }
  }
  endRun();
  let exact: string[] | null = [''];
  for (const t of terms) exact = exact && t.exact ? product(exact, t.exact) : null;
  return shape(exact, f);
}

function alternation(alts: Shape[]): Shape {
  let exact: string[] | null = [];
  let set: string[] | null = [];
  let c = 0;
  for (const a of alts) {
    exact = exact && a.exact && exact.length + a.exact.length <= MAX_EXACT ? [...exact, ...a.exact] : null;
    if (set && a.factors) {
      for (const x of a.factors.set) set.push(x);
      c += a.factors.cost;
    } else set = null;
  }
  return shape(exact, set ? { set, cost: c } : null);
}

function repeat(node: Shape, min: number, max: number): Shape {
  if (max === 0) return EMPTY;
  if (min === 1 && max === 1) return node;
  let exact: string[] | null = null;
  if (node.exact && max !== Infinity && max <= 8) {
    exact = min === 0 ? [''] : [];
    let power: string[] | null = [''];
    for (let k = 1; k <= max && power; k++) {
      power = product(power, node.exact);
      if (power && k >= min) exact = [...exact, ...power];
    }
    if (!power) exact = null;
  }
  return shape(exact, min >= 1 ? node.factors : null);
}

// Characters a `u`-flag pattern writes with a backslash to mean themselves.
const SYNTAX = '^$\\.*+?()[]{}|/-';
const CONTROL: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', f: '\f', '0': '\0' };

/** Where each group of the source ends (the index of its `)`), by the index of its `(`; null when they do not pair up. */
function groupEnds(src: string): Map<number, number> | null {
  const ends = new Map<number, number>();
  const open: number[] = [];
  for (let k = 0; k < src.length; k++) {
    const ch = src[k];
    if (ch === '\\') k += 1;
    else if (ch === '[') {
      for (k += 1; k < src.length && src[k] !== ']'; k++) if (src[k] === '\\') k += 1;
    } else if (ch === '(') open.push(k);
    else if (ch === ')') {
      const at = open.pop();
      if (at === undefined) return null;
      ends.set(at, k);
    }
  }
  return open.length === 0 ? ends : null;
}

/**
 * Reads the source of a `u`-flag regular expression into the shape of its matches. `memo` holds
 * the shapes of groups already read, by their source: the rules' patterns repeat the same macros.
 */
export function patternShape(source: string, memo: Map<string, Shape> = new Map()): Shape {
  let i = 0;
  const src = source;
  const close = groupEnds(src);
  if (!close) return ANY;

  /** An escape after the backslash at `i`: one character, or null for a class of characters. */
  const escape = (inClass: boolean): string | null => {
    const ch = src[i + 1];
    if (ch === undefined) throw new Unsupported('trailing backslash');
    if (ch === 'u') {
      const m = /^\\u(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(src.slice(i, i + 12));
      if (!m) throw new Unsupported('\\u');
      i += m[0].length;
      const cp = parseInt((m[1] ?? m[2]) as string, 16);
      // A surrogate written as \uXXXX may pair with the next one: leave that to the engine.
      if (cp >= 0xd800 && cp <= 0xdfff) throw new Unsupported('surrogate escape');
      return String.fromCodePoint(cp);
    }
    if (ch === 'x') {
      const m = /^\\x([0-9a-fA-F]{2})/.exec(src.slice(i, i + 4));
      if (!m) throw new Unsupported('\\x');
      i += 4;
      return String.fromCharCode(parseInt(m[1] as string, 16));
    }
    i += 2;
    if (CONTROL[ch] !== undefined && !(ch === '0' && /[0-9]/.test(src[i] ?? ''))) return CONTROL[ch] as string;
    if (SYNTAX.includes(ch)) return ch;
    if (inClass && ch === 'b') return '\b';
    if ('dDsSwWpP'.includes(ch)) {
      if (ch === 'p' || ch === 'P') {
        const close = src.indexOf('}', i);
        if (src[i] !== '{' || close < 0) throw new Unsupported('\\p');
        i = close + 1;
      }
      return null;
    }
    throw new Unsupported(`\\${ch}`);
  };

  const charClass = (): Shape => {
    i += 1; // [
    const negated = src[i] === '^';
    if (negated) i += 1;
    const members: string[] = [];
    let known = true;
    // In JavaScript a `]` right after `[` closes the class (`[]` matches nothing).
    while (i < src.length && src[i] !== ']') {
      const one = (): string | null => {
        if (src[i] === '\\') return escape(true);
        const c = String.fromCodePoint(src.codePointAt(i) as number);
        i += c.length;
        return c;
      };
      const lo = one();
      if (src[i] === '-' && src[i + 1] !== ']' && i + 1 < src.length) {
        i += 1;
        const hi = one();
        if (lo === null || hi === null) throw new Unsupported('class range of classes');
        const a = lo.codePointAt(0) as number;
        const b = hi.codePointAt(0) as number;
        if (b < a) throw new Unsupported('reversed range');
        if (b - a + 1 > MAX_EXACT) known = false;
        else for (let cp = a; cp <= b; cp++) members.push(String.fromCodePoint(cp));
      } else if (lo === null) known = false;
      else members.push(lo);
    }
    if (src[i] !== ']') throw new Unsupported('unclosed class');
    i += 1;
    if (negated || !known || members.length === 0) return ANY;
    return shape(members, null);
  };

  /** A group at `i` (its `(`): a lookaround matches no characters of its own. */
  const groupAt = (): Shape => {
    i += 1;
    let look = false;
    if (src.startsWith('?:', i)) i += 2;
    else if (src.startsWith('?=', i) || src.startsWith('?!', i)) {
      i += 2;
      look = true;
    } else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) {
      i += 3;
      look = true;
    } else if (src.startsWith('?<', i)) {
      const nameEnd = src.indexOf('>', i);
      if (nameEnd < 0) throw new Unsupported('group name');
      i = nameEnd + 1;
    } else if (src[i] === '?') throw new Unsupported('group modifier');
    const inner = disjunction();
    if (src[i] !== ')') throw new Unsupported('unclosed group');
    i += 1;
    // A lookaround matches no characters of its own.
    return look ? EMPTY : inner;
  };

  const atom = (): Shape => {
    const ch = src[i] as string;
    if (ch === '(') {
      const end = close.get(i) as number;
      const key = src.slice(i, end + 1);
      const known = memo.get(key);
      if (known) {
        i = end + 1;
        return known;
      }
      const group = groupAt();
      memo.set(key, group);
      return group;
    }
    if (ch === '[') return charClass();
    if (ch === '\\') {
      const next = src[i + 1];
      if (next === 'b' || next === 'B') {
        i += 2;
        return EMPTY;
      }
      if (next === 'k' || (next !== undefined && /[1-9]/.test(next))) throw new Unsupported('backreference');
      const c = escape(false);
      return c === null ? ANY : shape([c], null);
    }
    if (ch === '^' || ch === '$') {
      i += 1;
      return EMPTY;
    }
    if (ch === '.') {
      i += 1;
      return ANY;
    }
    if ('*+?{}|])'.includes(ch)) throw new Unsupported(`stray ${ch}`);
    const c = String.fromCodePoint(src.codePointAt(i) as number);
    i += c.length;
    return shape([c], null);
  };

  const quantified = (node: Shape): Shape => {
    const ch = src[i];
    let q: [number, number] | null = null;
    if (ch === '*') q = [0, Infinity];
    else if (ch === '+') q = [1, Infinity];
    else if (ch === '?') q = [0, 1];
    if (q) i += 1;
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 24));
      if (!m) throw new Unsupported('quantifier');
      const lo = Number(m[1]);
      q = [lo, m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3])];
      i += m[0].length;
    }
    if (!q) return node;
    if (src[i] === '?') i += 1; // lazy: the same strings
    return repeat(node, q[0], q[1]);
  };

  const alternative = (): Shape => {
    const terms: Shape[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      // A backreference matches whatever its group did: it constrains nothing here.
      if (src[i] === '\\' && src[i + 1] === 'k') {
        const close = src.indexOf('>', i);
        if (close < 0) throw new Unsupported('backreference');
        i = close + 1;
        terms.push(quantified(ANY));
        continue;
      }
      terms.push(quantified(atom()));
    }
    return sequence(terms);
  };

  const disjunction = (): Shape => {
    const alts = [alternative()];
    while (src[i] === '|') {
      i += 1;
      alts.push(alternative());
    }
    return alts.length === 1 ? (alts[0] as Shape) : alternation(alts);
  };

  try {
    const whole = disjunction();
    if (i !== src.length) return ANY;
    return whole;
  } catch (e) {
    if (e instanceof Unsupported) return ANY;
    throw e;
  }
}

/**
 * The strings of which every match of `re` contains one, or null when none are known (then the
 * pattern must always be searched). Only `u`-flag patterns without `i`, `v`, `m` or `s` are read.
 */
export function requiredLiterals(re: RegExp, memo: Map<string, Shape> = new Map()): string[] | null {
  if (!re.unicode || re.ignoreCase || re.multiline || re.dotAll || re.flags.includes('v')) return null;
  const f = patternShape(re.source, memo).factors?.set;
  return f && f.length > 0 && !f.includes('') ? minimal(f) : null;
}

/** Literals already read, per pattern object: a detector built again over the same rules (tests, training) reads nothing twice. */
const read = new WeakMap<RegExp, string[] | null>();

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Patterns one of whose literals ends here. */
  ids: number[] | null;
}

export interface PatternFilter {
  /** A test, for this text, of whether a pattern may match in it (true for patterns it was not built with). */
  possible(text: string): (re: RegExp) => boolean;
}

/**
 * The filter for `patterns`. `known` gives a pattern's literals when they were worked out before
 * (the start-up cache, src/start-cache.ts): undefined means not known, and they are read here.
 */
export function buildPatternFilter(patterns: readonly RegExp[], known?: (re: RegExp) => string[] | null | undefined): PatternFilter {
  const ids = new Map<RegExp, number>();
  const always: number[] = [];
  const root: TrieNode = { next: new Map(), ids: null };
  const memo = new Map<string, Shape>();
  for (const re of patterns) {
    if (ids.has(re)) continue;
    const id = ids.size;
    ids.set(re, id);
    const cached = known?.(re);
    let lits = cached !== undefined ? cached : read.get(re);
    if (lits === undefined) {
      lits = requiredLiterals(re, memo);
      read.set(re, lits);
    }
    if (!lits) {
      always.push(id);
      continue;
    }
    for (const lit of lits) {
      let node = root;
      for (let k = 0; k < lit.length; k++) {
        const c = lit.charCodeAt(k);
        let child = node.next.get(c);
        if (!child) {
          child = { next: new Map(), ids: null };
          node.next.set(c, child);
        }
        node = child;
      }
      (node.ids ??= []).push(id);
    }
  }
  const template = new Uint8Array(ids.size);
  for (const id of always) template[id] = 1;
  // The first step from the root is taken at every position of the text and mostly fails: one
  // bit per UTF-16 unit says whether any literal starts with it, so most positions cost no lookup.
  const starts = new Uint8Array(0x10000);
  for (const c of root.next.keys()) starts[c] = 1;
  return {
    possible(text: string): (re: RegExp) => boolean {
      const hit = template.slice();
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (starts[c] === 0) continue;
        let node = root.next.get(c);
        for (let j = i + 1; node; j++) {
          if (node.ids) for (const id of node.ids) hit[id] = 1;
          if (j >= n) break;
          node = node.next.get(text.charCodeAt(j));
        }
      }
      return (re) => {
        const id = ids.get(re);
        return id === undefined || hit[id] === 1;
      };
    },
  };
}

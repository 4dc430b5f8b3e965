// Masking of contact details in the phrases a verdict shows. A phrase must point at the words that
// made a message risky without repeating the handle, address or number itself, yet keep the tool
// and the shape so the user sees what was flagged: `ID: sa******`, `sa******＠gm***.com`,
// `lin.ee/Ab*****`, `+1 *** *** ****`.
//
// Phrases are echoed into terminals, JSON and Discord embeds, so they also lose every control,
// format and bidi character (an escape sequence in a pasted message must not reach a terminal).
import { foldChar, foldSpanToRaw, type NormalizedText } from './normalize.ts';
import type { RuleSet } from './rules.ts';
import type { Span } from './types.ts';

export type ContactKind = 'email' | 'url' | 'phone' | 'handle';
export interface ContactValue extends Span {
  kind: ContactKind;
}

/** Lexicon macros whose matches are contact values; each names its value group `v` (or `v2`). */
const CONTACT_MACROS = [
  ['MASK_EMAIL', 'email'],
  ['MASK_URL', 'url'],
  ['MASK_PHONE', 'phone'],
  ['MASK_HANDLE', 'handle'],
] as const;

// Numbers the lexicon's Japanese phone pattern does not cover, on the folded text: international
// numbers (+1 415 555 0132, +44 20 …) and numbers read out in kana (ぜろきゅーぜろ…). Bounded
// quantifiers only, so each runs in linear time.
const INTL_PHONE = /(?<![0-9a-z+])\+[1-9][0-9]{0,2}(?:[\s\-.()]{0,2}[0-9]){6,14}(?![0-9])/gu;
const KANA_DIGIT = '(?:ぜろ|れい|まる|いち|にー|さん|よん|ごー|ろく|なな|はち|きゅう|きゅー|く|に|ご)';
const KANA_PHONE = new RegExp(`${KANA_DIGIT}(?:[、,・\\s\\-]?${KANA_DIGIT}){8,14}`, 'gu');
const KANJI_PHONE = /[〇一二三四五六七八九](?:[・\-\s]?[〇一二三四五六七八九]){8,12}/gu;

const KIND_RANK: Record<ContactKind, number> = { email: 4, url: 3, phone: 2, handle: 1 };

function scan(re: RegExp, fold: string, each: (m: RegExpExecArray) => void, limit = 200): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(fold)) !== null && n++ < limit) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    each(m);
  }
  re.lastIndex = 0;
}

// The detector masks phrases and the findings step renders them from the same normalized text:
// scan it once (the values depend only on the text and the rules).
const scanned = new WeakMap<NormalizedText, WeakMap<RuleSet, ContactValue[]>>();

/** Every contact value in the text (raw offsets, sorted, without overlaps), with what it is. */
export function contactValues(t: NormalizedText, rules: RuleSet): ContactValue[] {
  let byRules = scanned.get(t);
  if (!byRules) {
    byRules = new WeakMap();
    scanned.set(t, byRules);
  }
  let values = byRules.get(rules);
  if (!values) {
    values = scanValues(t, rules);
    byRules.set(rules, values);
  }
  return values.map((v) => ({ ...v }));
}

function scanValues(t: NormalizedText, rules: RuleSet): ContactValue[] {
  const found: ContactValue[] = [];
  const add = (a: number, b: number, kind: ContactKind): void => void found.push({ ...foldSpanToRaw(t, a, b), kind });
  for (const [name, kind] of CONTACT_MACROS) {
    scan(rules.macro(name), t.fold, (m) => {
      const v = m.groups?.['v'] ?? m.groups?.['v2'] ?? m[0];
      const off = m.index + m[0].indexOf(v);
      add(off, off + v.length, kind);
    });
  }
  scan(INTL_PHONE, t.fold, (m) => add(m.index, m.index + m[0].length, 'phone'));
  scan(KANA_PHONE, t.fold, (m) => add(m.index, m.index + m[0].length, 'phone'));
  scan(KANJI_PHONE, t.fold, (m) => {
    // 〇 is also what masks like ラ〇ン fold to: a number needs real digits.
    if (m[0].replace(/[^一二三四五六七八九]/g, '').length >= 5) add(m.index, m.index + m[0].length, 'phone');
  });
  return mergeValues(found);
}

/** Raw ranges of contact values in the text, sorted and merged. */
export function contactMaskRanges(t: NormalizedText, rules: RuleSet): Span[] {
  return contactValues(t, rules).map(({ start, end }) => ({ start, end }));
}

/**
 * Handle-like tokens without a marker (「kzm_0324 まで」), for phrases chosen by the statistical
 * model rather than by a rule that knows where the value is: Latin/digit runs of 4+ characters
 * that hold a digit, `_` or `@`, and long digit runs. Over-masking here costs nothing.
 */
export function looseContactRanges(raw: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /[A-Za-z0-9_.@\-Ａ-Ｚａ-ｚ０-９＿＠]{4,}/g;
  const part = raw.slice(span.start, span.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(part)) !== null) {
    if (/[0-9０-９_＿@＠]/.test(m[0]) && !/^[0-9０-９,.]{1,6}$/.test(m[0])) out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return out;
}

/** Words that name a tool or a marker next to a handle; never a handle themselves. */
const NOT_A_HANDLE = new Set([
  'line', 'id', 'chatwork', 'skype', 'telegram', 'discord', 'wechat', 'kakao', 'kakaotalk', 'instagram', 'insta', 'twitter',
  'whatsapp', 'slack', 'messenger', 'signal', 'facebook', 'dm', 'qr', 'url', 'http', 'https', 'www', 'com', 'gmail', 'mail',
  'email', 'e-mail', 'tel', 'zoom', 'teams', 'meet', 'google', 'sns', 'account',
]);

/**
 * Latin/digit runs of 3+ characters inside a span that a contact-details rule matched: the handle
 * it found (「らいん→ s.m.i.l.e」「検索「sakura22」」), whatever marker introduced it.
 */
export function handleRanges(raw: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /[A-Za-z0-9_.@\-Ａ-Ｚａ-ｚ０-９＿．＠－]{3,}/g;
  const part = raw.slice(span.start, span.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(part)) !== null) {
    const word = m[0].normalize('NFKC').toLowerCase().replace(/^[@._\-]+|[._\-]+$/g, '');
    if (word.length < 3 || NOT_A_HANDLE.has(word)) continue;
    out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return out;
}

/** Sorts and merges values; where two overlap, the union keeps the more specific kind. */
export function mergeValues(values: ContactValue[]): ContactValue[] {
  const all = [...values].sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: ContactValue[] = [];
  for (const r of all) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      if (KIND_RANK[r.kind] > KIND_RANK[last.kind]) last.kind = r.kind;
    } else merged.push({ ...r });
  }
  return merged;
}

/** Merges two sorted-or-not range lists into one sorted list without overlaps. */
export function mergeRanges(a: Span[], b: Span[]): Span[] {
  return mergeValues([...a, ...b].map((r) => ({ start: r.start, end: r.end, kind: 'handle' as const }))).map(({ start, end }) => ({ start, end }));
}

/**
 * Every other place the same value is written: a handle masked where a rule found it must not be
 * shown raw in another finding's phrase. Values shorter than 3 characters are not searched.
 */
export function everyOccurrence(raw: string, values: ContactValue[]): ContactValue[] {
  const out = [...values];
  const seen = new Set<string>();
  for (const v of values) {
    const s = raw.slice(v.start, v.end);
    if (s.length < 3 || seen.has(s)) continue;
    seen.add(s);
    let at = raw.indexOf(s);
    let n = 0;
    while (at >= 0 && n++ < 50) {
      if (at !== v.start) out.push({ start: at, end: at + s.length, kind: v.kind });
      at = raw.indexOf(s, at + s.length);
    }
  }
  return mergeValues(out);
}

const SEPARATOR = /[\s.＿_\-－ー・]/;
const isSep = (ch: string): boolean => SEPARATOR.test(ch);

/** Keeps the first `keep` characters and the separators; stars for the rest. */
function starAfter(value: string, keep: number): string {
  return Array.from(value)
    .map((ch, k) => (k < keep || isSep(ch) ? ch : '*'))
    .join('');
}

/** Replaces all but the first two characters (one for short values) of a contact value with stars. */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  const keep = chars.length >= 6 ? 2 : 1;
  return chars.map((ch, k) => (k < keep || /[\s@.＠\-－ー]/.test(ch) ? ch : '*')).join('');
}

const foldAll = (s: string): string => Array.from(s.normalize('NFKC')).map(foldChar).join('');

const EMAIL_AT = /\s*(?:[(\[〔<]\s*(?:at|あっとまーく|あっと|あ|@|〇)\s*[)\]〕>]|@|あっとまーく|あっと|〇|\sat\s)\s*/;
const EMAIL_DOT = /\s*(?:[(]\s*(?:てん|点|どっと|dot)\s*[)]|\[dot\]|\(dot\)|\.|どっと|点|\sdot\s)\s*/;
const SPELLED: Record<string, string> = { こむ: 'com', じぇいぴー: 'jp', ねっと: 'net', じーめーる: 'gmail', やふー: 'yahoo' };

/** sakura.w あっとまーく gmail どっと com → sa****.*＠gm***.com */
function renderEmail(raw: string): string {
  const v = foldAll(raw);
  const at = EMAIL_AT.exec(v);
  if (!at || at.index === 0) return maskValue(raw);
  const local = v.slice(0, at.index).trim();
  const labels = v
    .slice(at.index + at[0].length)
    .trim()
    .split(EMAIL_DOT)
    .map((l) => SPELLED[l.trim()] ?? l.trim())
    .filter((l) => l.length > 0);
  const [host = '', ...rest] = labels;
  const domain = [starAfter(host, Math.min(2, host.length - 1)), ...rest].join('.');
  return `${starAfter(local, Math.min(2, Math.max(1, local.length - 1)))}＠${domain}`;
}

/** Path segments that are part of a service's link format, not an identifier. */
const ROUTE_SEGMENTS = new Set(['ti', 'p', 'g', 'j', 'r', 's', 'u', 'invite', 'joinchat', 'forms', 'd', 'e', 'viewform', 'ja', 'en']);
const URL_DOT = /\s*(?:[(]\s*(?:どっと|dot|ドット)\s*[)]|\[\.\]|\(\.\)|\[dot\]|どっと|ドット|点|\.)\s*/g;

/** https://lin.ee/AbCdEfG → https://lin.ee/Ab***** : the service stays readable, the id does not. */
function renderUrl(raw: string): string {
  const v = raw.normalize('NFKC');
  const scheme = /^https?:\/\//i.exec(v)?.[0] ?? '';
  const rest = v.slice(scheme.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return maskValue(raw);
  const host = rest.slice(0, slash).replace(URL_DOT, '.').replace(/\s+/g, '');
  const path = rest
    .slice(slash + 1)
    .replace(/\s+/g, '')
    .split('/')
    .map((seg) => {
      const q = seg.indexOf('?');
      const id = q >= 0 ? seg.slice(0, q) : seg;
      const query = q >= 0 ? `?${'*'.repeat(Math.min(8, seg.length - q - 1))}` : '';
      if (id === '' || ROUTE_SEGMENTS.has(id.toLowerCase())) return id + query;
      const keep = id.length > 3 ? 2 : 1;
      return Array.from(id).map((ch, k) => (k < keep ? ch : '*')).join('') + query;
    })
    .join('/');
  return `${scheme}${host}/${path}`;
}

/** A whole contact value as a phrase shows it. */
export function renderValue(raw: string, kind: ContactKind): string {
  if (kind === 'email') return renderEmail(raw);
  if (kind === 'url') return renderUrl(raw);
  if (kind === 'handle' && /^[@＠]/.test(raw)) return raw[0] + maskValue(raw.slice(1));
  return maskValue(raw);
}

// Control (Cc), format (Cf: bidi overrides and isolates, zero-width marks) and lone surrogate (Cs)
// characters: a terminal would run them as escape sequences, an embed would reverse text with them.
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/** Text safe to echo into a terminal, JSON or an embed: no control, format or bidi characters. */
export function stripControls(s: string): string {
  return s.replace(LINE_BREAKS, ' ').replace(INVISIBLE, '');
}

const MAX_PHRASE = 60;

/** The raw text of a span with contact values masked, made safe to echo and shortened to head…tail when long. */
export function renderPhrase(raw: string, span: Span, masks: ReadonlyArray<Span | ContactValue>, max = MAX_PHRASE): string {
  let out = '';
  let pos = span.start;
  for (const m of masks) {
    if (m.end <= span.start || m.start >= span.end || m.end <= pos) continue;
    const a = Math.max(m.start, span.start, pos);
    const b = Math.min(m.end, span.end);
    if (a > pos) out += raw.slice(pos, a);
    if (a === m.start && b === m.end && 'kind' in m) {
      out += renderValue(raw.slice(a, b), m.kind);
    } else {
      // Part of a value: mask relative to the whole value so a phrase that starts mid-value still hides it.
      const masked = maskValue(raw.slice(m.start, m.end));
      out += Array.from(masked).slice(Array.from(raw.slice(m.start, a)).length, Array.from(raw.slice(m.start, b)).length).join('');
    }
    pos = b;
  }
  if (pos < span.end) out += raw.slice(pos, span.end);
  out = stripControls(out);
  if (!Number.isFinite(max)) return out;
  out = out.replace(/\s+/g, ' ').trim();
  const chars = Array.from(out);
  if (chars.length > max) out = `${chars.slice(0, 28).join('')}…${chars.slice(-28).join('')}`;
  return out;
}

/** Masks every contact value in a whole text (for showing a user's own input back safely). */
export function maskAll(raw: string, masks: ReadonlyArray<Span | ContactValue>): string {
  return renderPhrase(raw, { start: 0, end: raw.length }, masks, Number.POSITIVE_INFINITY);
}

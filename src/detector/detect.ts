// The detector: text + options → Verdict. Pure: no Discord, no database, no clock, no env.
//
// Matching runs on the folded view of the text. Each rule's cue is then checked in context:
// the rest of its window (requires / unless), negation in its clause (via kuromoji tokens),
// quotation and reported speech, and the stage / platform the message belongs to. Only the
// sentences that hold a candidate are tokenized, which keeps long postings cheap.
import { foldChar, foldSpanToClean, foldSpanToRaw, normalize, type NormalizedText } from './normalize.ts';
import type { CompiledRule, RuleSet } from './rules.ts';
import type { Token, Tokenizer } from './tokenizer.ts';
import {
  LEVEL_RANK,
  type Category,
  type CheckOptions,
  type Finding,
  type Level,
  type Mitigation,
  type Platform,
  type Stage,
  type Tool,
  type Verdict,
} from './types.ts';
import { contactMaskRanges, looseContactRanges, mergeRanges, renderPhrase } from './mask.ts';
import type { SimilarityModel } from './similarity.ts';

/** Inputs longer than this are analysed up to here and the verdict says it was cut. */
export const DEFAULT_MAX_CHARS = 8000;
const MAX_MATCHES_PER_PATTERN = 40;

export const LEVEL_THRESHOLDS = { high: 5, medium: 3 } as const;
/** Caps applied to contact-type findings by stage: after 仮払い a contact cue is informative only. */
const STAGE_CAP = { after_escrow: 1.5, after_contract: 4 } as const;
/** A text written about scams is informative at most, however many phrases it quotes. */
const ARTICLE_SCORE_CAP = 2;

export interface Detector {
  readonly rules: RuleSet;
  readonly maxChars: number;
  check(text: string, opts?: CheckOptions): Verdict;
}

export interface DetectorOptions {
  maxChars?: number;
  /** The statistical fallback (rules/model/); without it the rules decide alone. */
  similarity?: SimilarityModel | undefined;
}

type StageKind = CompiledRule['context']['stage'];

/** How the similarity finding meets the stage rules: contact and call categories like their rules. */
const SIMILARITY_STAGE: Partial<Record<Category, StageKind>> = {
  off_platform_contact: 'contact',
  contact_details: 'contact',
  pre_contract_call: 'call',
};

/** The rules saw a risky cue and explained it away: the model must not second-guess that. */
const SETTLED: ReadonlySet<Mitigation['reason']> = new Set(['negated', 'quoted', 'own_refusal', 'article', 'official_route', 'after_escrow']);

interface Sentence {
  start: number; // fold offsets
  end: number;
}

interface TokenizedSentence {
  tokens: Token[];
  /** fold offset of each token's start / end */
  fStart: number[];
  fEnd: number[];
}

interface Ctx {
  t: NormalizedText;
  sentences: Sentence[];
  tokenized: Map<number, TokenizedSentence>;
  tokenizer: Tokenizer;
  rules: RuleSet;
  quotes: Array<[number, number]>;
  /** The text asks about a message the user received (「これ怪しいですか？」) and was not already handled. */
  receivedAsk: boolean;
}

// A space after a sentence-final particle, a ♪-like mark (folded to 〇) or an emoji ends a casual
// sentence too: 「DMで教えるね♪ ここだと書けないので」.
const SENTENCE_BREAK = /[。！？!?\n]|(?<=[ねよわ〇\p{Extended_Pictographic}])[ \u3000]/gu;

/** Longest "sentence" the context checks look at; longer runs without punctuation are cut. */
const MAX_SENTENCE = 300;

function splitSentences(fold: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number): void => {
    let s = start;
    while (end - s > MAX_SENTENCE) {
      // Prefer a comma or a space near the limit; otherwise cut hard.
      const chunk = fold.slice(s, s + MAX_SENTENCE);
      const cut = Math.max(chunk.lastIndexOf('、'), chunk.lastIndexOf(' '), chunk.lastIndexOf(','));
      const e = cut > MAX_SENTENCE / 2 ? s + cut + 1 : s + MAX_SENTENCE;
      out.push({ start: s, end: e });
      s = e;
    }
    if (end > s) out.push({ start: s, end });
  };
  let s = 0;
  SENTENCE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_BREAK.exec(fold)) !== null) {
    const e = m.index + 1;
    if (e > s) push(s, e);
    s = e;
  }
  if (s < fold.length) push(s, fold.length);
  return out;
}

function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid] as Sentence).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Tokens of a sentence from fold offset `from` to its end. Negation only looks after the cue, so
 * most callers tokenize just the tail: kuromoji is the most expensive step of a check.
 */
function tokenizeRange(ctx: Ctx, idx: number, from?: number): TokenizedSentence {
  const s = ctx.sentences[idx] as Sentence;
  const start = Math.max(s.start, Math.min(from ?? s.start, s.end));
  const key = idx * 100_000 + (start - s.start);
  const cached = ctx.tokenized.get(key);
  if (cached) return cached;
  const { start: cs, end: ce } = foldSpanToClean(ctx.t, start, s.end);
  const text = ctx.t.clean.slice(cs, ce);
  const tokens = ctx.tokenizer.tokenize(text);
  const fStart = tokens.map((k) => ctx.t.cleanToFold[cs + k.start] ?? start);
  const fEnd = tokens.map((k) => ctx.t.cleanToFold[Math.min(cs + k.start + k.surface.length, ctx.t.clean.length)] ?? s.end);
  const ts = { tokens, fStart, fEnd };
  ctx.tokenized.set(key, ts);
  return ts;
}

// Conjunctive particles that close a clause for negation scope: 〜が、〜けど、〜ので、〜ば …
const CLAUSE_PARTICLES = new Set(['が', 'けど', 'けれど', 'けれども', 'のに', 'ので', 'から', 'ば', 'し', 'ても', 'でも', 'たら', 'と']);
const FINITE = new Set(['ます', 'です', 'た', 'だ', 'ました', 'でした']);
const NEG_NOUNS = new Set(['不要', '禁止', '厳禁', '不可', '無用', '不必要', 'NG', 'ng', 'なし', '無し', 'お断り', '遠慮', 'ご遠慮', '対象外', '不可能', '非対応', '不問']);
const NEG_VERBS = new Set(['控える', '断る', '禁じる', 'かねる', '避ける', 'やめる', '止める', '差し控える', '遠慮']);

/** The fold offset where the clause holding `pos` ends. */
function clauseEnd(ctx: Ctx, sIdx: number, pos: number, ts: TokenizedSentence = tokenizeRange(ctx, sIdx)): number {
  const s = ctx.sentences[sIdx] as Sentence;
  for (let k = 0; k < ts.tokens.length; k++) {
    const tok = ts.tokens[k] as Token;
    if ((ts.fStart[k] as number) < pos) continue;
    if (tok.pos === '助詞' && tok.posDetail === '接続助詞' && CLAUSE_PARTICLES.has(tok.surface)) return ts.fEnd[k] as number;
    // A comma closes the clause after a finished predicate (「払います、サイトの支払いは使いません」),
    // a sentence-final particle (「招待しますね、申請はいりません」) or a condition (「登録いただけない
    // 場合は、このお話はなかったことに」).
    if (tok.posDetail === '読点' && k > 0) {
      const prev = ts.tokens[k - 1] as Token;
      const p2 = k > 1 ? (ts.tokens[k - 2] as Token).surface : '';
      const condition = prev.surface === '場合' || (prev.surface === 'は' && p2 === '場合') || prev.surface === 'なら' || prev.surface === '限り';
      if (FINITE.has(prev.surface) || prev.posDetail === '終助詞' || condition) return ts.fStart[k] as number;
    }
  }
  return s.end;
}

function clauseStart(ctx: Ctx, sIdx: number, pos: number): number {
  const s = ctx.sentences[sIdx] as Sentence;
  const ts = tokenizeRange(ctx, sIdx);
  let start = s.start;
  for (let k = 0; k < ts.tokens.length; k++) {
    const tok = ts.tokens[k] as Token;
    if ((ts.fEnd[k] as number) > pos) break;
    if (tok.pos === '助詞' && tok.posDetail === '接続助詞' && CLAUSE_PARTICLES.has(tok.surface)) start = ts.fEnd[k] as number;
  }
  return start;
}

/**
 * Is the cue ending at `from` negated or prohibited within its clause? 「LINEでのやり取りは行いません」,
 * 「個人情報は不要です」, 「LINEではなく」 are; invitations (〜しませんか) and conditions (〜しないと,
 * 〜しなければ) are not.
 */
function negatedAfter(ctx: Ctx, sIdx: number, from: number, cueStart: number): boolean {
  const ts = tokenizeRange(ctx, sIdx, from);
  const end = clauseEnd(ctx, sIdx, from, ts);
  const toks = ts.tokens;
  for (let k = 0; k < toks.length; k++) {
    const fs = ts.fStart[k] as number;
    if (fs < from) continue;
    if (fs >= end) break;
    const tok = toks[k] as Token;
    // A parenthetical aside (背景ぼかし不可) neither negates the main clause nor hides its negation.
    if (tok.surface === '（' || tok.surface === '(') {
      while (k + 1 < toks.length && !/^[）)]$/.test((toks[k + 1] as Token).surface)) k += 1;
      continue;
    }
    const isNeg =
      (tok.pos === '助動詞' && (tok.baseForm === 'ない' || tok.baseForm === 'ぬ' || tok.baseForm === 'ん')) ||
      (tok.pos === '形容詞' && tok.baseForm === 'ない') ||
      (tok.pos === '名詞' && NEG_NOUNS.has(tok.surface)) ||
      (tok.pos === '動詞' && NEG_VERBS.has(tok.baseForm) && !(tok.baseForm === '控える' && /^(?:たい|て(?:おき|お)|させて)/.test((toks[k + 1] as Token | undefined)?.surface ?? '')));
    if (!isNeg) continue;
    // 「LINEでしか連絡できません」: しか…ない means "only", not a prohibition.
    if (ctx.t.fold.slice(cueStart, fs).includes('しか')) continue;
    // Look at what follows the negation.
    const rest = toks
      .slice(k + 1, k + 4)
      .map((x) => x.surface)
      .join('');
    if (/^(?:でしょう|です)?か/.test(rest)) continue; // 〜しませんか: an invitation
    if (/^(?:と(?!いう|いった|の|は)|ば|なら|場合|限り|方|人|ように)/.test(rest)) continue; // conditions and relative clauses
    if (tok.surface === 'なけれ' || (tok.surface === 'なく' && /^(?:て|ちゃ)(?:は|も)?(?:なら|いけ|だめ|ダメ)/.test(rest))) continue; // 〜しなければ / 〜しなくてはならない
    return true;
  }
  return false;
}

function computeQuotes(fold: string): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const stack: Array<[string, number]> = [];
  const closeOf: Record<string, string> = { '「': '」', '『': '』', '“': '”', '【': '】', '〝': '〟' };
  for (let i = 0; i < fold.length; i++) {
    const ch = fold[i] as string;
    if (closeOf[ch]) stack.push([ch, i]);
    else if (stack.length > 0 && closeOf[(stack[stack.length - 1] as [string, number])[0]] === ch) {
      const [, open] = stack.pop() as [string, number];
      if (ch !== '】') pairs.push([open, i]);
    } else if (ch === '\n' && stack.length > 4) {
      stack.length = 0; // unbalanced junk; do not let it grow
    }
  }
  return pairs;
}

function testIn(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const ok = re.test(text);
  re.lastIndex = 0;
  return ok;
}

function matchEndIn(re: RegExp, text: string): number {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? m.index + m[0].length : -1;
}

function isKatakana(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}
function isLatin(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z]/.test(ch);
}

/** Rejects a match inside a longer word of the original script: ライン in オンライン, line in online. */
function crossesWordBoundary(t: NormalizedText, a: number, b: number): boolean {
  const { start: cs, end: ce } = foldSpanToClean(t, a, b);
  const first = t.clean[cs];
  const last = t.clean[ce - 1];
  const before = t.clean[cs - 1];
  const after = t.clean[ce];
  if (isKatakana(first) && isKatakana(before)) return true;
  if (isLatin(first) && isLatin(before)) return true;
  if (isKatakana(last) && isKatakana(after) && after !== 'ー') return true;
  if (isLatin(last) && isLatin(after)) return true;
  return false;
}

function windowBounds(ctx: Ctx, rule: CompiledRule, sIdx: number, a: number, b: number): [number, number] {
  const w = rule.context.window;
  if (w === 'text') return [0, ctx.t.fold.length];
  const s = ctx.sentences[sIdx] as Sentence;
  if (w === 'sentence') {
    // A sentence that is only a few characters long (a heading, 「LINE ID:」 on its own line)
    // borrows its neighbours.
    let start = s.start;
    let end = s.end;
    if (s.end - s.start < 14) {
      // Chat-style fragments (「まず面談ね。ズームで。あした夜9時どう？」) borrow neighbours
      // until the window holds about 40 characters.
      for (let k = sIdx - 1, n = 0; k >= 0 && n < 2 && s.end - start < 40; k--, n++) start = (ctx.sentences[k] as Sentence).start;
      for (let k = sIdx + 1, n = 0; k < ctx.sentences.length && n < 2 && end - s.start < 40; k++, n++) end = (ctx.sentences[k] as Sentence).end;
    }
    return [start, end];
  }
  if (w === 'clause') return [clauseStart(ctx, sIdx, a), clauseEnd(ctx, sIdx, b)];
  return [Math.max(0, a - w), Math.min(ctx.t.fold.length, b + w)];
}

interface Candidate {
  rule: CompiledRule;
  a: number;
  b: number;
  /** end of the evidence span (the request verb after the cue, when there is one) */
  spanEnd: number;
  sIdx: number;
  /** end of the named cue (the tool word) when the pattern marks one */
  cueEnd: number | null;
}

function isQuoted(ctx: Ctx, sIdx: number, a: number, b: number): boolean {
  const fold = ctx.t.fold;
  // The user pasted what they received and asks about it: judge the quote, do not excuse it
  // (a general statement about scams still is one).
  if (ctx.receivedAsk) {
    // 「「Zoomで面談しましょう」と言われたのですが、応じてもいいですか？」: the writer retells a
    // request in one line and asks about it; that is a question, not the request itself.
    for (const [open, close] of ctx.quotes) {
      if (open < a && close >= b && close - open <= 80 && /^\s*(?:と|って|とか)\s?(?:言われ|いわれ|来|き(?:た|ま)|届|送られ|書かれ|返って|返信|連絡が|めっせーじが|頼まれ|提案され|持ちかけ|誘われ)/.test(fold.slice(close + 1, close + 12))) return true;
    }
    const s0 = ctx.sentences[sIdx] as Sentence;
    return testIn(ctx.rules.macro('REPORTED_GENERAL'), fold.slice(b, Math.min(s0.end, b + 30)));
  }
  for (const [open, close] of ctx.quotes) {
    if (open < a && close >= b) {
      // 「こんなメッセージが来ました→「…」」: the writer introduces what they received.
      if (/(?:来ました|届きました|来た|届いた|こんな(?:めっせーじ|の|連絡|文面|dm)|次のような|以下のような|言われました|書かれていました|と言われ)[^。\n]{0,6}[。、:：\s→]{0,3}$/.test(fold.slice(Math.max(0, open - 24), open))) return true;
      // Skip a chain of further quotes: 「LINE交換しよ」「DMください」のような…
      let end = close + 1;
      for (;;) {
        const m = /^[、・,や と\s]*[「『][^「」『』]{0,40}[」』]/.exec(fold.slice(end, end + 60));
        if (!m) break;
        end += m[0].length;
      }
      const after = fold.slice(end, end + 12);
      if (/^\s*(?:と|って|という|といった|などと|などの|のような|みたいな|等の|系の|を求め|を要求|を騙|経験|ことがある|の?(?:広告|案件|募集|文言|誘い|勧誘|めっせーじ|dm|投稿))/.test(after)) return true;
      // UI copy being designed: 「LINE友だち追加はこちら」バナー
      if (/^\s*(?:の)?(?:ばなー|ぼたん|りんく|文言|見出し|画像|表示|でざいん|ぽっぷ|ちらし)/.test(after)) return true;
      if (testIn(ctx.rules.macro('ARTICLE'), fold.slice(Math.max(0, open - 100), Math.min(fold.length, close + 100)))) return true;
    }
  }
  // Reported speech without brackets: 「LINEに誘導されたら」「Zoom面談を求められた場合」.
  const s = ctx.sentences[sIdx] as Sentence;
  // A FAQ question line (「Q. 連絡はLINEになりますか？」) asks, it does not request.
  const lineStart = fold.lastIndexOf('\n', a) + 1;
  // A quoted line (「＞詳細はらいんで送ります」) followed by the writer's own words about it.
  if (/^\s*[>＞]/.test(fold.slice(lineStart, lineStart + 3))) {
    let next = fold.indexOf('\n', a);
    while (next >= 0 && /^[>＞]/.test(fold.slice(next + 1, next + 2))) next = fold.indexOf('\n', next + 1);
    if (next >= 0) {
      const own = fold.slice(next + 1, next + 60);
      if (/^\s*(?:って|と(?:いう|言われ|返|来)|みたいな|などと)/.test(own)) return true;
      // The writer's own words (the lines not quoted) refuse or report: the quote is theirs to answer.
      const ownLines = fold
        .split('\n')
        .filter((l) => !/^\s*[>＞]/.test(l))
        .join('\n');
      if (testIn(ctx.rules.macro('OWN_REPLY'), ownLines) || testIn(ctx.rules.macro('REPORTED'), ownLines)) return true;
    }
  }
  if (/^\s*(?:q\s?\d*\s?[.:．)）]|質問\s?[:：])/.test(fold.slice(lineStart, lineStart + 8))) return true;
  const tail = fold.slice(b, Math.min(s.end, b + 30));
  return testIn(ctx.rules.macro('REPORTED'), tail);
}

function inferPlatform(fold: string, rules: RuleSet): Platform | undefined {
  const hits: Array<[number, Platform]> = [];
  for (const [name, p] of [
    ['PLATFORM_CROWDWORKS', 'crowdworks'],
    ['PLATFORM_LANCERS', 'lancers'],
    ['PLATFORM_COCONALA', 'coconala'],
  ] as const) {
    const re = rules.macro(name);
    re.lastIndex = 0;
    const m = re.exec(fold);
    re.lastIndex = 0;
    if (m) hits.push([m.index, p]);
  }
  hits.sort((x, y) => x[0] - y[0]);
  return hits[0]?.[1];
}

function inferStage(fold: string, rules: RuleSet): Stage | undefined {
  if (testIn(rules.macro('STAGE_AFTER_ESCROW'), fold)) return 'after_escrow';
  if (testIn(rules.macro('STAGE_AFTER_CONTRACT'), fold)) return 'after_contract';
  if (testIn(rules.macro('STAGE_BEFORE_CONTRACT'), fold)) return 'before_contract';
  return undefined;
}

export function levelFor(score: number): Level {
  if (score >= LEVEL_THRESHOLDS.high) return 'high';
  if (score >= LEVEL_THRESHOLDS.medium) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

/** Cuts at the cap without splitting a surrogate pair. */
function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

// Nouns that keep a tool in the role of a channel when they follow it: LINE ID, LINE交換,
// Zoom面談, Slackワークスペース. Any other noun right after the tool makes a compound whose head is
// the thing being worked on: LINEスタンプ, Zoomウェビナー, Chatwork API, Discord Bot.
const CHANNEL_NOUN =
  /^\s?(?:works|わーくす|id|あかうんと|交換|登録|追加|連絡|通話|電話|面談|面接|ぐるーぷ|友達|友だち|ともだち|友|みーてぃんぐ|mtg|会議|ちゃっと|とーく|おーぷんちゃっと|わーくすぺーす|さーばー|ちゃんねる|るーむ|あどれす|番号|名|ゆーざー|url|りんく|招待|qr|こーど|検索|移動|移行|上|内|経由|等|など|宛|dm|でぃーえむ|びでお|音声|通知|返信|送信|やり取り|やりとり|打ち合わせ|話|相談|説明|方|ほう|版|一本化|のみ|だけ|[@＠0-9])/;

/** Is the tool word ending at `cueEnd` the first part of a compound noun (LINEスタンプ)? */
function toolHeadsCompound(ctx: Ctx, sIdx: number, cueEnd: number): boolean {
  if (CHANNEL_NOUN.test(ctx.t.fold.slice(cueEnd, cueEnd + 12))) return false;
  const ts = tokenizeRange(ctx, sIdx, cueEnd);
  let k = 0;
  while (k < ts.tokens.length && /^\s+$/.test((ts.tokens[k] as Token).surface)) k += 1;
  const first = ts.tokens[k];
  if (!first || (ts.fStart[k] as number) > cueEnd + 1) return false;
  if (first.pos !== '名詞' || first.posDetail === '数' || first.posDetail === '代名詞' || first.posDetail === '非自立') return false;
  // kuromoji tags ASCII brackets and symbols as nouns: only words count.
  return /^[\s]?[ぁ-んァ-ヶー一-龯a-zA-Z]/.test(first.surface);
}

const DELIVERABLE_CATEGORIES = new Set<Category>(['personal_info', 'recruitment_scheme', 'app_install']);

/** The words between the cue and the request name a deliverable being made (記事, マニュアル, 資料…). */
function asksForDeliverable(ctx: Ctx, c: Candidate): boolean {
  const from = c.cueEnd ?? c.b;
  const s = ctx.sentences[c.sIdx] as Sentence;
  const segment = ctx.t.fold.slice(from, Math.min(s.end, from + 80));
  return testIn(ctx.rules.macro('DELIVERABLE_REQUEST'), segment);
}

/**
 * 「Zoom面接のマナーについての記事を3本お願いします」「Slackへの通知機能を実装してください」: a
 * deliverable follows the cue with only descriptive words between them, so the cue is the topic
 * of the work, not a request to use it.
 */
function toolInDeliverable(ctx: Ctx, c: Candidate): boolean {
  const from = c.cueEnd ?? c.b;
  const s = ctx.sentences[c.sIdx] as Sentence;
  const segment = ctx.t.fold.slice(from, Math.min(s.end, from + 90));
  const re = ctx.rules.macro('DELIVERABLE_OBJECT');
  re.lastIndex = 0;
  const m = re.exec(segment);
  re.lastIndex = 0;
  if (!m || m.index > 45) return false;
  const gap = segment.slice(0, m.index);
  return !testIn(ctx.rules.macro('DELIVERABLE_GAP_BLOCK'), gap) || testIn(ctx.rules.macro('DELIVERABLE_ATTRIBUTIVE'), gap);
}

interface StageInput {
  platform: Platform;
  stage: Stage;
  /** The user stated the stage (not inferred from the text). */
  stageGiven: boolean;
  officialRoute: boolean;
}

/**
 * Stage and platform rules (docs/domain.md): on coconala off-site contact is never allowed; on
 * CrowdWorks / Lancers contact is fine after 仮払い through the official route with consent, risky
 * (medium) after the contract without it, and a call after the contract is no longer a
 * pre-contract call.
 */
function stageAdjust(ctx: Ctx, kind: StageKind, sIdx: number, weight: number, st: StageInput): { weight: number; reason?: Mitigation['reason'] } {
  const { rules, t } = ctx;
  if (kind === 'work') return st.stage === 'after_escrow' ? { weight: 0, reason: 'after_escrow' } : { weight };
  if (kind === 'coconala_mention') {
    // On coconala any outside tool is off limits, unless the text itself declines it.
    if (st.platform !== 'coconala' || testIn(rules.macro('OWN_REPLY'), t.fold)) return { weight };
    return { weight: Math.max(weight, LEVEL_THRESHOLDS.medium + 0.5) };
  }
  if (kind === 'unescrowed') {
    // Only when the user said where things stand and 仮払い is not among it.
    const unescrowed = st.stageGiven && st.stage === 'after_contract';
    return unescrowed ? { weight } : { weight: 0, reason: 'after_escrow' };
  }
  if (st.platform === 'coconala') return { weight: Math.max(weight, LEVEL_THRESHOLDS.high) };
  // On another job site an online interview is ordinary; its own rules are unknown to us.
  if (st.platform === 'other' && kind === 'call') return { weight: Math.min(weight, STAGE_CAP.after_escrow), reason: 'platform_rules' };
  const first = ctx.sentences[Math.max(0, sIdx - 1)] as Sentence;
  const last = ctx.sentences[Math.min(ctx.sentences.length - 1, sIdx + 1)] as Sentence;
  const near = t.fold.slice(first.start, last.end);
  // Lancers' 連絡先公開申請 exists only after 仮払い: one already sent before the contract
  // legitimizes nothing.
  const routeCounts = !(st.platform === 'lancers' && st.stage === 'before_contract' && /申請を?(?:お送り|送り|出し|送信)(?:し)?ました/.test(t.fold));
  if (testIn(rules.macro('AFTER_ESCROW_CONDITION'), near)) return { weight: 0, reason: 'official_route' };
  if (routeCounts && testIn(rules.macro('CONSENT_CONDITION'), near)) return { weight: 0, reason: 'official_route' };
  // CrowdWorks' サービス外連絡申請 covers contact before the contract too (seed 000), and a call
  // the office has allowed is fine (seed 001): the official route named next to the cue settles it.
  if (routeCounts && routeNamed(rules, near)) return { weight: 0, reason: 'official_route' };
  const isCall = kind === 'call';
  if (st.officialRoute && routeCounts) return { weight: Math.min(weight, STAGE_CAP.after_escrow), reason: 'official_route' };
  const afterContractNear = testIn(rules.macro('AFTER_CONTRACT_CONDITION'), near);
  if (st.stage === 'after_escrow' || st.stage === 'after_contract' || afterContractNear) {
    const cap = isCall ? STAGE_CAP.after_escrow : STAGE_CAP.after_contract;
    if (weight <= cap) return { weight };
    return { weight: cap, reason: st.stage === 'after_escrow' ? 'after_escrow' : 'after_contract' };
  }
  return { weight };
}

// 「申請はしていません」「申請は手間なので省略」: the route is named only to be skipped.
const ROUTE_SKIPPED = /^.{0,4}?(?:は|を)?(?:せず|しない|して(?:い|お)?ません|していない|出して(?:い|お)?ません|出さず|手間|省略|なし|無し|不要|いりません|要りません|使わ)/;

/** In a pasted chat log, does the worker decline somewhere after position `pos`? */
function refusedLaterInChat(ctx: Ctx, pos: number): boolean {
  const fold = ctx.t.fold;
  if (!testIn(ctx.rules.macro('CHAT_SPEAKER'), fold)) return false;
  const re = ctx.rules.macro('OWN_REPLY');
  re.lastIndex = pos;
  let m: RegExpExecArray | null;
  let last = -1;
  let n = 0;
  while ((m = re.exec(fold)) !== null && n++ < 50) {
    last = m.index + Math.max(1, m[0].length);
    re.lastIndex = last;
  }
  re.lastIndex = 0;
  if (last < 0) return false;
  // The client kept pushing after the refusal: the log is still a scam. Backing off is not.
  const rest = fold.slice(last);
  const clientTurn = /(?:^|\n)\s*(?:【\s?)?(?:くらいあんと|購入者|発注者|相手)/.exec(rest);
  if (!clientTurn) return true;
  return /(?:承知|わかりました|分かりました|了解|すみません|失礼しました|このまま(?:こちら|めっせーじ)|知らずに)/.test(rest.slice(clientTurn.index, clientTurn.index + 80));
}

/** Does the text name the official route as the way forward (and not as something skipped)? */
function routeNamed(rules: RuleSet, text: string): boolean {
  const re = rules.macro('OFFICIAL_ROUTE');
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  let named = false;
  while ((m = re.exec(text)) !== null && n++ < 20) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    if (!ROUTE_SKIPPED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) {
      named = true;
      break;
    }
  }
  re.lastIndex = 0;
  return named;
}

/** A text that writes ABOUT scams (a blog post, a warning, a FAQ) rather than making a request. */
function isArticle(fold: string, rules: RuleSet): boolean {
  const re = rules.macro('ARTICLE_STRONG');
  re.lastIndex = 0;
  const seen = new Set<string>();
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(fold)) !== null && n++ < 200) {
    seen.add(m[0]);
    if (seen.size >= 2) break;
  }
  re.lastIndex = 0;
  return seen.size >= 2;
}

/** Per category the strongest finding plus a quarter of each further one, within the category's cap. */
function scoreFindings(findings: Finding[], rules: RuleSet): { score: number; catScores: Array<[Category, number]> } {
  const byCat = new Map<Category, number[]>();
  for (const f of findings) {
    const list = byCat.get(f.category) ?? [];
    list.push(f.weight);
    byCat.set(f.category, list);
  }
  let score = 0;
  const catScores: Array<[Category, number]> = [];
  for (const [cat, ws] of byCat) {
    ws.sort((x, y) => y - x);
    const [top = 0, ...rest] = ws;
    const s = Math.min(rules.caps[cat] ?? top, top + 0.25 * rest.reduce((acc, w) => acc + w, 0));
    catScores.push([cat, s]);
    score += s;
  }
  return { score, catScores };
}

export function createDetector(tokenizer: Tokenizer, rules: RuleSet, options: DetectorOptions = {}): Detector {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;

  function check(input: string, opts: CheckOptions = {}): Verdict {
    const inputText = typeof input === 'string' ? input : String(input);
    const text = capText(inputText, maxChars);
    const t = normalize(text);
    const fold = t.fold;
    const ctx: Ctx = {
      t,
      sentences: splitSentences(fold),
      tokenized: new Map(),
      tokenizer,
      rules,
      quotes: computeQuotes(fold),
      receivedAsk: false,
    };


    const inferredPlatform = inferPlatform(fold, rules);
    const platform: Platform = opts.platform ?? inferredPlatform ?? 'crowdworks';
    const platformSource = opts.platform ? 'given' : inferredPlatform ? 'inferred' : 'default';
    const inferredStage = inferStage(fold, rules);
    const stage: Stage = opts.stage ?? inferredStage ?? 'unknown';
    const stageSource = opts.stage ? 'given' : inferredStage ? 'inferred' : 'default';
    const officialRoute = routeNamed(rules, fold);

    // 1. Candidates: a cue whose window holds what the rule requires and nothing it excludes.
    const candidates: Candidate[] = [];
    const mitigations: Mitigation[] = [];
    const drop = (c: { rule: CompiledRule; a: number; b: number }, reason: Mitigation['reason']): void => {
      if (!mitigations.some((m) => m.rule === c.rule.id && m.reason === reason)) {
        mitigations.push({ rule: c.rule.id, reason, span: foldSpanToRaw(t, c.a, c.b) });
      }
    };
    for (const rule of rules.rules) {
      let found = false;
      for (const re of rule.patterns) {
        if (found) break;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        let n = 0;
        while ((m = re.exec(fold)) !== null && n++ < MAX_MATCHES_PER_PATTERN) {
          const a = m.index;
          const b = m.index + m[0].length;
          if (b === a) {
            re.lastIndex += 1;
            continue;
          }
          if (rule.context.wordBoundary && crossesWordBoundary(t, a, b)) continue;
          const sIdx = sentenceIndexAt(ctx.sentences, a);
          const [wa, wb] = windowBounds(ctx, rule, sIdx, a, b);
          const win = fold.slice(wa, wb);
          if (!rule.context.requires.every((r) => testIn(r, win))) continue;
          let spanEnd = b;
          let okAfter = true;
          for (const r of rule.context.requiresAfter) {
            const e = matchEndIn(r, fold.slice(b, Math.max(b, wb)));
            if (e < 0) {
              okAfter = false;
              break;
            }
            spanEnd = Math.max(spanEnd, b + e);
          }
          if (!okAfter) continue;
          const namedCueEnd = m.indices?.groups?.['cue']?.[1];
          const cand = { rule, a, b, spanEnd, sIdx, cueEnd: namedCueEnd ?? null };
          if (rule.context.unless.some((r) => testIn(r, win))) {
            drop(cand, 'tool_is_work');
            continue;
          }
          const sent = ctx.sentences[sIdx] as Sentence;
          const cueEnd = namedCueEnd ?? b;
          const after = fold.slice(cueEnd, Math.min(sent.end, cueEnd + 40));
          const before = fold.slice(Math.max(sent.start, a - 14), a);
          if (rule.context.unlessAfter.some((r) => testIn(r, after)) || rule.context.unlessBefore.some((r) => testIn(r, before))) {
            drop(cand, 'tool_is_work');
            continue;
          }
          if (rule.context.unlessText.some((r) => testIn(r, fold))) {
            drop(cand, 'tool_is_work');
            continue;
          }
          candidates.push(cand);
          found = true;
          break;
        }
        re.lastIndex = 0;
      }
    }

    // 2. Context that needs tokens or the whole text: quotes, negation, stage and platform.
    ctx.receivedAsk =
      candidates.length > 0 &&
      (testIn(rules.macro('RECEIVED_STRONG'), fold) || (testIn(rules.macro('RECEIVED_ASK'), fold) && testIn(rules.macro('RECEIVED'), fold))) &&
      !testIn(rules.macro('HANDLED'), fold) &&
      !testIn(rules.macro('FORUM'), fold) &&
      !isArticle(fold, rules);
    const findings: Finding[] = [];
    const ruleMasks = candidates.length > 0 ? contactMaskRanges(t, rules) : [];
    const article = candidates.length > 0 && !ctx.receivedAsk && isArticle(fold, rules);
    for (const c of candidates) {
      const { rule } = c;
      const s = ctx.sentences[c.sIdx] as Sentence;
      if (rule.context.quotable && isQuoted(ctx, c.sIdx, c.a, c.b)) {
        drop(c, 'quoted');
        continue;
      }
      if (rule.context.quotable && refusedLaterInChat(ctx, c.b)) {
        // A pasted chat log in which the worker declined after this request.
        drop(c, 'own_refusal');
        continue;
      }
      if (rule.context.quotable && testIn(rules.macro('OWN_REFUSAL'), fold.slice(s.start, s.end))) {
        drop(c, 'own_refusal');
        continue;
      }
      let weight = rule.weight;
      if (rule.context.stage !== 'none') {
        const adjusted = stageAdjust(ctx, rule.context.stage, c.sIdx, weight, { platform, stage, stageGiven: stageSource === 'given', officialRoute });
        if (adjusted.reason) drop(c, adjusted.reason);
        weight = adjusted.weight;
        if (weight <= 0) continue;
      }
      if (
        (rule.context.stage === 'contact' || rule.context.stage === 'call' || rule.context.stage === 'coconala_mention' || DELIVERABLE_CATEGORIES.has(rule.category)) &&
        asksForDeliverable(ctx, c)
      ) {
        // 「Zoomの参加方法マニュアルを作成してください」: the request is for a document about the tool.
        drop(c, 'tool_is_work');
        continue;
      }
      // Not for 「仮払いの前に3記事だけ納品して」: there the deliverable is the pressure itself.
      if (rule.context.stage !== 'work' && rule.category !== 'pressure' && toolInDeliverable(ctx, c)) {
        drop(c, 'tool_is_work');
        continue;
      }
      if (c.cueEnd !== null && rule.context.stage !== 'none' && toolHeadsCompound(ctx, c.sIdx, c.cueEnd)) {
        drop(c, 'tool_is_work');
        continue;
      }
      if (rule.context.negatable && negatedAfter(ctx, sentenceIndexAt(ctx.sentences, Math.max(c.a, (c.cueEnd ?? c.b) - 1)), c.cueEnd ?? c.b, c.a)) {
        drop(c, 'negated');
        continue;
      }
      if (article && weight > STAGE_CAP.after_escrow) {
        // A blog post or a warning that lists scam phrases: informative, not a request.
        drop(c, 'article');
        weight = STAGE_CAP.after_escrow;
      }
      const span = foldSpanToRaw(t, c.a, c.spanEnd);
      findings.push({
        rule: rule.id,
        category: rule.category,
        weight,
        span,
        phrase: renderPhrase(text, span, ruleMasks),
        description: rule.description,
        explanation: rule.explanation,
      });
    }

    // A finding whose words lie inside a stronger finding's span says nothing new (「Zoom」 inside
    // 「Zoomで打ち合わせをさせてください」): keep only the stronger one.
    const kept = findings.filter(
      (f) => !findings.some((g) => g !== f && g.weight >= f.weight && g.span.start <= f.span.start && g.span.end >= f.span.end && (g.weight > f.weight || g.rule < f.rule)),
    );
    findings.length = 0;
    findings.push(...kept);

    // 3. The statistical fallback, only where the rules alone would not flag the text and did
    //    not already explain a risky cue away (negated, quoted, official route, an article…).
    const similarity = options.similarity;
    if (
      similarity &&
      scoreFindings(findings, rules).score < LEVEL_THRESHOLDS.medium &&
      !mitigations.some((m) => SETTLED.has(m.reason)) &&
      !isArticle(fold, rules) &&
      !testIn(rules.macro('OWN_REFUSAL'), fold)
    ) {
      const sim = similarity.score(fold);
      const top = sim?.categories[0];
      if (sim && top) {
        const [fa, fb] = sim.focus;
        const span = foldSpanToRaw(t, fa, fb);
        const kind = SIMILARITY_STAGE[top.category] ?? 'none';
        let weight = similarity.config.weight;
        const id = similarity.config.id;
        if (kind !== 'none') {
          const adjusted = stageAdjust(ctx, kind, sentenceIndexAt(ctx.sentences, fa), weight, { platform, stage, stageGiven: stageSource === 'given', officialRoute });
          if (adjusted.reason) mitigations.push({ rule: id, reason: adjusted.reason, span });
          weight = adjusted.weight;
        }
        if (weight > 0) {
          const masks = mergeRanges(candidates.length > 0 ? ruleMasks : contactMaskRanges(t, rules), looseContactRanges(text, span));
          findings.push({
            rule: id,
            category: top.category,
            weight,
            span,
            phrase: renderPhrase(text, span, masks),
            description: similarity.config.description,
            explanation: similarity.config.explanations[top.category] ?? similarity.config.description,
          });
        }
      }
    }

    // 4. Score: per category the strongest finding plus a little for each further one, capped
    //    (five LINE cues are not five times the risk).
    const scored = scoreFindings(findings, rules);
    let score = scored.score;
    const catScores = scored.catScores;
    if (article) score = Math.min(score, ARTICLE_SCORE_CAP);
    score = Math.round(score * 100) / 100;
    catScores.sort((x, y) => y[1] - x[1]);
    findings.sort((x, y) => y.weight - x.weight || x.span.start - y.span.start);

    const tools: Tool[] = [];
    for (const f of findings) {
      const tool = rules.rules.find((r) => r.id === f.rule)?.tool;
      if (tool && !tools.includes(tool)) tools.push(tool);
    }

    return {
      level: levelFor(score),
      score,
      categories: catScores.filter(([, s]) => s > 0).map(([c]) => c),
      findings,
      mitigations,
      tools,
      platform,
      platformSource,
      stage,
      stageSource,
      officialRoute,
      truncated: text.length < inputText.length,
      analysedChars: text.length,
      inputChars: inputText.length,
    };
  }

  return { rules, maxChars, check };
}

export function compareLevels(a: Level, b: Level): number {
  return LEVEL_RANK[a] - LEVEL_RANK[b];
}

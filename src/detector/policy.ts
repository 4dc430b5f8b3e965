// Stage 4: policy. The same request is fine or forbidden depending on the platform, the stage of
// the deal and the kind of text (domain.md, "Stage matters" and "What kind of text it is"):
// on coconala off-site contact is never allowed; on CrowdWorks / Lancers contact is fine after
// 仮払い through the official route with consent, risky (medium) after the contract without it,
// and a call after the contract is no longer a pre-contract call.
import type { CompiledRule, RuleSet } from './rules.ts';
import { LEVEL_THRESHOLDS } from './score.ts';
import { sentenceAt, testIn, type TextView } from './text.ts';
import type { Category, Finding, Mitigation, Platform, Stage } from './types.ts';
import { LIST_ITEM, type KindInfo } from './kind.ts';

export type StageKind = CompiledRule['context']['stage'];

/** Caps applied to contact-type findings by stage: after 仮払い a contact cue is informative only. */
export const STAGE_CAP = { after_escrow: 1.5, after_contract: 4 } as const;
/** A text written about scams is informative at most, however many phrases it quotes. */
export const ARTICLE_SCORE_CAP = 2;

export interface StageInput {
  platform: Platform;
  stage: Stage;
  /** The user stated the stage (not inferred from the text). */
  stageGiven: boolean;
  officialRoute: boolean;
  /**
   * Every mention of the route is tied to after the contract (「契約後、連絡先公開申請をお送りします」):
   * it covers contact then, not a call held before the contract.
   */
  routeAfterContract?: boolean;
  /** The folded text with the worker's own chat lines blanked (same length), for the route. */
  routeFold?: string;
}

/** Each mention of the route comes right after a condition of the contract or 仮払い. */
export function routeOnlyAfterContract(rules: RuleSet, view: TextView): boolean {
  const re = rules.macro('OFFICIAL_ROUTE');
  const after = rules.macro('AFTER_CONTRACT_CONDITION');
  const escrow = rules.macro('AFTER_ESCROW_CONDITION');
  const { fold } = view;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let named = 0;
  let tied = true;
  while ((m = re.exec(fold)) !== null && named < 20) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    named += 1;
    const before = fold.slice(Math.max(0, m.index - 30), m.index);
    if (!testIn(after, before) && !testIn(escrow, before)) {
      tied = false;
      break;
    }
  }
  re.lastIndex = 0;
  return named > 0 && tied;
}

export function inferStage(fold: string, rules: RuleSet): Stage | undefined {
  if (testIn(rules.macro('STAGE_AFTER_ESCROW'), fold)) return 'after_escrow';
  if (testIn(rules.macro('STAGE_AFTER_CONTRACT'), fold)) return 'after_contract';
  if (testIn(rules.macro('STAGE_BEFORE_CONTRACT'), fold)) return 'before_contract';
  return undefined;
}

// 「申請はしていません」「申請は手間なので省略」: the route is named only to be skipped.
const ROUTE_SKIPPED = /^[?？]?[^。\n]{0,14}?(?:なしで|無しで|抜きで|省略)|^.{0,8}?(?:せず|しない|して(?:い|お)?ません|していない|して(?:い)?ない|出さない|出されて(?:い|お)?(?:ません|ない)|出されてない|(?:来|届い)て(?:い)?(?:ません|ない)|出して(?:い|お)?ません|出さず|行わず|手間|面倒|めんどう|時間(?:が)?かかる|審査に時間|通らない|いいから|いいので|省略|省い|飛ばし|なし|無し|不要|いりません|要りません|使わ)/;

// An account's address that opens a shared file to a person: the address, the services whose files
// are opened that way (not channels to talk on), and the words that share one.
const ACCOUNT_ADDRESS = /(?:あどれす|mail|めーる|あかうんと)/;
const SHARED_FILE_SERVICE = /(?:google|ぐーぐる|すぷれっどしーと|どきゅめんと|どらいぶ|drive|figma|ふぃぐま|notion|のーしょん|github|canva|dropbox|box(?![a-z])|onedrive|sharepoint)/;
const SHARE_ACCESS = /(?:共有(?:し|する|さ|設定|先|の)|招待(?:し|する|さ|を|の)|(?:編集|閲覧|あくせす)権限|権限を?(?:付|つけ|設定|追加|付与))/;
const ROUTE_OFF_RECORD = /申請の?(?:通知|連絡|案内)(?:も|が|は)[^。\n]{0,8}?(?:来て|届いて)(?:い)?(?:ません|ない)|(?:電話|口頭|めーる|直接|個別)で[^。\n]{0,20}?(?:許可|承認|了承|ok)を?(?:もらって|得て|いただいて|もらい|得|いただき)(?:ました|います|おります|てます)|申請(?:画面)?(?:に|には|は|上は|上に)(?:出|表示され|反映され|載ら|残ら)(?:ません|ない|ず)/;

/** Does the text name the official route as the way forward (and not as something skipped)? */
export function routeNamed(rules: RuleSet, text: string): boolean {
  // An approval said to be given outside the system (by phone, and so not on the application
  // screen) is no route: the platform's approval is the application itself.
  if (ROUTE_OFF_RECORD.test(text)) return false;
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

function platformCall(view: TextView, rules: RuleSet, near: string, cue?: { a: number; b: number }): boolean {
  const feature = rules.macro('PLATFORM_CALL_FEATURE');
  if (testIn(feature, near)) return true;
  if (!cue || testIn(rules.macro('TOOL_NAME'), view.fold.slice(cue.a, cue.b))) return false;
  return testIn(feature, view.fold);
}

/**
 * In an article or a notice, is the cue's sentence (or one next to it) the writer's own offer to the
 * reader (「気になる方はプロフィールのリンクからLINEに」「お申し込みは本メールの返信で」)? A warning
 * that ends by selling its own group, course or contact is a recruitment, not information.
 */
export function articlePitchAt(view: TextView, rules: RuleSet, sIdx: number): boolean {
  const [a, b] = nearBounds(view, sIdx);
  return testIn(rules.macro('ARTICLE_PITCH'), view.fold.slice(a, b));
}

/** A rule that can add nothing here (a mention that matters only on coconala) is not even looked for. */
export function ruleCanCount(rule: CompiledRule, st: StageInput): boolean {
  return !(rule.weight === 0 && rule.context.stage === 'coconala_mention' && st.platform !== 'coconala');
}

/** The cue's sentence with one sentence either side (blank lines do not count as sentences). */
function nearText(view: TextView, sIdx: number): string {
  const [a, b] = nearBounds(view, sIdx);
  return view.fold.slice(a, b);
}

function nearBounds(view: TextView, sIdx: number): [number, number] {
  const blank = (k: number): boolean => {
    const s = sentenceAt(view, k);
    return view.fold.slice(s.start, s.end).trim().length === 0;
  };
  let a = Math.max(0, sIdx - 1);
  while (a > 0 && blank(a) && sIdx - a < 4) a -= 1;
  let b = Math.min(view.sentences.length - 1, sIdx + 1);
  while (b < view.sentences.length - 1 && blank(b) && b - sIdx < 4) b += 1;
  return [sentenceAt(view, a).start, sentenceAt(view, b).end];
}

/**
 * A call that is a step of a listed flow (・技術面談（Google Meet）) is read on its own line: the next
 * step (・契約・仮払い後に要件定義MTG) is another meeting. Notes under it (※…, indented lines) still
 * belong to it. Null when the line is not such a step.
 */
function listStepBounds(fold: string, at: number): [number, number] | null {
  const lineStart = fold.lastIndexOf('\n', at) + 1;
  let lineEnd = fold.indexOf('\n', at);
  while (lineEnd >= 0 && /^(?:\s|※|[(（])/.test(fold.slice(lineEnd + 1, lineEnd + 2))) lineEnd = fold.indexOf('\n', lineEnd + 1);
  const line = fold.slice(lineStart, lineEnd < 0 ? fold.length : lineEnd);
  return LIST_ITEM.test(line) && !/^\s*※/.test(line) ? [lineStart, lineStart + line.length] : null;
}

/** The weight a stage-sensitive cue keeps at this stage on this platform, and why it changed. */
export function stageAdjust(
  view: TextView,
  rules: RuleSet,
  kind: StageKind,
  sIdx: number,
  weight: number,
  st: StageInput,
  /** The cue's fold span, when there is one: a call that names no outside tool may be the platform's own. */
  cue?: { a: number; b: number },
): { weight: number; reason?: Mitigation['reason'] } {
  const { fold } = view;
  if (kind === 'none') return { weight };
  if (kind === 'work') return st.stage === 'after_escrow' ? { weight: 0, reason: 'after_escrow' } : { weight };
  if (kind === 'coconala_mention') {
    // On coconala any outside tool is off limits, unless the text itself declines it.
    if (st.platform !== 'coconala' || testIn(rules.macro('OWN_REPLY'), fold) || testIn(rules.macro('OUTSIDE_DECLINED'), fold)) return { weight };
    return { weight: Math.max(weight, LEVEL_THRESHOLDS.medium + 0.5) };
  }
  if (kind === 'unescrowed') {
    // Only when the user said where things stand and 仮払い is not among it.
    const unescrowed = st.stageGiven && st.stage === 'after_contract';
    return unescrowed ? { weight } : { weight: 0, reason: 'after_escrow' };
  }
  if (st.platform === 'coconala' && !(kind === 'call' && platformCall(view, rules, nearText(view, sIdx), cue))) {
    return { weight: Math.max(weight, LEVEL_THRESHOLDS.high) };
  }
  // On another job site an online interview is ordinary; its own rules are unknown to us.
  if (st.platform === 'other' && kind === 'call') return { weight: Math.min(weight, STAGE_CAP.after_escrow), reason: 'platform_rules' };
  // A call said to come before the contract (「契約前にZoomで面談」) is not covered by the next step's
  // 「契約・仮払い後」: read only its own sentence for the conditions.
  const own = sentenceAt(view, sIdx);
  const ownSentence = fold.slice(own.start, own.end);
  const [na, nb]: [number, number] =
    kind !== 'call' ? nearBounds(view, sIdx) : /(?:契約|採用)(?:の)?前/.test(ownSentence) ? [own.start, own.end] : (listStepBounds(fold, own.start) ?? nearBounds(view, sIdx));
  const near = fold.slice(na, nb);
  // The route as the worker's own words in a chat (「申請は出していただけますか？」) is not taken.
  const routeFold = st.routeFold ?? fold;
  // Lancers' 連絡先公開申請 exists only after 仮払い: one already sent before the contract
  // legitimizes nothing.
  const routeCounts = !(st.platform === 'lancers' && st.stage === 'before_contract' && /申請を?(?:お送り|送り|出し|送信)(?:し)?(?:て)?(?:おき)?ました/.test(fold));
  if (testIn(rules.macro('AFTER_ESCROW_CONDITION'), near)) return { weight: 0, reason: 'official_route' };
  // The platform's own call feature (ココナラの電話相談, ランサーズのビデオ通話機能) keeps the call inside:
  // next to the cue, or anywhere in the text when the cue names no outside tool (「同時通話」).
  if (kind === 'call' && platformCall(view, rules, near, cue)) return { weight: 0, reason: 'official_route' };
  if (routeCounts && testIn(rules.macro('CONSENT_CONDITION'), near)) return { weight: 0, reason: 'official_route' };
  // CrowdWorks' サービス外連絡申請 covers contact before the contract too (seed 000), and a call
  // the office has allowed is fine (seed 001): the official route named next to the cue settles it.
  // A route named with a puzzled 「申請？」 ends a sentence there: the words after it still say whether it is
  // skipped (「申請？はよくわからないので無しで」).
  const nearEnd = sentenceAt(view, Math.min(view.sentences.length - 1, sIdx + 1)).end;
  const routeNear = routeFold.slice(na, nb);
  const routeText = /申請\s?[?？]\s?$/.test(routeNear) ? routeNear + routeFold.slice(nearEnd, nearEnd + 24) : routeNear;
  if (routeCounts && routeNamed(rules, routeText)) return { weight: 0, reason: 'official_route' };
  const isCall = kind === 'call';
  if (st.officialRoute && routeCounts && !(isCall && st.routeAfterContract)) return { weight: Math.min(weight, STAGE_CAP.after_escrow), reason: 'official_route' };
  const afterContractNear = testIn(rules.macro('AFTER_CONTRACT_CONDITION'), near);
  // After 仮払い, an account's address asked for to open a work file to the worker (「編集権限を付ける
  // にはGoogleアカウントのアドレスが必要」) is the work's own access, not a channel.
  if (st.stage === 'after_escrow' && kind === 'contact' && cue && ACCOUNT_ADDRESS.test(fold.slice(cue.a, cue.b)) && SHARE_ACCESS.test(near) && SHARED_FILE_SERVICE.test(near) && !testIn(rules.macro('CONTACT_TOOL'), near)) {
    return { weight: 0, reason: 'after_escrow' };
  }
  if (st.stage === 'after_escrow' || st.stage === 'after_contract' || afterContractNear) {
    const cap = isCall ? STAGE_CAP.after_escrow : STAGE_CAP.after_contract;
    if (weight <= cap) return { weight };
    return { weight: cap, reason: st.stage === 'after_escrow' ? 'after_escrow' : 'after_contract' };
  }
  return { weight };
}

/**
 * Categories that keep a job posting `high`: moving contact off the platform, contact details,
 * money outside the platform or asked of the worker, a direct deal, personal data, recruitment.
 * Everything else in a posting (a pre-contract interview, vague details, pressure, conditions on
 * age or gender, high pay) is a condition the worker must check: `medium` at most.
 */
const POSTING_HIGH: ReadonlySet<Category> = new Set([
  'off_platform_contact',
  'contact_details',
  'off_platform_payment',
  'upfront_payment',
  'direct_deal',
  'personal_info',
  'recruitment_scheme',
]);
/** A pre-contract online interview in a posting: `medium` on its own (domain.md). */
const POSTING_CALL_WEIGHT = 3.5;
const POSTING_SOFT_SCORE_CAP = LEVEL_THRESHOLDS.high - 0.5;

/** The kind of text caps what its cues can add up to. Returns the capped score. */
export function kindPolicy(kind: KindInfo, findings: Finding[], score: number, pitched = false): number {
  if (kind.ruleText && findings.length > 0 && !pitched) return Math.min(score, ARTICLE_SCORE_CAP);
  if (kind.posting && !findings.some((f) => POSTING_HIGH.has(f.category) && f.weight >= LEVEL_THRESHOLDS.medium)) {
    return Math.min(score, POSTING_SOFT_SCORE_CAP);
  }
  return score;
}

/**
 * A finding's weight in this kind of text, before scoring. In a posting, a tool the worker must be
 * able to use (「チャットワークで連絡が取れる方」) describes the work after the contract: `medium`
 * (domain.md: after the contract without the application).
 */
export function kindWeight(kind: KindInfo, rule: CompiledRule, requirement: boolean, weight: number): { weight: number; reason?: Mitigation['reason'] } {
  let w = weight;
  if (kind.posting && rule.category === 'pre_contract_call') w = Math.min(w, POSTING_CALL_WEIGHT);
  if (kind.posting && requirement && rule.context.stage === 'contact' && w > STAGE_CAP.after_contract) return { weight: STAGE_CAP.after_contract, reason: 'after_contract' };
  return { weight: w };
}

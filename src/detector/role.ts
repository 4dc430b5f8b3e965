// Stage 3: role and mood of each candidate (domain.md, "a cue's role and mood").
//
// A cue counts only when it is a request of the reader in the role the rule is about: the tool as
// the *channel* the reader is asked to use, not the subject or object of the work, not a
// description of the client's own tooling; the request *asked*, not denied, not a condition that
// protects the worker, not quoted, reported or narrated. Each check here reads the candidate's
// sentence (kuromoji tokens where the structure matters) and either keeps the candidate or names
// the reason it was set aside.
import type { Candidate } from './candidates.ts';
import { classify, isPredicate, lastTokenBefore, moodAfter, readTool, type Reading } from './clause.ts';
import { backsOff, headingAbove, lineAbove, LIST_ITEM, PUSHES, type ChatTurn, type KindInfo } from './kind.ts';
import type { RuleSet } from './rules.ts';
import { clauseEnd, sentenceAt, sentenceIndexAt, testIn, tokenizeRange, type TextView } from './text.ts';
import type { Token } from './tokenizer.ts';
import type { Category, Mitigation } from './types.ts';

export interface RoleContext {
  view: TextView;
  rules: RuleSet;
  kind: KindInfo;
}

// 「払えない金額ではない」「できないわけではない」: the second negation cancels the first.
const DOUBLE_NEGATION = /^(?:金額|額|わけ|訳|こと|ほど|もの)(?:で|じゃ)?は?(?:ない|ありません|ございません|なく)/;
const NEG_NOUNS = new Set(['不要', '禁止', '厳禁', '不可', '無用', '不必要', 'NG', 'ng', 'なし', '無し', 'お断り', '遠慮', 'ご遠慮', '対象外', '不可能', '非対応', '不問', '苦手', '不得意', '無理']);
// 「IDは伏せてください」 hides the detail: the opposite of asking for it.
const NEG_VERBS = new Set(['控える', '断る', '禁じる', 'かねる', '避ける', 'やめる', '止める', '差し控える', '遠慮', '伏せる', '隠す']);

/**
 * Is the cue ending at `from` negated or prohibited within its clause? 「LINEでのやり取りは行いません」,
 * 「個人情報は不要です」, 「LINEではなく」 are; invitations (〜しませんか) and conditions (〜しないと,
 * 〜しなければ) are not.
 */
export function negatedAfter(view: TextView, sIdx: number, from: number, cueStart: number): boolean {
  const ts = tokenizeRange(view, sIdx, from);
  const end = clauseEnd(view, sIdx, from, ts);
  const toks = ts.tokens;
  for (let k = 0; k < toks.length; k++) {
    const fs = ts.fStart[k] as number;
    if (fs < from) continue;
    if (fs >= end) break;
    const tok = toks[k] as Token;
    // A title tag (【20代女性限定】) is a clause of its own: what follows the bracket says something else.
    if (tok.surface === '】') break;
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
    // 「決して高くない金額です」: a negated adjective describes; it does not deny the request.
    const before = toks[k - 1];
    if (before && before.pos === '形容詞' && tok.pos === '助動詞') continue;
    // 「LINEでしか連絡できません」: しか…ない means "only", not a prohibition.
    if (view.fold.slice(cueStart, fs).includes('しか')) continue;
    // 「まだLINEの追加が確認できていません」: not done yet, which is the request pressed again.
    if (/(?:確認|反映|承認|完了)(?:が|は)?(?:でき|され|し)?(?:て)?(?:い|おり)?(?:ませ)?$/.test(view.fold.slice(from, fs)) && view.fold.slice(Math.max(0, cueStart - 8), cueStart).includes('まだ')) continue;
    // Look at what follows the negation.
    const rest = toks
      .slice(k + 1, k + 4)
      .map((x) => x.surface)
      .join('');
    if (/^(?:でしょう|です)?か/.test(rest) || /^[?？]/.test(rest)) continue; // 〜しませんか / 〜しない？: an invitation
    const longer = toks
      .slice(k + 1, k + 6)
      .map((x) => x.surface)
      .join('');
    if (DOUBLE_NEGATION.test(longer)) {
      // 〜払えない金額ではない: a negation negated; skip past the second one too.
      let j = k + 1;
      while (j < toks.length && j <= k + 5 && !/^(?:ない|ありません|ござい|なく)$/.test((toks[j] as Token).surface) && (toks[j] as Token).baseForm !== 'ない') j += 1;
      k = j;
      continue;
    }
    if (/^(?:と(?!いう|いった|の|は)|ば|なら|場合|限り|方(?!針|法|向|式)|人|ように)/.test(rest)) continue; // conditions and relative clauses
    if (tok.surface === 'なけれ' || (tok.surface === 'なく' && /^(?:て|ちゃ)(?:は|も)?(?:なら|いけ|だめ|ダメ)/.test(rest))) continue; // 〜しなければ / 〜しなくてはならない
    return true;
  }
  return false;
}

/** Is the candidate quoted, reported or asked about rather than requested? */
export function isQuoted(rc: RoleContext, sIdx: number, a: number, b: number): boolean {
  const { view, rules } = rc;
  const fold = view.fold;
  // The user pasted what they received and asks about it: judge the quote, do not excuse it
  // (a general statement about scams still is one).
  if (rc.kind.receivedAsk) {
    // 「「Zoomで面談しましょう」と言われたのですが、応じてもいいですか？」 asks exactly about that
    // request: the quote is judged (domain.md), and the reply says it judged the quoted request.
    // Inside a quote only the quote's own words can make it a general statement.
    const s0 = sentenceAt(view, sIdx);
    // A quote inside a quote (「『LINEで連絡ください』と書かれた案件には注意」) reads on to the outer one's end.
    let outer = -1;
    for (const [open, close] of view.quotes) if (open < a && close >= b) outer = Math.max(outer, close);
    const end = outer >= 0 ? Math.min(s0.end, b + 30, outer) : Math.min(s0.end, b + 30);
    return testIn(rules.macro('REPORTED_GENERAL'), fold.slice(b, end));
  }
  for (const [open, close] of view.quotes) {
    if (open < a && close >= b) {
      // In a chat log written as speaker「words」, the brackets hold the speaker's own words.
      // (Not 「ナナ：見て、こんなの来た「…」」: there the words start after the colon.)
      if (rc.kind.turns?.some((t) => t.start < open && close <= t.end && /^[「『]$/.test(fold.slice(open, open + 1)) && /[」』]\s?$/.test(fold.slice(t.start, t.end)) && !/[「『]/.test(fold.slice(t.start, open)) && fold.slice(t.body, open).trim() === '')) continue;
      // 「こんなメッセージが来ました→「…」」: the writer introduces what they received.
      if (/(?:来ました|届きました|来た|届いた|こんな(?:めっせーじ|の|連絡|文面|dm)|次のような|以下のような|言われました|書かれていました|と言われ)[^。\n]{0,6}[。、:：\s→]{0,3}$/.test(fold.slice(Math.max(0, open - 24), open))) return true;
      // Skip a chain of further quotes: 「LINE交換しよ」「DMください」のような…
      let end = close + 1;
      for (;;) {
        const m = /^(?:[、・,や と\s]|[(（]?\d{1,2}[)）.．]?)*[「『][^「」『』]{0,40}[」』]/.exec(fold.slice(end, end + 60));
        if (!m) break;
        end += m[0].length;
      }
      const after = fold.slice(end, end + 12);
      if (/^\s*(?:と|って|という|といった|などと|などの|のような|みたいな|等の|系の|が(?:書いて|書かれて|あったら|来たら|届いたら)|を求め|を要求|を騙|経験|ことがある|の?(?:広告|案件|募集|文言|誘い|勧誘|めっせーじ|dm|投稿))/.test(after)) return true;
      // 「…」は、どのサイトでもアウトです: the quote is judged, not made.
      if (/^\s*(?:は|も)[、,]?[^。\n「」]{0,24}?(?:あうと|ng|だめ|違反|禁止|危険|詐欺|要注意|注意|断って|断る|お断り|応じない)/.test(fold.slice(end, end + 40))) return true;
      // UI copy being designed: 「LINE友だち追加はこちら」バナー
      if (/^\s*(?:の)?(?:ばなー|ぼたん|りんく|文言|見出し|画像|表示|でざいん|ぽっぷ|ちらし|ちぇっくぼっくす|選択肢|めにゅー|たぶ|らべる|(?:ぷれぜんと)?きゃんぺーん|企画|きゃっちこぴー|こぴー|たいとる|ろご|流れ|しなりお|ふろー|分岐|自動返信|てんぷれ)/.test(after)) return true;
      // Copy being edited: 見出し「導入費用について」→「初期費用について」に直してください.
      if (/^\s*(?:→|⇒|->|に(?:直|修正|変更|差し替え|書き換え|統一)|へ(?:変更|修正|差し替え)|を(?:削除|消して|残して))/.test(after) || /(?:[」』]\s?(?:→|⇒|->)|見出し|h[1-6]|たいとる|文言|表記)\s?$/.test(fold.slice(Math.max(0, open - 8), open))) return true;
      if (testIn(rules.macro('ARTICLE'), fold.slice(Math.max(0, open - 100), Math.min(fold.length, close + 100)))) return true;
    }
  }
  // A list of examples in brackets (違反の種類（例：外部ツールへの誘導、個人情報の要求、費用の請求）)
  // names kinds of things; it asks for none of them.
  const from = Math.max(0, a - 60);
  const near = fold.slice(from, a + 2).lastIndexOf('(例'); // the fold reads （ as (
  const exOpen = near < 0 ? -1 : from + near;
  if (exOpen >= 0 && a - exOpen <= 60) {
    const close = fold.slice(exOpen, exOpen + 90).indexOf(')');
    const inside = close > 0 ? fold.slice(exOpen, exOpen + close) : '';
    if (close > 0 && exOpen + close >= b && /^\(例(?:えば)?[:：、]?/.test(inside) && (inside.match(/[、,・]/g) ?? []).length >= 2) return true;
  }
  // Reported speech without brackets: 「LINEに誘導されたら」「Zoom面談を求められた場合」.
  const s = sentenceAt(view, sIdx);
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
      if (testIn(rules.macro('OWN_REPLY'), ownLines) || testIn(rules.macro('REPORTED'), ownLines)) return true;
    }
  }
  if (/^\s*(?:q\s?\d*\s?[.:．)）]|質問\s?[:：])/.test(fold.slice(lineStart, lineStart + 8))) return true;
  // A quoted question (「直接やり取りしませんか？」系は…) ends its sentence inside the quote: read on past it.
  const end = /^[」』]/.test(fold.slice(s.end, s.end + 1)) ? Math.min(fold.length, s.end + 30) : s.end;
  const tail = fold.slice(b, Math.min(end, b + 30));
  return testIn(rules.macro('REPORTED'), tail);
}

// A speaker taking back what they just proposed: 「いや、それは規約違反でしたね」「やっぱりやめておきます」.
const SELF_RETRACT = /^\s?(?:いや|やっぱり|やはり|あっ?|すみません|失礼|ごめんなさい)[、,!！…\s]?[^。\n]{0,30}?(?:規約|違反|だめ|ng|失礼しました|できません|やめて?おき|取り消)/;

/**
 * With named speakers: someone other than the one who asked replies with a refusal after `pos`,
 * and the asker's next turn, if any, backs off.
 */
function refusedByOtherSpeaker(fold: string, turns: ChatTurn[], rules: RuleSet, pos: number): boolean {
  const i = turns.findIndex((t) => t.start <= pos && pos <= t.end);
  if (i < 0) return false;
  const asker = (turns[i] as ChatTurn).speaker;
  // The asker takes it back in their very next line (「いや、それは規約違反でしたね、失礼しました」).
  const following = turns[i + 1];
  if (following && following.speaker === asker) {
    const words = fold.slice(following.body, following.end);
    if (SELF_RETRACT.test(words) && !PUSHES.test(words)) return true;
  }
  const reply = rules.macro('OWN_REPLY');
  const keep = rules.macro('KEEP_HERE');
  for (let j = i + 1; j < turns.length; j++) {
    const t = turns[j] as ChatTurn;
    const line = fold.slice(t.start, t.end);
    // A refusal, a request to keep to the platform, or a yes only after 仮払い and the official route.
    const conditional = testIn(rules.macro('AFTER_ESCROW_CONDITION'), line) && testIn(rules.macro('OFFICIAL_ROUTE'), line);
    if (t.speaker === asker || !(testIn(reply, line) || testIn(keep, line) || conditional)) continue;
    const next = turns.slice(j + 1).find((u) => u.speaker === asker);
    return !!next && backsOff(fold.slice(next.start, Math.min(next.end, next.start + 240)));
  }
  return false;
}

// The label of a worker's line: ワーカー, 受注者, 出品者 (coconala's seller), ランサー, 私/自分.
const WORKER_LABEL = /(?:わーかー|受注者|出品者|らんさー|らいたー|でざいなー|翻訳者|ふりーらんさー|(?:^|\s)(?:\[[^\]\n]{1,12}\]\s?)?(?:私|自分|わたし|あなた)(?![^\s:：]))/;
// A client's label, which wins when a line names both (「クライアント（私の担当）」 is still the client).
const CLIENT_LABEL = /(?:くらいあんと|発注者|依頼者|購入者|担当|pm|社長|採用)/;

const isWorkerLabel = (label: string): boolean => label.trim() !== '' && WORKER_LABEL.test(label) && !CLIENT_LABEL.test(label);

/** The fold with the words of the worker's own chat lines blanked (same length). */
export function withoutWorkerLines(fold: string, turns: ChatTurn[] | null): string {
  if (!turns) return fold;
  let out = fold;
  for (const t of turns) {
    if (!isWorkerLabel(t.label)) continue;
    // The worker's 「承認しました」 is a fact about the route, not a request for it.
    if (/承認(?:しました|いたしました|済)/.test(fold.slice(t.body, t.end))) continue;
    out = out.slice(0, t.body) + ' '.repeat(Math.max(0, t.end - t.body)) + out.slice(t.end);
  }
  return out;
}

/** Is `pos` inside a chat line spoken by the worker (the user who pasted the log)? */
function inWorkerTurn(rc: RoleContext, pos: number): boolean {
  const turns = rc.kind.turns;
  if (!turns) return false;
  const turn = turns.find((t) => t.start <= pos && pos <= t.end);
  if (!turn) return false;
  return pos >= turn.body && isWorkerLabel(turn.label);
}

/** In a pasted chat log, does the worker decline somewhere after position `pos`? */
export function refusedLaterInChat(rc: RoleContext, pos: number): boolean {
  if (!rc.kind.chat) return false;
  const fold = rc.view.fold;
  if (rc.kind.turns) return refusedByOtherSpeaker(fold, rc.kind.turns, rc.rules, pos);
  const re = rc.rules.macro('OWN_REPLY');
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
  // The client's next line: a named client role, or any labelled line that is not the worker's.
  const clientTurn =
    /(?:^|\n)\s*(?:【\s?)?(?:くらいあんと|購入者|発注者|相手)/.exec(rest) ??
    /\n\s*(?:【\s?)?(?!わーかー|受注者|出品者|らんさー|私|自分|わたし)[^\n:：「」]{1,14}[:：]/.exec(rest);
  if (!clientTurn) return false;
  const turn = rest.slice(clientTurn.index, clientTurn.index + 80);
  return /(?:承知|わかりました|分かりました|了解|すみません|失礼しました|このまま(?:こちら|めっせーじ)|知らずに)/.test(turn) && !PUSHES.test(turn);
}

// Nouns that keep a tool in the role of a channel when they follow it: LINE ID, LINE交換,
// Zoom面談, Slackワークスペース. Any other noun right after the tool makes a compound whose head is
// the thing being worked on: LINEスタンプ, Zoomウェビナー, Chatwork API, Discord Bot.
// A part of the tool itself, joined by の: its recordings and cloud, its settings, its how-to.
const TOOL_PART = /^\s?の\s?(?:くらうど|録画|れこーでぃんぐ|ういびなー|使い方|操作方法|設定方法|設定画面|管理画面|api|仕様|履歴|ろぐ|いんすとーる(?:方法|手順|から)|始め方)/;
const CHANNEL_NOUN =
  /^\s?(?:works|わーくす|id|あかうんと|交換|登録|追加|連絡|通話|電話|面談|面接|ぐるーぷ|友達|友だち|ともだち|友|みーてぃんぐ|mtg|会議|ちゃっと|とーく|おーぷんちゃっと|わーくすぺーす|さーばー|ちゃんねる|るーむ|あどれす|番号|名|ゆーざー|url|りんく|招待|qr|こーど|検索|移動|移行|上|内|経由|等|など|宛|dm|でぃーえむ|びでお|音声|通知|返信|送信|やり取り|やりとり|打ち合わせ|話|相談|説明|方|ほう|版|一本化|のみ|だけ|[@＠0-9])/;

/** Is the tool word ending at `cueEnd` the first part of a compound noun (LINEスタンプ)? */
export function toolHeadsCompound(view: TextView, sIdx: number, cueEnd: number): boolean {
  // 「Zoomのクラウドから録画をDL」「LINEの使い方」: the tool's own store, settings or how-to, joined by の.
  if (TOOL_PART.test(view.fold.slice(cueEnd, cueEnd + 12))) return true;
  if (CHANNEL_NOUN.test(view.fold.slice(cueEnd, cueEnd + 12))) return false;
  const ts = tokenizeRange(view, sIdx, cueEnd);
  let k = 0;
  while (k < ts.tokens.length && /^\s+$/.test((ts.tokens[k] as Token).surface)) k += 1;
  const first = ts.tokens[k];
  if (!first || (ts.fStart[k] as number) > cueEnd + 1) return false;
  if (first.pos !== '名詞' || first.posDetail === '数' || first.posDetail === '代名詞' || first.posDetail === '非自立') return false;
  // kuromoji tags ASCII brackets and symbols as nouns: only words count.
  return /^[\s]?[ぁ-んァ-ヶー一-龯a-zA-Z]/.test(first.surface);
}

/**
 * The words after a cue, up to the end of the quoted message it sits in: in 「…顔写真を添付」っていう
 * 動画編集の依頼 the job named after the quote is not the quote's deliverable. A short quote names a
 * thing (「Zoomの参加方法」マニュアル) and is read through.
 */
function withinQuote(fold: string, from: number, to: number): string {
  const segment = fold.slice(from, to);
  const close = segment.search(/[」』]/);
  if (close < 0) return segment;
  const open = segment.search(/[「『]/);
  if (open >= 0 && open < close) return segment;
  const start = Math.max(fold.lastIndexOf('「', from), fold.lastIndexOf('『', from));
  return start >= 0 && from + close - start > 16 ? segment.slice(0, close) : segment;
}

const DELIVERABLE_CATEGORIES = new Set<Category>(['personal_info', 'recruitment_scheme', 'app_install']);

/** The words between the cue and the request name a deliverable being made (記事, マニュアル, 資料…). */
function asksForDeliverable(rc: RoleContext, c: Candidate): boolean {
  const from = c.cueEnd ?? c.b;
  const s = sentenceAt(rc.view, c.sIdx);
  const segment = withinQuote(rc.view.fold, from, Math.min(s.end, from + 80));
  return testIn(rc.rules.macro('DELIVERABLE_REQUEST'), segment);
}

/**
 * 「Zoom面接のマナーについての記事を3本お願いします」「Slackへの通知機能を実装してください」: a
 * deliverable follows the cue with only descriptive words between them, so the cue is the topic
 * of the work, not a request to use it.
 */
function toolInDeliverable(rc: RoleContext, c: Candidate): boolean {
  const from = c.cueEnd ?? c.b;
  const s = sentenceAt(rc.view, c.sIdx);
  const segment = withinQuote(rc.view.fold, from, Math.min(s.end, from + 90));
  const re = rc.rules.macro('DELIVERABLE_OBJECT');
  re.lastIndex = 0;
  const m = re.exec(segment);
  re.lastIndex = 0;
  if (!m || m.index > 45) return false;
  const gap = segment.slice(0, m.index);
  return !testIn(rc.rules.macro('DELIVERABLE_GAP_BLOCK'), gap) || testIn(rc.rules.macro('DELIVERABLE_ATTRIBUTIVE'), gap);
}

/**
 * 「海外のお客様から問い合わせの多いWhatsAppで、予約確認メッセージを自動送信したい」「現在はメールで
 * 発送通知を送っています」: the tool carries the client's own traffic (to its customers, members,
 * partners) or a system's automatic notices. It is what the work builds or handles; only a sentence
 * turned to the reader (an applicant, the worker) makes it the reader's channel.
 */
function carriesOwnTraffic(rc: RoleContext, c: Candidate): boolean {
  const s = sentenceAt(rc.view, c.sIdx);
  const sentence = rc.view.fold.slice(s.start, s.end);
  return testIn(rc.rules.macro('THIRD_PARTY_CHANNEL'), sentence) && !testIn(rc.rules.macro('READER_ADDRESS'), sentence);
}

// A sentence that asks whether something is risky, or that it is not (「契約前の面談とかじゃないですよね？」):
// words a client asking for it would not use.
const RISK_QUESTION = /(?<!ん)(?:とか|って)?(?:じゃ|では)ない(?:です|でしょう)?よね\s?[?？]\s?$|させられ(?:る|ます)(?:ってこと|という?こと|の|ん)?(?:です|でしょう)?か\s?[?？]\s?$|(?:危ない|危険|詐欺|規約違反|違反|ng|まずい|怪しい|あやしい|外部誘導|(?:通話|面談|取引|誘導|違反|対象)(?:に|と)(?:入り|入る|含まれ|あたり|当たり|なり|みなされ)(?:ます)?)(?:に(?:なり|あたり|当たり)(?:ます)?)?(?:ん|の|なん)?(?:でしょう|です|だろう)?か?\s?[?？]\s?$/;
// The words after a cue say it was received: 「…送れって言われた」「…おいでって来た」.
const RETOLD_AFTER = /^[^。?？\n]{0,40}?(?:って|と)(?:言われ|来|き|頼まれ|求められ|迫られ|誘われ|書いて)/;

/** The cue is quoted or reported, or the worker refused it. */
function speechRole(rc: RoleContext, c: Candidate): Mitigation['reason'] | null {
  const { rule } = c;
  // A question about a quoted message: the quote is judged; the asker's own words around it
  // (「これって直接取引ってこと？」) are about it.
  // Only in a short question: a long paste quotes by blocks and lines, not by brackets.
  const { fold } = rc.view;
  const shortQuestion = rc.kind.receivedAsk && fold.length <= SHORT_QUESTION;
  // (A name in 『』 inside the quote, アプリ『TalentCall』をインストール, closes nothing.)
  if (shortQuestion && /[」』]/.test(fold.slice(c.a, Math.max(c.b, c.spanEnd)).replace(/[「『][^「」『』]*[」』]/g, ''))) return 'description';
  // The asker's own question, outside what they quote: in a short question about a quote, any
  // question sentence (「これって直接取引ってこと？」); anywhere, one that asks whether something is risky
  // (「メールでのやり取りも危ないんでしょうか？」). Their account of what happened still counts: a cue whose
  // own words carry the fact (「申請とかは特に来てない」), or words before って言われ (「身分証の写真送れって
  // 言われたんだけど普通？」), which are what was received.
  // A cue that ends outside the quotes (「Zoom」ってあるけど、これも契約前の通話…) is the asker's too.
  if (rule.context.negatable && outsideQuotes(fold, Math.max(c.a, c.b - 1), c.b)) {
    const s = sentenceAt(rc.view, c.sIdx);
    const sentence = fold.slice(s.start, s.end);
    const asks = (shortQuestion && /[?？]\s?$/.test(sentence.trim())) || RISK_QUESTION.test(sentence);
    if (asks && !RETOLD_AFTER.test(fold.slice(c.b, s.end))) return 'description';
  }
  // The asker quotes their own words (「お電話の方が早いですか？」と聞いたら…): not what they received.
  if (rc.kind.receivedAsk && ownQuoteAsked(rc.view, c.a, c.b)) return 'own_words';
  // A user's own one-line question about the rules (「PayPayで報酬受け取れる案件ってあるんですか？」).
  if (rc.kind.ownQuestion) return 'description';
  // In a chat log, the worker's own lines (「メールアドレスを申請画面に記載しました」) ask nothing of them.
  if (inWorkerTurn(rc, c.a)) return 'own_words';
  if (!rule.context.quotable) return null;
  if (isQuoted(rc, c.sIdx, c.a, c.b)) return 'quoted';
  // A pasted chat log in which the worker declined after this request.
  if (refusedLaterInChat(rc, c.b)) return 'own_refusal';
  const s = sentenceAt(rc.view, c.sIdx);
  const sentence = rc.view.fold.slice(s.start, s.end);
  if (testIn(rc.rules.macro('OWN_REFUSAL'), sentence)) return 'own_refusal';
  // 「直接のお振込みについてご提案いただき、ありがとうございます。ただ、規約により報酬は…経由で」:
  // the worker thanks for the proposal, then declines it in the next sentence.
  // 「ご提案いただいたZoomでの面談ですが、契約前ということもあり、できれば…」: the worker answers the
  // proposal they received, and the answer turns it down.
  if (PROPOSAL_RECEIVED.test(rc.view.fold.slice(Math.max(s.start, c.a - 12), c.a)) && DECLINE_AFTER.test(rc.view.fold.slice(c.b, s.end))) return 'own_refusal';
  if (THANKS_FOR_PROPOSAL.test(sentence)) {
    const next = rc.view.fold.slice(s.end, s.end + 160);
    if (/^\s?(?:ただ|しかし|ですが|申し訳|恐れ入り|あいにく|残念ながら)/.test(next) && (testIn(rc.rules.macro('OWN_REPLY'), next) || testIn(rc.rules.macro('KEEP_HERE'), next))) return 'own_refusal';
  }
  return null;
}

// What the writer was offered, named as such right before the cue.
const PROPOSAL_RECEIVED = /(?:ご提案|お誘い|お申し出|ご依頼|ご案内)(?:を)?(?:いただいた|いただきました|頂いた|頂きました|いただいております)(?:件|の)?\s?$/;
// …and the reply after it declines: 「…ですが、契約前ということもあり、できれば」「…につきましては、申し訳ございませんが」.
const DECLINE_AFTER = /(?:ですが|については|につきましては|の件)[、,]?[^。\n]{0,30}?(?:できれば|申し訳|控え|難しい|遠慮|お断り|見送|ご容赦|いたしかね|致しかね)/;
// The worker's thanks for what they were offered (and are about to decline).
const THANKS_FOR_PROPOSAL = /(?:ご提案|お誘い|お申し出|お声がけ|お心遣い|ご配慮)(?:を)?(?:いただ|頂)(?:き|いて|いた)[^。\n]{0,12}?(?:ありがと|恐縮|感謝)/;

const SHORT_QUESTION = 240;

// After a quote, the asker's own act of saying it: と聞いたら, と提案しました, と返したら (not と送ってきた).
const OWN_SAYING = /^[」』]\s?(?:って|と)\s?(?:(?:私|自分|こちら)(?:から|が)\s?)?(?:聞い|きい|尋ね|たずね|提案し|返し|返信し|伝え|お伝えし|お願いし|送っ(?!て(?:き|く))|打診し|確認し)(?:た|て|ま)/;

/** The span lies inside a quote that the asker says they said themselves. */
function ownQuoteAsked(view: TextView, a: number, b: number): boolean {
  for (const [open, close] of view.quotes) {
    if (open < a && close >= b) return OWN_SAYING.test(view.fold.slice(close, close + 24));
  }
  return false;
}

/** The text quotes something (「…」 or 『…』) and the span [a, b) lies outside every quote. */
function outsideQuotes(fold: string, a: number, b: number): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < fold.length && i < b; i++) {
    const ch = fold[i];
    if (ch === '「' || ch === '『') {
      depth++;
      quoted = true;
    } else if ((ch === '」' || ch === '』') && depth > 0) depth--;
    if (i === a && depth > 0) return false;
  }
  if (!quoted && fold.slice(b).search(/[「『]/) < 0) return false;
  return depth === 0;
}

const TOOL_CATEGORIES = new Set<Category>(['off_platform_contact', 'pre_contract_call']);
/** Rules whose cue is a request made of the reader: its mood decides, not only its words. */
const MOOD_CATEGORIES = new Set<Category>(['off_platform_contact', 'pre_contract_call', 'app_install', 'personal_info']);
// The writer's own side: 「社内の連絡はTeamsで行っております」 describes how they work.
// The client's side named as the one who acts: 「スタッフが行います」「当社で対応します」「職員が返信します」.
const OTHER_ACTOR =
  /(?:当社|弊社|当店|お店|店舗|すたっふ|職員|店長|社員|担当者|事務局|私たち|当方|お客様|購入者(?:様)?|ゆーざー|利用者|会員)(?:の方|の[^。、\n]{1,8}?)?(?:が|で|側で)(?:[^。、\n]{0,12}?(?:から|を使って|を使い))?(?:行|対応|送|実施|担当|管理|返信|連絡|運用|使|利用)/;
// Somebody asking how something is done properly, not asking for it.
// Also a question about when something is allowed: 「契約前にZoom面談をしてもいいのってどういう場合ですか？」.
const PROCEDURE_QUESTION =
  /(?:(?:どういう|どんな|どの|どう)(?:手順|方法|流れ|手続き)|(?:手順|方法|手続き)を(?:教えて|知りたい)|(?:いい|良い|よい|大丈夫|ok|許される|認められる|できる)(?:の|ん)(?:って|は)(?:どういう|どんな|いつ|どの)(?:場合|とき|時|けーす|条件|状況))[^。\n]{0,16}?[?？]/;
// A sentence that asks the reader for something.
const ASKS_READER = /(?:ください|下さい|お願い(?:します|いたします|致します|でき|したい)|しませんか|しましょう|ましょう|いただけ|頂け|いただき(?:たい|ます)|してほしい|して欲しい|してもらえ|しよう|しよ[〜~!！]|登録して|参加して|入って|追加して)/;
// The writer's own organisation as the topic of the sentence: うちは, 弊社では, 当社は.
const OWN_HOUSE = /(?:^|[、,\s])(?:うち|弊社|当社|当店|私ども)(?:は|では|の社内では|の会社では)[、,]?\s?(?:いつも|普段|ふだん|基本的に|基本|社内で|社内の連絡を?)?[、,]?\s?$/;
const INTERNAL = /(?:社内|事務所内|所内|社員|すたっふ(?:間|同士)|ちーむ内|めんばー(?:間|同士)|弊社内|当社内|内部|院内|店内|部署)/;

/** Reads the clause of a candidate: the tool's role (tool rules) and the mood of its request. */
export function readCandidate(rc: RoleContext, c: Candidate): Reading | null {
  const { rule } = c;
  if (!MOOD_CATEGORIES.has(rule.category)) return null;
  const { view } = rc;
  const sIdx = c.sIdx;
  // From the cue on: what governs the cue comes after it in Japanese.
  const ts = tokenizeRange(view, sIdx, c.a);
  if (ts.tokens.length === 0) return null;
  if (TOOL_CATEGORIES.has(rule.category)) {
    const cueEnd = c.cueEnd ?? c.b;
    const k = lastTokenBefore(ts.fStart, cueEnd);
    if (k < 0) return null;
    // A match that already holds its verb (「外でやり取り」「LINE追加して」) is read from that verb.
    if (c.cueEnd === null) {
      for (let p = k; p >= 0 && (ts.fStart[p] as number) >= c.a; p--) {
        const tok = ts.tokens[p] as Token;
        // The mood is read after the whole match: its own words (「ここでは書けない」「気軽に話せる
        // ところ」) are the cue, not a negation or a relative clause of it.
        if (p > 0 && isPredicate(tok)) return { role: classify(tok.pos === '動詞' ? tok.baseForm : tok.surface), mood: moodAfter(ts.tokens, k), word: tok.surface, at: k };
      }
    }
    return readTool(ts.tokens, k);
  }
  const k = lastTokenBefore(ts.fStart, c.spanEnd);
  if (k < 0) return null;
  return { role: 'unknown', mood: moodAfter(ts.tokens, k), word: '', at: k };
}

export interface RoleDecision {
  /** Why the candidate is set aside, or null when it counts. */
  drop: Mitigation['reason'] | null;
  /** It asks the reader to be someone who uses the tool (「チャットワークで連絡が取れる方」). */
  requirement: boolean;
}

// The tool's name as a word: 「Zoomって単語」「LINEという言葉」「Discordの文字」.
const WORD_ITSELF = /^\s?[」』]?\s?(?:って|という|との|の)(?:単語|言葉|ことば|文字|わーど|表記|きーわーど)/;

// The act named as the topic (〜って, 〜とは) of a judgment of its risk that is asked about or heard.
const JUDGED_RISKY = /^\s?[」』]?\s?(?:(?:の|で|での)?(?:id)?(?:交換|追加|登録|やり取り|やりとり|連絡|いんすとーる|利用|使用|通話|面談))?\s?(?:って|とは)(?:本当に|ほんとに|やっぱり|やはり|普通に|かなり)?\s?(?:危な|危険|怪し|あやし|詐欺|規約違反|違反|禁止)[^。\n]{0,10}?(?:(?:って|と)\s?(?:聞|言われ|書いて|見)|ですか|でしょうか|[?？]|かな|らしい)/;

// The reader's own question whether something is required of them, will come to be, or is allowed
// by the rules they half remember (〜していいんでしたっけ).
const OBLIGATION_QUESTION = /^[^。\n「」『』]{0,16}?(?:ないと(?:いけない|だめ|ダメ)|なければ(?:いけない|ならない)|なきゃ(?:いけない|だめ)|必要が(?:ある|あります))(?:ん|の)?(?:でしょうか|ですか|かな|かしら)\s?[?？]|^[^。\n「」『』]{0,16}?ことになり(?:ます|ません)か\s?[?？]|^[^。\n「」『』]{0,16}?(?:て|で)(?:も)?(?:いい|良い|大丈夫|ok)(?:ん|の)?(?:でしたっけ|だっけ)|^[^。\n「」『』]{0,16}?(?:のも|のは)(?:だめ|ng|違反|あうと|禁止)(?:って|という)?(?:こと)?(?:なん)?(?:です|でしょう)?か\s?[?？]/;

// A worry or a question of the reader's, told back: 〜なのでは、とご心配…, 〜ですか、とご質問….
const TOLD_BACK = /^[^。\n]{0,24}?(?:のでは|んじゃ|のか|ですか|でしょうか)[、,]?\s?と\s?(?:ご|お)?(?:心配|不安|懸念|質問|相談|指摘|おっしゃ|仰|問い合わせ)/;

/** Role and mood of one candidate: set aside (and why), or counted. */
export function assessRole(rc: RoleContext, c: Candidate): RoleDecision {
  const speech = speechRole(rc, c);
  if (speech) return { drop: speech, requirement: false };
  const reading = { value: null as Reading | null };
  const drop = clauseRole(rc, c, reading);
  return { drop, requirement: !drop && reading.value?.mood === 'requirement' };
}

/** The nearest heading above the cue (【…】, ■…) names content to print or publish. */
function underContentHeading(rc: RoleContext, at: number): boolean {
  const heading = headingAbove(rc.view.fold, at);
  if (heading !== null && testIn(rc.rules.macro('CONTENT_HEADING'), heading)) return true;
  // 「フッターに以下を入れてください」 on the line above: the lines that follow are the content.
  const above = lineAbove(rc.view.fold, at, (line) => line.trim() === '');
  return above !== null && /(?:以下|下記|次)(?:の(?:内容|情報|項目))?を/.test(above) && testIn(rc.rules.macro('CONTENT_HEADING'), above);
}

/**
 * Is the cue an item of a list that a line above denies as a whole? 「当社は以下を行いません。
 * ・身分証の提出をお願いすること ・外部での報酬の支払い」: every item is something the writer will not do.
 */
export function listDenied(rc: RoleContext, at: number): boolean {
  const { fold } = rc.view;
  const lineStart = fold.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = fold.indexOf('\n', lineStart);
  if (!LIST_ITEM.test(fold.slice(lineStart, lineEnd < 0 ? undefined : lineEnd))) return false;
  const head = lineAbove(fold, at, (line) => line.trim() === '' || LIST_ITEM.test(line));
  return head !== null && testIn(rc.rules.macro('LIST_DENIAL_HEAD'), head);
}

/** The cue's role in its clause (channel or work) and the request's mood (asked or negated). */
function clauseRole(rc: RoleContext, c: Candidate, out: { value: Reading | null }): Mitigation['reason'] | null {
  const { rule } = c;
  const stage = rule.context.stage;
  const toolRule = stage === 'contact' || stage === 'call' || stage === 'coconala_mention';
  if ((toolRule || DELIVERABLE_CATEGORIES.has(rule.category)) && asksForDeliverable(rc, c)) {
    // 「Zoomの参加方法マニュアルを作成してください」: the request is for a document about the tool.
    return 'tool_is_work';
  }
  // Not for 「仮払いの前に3記事だけ納品して」: there the deliverable is the pressure itself.
  if (stage !== 'work' && rule.category !== 'pressure' && toolInDeliverable(rc, c)) return 'tool_is_work';
  // Tokenize once from the cue: the checks below read tails of this sentence from it.
  tokenizeRange(rc.view, c.sIdx, c.a);
  if (c.cueEnd !== null && stage !== 'none' && toolHeadsCompound(rc.view, c.sIdx, c.cueEnd)) return 'tool_is_work';
  if ((toolRule || rule.category === 'off_platform_payment') && carriesOwnTraffic(rc, c)) return 'own_traffic';
  // Under 「■掲載内容」「【チラシに入れる情報】」 the shop's phone number and LINE QR are what gets printed.
  if (toolRule && underContentHeading(rc, c.a)) return 'tool_is_work';
  if (rule.context.negatable) {
    const from = c.cueEnd ?? c.b;
    if (negatedAfter(rc.view, sentenceIndexAt(rc.view.sentences, Math.max(c.a, from - 1)), from, c.a)) return 'negated';
    if (listDenied(rc, c.a)) return 'negated';
  }
  // 「社内のやり取りはSlackでしているので」「チーム内ではDiscordを使ってますが」: how the client's own
  // people talk, in a sentence that asks the reader nothing.
  if (toolRule) {
    const s = sentenceAt(rc.view, c.sIdx);
    const sentence = rc.view.fold.slice(s.start, s.end);
    if (INTERNAL.test(sentence) && !ASKS_READER.test(sentence)) return 'description';
    // 「Zoomって単語があるけど大丈夫？」: the word itself is talked about.
    if (WORD_ITSELF.test(rc.view.fold.slice(c.cueEnd ?? c.b, (c.cueEnd ?? c.b) + 12))) return 'description';
    // 「（ワーカーさんが参加する必要はありません）」: the reader is told they need not join.
    if (testIn(rc.rules.macro('READER_EXEMPT'), sentence)) return 'negated';
    // 「Zoomで打ち合わせしたいんですが、どういう手順を踏めばいいですか？」: a question about the procedure.
    if (PROCEDURE_QUESTION.test(sentence)) return 'description';
  }
  // 「アプリのインストールって危ないって聞いたけど」「LINE交換って危険ですか？」: the act is the topic of a
  // question or of hearsay about its risk; nobody asks the reader to do it.
  if (JUDGED_RISKY.test(rc.view.fold.slice(c.cueEnd ?? c.b, (c.cueEnd ?? c.b) + 40))) return 'description';
  // 「自分もZoomに参加しないといけないんでしょうか？」: the reader asks whether they must; nobody asks them to.
  if (OBLIGATION_QUESTION.test(rc.view.fold.slice(c.b, sentenceAt(rc.view, c.sIdx).end))) return 'description';
  // 「ご住所などが必要なのでは、とご心配されていましたが」: the reader's own worry, told back to them.
  if (rule.context.quotable && TOLD_BACK.test(rc.view.fold.slice(c.b, sentenceAt(rc.view, c.sIdx).end))) return 'quoted';
  const reading = readCandidate(rc, c);
  out.value = reading;
  if (reading) {
    if (reading.role === 'work') return 'tool_is_work';
    if (reading.mood === 'attributive' || (reading.mood === 'narration' && reading.role !== 'channel')) return 'description';
    if (reading.mood === 'denied' && rule.context.negatable) return 'negated';
    // Somebody's words retold: a question about them is judged on them (kind.ts), anything else
    // reports them.
    if (reading.mood === 'reported' && !rc.kind.receivedAsk && rule.context.quotable) return 'quoted';
    if (reading.mood === 'habitual' || (reading.mood === 'reported' && rc.kind.receivedAsk)) {
      // 「社内の連絡はTeamsで行っております」: how the client works, asked of nobody (also when a
      // user quotes it to ask about it).
      const s = sentenceAt(rc.view, c.sIdx);
      const sentence = rc.view.fold.slice(s.start, s.end);
      if (INTERNAL.test(sentence)) return 'description';
      // 「うちはSlackで回覧しているので」: the client's own habit, with the client as the topic.
      if (reading.mood === 'habitual' && OWN_HOUSE.test(sentence.slice(0, Math.max(0, c.a - s.start)))) return 'description';
    }
    // 「普段はChatworkで指示を出すことが多いのですが、今回はメッセージだけで進めます」: the tool is named
    // in the same sentence that keeps the work here.
    if (toolRule && reading.mood !== 'request' && reading.mood !== 'requirement') {
      const s = sentenceAt(rc.view, c.sIdx);
      const rest = rc.view.fold.slice(c.b, s.end);
      // 「以前はLINEでやり取りしていたのですが…。今後はすべてこちらのメッセージで」: the past channel, left.
      const next = c.sIdx + 1 < rc.view.sentences.length ? sentenceAt(rc.view, c.sIdx + 1) : null;
      if (reading.mood === 'narration' && next && /(?:が|けど|けれど)[、,]/.test(rest) && testIn(rc.rules.macro('KEEP_HERE'), rc.view.fold.slice(next.start, next.end))) return 'description';
      // …but only across a contrast (〜ですが、今回は…): 「やり取りはSlackで行い、契約はサイト上で」 splits the work.
      // 「以前LINEを希望されて困ったことがあり、当方ではすべてこちらで」: a past case, then the writer's own rule.
      if (/(?:が|けど|けれど|ものの|ことがあり|ことがあって)[、,]|今回(?:は|も)|(?:当方|弊社|当社|うち)(?:で)?は/.test(rest) && (testIn(rc.rules.macro('KEEP_HERE'), rest) || testIn(rc.rules.macro('OUTSIDE_DECLINED'), rest))) return 'description';
    }
    if (toolRule && (reading.mood === 'habitual' || reading.mood === 'offer' || reading.mood === 'narration')) {
      // 「当選者へのDM送付はお店のスタッフが行います」「社内ツールをChatworkからSlackへ移行します」:
      // someone else named as the one who uses the tool; the reader is asked nothing.
      const s = sentenceAt(rc.view, c.sIdx);
      const sentence = rc.view.fold.slice(s.start, s.end);
      if (OTHER_ACTOR.test(sentence) || (reading.mood !== 'narration' && INTERNAL.test(sentence))) return 'description';
    }
  }
  return null;
}

// Stage 1: what kind of text is this? (domain.md, "What kind of text it is".) The kind decides how
// cues count before any cue is looked at: a message addressed to the reader is judged by the stage
// table; a job posting's pre-contract interview is a condition to check, not a danger; a pasted
// question about a received message is judged on the quoted request; a rule text, notice or article
// that lists prohibited acts describes them and asks nothing.
import type { RuleSet } from './rules.ts';
import { distinctMatches, testIn, type TextView } from './text.ts';
import type { TextKind } from './types.ts';

export interface KindInfo {
  kind: TextKind;
  /** The user pasted what they received and asks about it: judge the quote, do not excuse it. */
  receivedAsk: boolean;
  /** Written ABOUT scams or rules (article, warning, FAQ, platform notice): informative at most. */
  ruleText: boolean;
  /** A pasted chat log with speaker labels. */
  chat: boolean;
  /** A job posting (title, sections, application instructions). */
  posting: boolean;
  /** A chat log's labelled lines, when its speakers have free-form names. */
  turns: ChatTurn[] | null;
  /** The user's own one-line question about the rules, nothing quoted (「仮払い前に作業しちゃダメなの？」). */
  ownQuestion: boolean;
  /** isArticle of the whole text, read at most once per check (the kind and the fallback both ask). */
  readsAsArticle: () => boolean;
}

/** How long a text can be and still be read as the user's own one-line question. */
const OWN_QUESTION_MAX = 80;

/**
 * A text that writes ABOUT scams (a blog post, a warning, a FAQ) rather than making a request.
 * `prose`: also read a notice or article in prose (`all`), only one that says so twice (`strict`,
 * for a question that may quote a rule), or only the strong phrases (`none`).
 */
export function isArticle(fold: string, rules: RuleSet, prose: 'all' | 'strict' | 'none' = 'all'): boolean {
  // One FAQ entry: a text that opens with its question and carries the answer.
  if (FAQ_ENTRY.test(fold)) return true;
  // An English warning or help text: two of its markers (beware, scammers, not allowed …).
  if (distinctMatches(rules.macro('EN_ABOUT'), fold, 2).size >= 2) return true;
  // A forum thread: posts numbered >>1, >>2 … (or No.1:, No.2:) share and discuss what people got.
  if ((fold.match(THREAD_POST) ?? []).length >= 2) return true;
  const strong = distinctMatches(rules.macro('ARTICLE_STRONG'), fold, 2).size;
  if (strong >= 2) return true;
  return prose !== 'none' && isNotice(fold, rules, strong, prose === 'strict');
}

/**
 * A notice, help page or article in prose (no list needed): a title line that names a topic, and
 * the voice of a rule or advice given to everyone. Never when the text greets the reader or gives a
 * contact detail to use: a scam that says 「規約違反ではありません」 is still a message.
 */
function isNotice(fold: string, rules: RuleSet, strong: number, strict: boolean): boolean {
  // Greetings inside quotes (a template of refusals, an example of a scam) are not addressed to the reader.
  // Nor are examples given in brackets: （例：ID: ab****）.
  if (fold.length < 60 || testIn(rules.macro('ADDRESSED'), fold.replace(/[「『][^「」『』]{0,400}[」』]/g, '「」').replace(/[（(]例[:：][^）)\n]{0,40}[）)]/g, '（）'))) return false;
  const { first, next, lineCount } = titleLine(fold);
  // A story's title may end with 。 (「…だった話。」).
  const titled = lineCount > 1 && first.length <= 48 && (!/[。!！]$/.test(first) || STORY_TITLE.test(first));
  // A headline: a short first line, a blank line, then the body (a blog post, a help page).
  // A posting has one too (its sections decide), and so does a paste of forwarded messages.
  const headline =
    titled &&
    first.length <= 40 &&
    (next ?? 'x').trim() === '' &&
    fold.length - first.length >= 100 &&
    !/転送|貼/.test(fold) &&
    !testIn(rules.macro('RECEIVED_STRONG'), fold) &&
    !isPosting(fold, rules);
  const named = testIn(rules.macro('NOTICE_TITLE'), first) || (quotesTerm(first) && !ASKS.test(first));
  const title = titled && (headline || named) ? 1 : 0;
  // An article quotes the phrases it warns about: 「詳細はLINEで」「手数料がもったいない」.
  // A name quoted twice (「BOワーク」) is one quote.
  const quotes = new Set(fold.match(/[「『][^「」『』\n]{1,80}[」』]/g) ?? []).size >= 2 ? 1 : 0;
  // The voice is the writer's own: a scam quoted in brackets (「WhatsAppで話しましょう」) is not advice.
  const voice = distinctMatches(rules.macro('NOTICE_VOICE'), withoutQuotes(fold), 2);
  if (strict) return voice.size >= 2;
  // A list of acts under that voice (「以下の内容を含む依頼は禁止しています。・…・…」) is a rule list.
  const listed = lines(fold).filter((l) => LIST_ITEM.test(l)).length >= 2 ? 1 : 0;
  // A titled text with an article's own phrase (見分け方, 違反報告, 伏せ字) or the phrases it is
  // about, quoted, needs no rule voice.
  // A named title over a list (「▼応募前チェックリスト」「【ヘルプ】申請の流れ ①…②…」) that is not a
  // job posting is a checklist or a help page.
  if (title === 1 && named && listed === 1 && !isPosting(fold, rules)) return true;
  // A headline that names a story told (「仮払い前に作業して、連絡が途絶えた話」), over its body.
  if (headline && STORY_TITLE.test(first) && !isPosting(fold, rules)) return true;
  return (voice.size >= 1 || (title === 1 && (strong >= 1 || quotes === 1))) && title + listed + quotes + voice.size + strong >= 2;
}

// The start of one post in a forum thread: >>12 …, No.3: ….
const THREAD_POST = /(?:^|\n)\s{0,2}(?:(?:>>|no\.?)\s?\d{1,4}(?:\s?[:：]|\s)|\d{1,4}\s?[:：]\s?(?:名無し|ななし|匿名|\d{1,4}\s*\n))/g;

// A title that names a story: 〜した話, 〜だった話, 〜という話, 体験談, 失敗談.
const STORY_TITLE = /(?:(?:た|だ|という)話|体験談|経験談|失敗談|体験記)\s?[）)】]?[。.]?$/;

/** The text with what it quotes emptied, innermost quotes first (「…「…」…」). */
function withoutQuotes(s: string): string {
  let out = s;
  for (let i = 0; i < 3; i++) {
    const next = out.replace(/[「『][^「」『』]{0,400}[」』]/g, '〈〉');
    if (next === out) break;
    out = next;
  }
  return out.replace(/〈〉/g, '「」');
}

/** The text with quotes inside quotes blanked (「…『…』…」 → 「…〈〉…」); outer quotes stay. */
function withoutInnerQuotes(s: string): string {
  return s.replace(/([「『][^「」『』]{0,400})[「『][^「」『』]{0,200}[」』]/g, '$1〈〉');
}

/** The text with every chat turn's line blanked (spaces), line breaks kept. */
function blankTurns(fold: string, turns: ChatTurn[]): string {
  let out = '';
  let at = 0;
  for (const t of turns) {
    if (t.start < at) continue;
    out += fold.slice(at, t.start) + ' '.repeat(Math.max(0, t.end - t.start));
    at = t.end;
  }
  return (out + fold.slice(at)).replace(/ {2,}/g, ' ');
}

const FAQ_ENTRY = /^\s?q\s?\d{0,2}\s?[.．:：][^\n]{1,200}\n(?:[^\n]*\n){0,3}\s?a\s?\d{0,2}\s?[.．:：]/;

/** How far from either end of a long paste the user's own question is looked for. */
const OWN_WORDS = 160;

export function isReceivedAsk(fold: string, rules: RuleSet, turns: ChatTurn[] | null = null): boolean {
  // In a pasted chat log the speakers' own questions (受注者：…でよろしいですか？) are part of the
  // log: the user's question is a line outside it.
  const unlabelled = turns === null ? fold : blankTurns(fold, turns);
  // In a long paste the user's own words (「これ怪しいですか？」) come before or after what they pasted.
  const own = unlabelled.length <= OWN_WORDS * 2 ? unlabelled : `${unlabelled.slice(0, OWN_WORDS)}\n${unlabelled.slice(-OWN_WORDS)}`;
  // A short 「…と言われました」 is itself the question; a long text that retells something needs the
  // user to ask (a blog post or a story retells and answers itself).
  // A headline that asks (「契約前のZoom面談、応じていい？」) over a long body is an article's title,
  // not the user's question: the body must ask too.
  const { first, next } = titleLine(fold);
  const headlineAsks =
    first.length <= 40 && (next ?? 'x').trim() === '' && fold.length - first.length >= 100 && (!/[「『」』]/.test(first) || testIn(rules.macro('NOTICE_TITLE'), first) || quotesTerm(first));
  // The asker's words, not a question inside what they quote (「LINEで大丈夫ですか？」と聞かれた).
  const ownWords = withoutQuotes(headlineAsks ? own.slice(own.indexOf(first) + first.length) : own);
  const asks = testIn(rules.macro('RECEIVED_ASK'), ownWords);
  // Receipt is said in the asker's words: 「Xで『LINEで連絡』って書いてある案件は危険」っていう投稿 quotes a
  // claim, it does not say something was received.
  // A rule the user read somewhere (ブログで見た「契約前の外部誘導は禁止」って…) was not sent to them.
  // A quote set on its own lines (「…」\n\nって案件) joins the words that say it was received.
  const outer = withoutInnerQuotes(fold).replace(READ_QUOTE, '〈〉').replace(/([」』])\s+(?=って|と|という)/g, '$1');
  // Three or more people talking it over (friends comparing what they got) is a discussion, unless
  // the user asks about it in their own words outside the log.
  if (turns !== null && !asks && new Set(turns.map((t) => t.speaker)).size >= 3) return false;
  return (
    ((testIn(rules.macro('RECEIVED_STRONG'), outer) && (asks || fold.length <= OWN_WORDS * 2)) || (asks && testIn(rules.macro('RECEIVED'), outer))) &&
    !testIn(rules.macro('HANDLED'), fold) &&
    // The asker refused and the sender's next message, quoted, took it back: that request is over.
    !withdrawnAfterRefusal(fold) &&
    // A story that ends itself (断ったよ, それっきり) and asks nothing is told, not pasted to be judged.
    !(!asks && !/[?？]/.test(withoutQuotes(fold)) && testIn(rules.macro('SETTLED_STORY'), fold)) &&
    // A forum post discusses a message; one that pastes it outright (来たメッセージ：, 以下全文) asks about it.
    !(testIn(rules.macro('FORUM'), fold) && !PASTED.test(fold)) &&
    !ANSWERED.test(fold) &&
    !(titledNotice(fold, rules) && !testIn(rules.macro('RECEIVED_ASK'), own.replace(/[「『][^「」『』]{0,200}[」』]/g, '「」'))) &&
    // The asker's closing question (「詐欺？」「怪しいですよね？」) uses an article's words too: leave it out.
    // A friend's case retold (友達の話です…と言ってきたそうです) with the asker's own question is still a question.
    // In a short text the asker's question may come first too (「これって例の怪しいやつですか？\n「…」」).
    !(isArticle(askerless(fold), rules, 'strict') && !(asks && fold.length <= OWN_WORDS * 2 && FRIEND_CASE.test(fold)))
  );
}

// A quote introduced as something read in an article, a help page or the rules, with its
// topic marker: ぶろぐで見た「…」って, へるぷに書いてあった「…」は.
const READ_QUOTE = /(?:ぶろぐ|記事|へるぷ|ねっと|さいと|まとめ|規約|がいどらいん|ようつべ|youtube|動画|本|x|twitter|ついったー)(?:で|に|の)(?:見た|読んだ|書いて(?:あった|ある)|あった|言って(?:た|いた))(?:ん(?:です|だ)けど|んですが|のですが|けど)?[、,]?\s?[「『][^「」『』\n]{1,80}[」』](?:って|と|は)?/g;

// The asker's refusal told (「…」と返しました), then the sender's next message, quoted, backs off.
const REFUSAL_TOLD = /[」』]\s?(?:と|って)(?:返し|返信し|お返事し|お伝えし|伝え|お断りし|断っ|言っ)(?:まし)?た/;

function withdrawnAfterRefusal(fold: string): boolean {
  const told = REFUSAL_TOLD.exec(fold);
  if (!told) return false;
  const reply = /[「『]([^「」『』]{1,400})[」』]/.exec(fold.slice(told.index + told[0].length));
  return reply !== null && backsOff(reply[1] as string);
}

// The client backs off after the refusal (「失礼しました」「ではこちらで」「ですよね、冗談です」) rather than
// pushing again.
const BACKS_OFF = /(?:承知|わかりました|分かりました|了解|すみません|失礼(?:いた)?しました|大丈夫です|ではこちらで|冗談|(?:^|[\s:：、。!！])ですよね[、,!！。\s]|(?:ここ|こちら)で(?:契約|続け|進め)|このまま(?:こちら|めっせーじ)|知らずに|知らなかった|知りませんでした|そうなんですね|そうでしたか|sorry|didn['’]?t know|no problem|understood|of course|i['’]?ll (?:attach|send|use|keep) (?:it )?(?:here|on))/;
// …unless the same turn pushes again (「ちょっとだけなら大丈夫ですよ、他の方もやってくれてます」).
export const PUSHES =
  /(?:(?:ちょっと|少し|一回|1回)だけなら|他の(?:方|人)も|(?:みんな|皆さん|全員|他の(?:応募者|わーかー|方|人)[^。\n]{0,6}?)[^。\n]{0,8}?(?:交換|追加|登録|承認)して(?:くれ|もらっ|いただい)|(?:他|ほか)の(?:方|人)に(?:お願い|頼|依頼|決め)|(?:みんな|皆さん|みなさん|皆|他の方|他の人)(?:も|さん)?(?:やって|して)(?:ます|る|います|ますし|るし|ますから|るから)?|ばれ(?:ない|ません)|(?:無料|ただ)(?:なので|だから|です(?:し|から|ので))[^。\n]{0,8}?大丈夫|(?:許可|承認)(?:は|を)?(?:もらって|いただいて|取って|得て)(?:る|います|ます|ますので|るので)|(?:今日中|本日中|すぐ)に?[^。\n]{0,6}?(?:追加|登録|連絡|返信)(?:お願い|して|ください)|(?:url|りんく|招待)を?(?:お?送り(?:します|しますね|ますね|ます)|貼ります|お送りいたします)|内緒|問題ない(?:ので|から|です)よ|(?:choose|pick|hire|find|select)\s(?:an)?other|if\syou\s(?:not|don['’]?t|do\snot|can['’]?t|cannot)\s)/;
// The backing off opens the turn; a push may come anywhere in it.
export const backsOff = (turn: string): boolean => BACKS_OFF.test(turn.slice(0, 80)) && !PUSHES.test(turn.slice(0, 240));

// Somebody close to the asker, whose case they retell: 友達の話です, 妹が…と言われたそうで.
const FRIEND_CASE = /(?:友達|友人|知人|知り合い|先輩|後輩|同僚|妹|姉|弟|兄|夫|妻|母|父|家族)(?:の話|の件|が|から)/;

// The user marks what follows as the message itself.
const PASTED = /(?:届いた|来た|きた|受け取った)めっせーじ\s?[:：]|以下全文|全文(?:です|を貼)/;

// The last sentence when it is a question: 「…と言われた。詐欺？」.
const CLOSING_QUESTION = /[^。\n]*[?？][\s.…]*$/;
// The first sentence when it is a question, outside quotes: 「これって怪しいやつですか？」.
const OPENING_QUESTION = /^[^。\n?？「『]*[?？]/;

/** The text without the asker's closing question, and in a short text without an opening one. */
function askerless(fold: string): string {
  const body = fold.replace(CLOSING_QUESTION, '');
  return fold.length <= OWN_WORDS * 2 ? body.replace(OPENING_QUESTION, '') : body;
}

// A Q&A post answers the question it retells (「質問：…と言われました。普通ですか？ 回答：普通ではありません」).
const ANSWERED = /\n\s?(?:(?:回答|答え|a|べすとあんさー)\s?[0-9]{0,2}\s?[:：.．]|→\s?\S)/;

/**
 * The text opens with the title of a notice or an article (「…の見分け方」「【ヘルプ】…の流れ」
 * 「断り方テンプレ集」, or a short title that quotes a term) followed by a blank line or a list: it
 * is about the topic, not a retelling to ask about.
 */
function titledNotice(fold: string, rules: RuleSet): boolean {
  const { first, next: after, found } = titleLine(fold);
  // A title that names the story it tells (…と言われて断った話, 【体験談】…) is still a title.
  const storyTitle = /(?:た話|の話|体験談|経験談|顛末)\s?$/.test(first) || /^【(?:体験談|経験談)】/.test(first);
  if (!found || first.length > 48 || /[。!！]$/.test(first) || (ASKS.test(first) && !storyTitle)) return false;
  const next = after ?? 'x';
  // A headline over a body (a news item, a blog post) that is not a job posting.
  const headline = first.length <= 40 && next.trim() === '' && fold.length - first.length >= 100 && !isPosting(fold, rules);
  if (!headline && !testIn(rules.macro('NOTICE_TITLE'), first) && !quotesTerm(first)) return false;
  // 「「LINEで話そう」って来ました」「これって詐欺？」 over a paste: the user's own question.
  if (!storyTitle && ['RECEIVED_ASK', 'RECEIVED_STRONG', 'RECEIVED'].some((m) => testIn(rules.macro(m), first))) return false;
  return next.trim() === '' || LIST_ITEM.test(next) || testIn(rules.macro('NOTICE_TITLE'), first);
}

/** The first non-empty line without a trailing aside (「…について（出品者ガイド）」), and the line after it. */
function titleLine(fold: string): { first: string; next: string | undefined; found: boolean; lineCount: number } {
  const all = fold.split('\n', MAX_LINES);
  const at = all.findIndex((l) => l.trim().length > 0);
  const first = (all[at] ?? '').trim().replace(/\s?[（(][^）)]{1,30}[）)]$/, '');
  return { first, next: all[at + 1], found: at >= 0, lineCount: all.length };
}

// A short title that puts a term in quotes (「出していい情報」「出さなくていい情報」, 「外部連絡」のルール),
// not a chat line written as speaker「words」 (with or without a date and time first).
const QUOTED_TERM_TITLE = /[「『][^「」『』!！?？。、]{1,14}[」』]/;
const SPEAKER_QUOTE_LINE = /^(?:\[?[\d/.\-年月日:：\s]{4,20}\]?\s?)?[^「『\s]{1,12}[「『][^」』]*[」』]\s?$/;
const quotesTerm = (line: string): boolean => QUOTED_TERM_TITLE.test(line) && !SPEAKER_QUOTE_LINE.test(line);
// A first line that asks the reader for something is a message, not a title.
const ASKS = /(?:ください|下さい|お願い)/;

// A line that starts a list item: ・, -, ■, ※, 1., (1), ① …
const PROHIBITED_TITLE = /(?:禁止|ng|できない|できません|不可|ご遠慮|してはいけない|るーる|規約|がいどらいん|注意事項)/;
export const LIST_ITEM = /^\s*(?:[・\-－‐•◆◇〇■□※☆★▶▷✓✔✅❌⭕✖×✕]|\d{1,2}\s?[.．)）、]|[（(]\d{1,2}[)）]|[①-⑳❶-❿➀-➉])\s?/;
// A heading line of a posting: 【…】, ■…, ◆…, [ … ], ＜…＞.
/** How many lines above a cue its heading or list head is looked for. */
const LINES_ABOVE = 16;

/**
 * The first line above the line holding `at` that `skip` does not pass over, within a few lines,
 * or null.
 */
export function lineAbove(fold: string, at: number, skip: (line: string) => boolean): string | null {
  let end = fold.lastIndexOf('\n', at - 1);
  for (let k = 0; k < LINES_ABOVE && end > 0; k++) {
    const start = fold.lastIndexOf('\n', end - 1) + 1;
    const line = fold.slice(start, end);
    end = start - 1;
    if (!skip(line)) return line;
  }
  return null;
}

/** The nearest heading line (【…】, ■…) above `at`, within a few lines, or null. */
export const headingAbove = (fold: string, at: number): string | null => lineAbove(fold, at, (line) => !HEADING.test(line));

export const HEADING = /^\s*(?:【[^】\n]{1,24}】|[■◆◇▼▽□★☆◎〇●]\s?\S|\[[^\]\n]{1,24}\]|[＜<][^＞>\n]{1,24}[＞>])/;
const MAX_LINES = 400;
const LABEL_LINE = /^\s*([^\s:：]{2,8})\s?[:：]\s?\S/;

/** Lines of the text, with inline bullets (「… ・直接やり取り…」) split into lines of their own. */
function lines(fold: string): string[] {
  const out: string[] = [];
  for (const line of fold.split('\n', MAX_LINES)) {
    for (const part of line.split(/\s(?=[・•]\S)/)) out.push(part);
  }
  return out;
}

// detectKind, isNotice and titledNotice ask about the same text in one check: remember the last answer.
let lastPosting: { fold: string; rules: RuleSet; shape: boolean } | null = null;

/** A job posting: named sections (業務内容, 報酬, 応募方法 …) and a call to apply. */
export function isPosting(fold: string, rules: RuleSet): boolean {
  if (lastPosting && lastPosting.rules === rules && lastPosting.fold === fold) return lastPosting.shape;
  const shape = postingShape(fold, rules);
  lastPosting = { fold, rules, shape };
  return shape;
}

function postingShape(fold: string, rules: RuleSet): boolean {
  if (fold.length < 40) return false;
  const section = rules.macro('POSTING_SECTION');
  const seen = new Set<string>();
  const all = fold.split('\n', MAX_LINES);
  for (const line of all) {
    // A checklist item (「□ 業務内容が具体的に書かれているか」) names a section without being one.
    if (!HEADING.test(line) || /(?:か|ないか)[?？]?\s?$/.test(line)) continue;
    section.lastIndex = 0;
    const m = section.exec(line.slice(0, 40));
    section.lastIndex = 0;
    if (m) seen.add(m[0]);
  }
  // 「報酬：応相談」「納期：2週間」: a section given as a label and its value on one line.
  for (const line of all) {
    const m = LABEL_LINE.exec(line);
    if (m && testIn(section, m[1] as string)) seen.add(m[1] as string);
  }
  if (seen.size >= 2) return true;
  if (fold.length < 100) return false;
  // A title line: 【…】 or ⭐ in a short first line, or one that ends like a job title.
  const first = (all.find((l) => l.trim().length > 0) ?? '').trim();
  const title = first.length <= 120 && all.length > 1 && (/【[^】]{1,40}】|⭐|★/.test(first) || testIn(rules.macro('POSTING_TITLE_END'), first));
  const marked = testIn(rules.macro('POSTING_MARKER'), fold);
  if (title && (marked || seen.size >= 1)) return true;
  return marked && (seen.size >= 1 || fold.length >= 400);
}

/**
 * A rule text: a platform notice, a guideline or a checklist that enumerates prohibited or
 * suspicious acts (「・契約前に連絡先を確認する内容が含まれている投稿」). It describes; it asks nothing.
 */
export function isRuleList(fold: string, rules: RuleSet): boolean {
  const items = lines(fold).filter((l) => LIST_ITEM.test(l));
  if (items.length < 2) return false;
  const itemEnd = rules.macro('RULE_ITEM_END');
  const acts = items.filter((l) => testIn(itemEnd, l)).length;
  const prohibition = testIn(rules.macro('PROHIBITION'), fold);
  const voice = testIn(rules.macro('RULE_VOICE'), fold);
  const cued = acts >= 2 ? items.filter((l) => testIn(itemEnd, l) && testIn(rules.macro('RULE_ITEM_CUE'), l)).length : 0;
  if (acts >= 2 && (prohibition || voice || cued >= 2)) return true;
  // A title that names a prohibition (「出品禁止サービス（一部）」「掲載できない内容」) over the list.
  const { first } = titleLine(fold);
  if (first.length <= 30 && !/[。!！?？]$/.test(first) && !LIST_ITEM.test(first) && PROHIBITED_TITLE.test(first)) return true;
  // A checklist under a heading that names what it is for (見極め方, 特徴, 注意点 …).
  return items.length >= 3 && voice && prohibition;
}

/** One line of a pasted chat log: who spoke, and where the line is in the folded text. */
export interface ChatTurn {
  speaker: string;
  /** The speaker's label as written (クライアント（山田）：, 2026/02/03 17:10 あなた). */
  label: string;
  start: number;
  /** Where the speaker's words start. */
  body: number;
  end: number;
}

// A speaker label at the start of a line: [9:10] 発注者：…, [2024/06/03 15:10] 依頼者：…,
// 佐藤（クライアント）：…, 依頼者 20:01：…, クライアント 村井：….
const SPEAKER_LINE =
  /^\s{0,3}(?:\[[^\]\n]{1,20}\]\s?){0,2}(?:【\s?)?([^\s:：【】[\]（()）0-9][^\s:：【】[\]（()）]{0,11}(?:\s[^\s:：【】[\]（()）0-9「」][^\s:：【】[\]（()）「」]{0,7})?)(?:\s?[（(][^）)\n]{1,12}[）)])?\s?】?\s?(?:[0-9]{1,2}[:：][0-9]{2}\s?)?[:：]/;
// The same with the name in square brackets and no colon: [クライアント] 13:05 …, [PM] ….
const BRACKET_SPEAKER_LINE = /^\s{0,3}[[【]([^\]】\n\d:：][^\]】\n:：]{0,11})[\]】]\s?(?:[0-9]{1,2}[:：][0-9]{2}\s?)?(?=\S)/;
const MAX_TURNS = 200;
// The parties of a deal, as chat labels name them (folded).
const PARTY_ROLES = '購入者|出品者|くらいあんと|わーかー|発注者|受注者|依頼者';
// The roles that make a two-line paste a chat log.
const TWO_LINE_ROLE = new RegExp(`^(?:${PARTY_ROLES}|らんさー)$`);
// A speaker and their words in brackets: A社 佐藤「契約しました！」.
const SPEECH_LINE = /^\s{0,3}([^「『\n:：\d\s][^「『\n:：]{0,13}?)\s?[「『][^」』\n]{2,}[」』]\s?$/;
// A speaker and a time alone on a line (クライアント 14:00), their words on the next line.
const HEADER_LINE = /^\s{0,3}([^\s:：\d【】[\]][^\s:：【】[\]]{0,11})\s+\d{1,2}[:：]\d{2}\s*$/;
// A speaker, a time and the words on one line: 私 15:22 「LINEで最新情報を受け取る」などはいかがでしょう.
const NAME_TIME_LINE = /^\s{0,3}([^\s:：\d【】[\]「」][^\s:：【】[\]「」]{0,11})\s+\d{1,2}[:：]\d{2}\s+(?=\S)/;
// A date (optional) and a time at the start of a line: 2026/02/03 17:10, 11/02（月） 9:05, 11:20.
const DATE_TIME = String.raw`^\s{0,3}(?:(?:\d{4}[/.\-年])?\d{1,2}[/.\-月]\d{1,2}日?\s?(?:[（(][^)）\n]{1,3}[)）])?\s{0,2})?\d{1,2}[:：]\d{2}\s+`;
// The same with the date and time first, as message screens show it: 2026/02/03 17:10 クライアント 野口.
const TIME_FIRST_HEADER = new RegExp(String.raw`${DATE_TIME}([^\s:：\d【】[\]][^\n:：【】[\]「」]{0,20}?)\s*$`);
// A role alone on a line (購入者 maki, 出品者, あなた), the words on the next line.
const ROLE_HEADER = new RegExp(String.raw`^\s{0,3}((?:${PARTY_ROLES}|あなた|自分|私)(?:\s?[（(][^)）\n]{1,12}[)）]|\s[^\s:：「」]{1,16})?)\s*$`);
// A date and time before a speaker label: 11:20 担当：高木, 2026/11/03 14:02 佐藤：….
const TIME_PREFIX = new RegExp(DATE_TIME);

/**
 * The turns of a chat log with free-form speaker names: at least three labelled lines, at least two
 * speakers, one of them speaking twice. A posting's 報酬：/ 納期：/ 応募方法： lines are not speakers.
 */
export function chatTurns(fold: string, rules: RuleSet): ChatTurn[] | null {
  const turns: ChatTurn[] = [];
  let at = 0;
  const all = fold.split('\n', MAX_LINES);
  for (let i = 0; i < all.length; i++) {
    const line = all[i] as string;
    const header = HEADER_LINE.exec(line) ?? TIME_FIRST_HEADER.exec(line) ?? ROLE_HEADER.exec(line);
    const pre = header ? null : TIME_PREFIX.exec(line);
    const rest = pre ? line.slice(pre[0].length) : line;
    const m = header ? null : (SPEAKER_LINE.exec(rest) ?? BRACKET_SPEAKER_LINE.exec(rest) ?? SPEECH_LINE.exec(rest) ?? NAME_TIME_LINE.exec(rest));
    if (m && !testIn(rules.macro('POSTING_SECTION'), m[1] as string) && turns.length < MAX_TURNS) {
      const offset = pre ? pre[0].length : 0;
      // speaker「words」: the words start at the bracket.
      const body = m[0].endsWith('」') || m[0].endsWith('』') ? offset + (m.index ?? 0) + m[0].search(/[「『]/) : offset + m[0].length;
      turns.push({ speaker: (m[1] as string).replace(/(?:さん|様)$/, '').trim(), label: line.slice(0, body), start: at, body: at + body, end: at + line.length });
    } else if (header && turns.length < MAX_TURNS && (all[i + 1] ?? '').trim() !== '') {
      // 「クライアント 14:00」 on its own line, the words on the next.
      const next = all[i + 1] as string;
      turns.push({ speaker: (header[1] as string).replace(/(?:さん|様)$/, '').trim(), label: line, start: at, body: at + line.length + 1, end: at + line.length + 1 + next.length });
    }
    at += line.length + 1;
  }
  // Two lines are a log only when both are labelled with a role (ワーカー: …／クライアント: …).
  if (turns.length === 2 && turns.every((t) => TWO_LINE_ROLE.test(t.speaker)) && (turns[0] as ChatTurn).speaker !== (turns[1] as ChatTurn).speaker) return turns;
  if (turns.length < 3) return null;
  const counts = new Map<string, number>();
  for (const t of turns) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);
  if (counts.size < 2 || counts.size > 4 || ![...counts.values()].some((n) => n >= 2)) return null;
  return turns;
}

const FAQ_WORDS = /よくある(?:ご)?質問|faq|q&a/g;

/** The first line is a notice's title (「仕事依頼ガイドライン ― 掲載できない依頼の例」), not a job's (【ライター募集】…？). */
function noticeTitled(fold: string, rules: RuleSet): boolean {
  const { first } = titleLine(fold);
  // 「募集文」 is what the notice is about (発注者向けガイド：募集文に…), not a call for applicants.
  return testIn(rules.macro('NOTICE_TITLE'), first) && !/募集(?!文)|求む|急募|お仕事|案件/.test(first);
}

export function detectKind(view: TextView, rules: RuleSet): KindInfo {
  const { fold } = view;
  const turns = chatTurns(fold, rules);
  const receivedAsk = isReceivedAsk(fold, rules, turns);
  // A text about scams stays one even when it has headings; a posting stays a posting even when it
  // lists what it forbids (【禁止事項】). A notice read from its prose alone gives way to a posting
  // that calls for applicants; an article read only from a posting's FAQ section (よくある質問)
  // gives way to the posting.
  // A chat log with named speakers is a conversation: only an article's strong phrases, or peers
  // quoting what they received, make it a discussion about scams.
  // Each read once: the text without its quotes, whether it carries an article's strong phrases, and
  // whether it reads as an article at all.
  let unquoted: string | undefined;
  const unquotedFold = (): string => (unquoted ??= withoutQuotes(fold));
  let strong: boolean | undefined;
  const aboutScams = (): boolean => (strong ??= isArticle(fold, rules, 'none'));
  let prose: boolean | undefined;
  const readsAsArticle = (): boolean => (prose ??= isArticle(fold, rules));
  // A posting that calls for applicants (outside what it quotes), under a title that is not a
  // notice's (「仕事依頼ガイドライン ― 掲載できない依頼の例」 quotes postings in a list).
  const callsForApplicants = (): boolean => isPosting(fold, rules) && testIn(rules.macro('APPLY_CALL'), unquotedFold()) && !noticeTitled(fold, rules);
  const article =
    !receivedAsk &&
    (turns === null || /[「『]/.test(fold) || aboutScams()) &&
    (aboutScams()
      ? // A posting that calls for applicants needs a third marker: 初心者向け and 下書き are job words too.
        (isArticle(fold.replace(FAQ_WORDS, ''), rules, 'none') &&
          !(callsForApplicants() && distinctMatches(rules.macro('ARTICLE_STRONG'), unquotedFold().replace(FAQ_WORDS, ''), 3).size < 3)) ||
        !isPosting(fold, rules)
      : readsAsArticle() && !callsForApplicants());
  // A posting pasted with a question about it is judged as a posting too.
  const posting = !article && isPosting(fold, rules);
  const ruleText = article || (!receivedAsk && !posting && isRuleList(fold, rules));
  const chat = turns !== null || testIn(rules.macro('CHAT_SPEAKER'), fold);
  const kind: TextKind = receivedAsk ? 'question' : posting ? 'posting' : ruleText ? 'rule_text' : chat ? 'chat' : 'message';
  const ownQuestion = !receivedAsk && fold.length <= OWN_QUESTION_MAX && !/[「『]/.test(fold) && testIn(rules.macro('OWN_RULE_QUESTION'), fold);
  return { kind, receivedAsk, ruleText, chat, posting, turns, ownQuestion, readsAsArticle };
}

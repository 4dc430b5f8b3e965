// Clause analysis on kuromoji tokens: the role of a tool word in its clause and the mood of the
// predicate that governs it. Pure functions over one sentence's tokens; role.ts decides what a
// reading means for a candidate.
//
//   LINE で 詳細 を お伝え し ます        tool → で → predicate 伝える (talking)  → channel, offered
//   LINE 公式 アカウント の 運用 を …      tool heads a compound (公式…)          → work
//   Instagram へ の 投稿 は 弊社 で …      tool modifies 投稿 (a work noun)         → work
//   Google Meet で 録画 し た 研修 動画   predicate 録画 (work), attributive       → work, description
//   LINE で 連絡 が 取れる 方             predicate 連絡 → channel; attributive on 方 → requirement
//   身分証 の ご 提出 を お願い する こと は 一切 あり ませ ん        → denied
import type { Token } from './tokenizer.ts';

export type Role = 'channel' | 'work' | 'unknown';
/**
 * request: asked of the reader (ください, しませんか, しましょう, したい, 〜して); offer: the writer
 * announces doing it (お伝えします); requirement: a condition on the reader (連絡が取れる方);
 * denied: negated or declined; narration: something already done (past, 〜してしまった); habitual:
 * how things are done (〜しております); reported: somebody's words retold (〜って言われた,
 * 〜という相談); attributive: a relative
 * clause describing a thing (録画した動画); condition: inside 〜場合 / 〜たら; unknown otherwise.
 */
export type Mood = 'request' | 'offer' | 'requirement' | 'denied' | 'narration' | 'habitual' | 'attributive' | 'condition' | 'reported' | 'unknown';

export interface Reading {
  role: Role;
  mood: Mood;
  /** Lemma of the governing predicate (or the noun that decided the role). */
  word: string;
  /** Index of the token after which the mood was read. */
  at: number;
}

// Verbs and verbal nouns of talking, meeting, sending and joining: the tool is the channel.
const TALK = new Set([
  '連絡', 'やり取り', 'やりとり', '話す', '話', '話し', 'お話', '相談', '伝える', '伝え', '送る', '送付', '送信', '追加', '登録', '交換', '教える',
  '面談', '面接', '打ち合わせ', '打合せ', '説明', '移動', '移る', '移行', '参加', '招待', '通話', '電話', '返信', '問い合わせ', '問合せ', '繋がる',
  'つながる', '検索', '入る', '来る', 'くる', 'フォロー', '取る', '取れる', '案内', '届ける', '受け取る', '質問', 'コンタクト', '会話', '渡す',
  '申請', '友だち', '友達', '待つ', 'お待ち', '送り', '伝え', '知らせ', '取引', '招く', '誘う', '返事', '連絡先', 'チャット', 'メッセージ', '連携する', '共有', '話せる', '話し合う', '顔合わせ', 'ミーティング', 'MTG', '会議',
]);
// Verbs and verbal nouns of making or running something: the tool is what the work is about.
const WORK = new Set([
  '構築', '運用', '開発', '実装', '制作', '作成', '作る', '投稿', '録画', '撮影', '編集', '分析', '連携', '導入', '設定', '配信', '集客', '活用',
  '改善', '設計', '運営', '管理', '自動化', '書く', '執筆', '翻訳', '掲載', '出稿', '広告', '販売', '組み合わせる', '組む', '代行', 'サポート', '支援',
  '計測', '解析', '調査', 'リサーチ', '検証', 'テスト', '開催', '配布', '収録', '録音', '文字起こし', '書き起こし', '納品', '提供', '展開', '対応',
  '移植', '改修', '保守', '監視', '整備', '統合', '接続', '抽出', '取得', '送客', '誘導', '育成', '拡散', '発信', '告知', '宣伝', '紹介', '解説', '受付', '応対', '取次', '取り次ぎ', '転送', '架電', '営業',
]);
// Verbs that only say a tool is used: read on to the next predicate (LINEを使って連絡).
const NEUTRAL = new Set(['使う', '使用', '利用', '用いる', '行う', 'する', 'できる', 'なる', 'ある', 'いる', '通す', '通じる', '経由', 'お願い', '願う', '希望', '可能', '必要']);
// Nouns that keep the tool in the role of a channel when it modifies them (LINEのID, Zoomのリンク).
const CHANNEL_HEAD = new Set([
  'ID', 'id', 'ＩＤ', 'アカウント', '友だち', '友達', 'ともだち', 'グループ', 'トーク', 'QR', 'ＱＲ', 'コード', 'URL', 'リンク', '招待', 'アドレス', '番号',
  'ユーザー名', 'ユーザーネーム', 'ルーム', 'サーバー', 'チャンネル', 'ワークスペース', '連絡先', 'ほう', '方', '連絡', 'やり取り', 'やりとり', 'DM',
]);
// People a relative clause can describe: 「LINEで連絡が取れる方」 asks the reader to be one.
const PERSON = new Set(['方', '人', '者', '方々', 'かた', '人材', 'ワーカー', 'メンバー', 'パートナー']);

const isSpace = (t: Token): boolean => t.pos === '記号' && (t.posDetail === '空白' || /^\s+$/.test(t.surface));
const isNoun = (t: Token): boolean => t.pos === '名詞' && t.posDetail !== '非自立' && t.posDetail !== '代名詞' && !/^[^\p{L}\p{N}]+$/u.test(t.surface);
const isPrefix = (t: Token): boolean => t.pos === '接頭詞';
const isPunct = (t: Token): boolean => t.pos === '記号' && !isSpace(t);
const lemma = (t: Token): string => (t.baseForm && t.baseForm !== '*' ? t.baseForm : t.surface);
/** A verbal noun without its honorific prefix: お送り → 送り, ご連絡 → 連絡. */
const bare = (w: string): string => (w.length > 1 && /^[おご御]/.test(w) ? w.slice(1) : w);
/** A token that ends the sentence or a clause for our purposes. */
// Words that retell what someone said or sent: 「…」と言われました, って来た, とだけ返ってきた.
const REPORTING =
  /^(?:と|って|とか)(?:だけ|も)?(?:言う|いう|言われる|来る|くる|届く|書く|聞く|聞かれる|頼む|頼まれる|誘う|誘われる|提案|相談|持ちかける|求める|求められる|勧める|勧められる|連絡|返信|返る|返す|送る|送られる|メッセージ)/;
const isStop = (t: Token): boolean => t.posDetail === '句点' || /^[。！？!?\n]$/.test(t.surface);

export function classify(word: string): Role {
  const w = bare(word);
  if (TALK.has(word) || TALK.has(w)) return 'channel';
  if (WORK.has(word) || WORK.has(w)) return 'work';
  return 'unknown';
}

/** Is the token a predicate word: a verb, or a verbal noun of talking or working? */
export function isPredicate(t: Token): boolean {
  // kuromoji tags stray symbols (？, ）) as サ変 nouns: only words count.
  if (!/[\p{L}]/u.test(t.surface)) return false;
  if (t.pos === '動詞') return t.posDetail !== '非自立';
  return t.pos === '名詞' && (t.posDetail === 'サ変接続' || classify(t.surface) !== 'unknown');
}

// What the reader is promised once they have done it: 「追加したら詳細を教えます」 is a request with a
// bait, not a condition that protects them (「仮払い後に着手してください」 has no such promise).
const BAIT = /^[、,\s]?(?:すぐ(?:に)?|その後|そちらで|こちらから)?[、,\s]?(?:詳細|詳しく|詳しい|お仕事|仕事|案件|資料|まにゅある|マニュアル|url|URL|ご案内|案内|ご説明|説明|ご紹介|紹介|お伝え|伝え|教え|お送り|送り|送れ|お渡し|渡し|特典|プレゼント|報酬|お話し|お話)/;

/** Whether the words after a conditional (〜たら / 〜ば / 〜なら) promise the reader something. */
function inducement(tokens: readonly Token[], j: number): boolean {
  const rest = tokens
    .slice(j + 1, j + 6)
    .map((x) => x.surface)
    .join('');
  return BAIT.test(rest);
}

/** Mood of the predicate ending at token `k` (inclusive), read from what follows it. */
export function moodAfter(tokens: Token[], k: number): Mood {
  let past = false;
  let progressive = false;
  // A verbal noun followed by の is part of a noun phrase (Zoomでの打ち合わせの件): no mood of its own.
  const head = tokens[k];
  if (head && head.pos === '名詞' && tokens[k + 1]?.surface === 'の') return 'unknown';
  for (let j = k + 1; j < tokens.length && j <= k + 10; j++) {
    const t = tokens[j] as Token;
    const s = t.surface;
    const next = tokens[j + 1];
    const prev = tokens[j - 1] as Token;
    if (isSpace(t)) continue;
    if (isStop(t)) {
      if (/^[？?]$/.test(s)) return 'request'; // 〜しない？ / 〜できますか？: an invitation or a request
      break;
    }
    if (/^[」』]$/.test(s)) {
      // The quoted words end here: 「…でお願いします」とだけ言われました is their request, retold.
      const said = tokens
        .slice(j + 1, j + 5)
        .map((x) => x.baseForm)
        .join('');
      if (REPORTING.test(said)) return 'reported';
      break;
    }
    if (t.pos === '名詞' && !(t.posDetail === '非自立' && (s === 'の' || s === 'ん'))) {
      // Only a noun right after a verb, an adjective or an auxiliary is the head of a relative clause.
      if (!(prev.pos === '動詞' || prev.pos === '助動詞' || prev.pos === '形容詞')) {
        if (prev.pos === '助詞') break;
        continue;
      }
      // A verb in its continuative form before a noun (続きお話し) modifies nothing: read on.
      if (prev.pos === '動詞' && prev.conjForm.startsWith('連用') && /^[ぁ-んァ-ヶ一-龯]/.test(s) && !isSpace(prev)) continue;
      if (s === 'こと' || s === '事') {
        // 〜することはありません: the request itself is denied.
        for (let i = j + 1; i < tokens.length && i <= j + 6; i++) {
          const u = tokens[i] as Token;
          if ((u.pos === '助動詞' && /^(?:ない|ん|ぬ)$/.test(u.baseForm)) || (u.pos === '形容詞' && u.baseForm === 'ない')) return 'denied';
        }
        return 'unknown';
      }
      if (/^(?:場合|際|時|とき|限り)$/.test(s)) return 'condition';
      if (PERSON.has(s)) return 'requirement';
      // 〜を行ったうえで決定します: a step before the next one, planned, not something already done.
      if (/^(?:上|うえ|後|あと)$/.test(s) && /^(?:で|に|、)/.test(next?.surface ?? '')) return 'unknown';
      if (/^(?:予定|つもり|よう|はず|ため|次第|旨|等|など|上|後|前|間|方法)$/.test(s)) return past ? 'narration' : 'unknown';
      return 'attributive';
    }
    if (t.pos === '助動詞') {
      const b = t.baseForm;
      if (b === 'ない' || b === 'ぬ' || b === 'ん') {
        const rest = tokens.slice(j + 1, j + 4).map((x) => x.surface).join('');
        // 〜てない？ / 〜ていない？: asks whether something has been done (住所とか教えてない？), not an invitation.
        const state = (prev.surface === 'て' || prev.surface === 'で') || (prev.surface === 'い' && /^[てで]$/.test(tokens[j - 2]?.surface ?? ''));
        if (state && (/^(?:でしょう|です)?か/.test(rest) || /^[？?]/.test(rest))) return 'narration';
        if (/^(?:でしょう|です)?か/.test(rest) || /^[？?]/.test(rest)) return 'request';
        // 〜払えない金額ではない: the negation is itself negated.
        if (/^(?:金額|額|わけ|訳|こと|ほど|もの)(?:で|じゃ)?は?(?:ない|ありません|ございません)/.test(rest)) {
          j += 3;
          continue;
        }
        if (/^(?:と|ば|なら|場合|限り)/.test(rest)) return 'condition';
        if (/^(?:方|人|者|かた)/.test(rest)) return 'requirement'; // 〜を入れていない方は: describes people
        // 〜でしかお伝えできません: しか…ない means "only".
        if (tokens.slice(Math.max(0, k - 4), k).some((x) => x.surface === 'しか')) return 'offer';
        return 'denied';
      }
      if (b === 'たい') {
        // 〜したい場合は: a condition; 〜したい方: people who want to; otherwise a wish put to the reader.
        const rest = tokens.slice(j + 1, j + 4).map((x) => x.surface).join('');
        if (/^(?:場合|際|時|とき|なら|ならば|のであれば|ので)/.test(rest)) return 'condition';
        // 電話で話したいというお客様: someone else's wish, described.
        if (/^(?:という|といった|って(?:いう)?)(?:お客|顧客|ご?要望|声|ニーズ|ユーザー|利用者|患者|会員|生徒|保護者)/.test(rest)) return 'attributive';
        if (/^(?:方|人|者)/.test(rest)) return 'requirement';
        return 'request';
      }
      if (s === 'たら' || s === 'だら') {
        // 〜できたら嬉しいです / 〜いただけたら幸いです: a polite request; otherwise a condition.
        const rest = tokens.slice(j + 1, j + 4).map((x) => x.surface).join('');
        if (/^(?:嬉し|うれし|幸い|助かり|助かる|ありがた|有難|いい|良い|よい)/.test(rest)) return 'request';
        return inducement(tokens, j) ? 'request' : 'condition';
      }
      if (b === 'た' || (b === 'だ' && s === 'だっ')) past = true;
      if (s === 'ましょ' || s === 'ましょう' || (b === 'う' && j > 0) || b === 'よう') return 'request';
      if (b === 'ます' && next && next.pos === '助動詞' && next.baseForm === 'ん') continue;
      continue;
    }
    if (t.pos === '動詞') {
      const b = lemma(t);
      // kuromoji reads 「して」って as て + っ(く) + て: the quoting って.
      if (s === 'っ' && next?.surface === 'て' && /^(?:言う|いう|来る|くる)$/.test(tokens[j + 2]?.baseForm ?? '')) return 'reported';
      if (/^(?:くださる|下さる|いただく|頂く|いただける|頂ける|もらう|もらえる|くれる|願う|ちょうだい)$/.test(b)) {
        // いただきました / くれました: narration of something done, not a request.
        const rest = tokens.slice(j + 1, j + 3).map((x) => x.baseForm).join('');
        // 書いていただいていましたが: something the reader did, told back.
        const told = tokens.slice(j + 1, j + 6).map((x) => x.surface).join('');
        if (/^(?:て|で)(?:い|おり|お)(?:まし)?た(?!い)/.test(told)) return 'narration';
        if (/^(?:ます)?た/.test(rest) && !/^(?:ます)?たい/.test(rest)) {
          // 追加してくれたユーザー: a relative clause describing someone, not a request.
          const after = tokens[j + (rest.startsWith('ます') ? 3 : 2)];
          return after && after.pos === '名詞' && after.posDetail !== '非自立' ? 'attributive' : 'narration';
        }
        // 送っていただく必要はありません: the request is said to be unnecessary.
        const tail = tokens.slice(j + 1, j + 6).map((x) => x.surface).join('');
        if (/^(?:必要|こと)(?:は|も)?(?:ありません|ございません|ない|なし|一切)/.test(tail)) return 'denied';
        // 教えてもらうより安心: one way compared with another, asked of nobody.
        if (/^より/.test(tail)) return 'attributive';
        return 'request';
      }
      if (t.conjForm.startsWith('命令')) return 'request';
      if (b === 'しまう' || b === 'ちゃう') past = true;
      if (b === 'いる' || b === 'おる') progressive = true;
      if (t.posDetail === '非自立') continue;
      // Another verb follows (連絡して相談する): keep reading its auxiliaries.
      continue;
    }
    if (t.pos === '助詞') {
      // 〜するより / 〜するよりも: the act is compared with another, not asked for.
      if (s === 'より' && (prev.pos === '動詞' || prev.pos === '助動詞')) return 'attributive';
      if (t.posDetail === '終助詞') {
        if (/^(?:か|かな|の)$/.test(s)) return 'request';
        if (/^(?:ね|よ|ねー|よー|な)$/.test(s) && !past) {
          // 〜してね / 〜きてね: a casual request; 〜しますね: an offer.
          if (prev.surface === 'て') return 'request';
        }
        continue;
      }
      if (t.posDetail === '接続助詞') {
        if (s === 'て' || s === 'で') {
          const n = tokens[j + 1];
          if (!n || isStop(n) || (n.pos === '助詞' && n.posDetail === '終助詞')) return past ? 'narration' : 'request'; // 〜して。/ 〜してね
          continue;
        }
        if (/^(?:ば|たら|なら)$/.test(s)) return inducement(tokens, j) ? 'request' : 'condition';
        break; // が、ので、けど: the clause ends
      }
      if (/^(?:と|って|という|とか)$/.test(s) && t.posDetail !== '並立助詞') {
        const said = tokens.slice(j, j + 4).map((x) => x.baseForm).join('');
        if (s === 'という' || REPORTING.test(said)) return 'reported';
      }
      continue;
    }
    if (t.posDetail === '読点') break; // 〜しますね、申請はいりません: the next clause has its own mood
    if (t.pos === '名詞' || isPunct(t)) continue;
  }
  if (past) return 'narration';
  if (progressive) return 'habitual';
  return 'offer';
}

/**
 * Reads the clause around a tool word whose tokens end at index `last` (inclusive): what the tool
 * is for (the compound it heads, the noun it modifies, the predicate that governs it) and the mood
 * of that predicate.
 */
export function readTool(tokens: Token[], last: number): Reading {
  let k = last + 1;
  // Skip the rest of the tool's noun phrase and lists of further tools (LINE・メール・電話で).
  while (k < tokens.length) {
    const t = tokens[k] as Token;
    if (t.surface === '（' || t.surface === '(') {
      k = skipTo(tokens, k, /^[）)]$/) + 1;
      continue;
    }
    // A verbal noun of talking or working right after the tool is its predicate (LINE追加して, LINE連携).
    if (t.pos === '名詞' && classify(t.surface) !== 'unknown') break;
    // A line break ends a list item: the next item (・身分証の画像, ※個人情報を扱う…) is not its phrase.
    if (isSpace(t) && t.surface.includes('\n')) break;
    if (isNoun(t) || isSpace(t) || isPrefix(t) || (t.pos === '記号' && /^[・/／×&＆、,）)]$/.test(t.surface)) || (t.pos === '助詞' && /^(?:や|か|と|など|とか|等)$/.test(t.surface) && tokens[k + 1] && isNoun(tokens[k + 1] as Token))) {
      k += 1;
      continue;
    }
    if (t.pos === '助詞' && /^(?:など|等)$/.test(t.surface)) {
      k += 1;
      continue;
    }
    break;
  }
  // Particles after the phrase: の makes it modify the next noun phrase (Instagramへの投稿);
  // しか makes a later negation mean "only" (Chatworkでしか連絡しません).
  let modifies = false;
  let only = false;
  while (k < tokens.length && (tokens[k] as Token).pos === '助詞') {
    const s = (tokens[k] as Token).surface;
    if (s === 'の') modifies = true;
    if (s === 'しか') only = true;
    k += 1;
  }
  const read = (r: Reading): Reading => (only && r.mood === 'denied' ? { ...r, mood: 'offer' } : r);
  if (modifies) {
    let head: Token | undefined;
    while (k < tokens.length && (isNoun(tokens[k] as Token) || isPrefix(tokens[k] as Token))) {
      if (isNoun(tokens[k] as Token)) head = tokens[k];
      k += 1;
    }
    if (head) {
      const word = lemma(head);
      if (WORK.has(word)) return { role: 'work', mood: 'unknown', word, at: k - 1 };
      if (!CHANNEL_HEAD.has(word) && !TALK.has(word)) {
        // LINEの公式アカウントを友だち追加: read on from the modified noun phrase.
        while (k < tokens.length && (tokens[k] as Token).pos === '助詞') k += 1;
      } else if (TALK.has(word)) {
        return read({ role: 'channel', mood: moodAfter(tokens, k - 1), word, at: k - 1 });
      }
    }
  }
  // The governing predicate: the first verb or verbal noun after the particle, within the clause.
  for (let j = k; j < tokens.length && j <= k + 14; j++) {
    const t = tokens[j] as Token;
    if (isStop(t)) break;
    if (t.surface === '「' || t.surface === '『') {
      j = skipTo(tokens, j, /^[」』]$/);
      continue;
    }
    if (t.pos === '助詞' && t.posDetail === '接続助詞' && !/^(?:て|で)$/.test(t.surface)) break;
    if (t.posDetail === '読点' && j > k && ['動詞', '助動詞', '形容詞'].includes((tokens[j - 1] as Token).pos)) break;
    const word = t.pos === '動詞' ? lemma(t) : t.surface;
    const verbalNoun = t.pos === '名詞' && isPredicate(t);
    if (t.pos !== '動詞' && !verbalNoun) continue;
    if (t.pos === '動詞' && t.posDetail === '非自立') continue;
    // A verbal noun inside a compound (連絡申請, 通話機能) is not the predicate.
    const after = tokens[j + 1];
    if (verbalNoun && after && (isNoun(after) || after.surface === 'の')) continue;
    const role = classify(word);
    if (role === 'unknown') {
      // A verb that only says the tool is used reads on when it links to the next one (使って連絡).
      let e = j;
      while (e + 1 < tokens.length && (tokens[e + 1] as Token).pos === '動詞' && (tokens[e + 1] as Token).posDetail === '非自立') e += 1;
      const link = tokens[e + 1];
      const then = tokens[e + 2];
      if (link && link.pos === '助詞' && /^(?:て|で)$/.test(link.surface) && then && !isStop(then) && !(then.pos === '動詞' && then.posDetail === '非自立')) {
        j = e + 1;
        continue;
      }
      if (t.pos === '名詞') continue;
      return read({ role, mood: moodAfter(tokens, j), word, at: j });
    }
    // The predicate's auxiliaries: skip する / させていただく forms to read the mood.
    let e = j;
    while (e + 1 < tokens.length && ((tokens[e + 1] as Token).pos === '動詞' && /^(?:する|させる|できる|いたす|致す|出来る|取れる)$/.test(lemma(tokens[e + 1] as Token)))) e += 1;
    if (tokens[e + 1] && (tokens[e + 1] as Token).surface === 'を') {
      // 連絡をお願いします: the request is of the verbal noun.
      return read({ role, mood: moodAfter(tokens, e + 1), word, at: e + 1 });
    }
    return read({ role, mood: moodAfter(tokens, e), word, at: e });
  }
  return { role: 'unknown', mood: 'unknown', word: '', at: k };
}

/** Index of the first token after `from` whose surface matches `close`, or `from` when none does. */
function skipTo(tokens: Token[], from: number, close: RegExp): number {
  for (let j = from + 1; j < tokens.length && j <= from + 40; j++) if (close.test((tokens[j] as Token).surface)) return j;
  return from;
}

/** Index of the last token that starts before fold offset `end` (the tool word's last token). */
export function lastTokenBefore(fStart: number[], end: number): number {
  let k = -1;
  for (let i = 0; i < fStart.length; i++) {
    if ((fStart[i] as number) < end) k = i;
    else break;
  }
  return k;
}

// Mistakes seen on the next round of new writers' sets (a worker who thanks for a proposal and
// declines it, a client who backs off as a joke, chat labels with a role and a name, a quote pasted
// in a friends' chat, a question about when a call is allowed, phone calls as the work), each fixed
// as a mechanism and tested here in our own wording, with the variant that must still be flagged.
import { describe, expect, it } from 'vitest';
import { onlyStockPhrases } from '../../src/detector/fallback.ts';
import { expectAtLeast, expectQuiet, useSharedEngine } from '../helpers/verdicts.ts';

useSharedEngine();

describe('the worker answering a proposal they received', () => {
  it('thanks for the proposal, then declines it in the next sentence', () => {
    expectQuiet('銀行振込でのお支払いについてご提案いただき、ありがとうございます。ただ、規約によりお支払いはクラウドワークス経由でお受けすることになっておりますので、引き続きこちらでお願いいたします。');
  });

  it('names the proposal and turns it down, even in an unfinished draft', () => {
    expectQuiet('お世話になっております。ご提案いただいたGoogle Meetでの打ち合わせですが、まだ契約前ですので、できれば');
  });

  it('a thank-you that accepts the move is still flagged', () => {
    expectAtLeast('LINEでのやり取りをご提案いただき、ありがとうございます。では、こちらのIDを追加してください。ID：abc_123', 'high');
  });
});

describe('a chat log in which the client takes back the request', () => {
  it('backs off with 「ですよね」 and a joke after the worker declines', () => {
    expectQuiet('依頼者：次回からはサイトを通さずにお願いできたら、お互い手数料が浮きますよね？笑\n受注者：申し訳ありませんが、規約で直接の取引はできないことになっています\n依頼者：ですよね、冗談です！次回もこちらで依頼します');
  });

  it('a client who pushes again after the refusal is still flagged', () => {
    expectAtLeast('依頼者：次回からはサイトを通さずにお願いできたら、お互い手数料が浮きますよね？笑\n受注者：申し訳ありませんが、規約で直接の取引はできないことになっています\n依頼者：ちょっとだけなら大丈夫ですよ、他の方もやってくれてます', 'medium');
  });
});

describe('chat logs whose labels are a role and a name', () => {
  it('reads 「クライアント 村井：」 as a speaker, and the writer’s own question as theirs', () => {
    expectQuiet('クライアント 佐野：初稿ありがとうございます、社内で確認しますね。うちはSlackで回覧しているので少しお時間ください\nライター 木村：承知しました。Slackに参加したほうがよろしいでしょうか？\nクライアント 佐野：いえ、木村さんはこのままメッセージだけで大丈夫です');
  });

  it('a speaker’s own question inside the log does not make the paste a question about a received message', () => {
    const v = expectQuiet('発注者：LPの一番下に、店のInstagramへのリンクを置いてください\n受注者：承知しました。アイコンは公式の素材を使ってよろしいですか？\n発注者：はい、それでお願いします\n受注者：かしこまりました');
    expect(v.kind).toBe('chat');
  });
});

describe('a message pasted into a friends’ chat', () => {
  it('is quoted, not asked of the reader, when the friend already reported it', () => {
    expectQuiet('ユイ：ねえこれ見て、こんなの届いた「詳しい内容はLINEで送りますので友だち追加してください」\nミキ：あるあるだね\nユイ：無視して運営に報告しといた\nミキ：それが正解');
  });

  it('a log written as speaker「words」 still holds the speaker’s own request', () => {
    expectAtLeast('田中「今後の連絡はLINEでお願いします」\n私「サイトのメッセージでお願いできますか」\n田中「LINEの方が早いので、IDを送ります」', 'medium');
  });
});

describe('questions the user asks about what is allowed', () => {
  it('asking when a pre-contract call is allowed is not a request for one', () => {
    expectQuiet('ランサーズで契約前にビデオ通話をしても良いのはどんな場合ですか？');
  });

  it('a quote followed by 「ってどういうこと？」 is judged on the quote', () => {
    expectAtLeast('「報酬はPayPayで先払いするので、ランサーズの契約は取り消してください」ってどういうこと？', 'high');
  });

  it('「…」としか返ってこない retells what the client answered', () => {
    expectAtLeast('報酬の詳細を聞いたら「あとで別のアプリで説明します」としか返ってこない。待ってていいのかな', 'medium');
  });
});

describe('a client who will not fund escrow until delivery', () => {
  it('「仮払いは納品を見てからにしたい」 is work before escrow', () => {
    expectAtLeast('仮払いは原稿を見てからにしたいです。急ぎなので明日までにお願いします', 'medium');
  });

  it('the client who funds first is not', () => {
    expectQuiet('仮払いは本日中に行います。確認できてから着手してください');
  });
});

describe('phone calls that are the work', () => {
  it('automating a shop’s reservation calls is a job, not a call with the reader', () => {
    expectQuiet('【募集】美容室の予約電話をAIで自動化したい\n■内容\n予約電話の受付をAI音声サービスに置き換えるための、会話フロー設計と初期設定をお願いします。\n■報酬\n50,000円');
  });

  it('a call request in the same posting is still flagged', () => {
    expectAtLeast('【募集】美容室の予約電話をAIで自動化したい\n■選考\n応募後、契約前に一度お電話で面談させてください。', 'medium');
  });
});

describe('an interview held in the platform’s messages', () => {
  it('is not a call, even retold in quotes', () => {
    expectQuiet('契約前の依頼者さんが「面接はこちらのメッセージ上で文字だけで行います」と言ってくれて安心しました');
  });
});

describe('the client describing its own habit', () => {
  it('「うちはSlackで回覧しているので」 asks the reader nothing', () => {
    expectQuiet('いただいた構成案、うちはいつもSlackで回覧しているので、戻しまで二日ほどください。');
  });

  it('the habit followed by a request to use the tool is still flagged', () => {
    expectAtLeast('うちはいつもLINEでやり取りしているので、LINEでお願いします', 'high');
  });

  it('the habit followed by the ID to add is still flagged', () => {
    expectAtLeast('うちは普段Chatworkでやり取りしています。IDはgg_1234です', 'high');
  });
});

describe('English requests inside Japanese questions and chats', () => {
  it('a quoted 「download Telegram … my username is @…」 is a move off the platform', () => {
    expectAtLeast('海外の依頼者から「Please install WhatsApp, we talk there. My username is @sam_ops_77」と来ました。まだ契約前です。どうしたら？', 'high');
  });

  it('「approve or we cancel」 coerces the approval', () => {
    expectAtLeast('Hello, I sent the サービス外連絡申請. Please approve today or we will cancel the contract.', 'medium');
  });

  it('starting work while the payment is late is work before escrow', () => {
    expectAtLeast('Our payment is delayed, so 仮払い comes next week. Please start writing now and send two articles tomorrow.', 'medium');
  });

  it('a pushing client after the worker declines is not backing off, even if it opens politely', () => {
    expectAtLeast('[9:01] クライアント Ann: We explain the job on Telegram. Add me: ann_hr_tokyo\n[9:05] ワーカー 佐藤: 契約前なので、こちらのメッセージで進めたいです\n[9:06] クライアント Ann: no problem, it is only 5 minutes. If you not add today we pick other person', 'high');
  });

  it('an overseas client who only asks in English about the brief stays quiet', () => {
    expectQuiet('Hi, thank you for applying! Could you share two samples of your past translations here on Lancers? We will decide by Friday.');
  });

  it('a limit to housewives, in English, is a demographic limit', () => {
    expectAtLeast('We are hiring moms only. Easy work with your phone, 15,000 yen a day. Reply YES for details.', 'high');
  });

  it('having to buy the client’s software first is an upfront fee', () => {
    expectAtLeast('Before the first task you must buy our editing software license ($39). We refund it later.', 'high');
  });
});

describe('more roles of a tool and of a request', () => {
  it('「ランサーズじゃなくてクラウドワークスです」 corrects the platform, it proposes no direct deal', () => {
    expectQuiet('すみません、さっきの案件はランサーズじゃなくてクラウドワークスのものでした。');
  });

  it('a platform named to be avoided is still a direct deal', () => {
    expectAtLeast('ランサーズじゃなくて、私の口座に直接お支払いしますね', 'high');
  });

  it('a tool’s cloud recordings joined by の are the work', () => {
    expectQuiet('編集者：Zoomのクラウドに録画が上がっていたので、ダウンロードしてカット編集を始めます');
  });

  it('customers’ DMs reported in an account-management chat are the client’s traffic', () => {
    expectQuiet('出品者：今月のレポートです。フォロワーが120人増えました。\n購入者：InstagramのDMからの問い合わせも増えてきました！\n出品者：よかったです。来月はリール投稿を増やしましょう');
  });

  it('the buyer who sends their own photos for a portrait asks for nothing personal', () => {
    expectQuiet('家族の似顔絵をお願いしたいです。子どもの顔写真を三枚ほどトークルームに送るので、参考にしてください');
  });

  it('a client asking for the reader’s face photo is still flagged', () => {
    expectAtLeast('選考のため、あなたの顔写真を三枚ほど送ってください', 'high');
  });

  it('a question whether a Zoom job means a call (「…じゃないですよね？」) is the user’s own question', () => {
    expectQuiet('「Zoom録画の文字起こし」という案件、契約前にZoomで話すとかじゃないですよね？');
  });

  it('「〜するのはダメと聞いた」 states the rule, it does not ask for the work', () => {
    expectQuiet('仮払い前に作業するのはダメと聞いたので、クライアントに仮払いをお願いしました。これで大丈夫ですよね？');
  });

  it('a seller who says 「できないんです」 declines, and the buyer who agrees backs off', () => {
    expectQuiet('購入者：LINEで送れたら早いんですけど、ダメでしたっけ？\n出品者：申し訳ありません、ココナラの外でのやり取りはできないんです。\n購入者：ですよね、こちらで送ります！\n購入者：資料を添付しました');
  });

  it('a story told under a 〜た話 headline is an article', () => {
    const v = expectQuiet('仮払い前に納品して、報酬をもらえなかった話\n\n「急ぎなので先に書いてほしい、仮払いは後で」と言われて3本納品しました。\nそのあと連絡がつかなくなり、アカウントも消えていました。\n運営に相談しましたが、仮払い前の作業は補償の対象外とのことでした。\n今は必ず仮払いを確かめてから書き始めています。');
    expect(v.kind).toBe('rule_text');
  });

  it('「このメッセージどう思いますか？」 over a quote asks about the quote', () => {
    expectAtLeast('このメッセージどう思いますか？\n「仮払いは来週になるので、先に2本書いておいてもらえますか？」', 'medium');
  });

  it('an official application whose refusal ends the work is coerced', () => {
    expectAtLeast('サービス外連絡申請を出しました。社内はすべてChatworkなので、承認いただけない方とは契約の継続が難しいです。', 'medium');
  });
});

describe('the statistical fallback and stock phrases', () => {
  it.each([['まずはお気軽にご応募ください。'], ['ご質問はお気軽にご連絡ください。どうぞよろしくお願いいたします。'], ['お世話になっております。承知いたしました。']])('stays quiet on 「%s」', (text) => {
    expectQuiet(text);
  });

  it('reads a stock phrase followed by anything else as content', () => {
    expect(onlyStockPhrases('ご応募をお待ちしております。')).toBe(true);
    expect(onlyStockPhrases('ご応募をお待ちしております。詳細はLINEで送ります。')).toBe(false);
    expect(onlyStockPhrases('')).toBe(false);
  });
});

describe('a client who agrees in words but keeps pushing', () => {
  it('「〜んですよね」 and 「他の方はみんな交換してくれてます」 are not backing off', () => {
    expectAtLeast('クライアント 10:01　はじめまして、Chatworkでやり取りしませんか？\nワーカー 10:05　契約前ですので、こちらのメッセージでお願いできますか。\nクライアント 10:06　うーん、Chatworkの方が楽なんですよね。他の方はみんな追加してくれてますよ', 'high');
  });
});

describe('two-line logs and example numbers', () => {
  it('a two-line log with role labels: the worker asking to start early is the worker’s own words', () => {
    expectQuiet('受注者: 仮払いの前ですが、先に構成だけ作り始めてもよいですか？\n発注者: いいえ、仮払いが済んでからで大丈夫です。すぐ手続きしますね');
  });

  it('a two-line log in which the client asks for LINE is still flagged', () => {
    expectAtLeast('クライアント: 契約前ですがLINE交換しませんか？\nワーカー: 契約前なので、こちらのメッセージでお願いします', 'high');
  });

  it('a phone number given as an input example is the work', () => {
    expectQuiet('電話番号の欄には、記入例として「080-0000-0000」を薄い文字で表示してください');
  });
});

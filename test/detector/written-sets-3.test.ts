// Mistakes seen on the next round of new writers' sets (a worker who thanks for a proposal and
// declines it, a client who backs off as a joke, chat labels with a role and a name, a quote pasted
// in a friends' chat, a question about when a call is allowed, phone calls as the work), each fixed
// as a mechanism and tested here in our own wording, with the variant that must still be flagged.
import { describe, expect, it } from 'vitest';
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

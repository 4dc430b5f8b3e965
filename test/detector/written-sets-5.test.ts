// Mistakes seen on the next round of new writers' sets and on cases left open before, each fixed as
// a mechanism and tested here in our own wording, with the variant that must still be flagged.
import { describe, it } from 'vitest';
import { expectAtLeast, expectQuiet, useSharedEngine } from '../helpers/verdicts.ts';

useSharedEngine();

describe('a phone that is an option in a form, not a call', () => {
  it('a form rule that makes the number required when the phone is chosen stays quiet', () => {
    expectQuiet('【ご依頼】予約フォームの改修\n・連絡方法（メール／電話）を選ぶ欄を追加\n・電話を選んだときだけ、電話番号を必須項目にする\n・送信後の自動返信メールに選んだ方法を表示\nやり取りはすべてココナラのトークルームでお願いします。');
  });

  it('the 話 inside a second 電話 is not a talk', () => {
    expectQuiet('アンケートの設問で「電話」を選んだ人には、追加で電話の時間帯を聞く分岐を作ってください。');
  });

  it('asking to talk by phone is still flagged', () => {
    expectAtLeast('詳しい内容は一度お電話でお話しさせてください。番号を教えていただけますか？', 'medium');
  });
});

describe('an account address that opens a work file after 仮払い', () => {
  it('after 仮払い, an address asked for to give edit rights to a shared sheet stays quiet', () => {
    expectQuiet('仮払いの手続きが完了しました。\n作業用のスプレッドシートに編集権限を付けたいので、Googleアカウントのメールアドレスをこちらのメッセージで教えていただけますか？');
  });

  it('before the contract, the same ask for an address is still flagged', () => {
    expectAtLeast('応募ありがとうございます。資料を共有したいので、Gmailのアドレスを教えていただけますか？', 'medium');
  });

  it('after 仮払い, a LINE ID asked for to share files is still flagged', () => {
    expectAtLeast('仮払いしました。ファイルを共有したいのでLINEのIDを教えてください。', 'medium');
  });
});

describe('a worry about an act, asked or heard', () => {
  it('hearsay that installing apps is risky is not a request to install one', () => {
    expectQuiet('在宅の入力作業で「仮払い後に表計算アプリで入力してください」と言われました。アプリのインストールって危ないって聞いたんですが、これは普通ですか？');
  });

  it('asking whether swapping LINE is risky stays quiet', () => {
    expectQuiet('LINE交換って危険なんですか？まだどこからも言われてはいないんですが、先に知っておきたくて。');
  });

  it('a client who admits the act breaks the rules and asks anyway is still flagged', () => {
    expectAtLeast('LINE交換って規約違反らしいですけど、バレないので大丈夫です。IDはabc123なので追加してください。', 'high');
  });
});

describe('a user asking about what they were sent', () => {
  it('a condition quoted from a scout, with a question whether it fits the job, is judged on the quote', () => {
    expectAtLeast('文字起こしの募集なのに「20代の女性限定、全身の写真を送れる方」という条件がついてました。文字起こしに写真って関係ありますか？', 'medium');
  });

  it('a quote followed by an arrow and 「これって…なの？」 is judged on the quote', () => {
    expectAtLeast('「まず有料のコミュニティ（月額4,400円）に入っていただき、そこで案件をお渡ししています」→ これって本当に仕事なの？', 'medium');
  });

  it('the asker’s question first, then the DM on its own line, is still a question about the DM', () => {
    expectAtLeast('知り合いに届いたDMなんですが、これってよくある怪しいやつですか？\n「在宅で稼ぐ方法を教えます。オンラインスクールの説明会に参加しませんか？今だけ参加無料です」', 'medium');
  });

  it('a fee to watch training videos, told back, is an upfront payment', () => {
    expectAtLeast('採用の連絡をもらったんですが、研修動画の視聴に8,800円かかると言われました。あとで報酬から戻るらしいんですけど、払って大丈夫ですか？', 'medium');
  });

  it('a question about a rule with no quote stays quiet', () => {
    expectQuiet('これって仕事の報酬に関係ありますか？源泉徴収のことがよくわからなくて。');
  });
});

describe('the platform’s own features named after the thing they replace', () => {
  it('video chat sent to coconala’s own feature is no outside call', () => {
    expectQuiet('トークルームについてのお願い\n\nトークルームでは、電話番号やメールアドレス、外部サイトのURLは送れません。\nファイルの受け渡しやビデオチャットは、ココナラの機能をご利用ください。');
  });

  it('a scout through the platform’s 「直接依頼」 feature, asked about, stays quiet', () => {
    expectQuiet('「直接依頼」という機能で声をかけていただきました。「直接」とあるので少し不安なのですが、このまま受けて大丈夫ですか？');
  });

  it('a direct deal outside the platform is still flagged', () => {
    expectAtLeast('次のご依頼からはサイトを通さず、直接契約にしませんか？手数料がかからない分、単価を上げられます。', 'high');
  });
});

describe('a blog in English that quotes lures', () => {
  it('a freelancer telling what messages they often get, and their reply, is an article', () => {
    expectQuiet('Working on CrowdWorks from abroad, I often get messages like "Let\'s move to Telegram" or "Skypeで話しましょう".\nI always answer: "Thank you, but I keep all communication on CrowdWorks until the contract and payment are done."');
  });
});

describe('pressure to approve the official route', () => {
  it('an application pushed with work held back and the contract put in question is flagged', () => {
    expectAtLeast('連絡先公開申請をお送りしました。本日中にご承認ください。ご承認いただけないと次の指示が出せませんので、契約そのものを見直すことになります。', 'medium');
  });

  it('an application offered with no pressure stays quiet', () => {
    expectQuiet('仮払いが済みましたので、連絡先公開申請をお送りしました。ご都合がよければご承認ください。難しければこのままメッセージで進めます。');
  });
});

describe('casual ways to say the real talk happens elsewhere', () => {
  it('「ここじゃ書けない」 in a friends’ chat that moves to private messages is flagged', () => {
    expectAtLeast('まい：時給換算すると悲しくなる…\nしょう：わかる\nけい：俺は別のやり方でけっこう稼げてるよ。ここじゃ詳しく書けないから個別で送るね', 'medium');
  });

  it('how a user set up their own notifications is not a move', () => {
    expectQuiet('なな：通知多すぎてLINEミュートしたわ\nりく：わかる\nなな：ランサーズの通知はメールにしてるから、仕事は見落とさないけどね');
  });

  it('the platform’s notifications as a reason to move to LINE are still flagged', () => {
    expectAtLeast('ここの通知、見落としがちなんですよね。LINEなら即レスできるので、そちらでどうですか？', 'high');
  });
});

describe('a phone number that is the thing being tested', () => {
  it('the line of a voice bot to test after 仮払い stays quiet', () => {
    expectQuiet('仮払いが完了しました。今回の検証対象の音声ボットの番号は 050-2231-7788 です（弊社のテスト回線です）。シナリオ1〜10の順にかけて、応答を記録してください。');
  });

  it('a job number quoted in the user’s question is not a phone number', () => {
    expectQuiet('案件番号が「0804419932」という10桁で、最初は電話番号かと思いました。これって問題ないですか？');
  });

  it('a private number to call before the contract is still flagged', () => {
    expectAtLeast('ご応募ありがとうございます。詳細はお電話で説明しますので、080-4419-9321までご連絡ください。', 'high');
  });
});

describe('a client who pushes again after the worker declines', () => {
  const log = (push: string): string =>
    `[10:02] 株式会社ミナト：ご応募ありがとうございます。条件のすり合わせのため、Google Meetで15分ほどお話しできますか？\n[10:15] 自分：ご連絡ありがとうございます。恐れ入りますが、契約前の通話は控えておりますので、こちらのメッセージでお願いできますでしょうか。\n[10:21] 株式会社ミナト：${push}`;

  it('「皆さんやってますし」 with a time and a link is still a call request', () => {
    expectAtLeast(log('皆さんやってますし大丈夫ですよ笑　明日の10時はいかがですか？URL送りますね'), 'medium');
  });

  it('a client who backs off stays quiet', () => {
    expectQuiet(log('承知しました、失礼しました。では、こちらのメッセージで条件をお送りします。'));
  });
});

describe('stories and posts about what someone was sent', () => {
  it('a job site named as the client’s other channel for applicants is not this platform', () => {
    expectQuiet('【事務】自社サイト用の応募フォーム作成\n\n歯科医院です。求人サイト経由ではなく、自社サイトからも応募を受け付けたいので、Googleフォームで応募フォームを作っていただける方を募集します。\n\n■報酬：20,000円\n■納期：10日');
  });

  it('a post that types a scout and says to ignore it is an article', () => {
    expectQuiet('ランサーズで「1日10分で月30万」系のスカウトが来たら、無視でいいと思う。試しに返してみたら、最後は「まずマニュアルを買ってください」だった。');
  });

  it('a story that ended the contract and says what they do now is settled', () => {
    expectQuiet('去年、契約後にクライアントさんから「これからの連絡はLINEでお願いします」と言われました。\n悪い方ではなかったのですが、個人のLINEは教えたくなかったので、事情を伝えて契約の終了申請を出しました。\n先方もすぐ了承してくださり、トラブルにはなりませんでした。次からは応募の前に連絡方法を確認するようにしています。');
  });
});

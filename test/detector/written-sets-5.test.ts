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

describe('chat logs about work whose content names a channel', () => {
  it('a shop’s LINE QR code placed on a flyer stays quiet', () => {
    expectQuiet('購入者　9:05\nメニュー表の裏面に、店の公式LINEの友だち追加QRコードを載せてください。画像はトークルームで送ります。\n出品者　9:20\n承知しました。QRの下に「友だち登録でクーポン配布中」と添えますか？\n購入者　9:22\nはい、お願いします。');
  });

  it('asking the reader to scan a QR code and add LINE is still flagged', () => {
    expectAtLeast('詳しい条件は公式LINEでお送りしています。下のQRコードを読み込んで友だち追加してください。', 'high');
  });

  it('how to read a phone number aloud in a narration stays quiet', () => {
    expectQuiet('クライアント：録音ありがとうございます。最後の電話番号のところだけ録り直しをお願いします。\nクライアント：番号は「ゼロサンゴー、ナナナナ、イチニー」と区切って読んでください。\n自分：承知しました。夕方までに差し替えます。');
  });

  it('calls coming in to a shop, sorted by a voice bot, are the work', () => {
    expectQuiet('[14:00] 依頼者：自動音声のシナリオをお願いします。\n[14:01] 依頼者：代表番号にかかってきた電話を、予約・道案内・その他の3つに振り分けたいです。\n[14:15] 自分：承知しました。その他は担当者への転送で作っておきます。');
  });

  it('an email field to add to a survey form stays quiet', () => {
    expectQuiet('[11:02] クライアント：お客様アンケートをGoogleフォームで作ってください。\n[11:03] クライアント：最後に任意で「メールアドレス」の欄を入れてください。\n[11:30] 自分：承知しました。任意項目として追加します。');
  });

  it('copying shops’ public details into a sheet is data entry', () => {
    expectQuiet('[9:00] クライアント：データ入力のお仕事です。リストの美容室の公式サイトを見て、住所・電話番号・定休日をシートに入力してください。\n[9:05] 自分：承知しました。公式サイトにない項目は空欄にします。\n[9:06] クライアント：はい、それで大丈夫です。');
  });

  it('a support address in an email template’s signature is content', () => {
    expectQuiet('相手：返信用メールのテンプレートを8パターンお願いします。\n相手：署名には「株式会社ミドリ お客様窓口 help@midori-shop.jp」を入れてください。\n自分：承知しました。');
  });

  it('a toll-free number shown on a contact page is content', () => {
    expectQuiet('[13:00] クライアント：お問い合わせページのコーディングをお願いします。\n[13:01] クライアント：上部に「お電話でのお問い合わせ：0120-111-222（平日10時〜17時）」を表示し、その下にフォームを置いてください。\n[13:20] 自分：承知しました。');
  });
});

describe('a client’s own rule after a past case, and an optional tool', () => {
  it('a past worker who wanted LINE, told to explain why everything stays here, stays quiet', () => {
    expectQuiet('クライアント：前にお願いした方がLINEでの連絡を希望されて困ったことがあり、当方ではすべてこちらのメッセージで対応しています。\n自分：承知しました。私もその方が安心です。\nクライアント：では資料をお送りします。');
  });

  it('a tool offered as optional, and no application sent, is not a skipped route', () => {
    expectQuiet('契約後にクライアントから「進捗の共有にSlackを使っていますが、任意です。メッセージのままでも構いません」と言われました。使わなくてもいいんですよね？申請は届いていません。');
  });

  it('the reader asking whether they must join a call themselves stays quiet', () => {
    expectQuiet('Teamsの会議録画を文字起こしする仕事なんですが、私もTeamsの会議に参加しないといけないんでしょうか？依頼文には「録画ファイルをお渡しします」とだけありました。');
  });
});

describe('a chat log with dated labels where the client skips the route', () => {
  it('a client who skips the application and ends the contract if refused is flagged', () => {
    expectAtLeast('[2024/07/01 10:10] クライアント：契約ありがとうございます。今後の連絡はSlackでお願いします。招待するのでメールアドレスを教えてください。\n[2024/07/01 10:30] 自分：サービス外連絡申請をいただけますでしょうか？\n[2024/07/01 10:35] クライアント：いつもこれでやっているので申請は出してないです。\n[2024/07/01 10:36] クライアント：Slackが使えない方とは進められないので、難しければ契約終了とさせてください。', 'medium');
  });
});

describe('a warning that ends by selling something', () => {
  it('a blog that warns about LINE lures, then invites readers to its own LINE group, is flagged', () => {
    expectAtLeast('【注意】「続きはLINEで」と言われたら要注意。在宅ワークで損しないための3か条\n\nこんにちは、主婦ライターのさくらです。\n1. 契約と仮払いの前に外部ツールへ移らない\n2. 登録料や教材費を求められたら断る\n3. 相場より高すぎる報酬は疑う\n\nとはいえ、一人で判断するのは心細いですよね。\n私が運営しているLINEオープンチャット「在宅ワーク相談室」では、メンバー限定で安全な案件を紹介しています。\n参加は無料です👇\nhttps://line.me/ti/g2/AbCdEf12345', 'medium');
  });

  it('a newsletter that lists scams, then sells a paid membership, is flagged', () => {
    expectAtLeast('━━━━━━━━\n在宅ワーク安全通信 第12号\n━━━━━━━━\n\n■今月多かった手口\n・応募してすぐにLINE追加を求める\n・「研修費」として振込を求める\n\nどれもよくある手口です。気をつけましょう。\n\n■お知らせ\n有料コミュニティ「在宅ワーク研究会」の第3期メンバーを募集中です。\n月額3,480円、入会特典として提案文テンプレートを差し上げます。\nお申し込みはこのメールへの返信で「参加希望」とお送りください。', 'medium');
  });

  it('a warning with no offer of its own stays quiet', () => {
    expectQuiet('【注意】「続きはLINEで」と言われたら要注意。在宅ワークで損しないための3か条\n\n1. 契約と仮払いの前に外部ツールへ移らない\n2. 登録料や教材費を求められたら断る\n3. 相場より高すぎる報酬は疑う\n\n困ったときは、各サービスの運営に相談しましょう。');
  });
});

describe('more ways users paste what they were sent', () => {
  it('a quote on its own line, then 「と来ました」, after 仮払い with no application, is flagged', () => {
    expectAtLeast('ランサーズで仮払いまで済んでいる案件です。クライアントから\n「Discordのサーバーに招待したので、今後はそちらでお願いします」\nと来ました。連絡先公開申請は出されていません。参加しても問題ないですか？', 'medium');
  });

  it('an address written in full-width letters, told back with a question, is flagged', () => {
    expectAtLeast('応募への返信に\n「こちらへご連絡ください　ｊｏｂｓ＠ｈｉｋａｒｉ－ｗｏｒｋ．ｊｐ」\nと、なぜか全角で書いてありました。わざとですかね？', 'medium');
  });

  it('「こう言われました」 before the quote, with a question whether they must, is flagged', () => {
    expectAtLeast('契約のあと、メッセージでこう言われました。\n「手続きに必要なので、マイナンバーとご住所を送ってください」\n報酬はサイト経由のはずなんですが、送らないといけないですか？', 'medium');
  });

  it('a quote set apart by a blank line, then 「って案件」, is judged on the quote', () => {
    expectAtLeast('『10代〜20代女性限定・かんたんなチャットのお仕事。応募時にお顔がわかる写真を添付してください』\n\nって案件、応募しても大丈夫だと思いますか？', 'medium');
  });

  it('「スカウトで来たやつ」 and a wish for advice is a question about the scout', () => {
    expectAtLeast('これ今日スカウトで来たやつ\n「先着5名のみ！今夜22時までにLINE登録した方だけにお仕事をお渡しします」\n急かされる感じがいやなんだけど、判断材料ほしい', 'medium');
  });

  it('「って提案されました」 with 「まずいやつ？」 is a question about the proposal', () => {
    expectAtLeast('長くお付き合いのあるクライアントさんから\n「次からは直接契約にしませんか？手数料の分は上乗せします」\nって提案されました。いい方なんだけど…乗ったらまずいやつ？', 'high');
  });

  it('「大丈夫そうですか」 asks about a quoted posting', () => {
    expectAtLeast('主婦です。『ママさん限定・1日30分で月15万円保証』って募集が気になってます…。応募しても大丈夫そうですか？', 'medium');
  });

  it('a client who took the request back after the refusal, quoted, leaves the question quiet', () => {
    expectQuiet('先週応募した案件で、最初に「詳しくはLINEでお伝えしてもいいですか？」と聞かれたので、「恐れ入りますが、契約と仮払いが済むまではこちらのメッセージでお願いします」と返しました。\n\n今日こう返ってきました。\n「ご丁寧にありがとうございます。失礼いたしました。では、こちらでご説明します。記事5本で1本3,000円です。問題なければ本日中に契約をお送りして仮払いします」\n\n最初のLINEが気になっているんですが、このまま進めても大丈夫そうですか？');
  });
});

describe('talk about the rules, not requests', () => {
  it('a numbered forum thread about a lure is a discussion', () => {
    expectQuiet('【相談】「支払いはPayPayで直接」って言われた\n\n1：名無しさん\nまだ契約前。こういうの受けてる人いる？\n\n2：名無しさん\n完全にアウト。支払いをサイトの外でやろうとした時点で終わり\n\n3：1\nだよね、断って通報しとく。ありがとう');
  });

  it('a seminar Q&A log about refusing calls stays quiet', () => {
    expectQuiet('【勉強会の質疑メモ】\n参加者A：契約前に「Google Meetで話しましょう」と言われたら、どう返せばいいですか？\n講師：「契約前の通話は控えております。ご質問はメッセージでお答えします」で十分です。\n参加者B：それで落とされたら？\n講師：その案件はもともと危なかったと考えて大丈夫です。');
  });

  it('a guide for clients that lists what postings must not say stays quiet', () => {
    expectQuiet('発注者向けガイド：募集文に記載しないでください\n\n安心してご応募いただくため、募集文には次の内容を記載しないでください。\n\n×「LINEでご連絡ください」などの外部の連絡先\n×「登録料」「研修費」など、受注者に費用を求める記載\n×「誰でも月50万」など、根拠のない高収入の表現\n\n○ 業務内容と報酬の根拠は具体的にご記載ください。');
  });

  it('a user half remembering whether a tool is allowed after the contract stays quiet', () => {
    expectQuiet('ランサーズって、契約後ならSlackでやり取りしていいんでしたっけ？まだ何も言われてないけど、聞かれたときのために知っておきたくて。');
  });

  it('a user asking whether the job will mean talking on LINE stays quiet', () => {
    expectQuiet('「LINEで連絡を」と書かれた案件は危ないと読んだんですが、今の依頼はLINE公式アカウントのあいさつメッセージ作成です。これもLINEでやり取りすることになりますか？依頼文には「連絡はこちらのメッセージで」とあります。');
  });
});

describe('the work’s own accounts and settings', () => {
  it('bank details registered on the platform’s own settings screen stay quiet', () => {
    expectQuiet('報酬の受け取り口座は、ランサーズの「報酬受取口座」の設定画面からご登録ください。口座情報をメッセージでお送りいただく必要はありません。');
  });

  it('answering DMs that arrive at a brand’s account is the work', () => {
    expectQuiet('Instagram DM返信代行（雑貨EC）\n\n▼内容\nショップ公式Instagramに届くDMへの一次返信をお願いします。\n・在庫と発送に関する質問にテンプレートで回答\n・判断できない内容は担当者へ引き継ぎ\n\n▼報酬\n月額 20,000円');
  });

  it('a link target that is off in a rich menu is a fault in the work', () => {
    expectQuiet('クライアント：リッチメニュー画像ありがとうございます！管理画面で反映したら、左下のボタンのリンク先がずれていました\nワーカー：ご確認ありがとうございます。タップ領域を直します\nクライアント：お願いします');
  });
});

describe('explainers, posts and notices about the rules', () => {
  it('an explainer titled with a quoted term and a question is an article', () => {
    expectQuiet('「Google Meet面談」は全部NG？\n\nよく聞かれますが、オンライン面談そのものが悪いわけではありません。大事なのは「いつ」と「どの手続きで」です。\n\n・契約前：運営の承認がない限りNG\n・契約と仮払いの後：必要ならOK。連絡先の交換には受注者の同意が要ります\n\n募集文に「面談あり」と書かれていたら、契約前かどうかを確かめるのがおすすめです。');
  });

  it('a social post and its reply, quoted, are a discussion', () => {
    expectQuiet('Xで見かけた投稿：\n「ランサーズで契約したら『Slackで納品して、支払いもそっちで』って言われた。これアウトでは？」\nリプライ：\n「アウトです。連絡は申請すれば使えるけど、支払いをサイトの外でやるのは規約違反」');
  });

  it('a platform’s rule written as prose is a notice', () => {
    expectQuiet('ココナラでは、購入の前後を問わず、ココナラ外での連絡先の交換・やり取り・決済を禁止しています。\nメールアドレス、電話番号、LINE ID、SNSのアカウントなどの記載や交換の依頼はガイドライン違反となります。\n違反を見つけた場合はトークルームの「通報する」からお知らせください。');
  });

  it('a question about a phrase read in an article, with nothing received, stays quiet', () => {
    expectQuiet('まとめ記事で読んだんですが、『Zoomで面談しましょう』って書いてある募集って全部ダメなんですか？');
  });

  it('a contractors’ guide that invites to Chatwork only after the application is approved stays quiet', () => {
    expectQuiet('【業務委託の方向け ガイド】\n■ 連絡手段\nご契約後、ご利用のサービスの手順に沿って申請・承認が完了した方のみ、業務連絡用のChatworkにご招待します。\n■ 納品\n納品・検収・お支払いは、すべてご契約のサービス上で行います。');
  });
});

describe('work whose channel is the client’s own account', () => {
  it('a clinic that just opened a LINE official account and whose patients register by QR is a posting for the work', () => {
    expectQuiet('【LINE公式アカウントの初期設定】歯科医院のリッチメニュー作成\n\n■概要\n先月LINE公式アカウントを開設しました。現在は来院時にQRコードを見せて登録いただいています。\n\n■お願いしたいこと\n・リッチメニューのデザイン\n・あいさつメッセージの設定\n\n■報酬\n40,000円\n\n■進め方\nやり取りはすべてクラウドワークスのメッセージで行います。');
  });
});

describe('a chat log with dates and speaker「words」 lines', () => {
  it('a client who asks for bank details and an ID after 仮払い is flagged', () => {
    expectAtLeast('2024/06/01 10:00 クライアント「仮払い完了しました」\n2024/06/01 10:05 ワーカー「ありがとうございます、着手します」\n2024/06/01 11:30 クライアント「社内の手続きで必要なので、口座情報とマイナンバーを送ってください。保険証の写真もお願いします」', 'medium');
  });
});

describe('questions about postings and videos the user saw', () => {
  it('a quoted condition with 「…いる？」 is judged on the quote', () => {
    expectAtLeast('『△△市在住の20代女性限定。応募時に全身の写真を送ってください』って条件の案件。仕事は商品レビューの執筆なんだけど、写真いる？', 'medium');
  });

  it('a quoted posting with 「どうですか？」 is judged on the quote', () => {
    expectAtLeast('『学生限定！1日15分スマホを触るだけで日給8,000円』っていう案件、授業の合間にできそうで気になってます。どうですか？', 'medium');
  });

  it('an interview consent asked of applicants is not the worker’s consent to the route', () => {
    expectAtLeast('『Zoom面接を承諾いただける方のみご応募ください』って書いてある案件。契約前に通話するってことですよね？応募していいのかな', 'medium');
  });

  it('a request to DM the client’s account, with 「普通…ですよね？」, is judged on the request', () => {
    expectAtLeast('TikTok運用の案件に応募したら「担当のTikTokアカウントにDMください！そちらで日程を決めます」と。仕事がTikTokなんだから普通…ですよね？', 'medium');
  });

  it('what a video said to do, told back with 「どうなんでしょう？」, is judged on it', () => {
    expectAtLeast('YouTubeで副業の動画を見たら、最後に「今だけ無料の講座プレゼント！概要欄から公式LINEに登録してね」と言ってました。これってどうなんでしょう？', 'medium');
  });
});

describe('stories and advice from people who have been there', () => {
  it('a post that types a kind of posting and says it is skipped is an article', () => {
    expectQuiet('「1日10分で月30万」とか書いてある案件、たいていその後LINEに誘われて、最後は副業スクールの勧誘。もう見た時点でスルーしてる');
  });

  it('a story titled 「…だった話。」 is a story', () => {
    expectQuiet('デザインの案件だと思って応募したら、有料スクールの勧誘だった話。\n\n最初は普通にサイズや納期の話をしていたのに、途中から「デザインだけだと稼げませんよ」「うちのスクールなら月100万も夢じゃない」と話が変わっていきました。最後は「受講料は今月中なら半額です」。\n\nもちろん申し込みませんでした。');
  });

  it('a user who read a rule and asks whether a smaller thing is also banned stays quiet', () => {
    expectQuiet('ブログで「Slackで納品・支払いと言われたら悪質」って読みました。契約後に、参考資料だけSlackで受け取るのもダメってことですか？報酬はサイト経由です。');
  });

  it('a worker who lost work before 仮払い, telling the rule they keep now, stays quiet', () => {
    expectQuiet('仮払い前に作業して納品→そのまま連絡が途絶えた、を経験した者です。高い勉強代でした。仮払いを確認してから着手、これを鉄則にしています。');
  });

  it('advice to run from gift-card payment stays quiet', () => {
    expectQuiet('報酬をギフト券で払うって言われたら、その時点で逃げてOK。サイトを通さない支払いは何かあっても守ってもらえないので。');
  });

  it('a friend’s past loss, asked about afterwards, stays quiet', () => {
    expectQuiet('半年前、知り合いがLINEに誘われて登録料を3万円払っちゃったそうです。今からでも相談できる窓口ってありますか？');
  });
});

describe('official-looking messages and the real notices', () => {
  it('a message that claims to be the office and asks for an SMS code by reply is flagged', () => {
    expectAtLeast('ランサーズ事務局の田中です。お客様のアカウントで不審なログインがありました。本人確認のため、SMSでお送りした認証コードをこのメッセージにご返信ください。', 'medium');
  });

  it('a notice to change one’s own password in the settings stays quiet', () => {
    expectQuiet('【重要】パスワード再設定のお願い\n不正ログインの試行を確認しました。念のため、ログイン後の「アカウント設定 > パスワード変更」からパスワードの変更をお願いいたします。\nパスワードや認証コードをメールでお伺いすることはございません。');
  });

  it('help text for two-step verification stays quiet', () => {
    expectQuiet('2段階認証の設定\n\nログイン時にSMSの認証コードを求めることで、不正ログインを防ぎます。\n設定方法：アカウント設定 > セキュリティ > 2段階認証 を有効にし、画面の案内に従って電話番号を登録してください。');
  });

  it('a platform’s notice about requesting a payout to the registered account stays quiet', () => {
    expectQuiet('売上金の振込申請について\n売上金は、マイページの売上管理から振込申請を行うと、登録した銀行口座へお振込みします。申請には期限がありますのでご注意ください。');
  });

  it('the platform’s identity check from マイページ stays quiet', () => {
    expectQuiet('【本人確認のお願い】\nクラウドワークスでは安全な取引のために本人確認を行っています。マイページの「本人確認」から、運転免許証などの書類をアップロードしてください。');
  });
});

describe('contact details that are the page’s content', () => {
  it('a shop’s details for a footer, with its number said to be the shop’s, stay quiet', () => {
    expectQuiet('LPのフッターに店舗情報を入れてください。\n店名：ベーカリー・ハナ\n住所：東京都世田谷区1-2-3\n電話：03-5555-0199（営業時間内）\n※制作のご連絡はこちらのメッセージでお願いします');
  });

  it('a clinic’s contact in brackets to put in a footer stays quiet', () => {
    expectQuiet('LPのフッターに、医院の問い合わせ先（TEL 03-5412-0000 / info@hana-clinic.example）を入れてください。');
  });
});

describe('pasted threads and chats', () => {
  it('handles that label the speakers of a pasted thread are names, not contacts', () => {
    expectQuiet('Xより：\n@taro_writes：今日のスカウト、「スマホで月50万」「詳細はLINEで」の全部入りで笑った\n@mika_design：わかる、最近多いよね\n@taro_writes：みんな違反報告しとこ');
  });

  it('a handle to DM is still a contact', () => {
    expectAtLeast('詳しくはこちら：@kazu_works0303 までDMください', 'high');
  });

  it('friends retelling why a route was requested, in a chat, stay quiet', () => {
    expectQuiet('Discord #雑談 より\nあや：仮払い後に連絡先公開申請が来たんだけど、みんな承認してる？\nけい：理由がちゃんと書いてあれば承認してる\nあや：電話したいって理由だった\nけい：苦手ならメッセージでお願いしますって断っても大丈夫だよ');
  });

  it('a client who claims the office allowed it and presses for today is flagged', () => {
    expectAtLeast('[10:02] クライアント：ご応募ありがとうございます！\n[10:07] クライアント：細かい話はLINEでしたいので、こちら追加してください ID: kk_office12\n[10:15] 自分：契約前の外部での連絡は規約で禁止されていると思うのですが…\n[10:16] クライアント：事務局には許可もらってるので大丈夫ですよ〜 今日中に追加お願いします', 'medium');
  });

  it('「怪しいか見てほしいです↓」 and the message below it is a question about it', () => {
    expectAtLeast('怪しいか見てほしいです↓\n「あなたのような方を探していました！簡単な作業で日給3万円です。詳しいお仕事内容は後ほどお伝えしますね」', 'medium');
  });

  it('an essay titled 「…という話。」 about when a tool is fine is an article', () => {
    expectQuiet('Slackは悪者じゃない、という話。\n\n「Slackに誘導された＝危険」と思う人もいますが、契約と仮払いの後で、正式な申請を通して使うなら仕事が回りやすくなることもあります。問題なのは、契約前に使わせようとすることと、Slack上で納品や支払いまで済ませようとすることです。');
  });
});

describe('the route offered, a test call, and a report already made', () => {
  it('a tool proposed after 仮払い only through the application, and optional, stays quiet', () => {
    expectQuiet('仮払いありがとうございます。ひとつご相談で、急ぎの連絡用にSlackを使わせていただくことは可能でしょうか？もちろん申請を通したうえでですし、難しければ今のままで全く問題ありません。');
  });

  it('the same tool after 仮払い, optional but with no application, is still flagged', () => {
    expectAtLeast('クラウドワークスで契約して仮払いも済んでいます。クライアントから「Chatworkに招待してもいいですか？嫌ならここのままで大丈夫です」と聞かれました。申請の話は出ていません。OKして大丈夫？', 'medium');
  });

  it('test calls of a voice system, made by the client’s staff, are the work', () => {
    expectQuiet('【AI電話】予約受付の自動音声の設定\n\n■業務\n・問い合わせ15パターンの応答フロー作成\n・管理画面での設定\n・テスト通話での確認（弊社スタッフが実施）\n\n■報酬\n60,000円\n\n■やり取り\nすべてクラウドワークスのメッセージで行います。');
  });

  it('a user who already reported a lure and moves on stays quiet', () => {
    expectQuiet('またLINE誘導きた。応募して3分で「続きはLINEで🙏」って…通報して次いこ');
  });
});

describe('pressure around the route after 仮払い', () => {
  it('「承認がない場合は…キャンセル扱い」 is pressure', () => {
    expectAtLeast('仮払いしましたのでご確認ください。あと、連絡先公開申請を出しています。本日中に承認してください。承認がない場合は作業をお願いできないので、キャンセル扱いにさせていただきます。', 'medium');
  });

  it('「承認がなければ…評価に反映」 is pressure', () => {
    expectAtLeast('クライアント 9:15　サービス外連絡申請、まだ承認してもらえないんですか？\nクライアント 9:16　他の方はみんなChatworkでやってますよ\nワーカー 9:40　すみません、できればクラウドワークス上で進めさせてください。\nクライアント 9:42　そうですか。明日までに承認がなければ、評価に反映させますね', 'medium');
  });

  it('a buyer who says the app is free after the seller declines is still pushing', () => {
    expectAtLeast('【トークルーム】\n購入希望者：見積もりの前に一度お顔を見て話したいです\n購入希望者：「VidTalk」というアプリでビデオ通話できるので、ダウンロードしてもらえますか？\n出品者：ご相談ありがとうございます。ココナラでは外部での通話ができないため、こちらのトークルームでお伺いします。\n購入希望者：アプリは無料なので大丈夫ですよ！入れたら教えてください', 'medium');
  });

  it('a team’s official LINE offered to view members’ earnings is a move off the platform', () => {
    expectAtLeast('突然のご連絡失礼いたします。在宅で月収40万円を目指すノウハウを無料でお伝えしているチームです。まずは公式LINEで、実際に稼いでいるメンバーの事例をご覧ください。', 'medium');
  });
});

describe('long postings whose channels, numbers and apps are the work', () => {
  it('a telemarketing job that books info sessions for companies is the work', () => {
    expectQuiet('【テレアポ／成果報酬】法人向け会計ソフトのオンライン説明会のご案内\n\n■業務\nリストの企業様にお電話し、無料のオンライン説明会へのご参加をご案内していただきます。\n\n■報酬\nアポ1件 3,000円\n\n■その他\nやり取りはすべてランサーズのメッセージで行います。');
  });

  it('personal details in recordings replaced by a tag are masked data', () => {
    expectQuiet('【文字起こし】コールセンター通話の文字起こし\n■ルール\n・お客様の氏名、電話番号、住所などが話された箇所は［個人情報］と置き換えてください\n■報酬\n1時間あたり2,000円');
  });

  it('a password shown in a recording, to be blurred, asks nothing', () => {
    expectQuiet('【動画編集】社内研修の録画の編集（全5本）\n画面にパスワードが映っている部分は、モザイク処理をお願いします。テロップは1本あたり20か所程度です。');
  });

  it('a brand’s messaging channel and its followers are the work', () => {
    expectQuiet('【日韓翻訳】カカオトーク チャンネルの配信文の翻訳\n韓国のお客様向けに運営しているカカオトーク チャンネルの友だちは約1万人で、毎週クーポンを配信しています。その配信文を日本語から韓国語に訳していただきます。');
  });

  it('payment apps named as examples of a kind in a survey task stay quiet', () => {
    expectQuiet('【タスク】スマホ決済アプリの使い勝手アンケート（5分）\nスマホ決済アプリ（PayPay、楽天ペイ、d払いなど）を使ったことがある方に、使いやすさを5段階で答えていただきます。');
  });

  it('a client who used an agency and now hires a freelancer directly is hiring here', () => {
    expectQuiet('【広告運用】SNS広告の運用（月額固定）\nこれまで広告は代理店に任せていましたが、成果が伸びないため、運用に強い方に直接お願いしたいと考えています。契約と報酬はランサーズ上で行います。');
  });

  it('a system that issues QR codes for event check-in is the work', () => {
    expectQuiet('【Webアプリ】QRコード付き受付票を発行するシステム\n来場者が申込後にメールで受け取った受付票のQRコードを、当日スタッフがタブレットで読み取って受付する仕組みを作りたいです。');
  });

  it('booking calls a clinic wants to move to a web form are the customers’ calls', () => {
    expectQuiet('【見積り依頼】整体院のホームページ制作\n今は予約の電話が多いので、ホームページからWeb予約に誘導できたらと思っています。やり取りはココナラのトークルームでお願いします。');
  });
});

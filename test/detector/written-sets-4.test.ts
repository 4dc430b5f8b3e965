// Mistakes seen on a further round of new writers' sets (a job posting's numbered steps read as a
// rule list, copy being edited, a rule the user read on a blog, a campaign or a shop card as the
// work, a paid option on coconala, a casual 「直で」, a contract promised for tomorrow, an English
// refusal in a chat), each fixed as a mechanism and tested here in our own wording, with the
// variant that must still be flagged.
import { describe, expect, it } from 'vitest';
import { check, expectAtLeast, expectQuiet, useSharedEngine } from '../helpers/verdicts.ts';

useSharedEngine();

describe('a job posting that lists its steps and turns away some applicants', () => {
  const posting = (step1: string): string =>
    `【在宅・スマホ完結】アンケート回答のお仕事\n\n■作業の流れ\n1. ${step1}\n2. 届いたアンケートに回答\n3. 完了報告\n\n■報酬\n1件 150円\n\n■注意事項\nアプリ登録がお済みでない方のご応募はお受けできません。`;

  it('is a posting, so the app it makes applicants install is flagged', () => {
    expectAtLeast(posting('当社指定のアプリ「QuickAnswer」をスマホにインストール'), 'medium');
  });

  it('a numbered step that names no app to install stays quiet', () => {
    expectQuiet('【在宅】データ入力のお仕事\n\n■作業の流れ\n1. 契約後、共有スプレッドシートのURLをメッセージでお送りします\n2. 指定の項目を入力\n3. 完了報告\n\n■報酬\n1件 30円\n\n■注意事項\n未経験の方のご応募もお受けしています。');
  });
});

describe('wording that is being edited, quoted', () => {
  it('a heading changed from one fee word to another is copy, not a fee', () => {
    expectQuiet('1か所だけ直しをお願いします。2つ目の見出し「入会金について」→「月会費について」に変更してください。それ以外は問題ありません！');
  });

  it('a campaign named in brackets is the subject of the banner', () => {
    expectQuiet('開店5周年の「PayPayポイントが当たる！」プレゼント企画の告知バナーをお願いします。当選者への連絡は当店のアカウントから行います。');
  });

  it('paying by PayPay, quoted or not, is still flagged', () => {
    expectAtLeast('今回の報酬は「PayPay」でお支払いしますね。手数料もかからないので！', 'high');
  });
});

describe('a rule the user read somewhere, quoted with a question about it', () => {
  it('a blog’s rule with a general question about contracts is not a message received', () => {
    expectQuiet('ネットで見た「契約前の連絡先交換は禁止」って、仮払いが済んだあとならどうなんでしょう？前に「LINEで詳細を送ります」という募集に応募しかけたことがあるので気になっています。');
  });

  it('a message that was sent to them is still judged by what it asks', () => {
    expectAtLeast('「LINEで詳細を送りますので、IDを教えてください」って言われました。これって大丈夫ですか？', 'high');
  });
});

describe('a design job that prints a shop’s own contact', () => {
  it('a QR code on a flyer that leads to the shop’s LINE account', () => {
    expectQuiet('フライヤー（A5・片面）のデザインをお願いします。右下に当店のLINE公式アカウントのQRコードを入れてください。リンク先はこちらです→ https://lin.ee/Qx12Ab （お店のアカウントなので友だち追加は不要です）');
  });

  it('a LINE link the worker is asked to add is still flagged', () => {
    expectAtLeast('詳しいことはこちらでお話しするので、友だち追加をお願いします→ https://lin.ee/Qx12Ab', 'high');
  });
});

describe('a paid option bought through coconala’s checkout', () => {
  it('an option with its added price on a service page is the platform’s own payment', () => {
    expectQuiet('イラストの商用利用をご希望の方は、オプション「商用ライセンス」（+3,000円）をご購入ください。', { platform: 'coconala' });
  });

  it('a registration fee to pay before the work is still flagged', () => {
    expectAtLeast('お仕事を始める前に、登録料（3,000円）をお支払いください。', 'high', { platform: 'coconala' });
  });
});

describe('casual requests to leave the platform or to start without a contract', () => {
  it('「直で」 in place of 直接', () => {
    expectAtLeast('ここのメッセージ見づらいので、直でやりとりしません？そっちのほうが早いです', 'high');
  });

  it('delivering 「直で」 is not a request to move', () => {
    expectQuiet('完成データはギガファイル便ではなく、このメッセージに直で添付していただければ大丈夫です。');
  });

  it('a contract promised for tomorrow and the work asked for tonight', () => {
    expectAtLeast('今夜中にロゴ案が欲しいんです！契約は明日ちゃんと結ぶので、とりあえず今夜のうちに作業進めておいてもらえますか？', 'high');
  });

  it('the client who starts only after the contract and 仮払い stays quiet', () => {
    expectQuiet('契約と仮払いが済みましたら、作業を始めていただけますか？急ぎではありませんので、よろしくお願いします。');
  });
});

describe('a chat in English where the worker keeps to the platform', () => {
  it('the client asks for a call, the worker declines, the client agrees to stay', () => {
    expectQuiet('Client: Could we do a short Zoom call before we sign the contract?\nWorker: Thanks for asking. Until the contract I would like to communicate only through Lancers messages, as the site requires.\nClient: Understood, no problem. I will send the brief here.');
  });

  it('a client who pushes again after the refusal is still flagged', () => {
    expectAtLeast('Client: Could we do a short Zoom call before we sign the contract?\nWorker: Thanks for asking. Until the contract I would like to communicate only through Lancers messages, as the site requires.\nClient: If you don’t join the call, we will choose another freelancer.', 'medium');
  });
});

describe('a chat in which the seller keeps the buyer on coconala', () => {
  it('the buyer’s phone idea, the seller’s 「禁止されております」 and the buyer’s yes', () => {
    expectQuiet('購入者：細かいところは電話で説明させてもらえませんか？\n出品者：申し訳ありません、ココナラではサイト外でのやり取りが禁止されておりますので、トークルームでお送りいただけますか\n購入者：了解です！箇条書きで送りますね', { platform: 'coconala' });
  });

  it('a buyer who insists on the call is still flagged', () => {
    expectAtLeast('購入者：細かいところは電話で説明させてもらえませんか？\n出品者：申し訳ありません、ココナラではサイト外でのやり取りが禁止されておりますので、トークルームでお送りいただけますか\n購入者：ちょっとだけなら大丈夫ですよ、番号送りますね', 'medium', { platform: 'coconala' });
  });
});

describe('texts written about scams, not sent to the reader', () => {
  it('friends in a chat who got a DM and say they will report it', () => {
    expectQuiet('みお：さっき「緑のアプリで続きを話そう」ってDM来たんだけど、これってあれ？\nけい：それそれ。契約前なら無視して運営に報告でOK\nみお：やっぱりね、報告しとく');
  });

  it('a thread whose numbered posts share what people received', () => {
    expectQuiet('【スレ】届いた怪しいDMを貼っていくスレ\n\n>>1 「詳細はLINEで送るのでID追加お願いします」←よく見るやつ\n>>2 「登録料3,000円で高単価案件を紹介」だった\n>>3 「30代女性限定」のデータ入力。性別関係ある？');
  });

  it('a listicle of red-flag phrases under a 「〜選」 title', () => {
    expectQuiet('副業募集で見かけたら要注意なフレーズ 7選\n1. 「スマホ1台で月30万」\n2. 「まずは教材をご購入ください」\n3. 「専用アプリをインストール」\n4. 「手数料がもったいないので直接」\n5. 「今日中にお返事ください」');
  });

  it('a client who says other companies ask for WeChat and they never do', () => {
    expectQuiet('はじめまして。台湾の雑貨メーカーです。「WeChatで話しましょう」と誘う会社もあると聞きましたが、弊社はそういうことはしません。すべてランサーズの中でやり取りします。');
  });

  it('a client who asks for WeChat is still flagged', () => {
    expectAtLeast('はじめまして。台湾の雑貨メーカーです。詳しい条件はWeChatで話しましょう。IDはこちらです：tw_zakka88', 'high');
  });
});

describe('words that compare, tell back or name a tool', () => {
  it('one way of working compared with sharing a login asks for no login', () => {
    const v = check('管理画面は、オーナーさんに権限を付けてもらって作業しています（パスワードを教えてもらうより安全なので）。');
    expect(v.findings.map((f) => f.rule)).not.toContain('pi.identity.request');
    expect(v.mitigations).toContainEqual(expect.objectContaining({ rule: 'pi.identity.request', reason: 'description' }));
  });

  it('the worker’s own worry about their address, told back and answered', () => {
    expectQuiet('請求書にご住所が必要なのでは、とご心配いただいていましたが、クラウドワークス経由のお取引ですので、ご住所やお名前をお聞きすることはありません。');
  });

  it('asking for the address is still flagged', () => {
    expectAtLeast('請求書を作るので、ご住所とお名前を教えてください。', 'high');
  });

  it('a question about the word 「Zoom」 in a minutes-writing order', () => {
    expectQuiet('ココナラで「Zoom会議の文字起こし」のご依頼をいただきました。録画データはトークルームで送ってくださるそうです。Zoomって単語が入ってるけど問題ないですよね？', { platform: 'coconala' });
  });

  it('a side-job school’s course videos to subtitle, after escrow', () => {
    expectQuiet('副業スクールの講座動画に字幕をつける案件です。受講の勧誘はなく、字幕作成だけとのこと。仮払いも済んでいます。');
  });

  it('being invited to join a side-job school is still flagged', () => {
    expectAtLeast('ライター案件に応募したら、副業スクールへのご招待が届きました。受講料は3万円だそうです。', 'high');
  });
});

describe('a user’s question about what they received', () => {
  it('a notice that turned out to be the platform’s own identity check', () => {
    expectQuiet('「本人確認書類をご提出ください」ってお知らせが来たんですが、ランサーズの本人確認のことでした。運営からなら普通ですよね？', { platform: 'lancers' });
  });

  it('a Google form for name, phone and LINE ID, asked about with 「わけじゃないよね？」', () => {
    expectAtLeast('応募した人みんなに「こちらのGoogleフォームに名前・電話番号・LINE IDを入力してください」と送られてくるらしい。フォームならサイトの外ってわけじゃないよね？', 'high');
  });

  it('a pasted message that proposes WhatsApp, with the asker’s short 「変？」', () => {
    expectAtLeast('翻訳の仕事の連絡なんですけど、なんか変？\n「こんにちは。仕事あります。WhatsAppで話しましょう +44 20 7946 0321 よろしく」', 'high');
  });

  it('a story of being invited to a paid course, retold', () => {
    expectAtLeast('動画編集の案件に応募したら、「編集で月50万稼げる方法を教える講座がある」という話になって、オンラインサロンに誘われました。これって仕事なの？', 'high');
  });
});

describe('long job postings with one risky sentence', () => {
  const posting = (extra: string): string =>
    `【Webライター】旅行メディアの観光地紹介記事（月6本・継続）\n\n■メディアについて\n国内旅行の初心者向けに、観光地やグルメの情報を発信しています。比較記事やモデルコースの記事が中心です。\n\n■報酬\n1記事 6,000円\n\n■応募方法\nご応募の際は、過去の執筆実績をお送りください。\n\n■今後について\n${extra}`;

  it('a writing posting that names article kinds is still a posting, and its direct-deal sentence counts', () => {
    expectAtLeast(posting('初回はクラウドワークスでお願いしますが、手数料がもったいないので2回目からは直接ご依頼させてください。'), 'high');
  });

  it('the same posting without that sentence stays quiet', () => {
    expectQuiet(posting('継続いただける方には、単価の見直しも検討します。'));
  });

  it('a selection step with a call and its length', () => {
    expectAtLeast('【翻訳】製品マニュアルの英日翻訳\n\n■報酬\n1文字 4円\n\n■選考の流れ\n1. 応募（実績のご提出）\n2. 適性確認のZoom面談（20分）\n3. トライアル（有償）\n4. 本契約', 'medium');
  });

  it('a selection interview held as text in the platform’s messages', () => {
    expectQuiet('【翻訳】製品マニュアルの英日翻訳\n\n■報酬\n1文字 4円\n\n■選考について\n選考の面談は、クラウドワークスのメッセージ上でのテキスト面談で行います（30分程度）。お電話やビデオ通話での面接は行いません。');
  });

  it('pay by gift cards named with a note in brackets', () => {
    expectAtLeast('【バナー制作】月10点程度\n\n■報酬\n1点 2,000円\n\n■お支払い\n月末締めで、合計金額分をAmazonギフト券（Eメールタイプ）でお送りしています。', 'high');
  });

  it('a form-building job that asks applicants for a phone number to call them', () => {
    expectAtLeast('【GAS】スプレッドシートの自動化\n\n■内容\n問い合わせフォームの回答をスプレッドシートに集計し、Chatworkに通知するGASを作ってください。\n\n■その他\nお見積りの前にお電話で10分ほどお話を伺いたいので、ご応募の際、日中につながるお電話番号を書いていただけますか。', 'high');
  });

  it('a research job that makes applicants install its app, when the client develops products', () => {
    expectAtLeast('【モニター】新商品開発のためのアンケート\n\n■内容\nアンケートはすべて弊社の専用アプリ「モニタープラス」で配信します。ご応募後、App Storeからアプリをダウンロードし、会員登録をお済ませください。', 'medium');
  });
});

describe('postings whose risky-looking words are the work', () => {
  it('zooming in on a scene is an editing effect', () => {
    expectQuiet('【動画編集】料理チャンネル（週1本）\n\n■作業内容\n・カット、テロップ、BGM\n・手元のアップはズームやテロップで強調してください\n\n■報酬\n1本 5,000円');
  });

  it('a webinar-support posting mentions its seminars', () => {
    expectQuiet('【セミナー運営サポート】オンライン勉強会の集客ページ作成と当日の受付\n\n■概要\n経理担当者向けのオンラインセミナーを月1回開いています。\n\n■セミナーの流れ\n13:00 受付開始\n13:30 セミナー本編\n\n■報酬\n1回 15,000円');
  });

  it('a writing job about investing', () => {
    expectQuiet('【金融記事】高配当株の初心者向け解説（FP歓迎）\n\n■執筆内容\n・配当金の仕組みと税金\n・高配当株のメリットとリスク\n\n■報酬\n1記事 15,000円');
  });

  it('a multi-tenant SaaS posting is not about multi-level marketing', () => {
    expectQuiet('【業務委託】Goエンジニア（フルリモート）\n\n■業務内容\n・マルチテナント化に伴うデータ分離の設計\n・APIの開発\n\n■報酬\n月額70万円〜');
  });

  it('a bot built on a messenger’s Bot API', () => {
    expectQuiet('Telegram Bot API を使った通知システムの開発をお願いします。スタッフが使っているTelegramのグループに、在庫が減ったら自動で通知を出したいです。質問はクラウドワークスのメッセージでお願いします。');
  });

  it('who the client’s members are', () => {
    expectQuiet('【メルマガ執筆】自然食品ECの週刊メルマガ\n\n■概要\n会員の多くは30〜40代の女性で、食の安全に関心の高い方が中心です。\n\n■報酬\n1通 4,000円');
  });

  it('interviews with the client’s research subjects over Zoom', () => {
    expectQuiet('【インタビュー調査】子育て世帯へのオンラインインタビュー\n\n■作業内容\n・対象者（6名）へのオンラインインタビュー（各45分、Zoom）の実施\n・報告書の作成\n\n契約・仮払いの後に着手していただきます。選考のための面談はありません。');
  });
});

describe('after the contract: the official route skipped, faked or used', () => {
  it('a client who names the application only to skip it', () => {
    expectAtLeast('サービス外連絡申請って審査に時間かかるんですよね。申請なしでChatworkに移りましょう、皆さんそうしてます', 'high');
  });

  it('an approval said to be given by phone, off the application screen', () => {
    expectAtLeast('事務局には電話で説明して、外部での連絡の許可をいただいています。申請画面には出ませんが問題ありません。今後はこちらのアドレスにご連絡ください。sato.office@example.net', 'high');
  });

  it('an application sent after 仮払い, with the worker free to decline, is the route itself', () => {
    expectQuiet('クライアントさんから「サービス外連絡申請をお送りしました。Slackでのやり取りを希望しますが、ご無理のない範囲で」と来ました。契約と仮払いは終わっています。承認していいのかな？');
  });

  it('the same application, told without 仮払い, is still a nudge', () => {
    expectAtLeast('サービス外連絡申請を出しておきました！今後の連絡はSlackでお願いします', 'medium');
  });

  it('a paid tool the worker must subscribe to after 仮払い', () => {
    expectAtLeast('仮払いが完了しました。執筆には分析ツール「KeywordMax」（月額3,980円）を使っていただく決まりです。各自でご契約のうえ、画面のスクショを送ってください。', 'high');
  });

  it('a delivery outside the platform and pay 「別途お振込み」', () => {
    expectAtLeast('納品はGoogleドライブに入れていただければ大丈夫です。サイトでの納品報告は不要で、報酬は確認後に別途お振込みします。', 'high');
  });

  it('仮払い promised for tomorrow and the work asked for tonight', () => {
    expectAtLeast('仮払いは明日の朝には必ず入れますので、今日のうちに作業を始めてもらえますか？', 'high');
  });
});

describe('who speaks, and to whom, in chats and questions', () => {
  it('a client who takes back their own idea in the next line', () => {
    expectQuiet('発注者：今回の追加分、直接振り込んだほうが早いですかね…\n発注者：いや、それは規約違反でしたね、失礼しました。ランサーズで追加報酬としてお送りします\n自分：ありがとうございます！', { platform: 'lancers' });
  });

  it('a client who repeats the idea in the next line is still flagged', () => {
    expectAtLeast('発注者：今回の追加分、直接振り込んだほうが早いですかね…\n発注者：口座番号だけ教えてもらえれば、今日中に振り込みます\n自分：えっと…', 'high', { platform: 'lancers' });
  });

  it('three friends talking over a DM one of them got', () => {
    expectQuiet('なな：検収のあとに「次から直接やりませんか？手数料もったいないので」って来たんだけど\nりく：それ最近よく聞く。うちは「報酬の一部はPayPayで」だった\nあお：定型文で断って、違反報告もしといたほうがいいよ\nなな：ありがと、そうする');
  });

  it('a friend’s case retold with the asker’s question', () => {
    expectAtLeast('友達の話です。契約中のクライアントが「連絡先を交換してくれないなら契約は終わりにします」と言ってきたそうです。従うしかないんでしょうか', 'medium');
  });

  it('a message from a client quoted with who sent it and when', () => {
    expectAtLeast('「本人確認のため、このアプリを入れて免許証を撮影してください」と、契約したばかりのクライアントから言われました。サイトの本人確認はもう済んでいるのですが…', 'high');
  });

  it('a course offer that came through the site’s messages, asked about', () => {
    expectAtLeast('「副業塾の卒業生だけに案件を回しています。入塾費は分割で月9,800円です」ってクラウドワークスのメッセージで来た。案件もらえるならアリ？', 'high');
  });

  it('a client who tells the worker someone else asked for LINE, and keeps things here', () => {
    expectQuiet('ちなみに以前、別の方から「LINEで送ってもいいですか？」と聞かれたのですが、規約上こちらでのやり取りのみとさせてください。ファイルは添付でお願いします。');
  });

  it('a parent asking whether their child has given out their address asks for no address', () => {
    const v = check('母: その副業サイト大丈夫なの？\n私: 大丈夫、お金はサイトが預かってくれるから\n母: 知らない人に住所とか教えてない？\n私: 教えてないよ笑');
    expect(v.findings.map((f) => f.rule)).not.toContain('pi.identity.request');
    expect(v.mitigations).toContainEqual(expect.objectContaining({ rule: 'pi.identity.request', reason: 'description' }));
  });

  it('asking someone to tell their address is still flagged', () => {
    expectAtLeast('住所とか教えてくれない？資料を郵送したいので', 'high');
  });

  it('a DM that says it is a DM and points to the platform', () => {
    expectQuiet('突然のDM失礼します。コスメブランドの広報です。縦型動画の制作をお願いしたく、ランサーズに案件を出しているので、よろしければそちらからご応募ください（案件番号：20458811）', { platform: 'lancers' });
  });

  it('contact details a client wants on their website’s footer', () => {
    expectQuiet('クライアント：店舗サイトのフッターに以下を載せてください\nクライアント：電話 03-6555-0199（11時〜20時）／Instagram @hinata_bakery\nワーカー：承知しました。アイコンも付けますね');
  });

  it('an auto-reply flow being designed, quoted', () => {
    expectQuiet('Instagramの自動返信のシナリオを作ってください。「キーワードをコメントした方にDMでクーポンを送る」流れで、分岐は2つです。');
  });

  it('a platform guideline listing postings it will not publish', () => {
    expectQuiet('【発注者向け】仕事依頼ガイドライン ― 掲載できない依頼の例\n\n以下に当てはまる依頼は掲載をお断りしています。\n\n1. 応募条件に連絡先の記載を求めるもの\n・「応募後にLINEでご連絡ください」など\n2. 受注者に費用を負担させるもの\n・「研修費（2万円）をお支払いください」など');
  });
});

describe('after the held-out round: titles, features, narration and postings', () => {
  it('a warning titled 「〜の特徴」 that names a scheme', () => {
    expectQuiet('情報商材の勧誘DM、4つの特徴\n1. 最初に「成功ストーリー」を語る\n2. 仕事の話がいつの間にか講座の話になる\n3. 「今だけ」と急かす\n4. 支払いは分割でいいと言う');
  });

  it('a help text titled 「〜のしかた」', () => {
    expectQuiet('違反報告のしかた\n1. 該当のメッセージを開く\n2. 右上のメニューから「違反報告」を選ぶ\n3. 違反の種類（例：外部サイトへの誘導）を選んで送信する');
  });

  it('the platform’s own direct-order feature', () => {
    expectQuiet('次回もクラウドワークスの直接依頼機能からお声がけしますね、と言われました。直接って規約違反ですか？');
  });

  it('a direct deal outside the platform is still flagged', () => {
    expectAtLeast('次回からはクラウドワークスを通さずに、直接ご依頼させてください。', 'high');
  });

  it('a worried question about what a job implies', () => {
    expectQuiet('「Zoom会議の議事録作成」っていう案件なんですが、これってZoomで面談させられるってことですか？');
  });

  it('a title tag with a demographic limit, and a denial of something else after it', () => {
    expectAtLeast('【30代女性限定】怪しいお仕事ではありません！簡単なメッセージ返信\n\n報酬：1件100円〜\n時間：スキマ時間でOK', 'medium');
  });

  it('a channel used before, and the work kept here from now on', () => {
    expectQuiet('前任の担当者とはLINEでやり取りしていたのですが、規約を確認したところ問題があるとわかりました。今後のやり取りはすべてこちらのメッセージでお願いします。');
  });

  it('a posting whose applicants must give a phone number for a call, in a call-centre job', () => {
    expectAtLeast('【在宅】コールセンター通話録音の要約\n\n■業務内容\nお客様との通話録音を聞いて要約を入力していただきます。\n\n■報酬\n1件 150円\n\n■選考\n応募者全員と事前にお電話でお話ししたいので、応募文の最後に日中つながる電話番号をご記入ください。', 'high');
  });

  it('bank-book copies that are the material of a bookkeeping job', () => {
    expectQuiet('【経理】会計ソフトへの仕訳入力\n\n■内容\n顧問先の領収書・通帳コピーをもとに、会計ソフトへ仕訳を入力していただきます。\n\n■報酬\n1社 6,000円');
  });

  it('an input field for a phone number in a contact form', () => {
    expectQuiet('問い合わせフォームに電話番号の入力欄（ハイフンあり・なし両対応）を追加し、形式チェックを実装してください。あわせてメールアドレスの確認用入力欄もお願いします。');
  });

  it('an automation that mails its results to the client’s own address', () => {
    expectQuiet('GASで売上の日次集計を自動化したいです。毎朝7時に実行して、集計結果をGmailで自分宛てに送信するようにしてください。送信先は私のアドレス固定で大丈夫です。');
  });

  it('a request to send details by Gmail to the worker is still flagged', () => {
    expectAtLeast('詳しくはGmailで送りますので、アドレスを教えてください', 'high');
  });

  it('a seminar survey form to build', () => {
    expectQuiet('Googleフォームの作成代行（イベントアンケート）\n\nセミナー参加者向けのアンケートをGoogleフォームで作っていただきたいです。設問は10問ほどです。');
  });
});

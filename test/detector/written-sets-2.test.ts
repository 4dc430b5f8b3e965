// More mistakes seen on new writers' sets (a company's list of what it will not do, circled-number
// rule lists, message-screen chat exports with the time first, print content under a heading, the
// asker quoting their own words, warnings about starting before 仮払い), each fixed as a mechanism
// and tested here in our own wording, with the variant that must still be flagged.
import { describe, expect, it } from 'vitest';
import { check, expectAtLeast, expectLevel, expectQuiet, useSharedEngine } from '../helpers/verdicts.ts';

useSharedEngine();

describe('a line that denies a whole list covers every item of it', () => {
  it.each([
    ['行いません over a list', '弊社は、登録ワーカーの皆さまに次のことを一切行いません。\n・LINEなど外部ツールへの招待\n・報酬の銀行口座への直接のお支払い\n・身分証の画像の提出のお願い\nご不明な点はメッセージでどうぞ。'],
    ['a heading that names what is never asked', '【当社がお願いしないこと】\n・サイトの外での契約\n・登録料や教材費のお支払い\n・マイナンバーの提出'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  it('a list introduced as something to send is still a request', () => {
    expectAtLeast('応募の際は以下の情報をお送りください。\n・LINEのID\n・身分証の画像\n・生年月日', 'high');
  });
});

describe('circled numbers open list items, and still read as digits inside a number', () => {
  it('a board standard with ①② items is a rule text', () => {
    const v = expectQuiet('募集の掲載基準\n次に当てはまる募集は掲載いたしません。\n①契約前にビデオ通話での面接を求めるもの\n②外部チャットへの登録を応募の条件にするもの\n③根拠のない高収入をうたうもの');
    expect(v.kind).toBe('rule_text');
  });

  it('a phone number written in circled digits is still a phone number', () => {
    expectAtLeast('ご連絡は⓪⑧⓪-①②③④-⑤⑥⑦⑧までお電話ください', 'high');
  });
});

describe('questions: what the asker says they said, and what they say they saw', () => {
  it('the asker quoting their own question to the client is not a request received', () => {
    expectQuiet('依頼者さんに「Zoomでお話しした方が早いですか？」と聞いてみたら「メッセージで十分です」と返ってきました。この対応で問題ないですよね？');
  });

  it('a posting retold without brackets (って書いてある募集) is judged on what it asks', () => {
    expectAtLeast('20代女性のみで、応募のときに全身写真を送ってって書いてある募集を見つけたんですが、応募しても平気ですか？', 'medium');
  });

  it('a client quoted and cut short with 「…」と。 is a retold request', () => {
    const v = expectAtLeast('契約はできたんですが、依頼者が「仮払いは月末になります。急ぎなので先に2本書いてください」と。書き始めていいんでしょうか？', 'medium');
    expect(v.kind).toBe('question');
  });

  it('a classification question about a tool that is only the work asks for nothing', () => {
    expectQuiet('Google Meetの録画から字幕を作る仕事を見つけました。説明に「Meet」と出てきますが、これも契約前の通話にあたりますか？');
  });

  it("a friend's story told to the end is a story, not a question", () => {
    expectQuiet('友人の話です。海外の依頼者から「報酬はビットコインで送る」と言われ、サイトの外で作業を続けたそうです。最後に受け取りには手数料が必要だと言われて、結局気づいたとのことでした。');
  });

  it('a short social post about a kind of scam posting is a warning', () => {
    expectQuiet('「学生限定・スマホで日給3万」みたいな募集、まだ流れてくるね。応募すると登録料とか言われるやつだから、みんな気をつけて');
  });
});

describe('chat logs copied from message screens', () => {
  const refusedThenBackedOff =
    '2026/03/10 09:12 クライアント 田中\nご応募どうも！細かい話はLINEでできたら楽なんですが、どうでしょう？\n2026/03/10 09:30 あなた\n申し訳ありません、契約と仮払いまではこちらのメッセージでお願いします。\n2026/03/10 09:41 クライアント 田中\n失礼しました、ではこちらで進めますね。';

  it('date and time first, then the speaker: the refusal and the back-off are read', () => {
    const v = expectQuiet(refusedThenBackedOff);
    expect(v.kind).toBe('chat');
  });

  it('the same log where the client pushes again is flagged', () => {
    expectAtLeast(refusedThenBackedOff.replace('失礼しました、ではこちらで進めますね。', 'LINEの方が早いので、やっぱりLINEでお願いします。ID送りますね'), 'medium');
  });

  it('a role alone on a line (購入者 / 出品者) is a speaker; the seller citing the rules declines', () => {
    expectQuiet('購入者 ひろ\n細かいところを相談したいので、メアドを教えてもらえますか？\n出品者 きなこ工房\nありがとうございます。ココナラの規約で連絡先の交換ができないため、トークルームでご相談ください。\n購入者 ひろ\nそうなんですね、ではこちらで。', { platform: 'coconala' });
  });

  it('the time before a labelled line (11:20 担当：…) keeps the label', () => {
    const v = check('11:20 担当：ご応募ありがとうございます\n11:25 ワーカー：よろしくお願いします\n11:31 担当：うちは申請なしでやってますので、Chatworkに参加してください');
    expect(v.kind).toBe('chat');
    expect(v.findings.map((f) => f.rule)).toContain('contact.route_skipped');
  });
});

describe('contact details that are the content of the work', () => {
  it('a phone number and a LINE QR under a 「記載内容」 heading are what gets printed', () => {
    expectQuiet('【ショップカードのデザイン】\n\n■記載内容\n・店名とロゴ\n・電話：06-4321-8765（11時〜19時）\n・LINE公式アカウントの友だち追加QR\n\n■報酬\n15,000円');
  });

  it('a corrected phone number for the site footer is content', () => {
    expectQuiet('サイト下部の電話番号が1桁違っていました（正：045-321-7788）。お手数ですが本日中に差し替えをお願いできますか。');
  });

  it('a link the client wants placed in the design (を入れてください) is content', () => {
    expectQuiet('契約ありがとうございます。ポスターの右下に、当店のLINE公式の友だち追加URL（https://lin.ee/abc1234）を入れてください。');
  });

  it('the same link given for the reader to add is still a link to join', () => {
    expectAtLeast('ご応募ありがとうございます。詳しいお仕事の説明はこちらで行います。https://lin.ee/abc1234 から追加してください。', 'high');
  });

  it('an IP phone lent for outbound calls is the work equipment', () => {
    expectQuiet('【テレアポ】\n■業務内容\n・法人リストへの架電\n■必要なもの\n・ヘッドセット\n・架電はクラウド型のIP電話（アカウント貸与）を使用します');
  });
});

describe('the reader is told a tool is not for them, or the platform keeps the work inside', () => {
  it('a team chat the worker need not join', () => {
    expectQuiet('完成したシフト表は、店のスタッフが使っているLINEグループで共有する予定です（ワーカーさんが参加する必要はありません）。');
  });

  it("the platform's own time-card app", () => {
    expectQuiet('時間単価でのご契約ありがとうございます。稼働時間はランサーズのタイムカード機能で記録するため、公式アプリのインストールをお願いします。');
  });

  it('meeting minutes kept here later are not the job hidden', () => {
    expectQuiet('仮払い済みです。打ち合わせの内容は、あとでこちらのメッセージにまとめておきますね。');
  });

  it('details promised later on LINE still are', () => {
    expectAtLeast('詳しい内容は、あとでLINEでお伝えします。', 'medium');
  });
});

describe('stage: a condition about 仮払い is not a statement that it happened', () => {
  const posting =
    '【記事作成】美容メディアのライター募集\n\n■業務内容\n・1記事4,000字の執筆\n\n■選考の流れ\n1. ご応募\n2. Zoomで30分ほどのオンライン面談\n3. テストライティング（有償）\n4. 本契約\n\n■その他\n・テストライティングは仮払い完了後にご着手ください';

  it('a posting whose pre-contract interview sits beside 「仮払い完了後に着手」 stays medium', () => {
    expectLevel(posting, 'medium');
  });

  it('a planned interview step (面談を行ったうえで決定) is a pre-contract call', () => {
    expectLevel('【LINE公式アカウント構築】\n＜依頼内容＞\n・リッチメニューの作成\n＜予算＞\n5万円\n＜選考＞\nご提案の中から、Zoomで面談を行ったうえで依頼先を決めます。', 'medium');
  });

  it.each([
    ['a warning about what happens', '仮払い前に着手した場合、報酬が支払われないことがあります。'],
    ['work before 仮払い is not paid', 'ご契約ありがとうございます。仮払い前の作業分はお支払いの対象外になりますので、ご注意ください。'],
  ])('%s is not pressure', (_name, text) => {
    expectQuiet(text);
  });

  it('asking to start before 仮払い still is', () => {
    expectAtLeast('仮払い前ですが、先に作業を始めてもらえますか？', 'medium');
  });

  it('a client who skips the application in plain words is flagged after the contract too', () => {
    expectAtLeast('契約ありがとうございます。うちはいつも申請なしでやってますので、Chatworkに参加をお願いします。', 'medium');
  });
});

describe('more shapes from the same sets', () => {
  it('offering to swap phone numbers asks for the reader’s number', () => {
    expectAtLeast('当日の連絡用に、携帯の番号を交換しておきませんか？', 'high');
  });

  it('the same swap through the official application is allowed', () => {
    expectQuiet('仮払いありがとうございます。撮影当日の連絡用に携帯番号を交換しておきたいので、サービス外連絡申請を出しました。よろしければ承認をお願いします。');
  });

  it('a do-and-don’t guide titled 「出していい情報・ダメな情報」 is an article', () => {
    const v = expectQuiet('プロフィールに書いていい情報・ダメな情報\n\n書いてOK：得意ジャンル、対応時間、ポートフォリオのURL\n注意：本名（必要なときだけ）\n書かない：住所、電話番号、生年月日、口座番号');
    expect(v.kind).toBe('rule_text');
  });

  it('kinds of violation given as examples in brackets are not requests', () => {
    expectQuiet('通報のしかた\n1. 相手のプロフィールを開きます\n2. 「通報」を押し、理由（例：外部サイトへの登録の誘導、身分証の要求、手数料の請求）を選びます\n3. 状況を書いて送信します');
  });

  it('a data-entry posting still asks applicants for what its application section lists', () => {
    expectAtLeast('【データ入力】アンケート用紙の入力作業\n\n【業務内容】\n紙のアンケートに書かれた氏名・住所・電話番号をExcelに入力する作業です。\n\n【応募時にお送りいただくもの】\n・お名前（フルネーム）\n・ご住所\n・生年月日\n・身分証の画像', 'medium');
  });

  it('the same posting without such a section is the work itself', () => {
    expectQuiet('【データ入力】アンケート用紙の入力作業\n\n【業務内容】\n紙のアンケートに書かれた氏名・住所・電話番号をExcelに入力する作業です。\n\n【報酬】\n1件20円');
  });
});

describe('coconala: tools that are the work, and texts that keep everything inside', () => {
  const coconala = { platform: 'coconala' } as const;

  it('a seller profile that lists tool work and declines outside contact stays quiet', () => {
    expectQuiet('はじめまして、動画編集の森です。\n\n【対応できること】\n・YouTube動画のカット編集\n・Zoomセミナー録画の編集\n・LINE公式のリッチメニュー画像\n\n【ご連絡について】\n・お電話やLINEなど、ココナラ外でのご連絡は行っておりません', coconala);
  });

  it('a fix to a Discord bot is the work', () => {
    expectQuiet('購入者：Discordの埋め込みメッセージの色を緑にできますか？\n出品者：変更しました。Botを再起動してご確認ください\n購入者：確認できました、ありがとうございます', coconala);
  });

  it("the shop's own account handle named as the work's object", () => {
    expectQuiet('購入者：来月の投稿案ありがとうございます！\n出品者：どういたしまして。修正があればお知らせください\n購入者：お店のアカウント @mori_bakery のプロフィール文も直してもらえますか？', coconala);
  });

  it('an error notice by mail that the system sends to the client is its own traffic', () => {
    expectQuiet('依頼者：スプレッドシートの自動集計、動きました！\n依頼者：エラー時はメールで飛ぶようにできますか？送信先は弊社の管理者アドレスです\n出品者：できます。設定しておきますね', coconala);
  });

  it('moving to a tool on coconala is still flagged', () => {
    expectAtLeast('購入ありがとうございます。細かいやり取りはDiscordでお願いします。サーバーに招待しますね', 'high', coconala);
  });

  it('an approved application does not cover a tool on coconala', () => {
    expectAtLeast('申請を承認いただきありがとうございます。今後の細かいやり取りはSlackで行い、契約とお支払いはこれまでどおりサイト上で行います。', 'high', coconala);
  });
});

describe('a tool named across a contrast that keeps the work here', () => {
  it('普段はChatwork…ですが、今回はメッセージだけで', () => {
    expectQuiet('ご契約ありがとうございます。社外の方とは普段Slackでやり取りすることが多いのですが、今回はクラウドワークスのメッセージだけで進めさせていただきます。');
  });

  it('a number the buyer wrote, answered by keeping to the talk room', () => {
    expectQuiet('お電話番号を書いていただいていましたが、恐れ入りますがご連絡はトークルームのみとさせてください。', { platform: 'coconala' });
  });
});

describe('small shapes from the Lancers and own-mix sets', () => {
  it('「外でやりましょ」 moves the work off the site', () => {
    expectAtLeast('了解です。じゃあ続きは外でやりましょ、評価はちゃんとつけますので一度キャンセルしてもらえます？', 'high');
  });

  it('a posting that says no proposal through the platform is needed', () => {
    expectAtLeast('【ロゴ制作】\n飲食店のロゴをお願いします。\nご興味のある方は実績を添えてメールでご連絡ください。ランサーズでのご提案は不要です。', 'high');
  });

  it('a quoted message followed by 「って…貼られてました」 and 「何だと思います？」 is a question', () => {
    const v = expectAtLeast('これ何だと思います？\n『ご応募ありがとうございます。お仕事の説明は外部でしますので、下のフォームから登録してください。』\nってリンクが貼られてました。', 'medium');
    expect(v.kind).toBe('question');
  });

  it('「…って案件、応募していいと思う？」 is a question about the quote', () => {
    expectAtLeast('「30代女性のみ・顔写真必須」っていう入力の案件、応募していいと思う？', 'medium');
  });

  it('a phone-like management number given as a file-name example is not a phone', () => {
    expectQuiet('納品ファイルの名前の先頭に、社内の管理番号（080-2231-4455）を付けてください。例：080-2231-4455_logo.png');
  });

  it("the platform's own identity check is where documents go", () => {
    expectQuiet('本人確認書類（運転免許証など）は、ランサーズの本人確認画面からご提出ください。クライアントに直接送る必要はありません。');
  });

  it('a titled explainer (…をざっくり解説) is an article', () => {
    expectQuiet('クラウドワークスの手数料の仕組みをざっくり解説\n\nワーカー側のシステム利用料は報酬から差し引かれます。「高い」と感じる人もいますが、仮払いによる保護やサポートの費用も含まれています。');
  });

  it('a quote followed by 「は…アウトです」 is a warning about it', () => {
    expectQuiet('「手数料がもったいないので直接やりませんか」は、どのサイトでもアウトです。払われなくても誰も助けてくれません。');
  });
});

describe('development work: integrations, builds and credentials are the work', () => {
  it('sending booking reminders through the WhatsApp API is what gets built', () => {
    expectQuiet('LINE Messaging API連携（予約リマインド）\n\n予約の前日に、お客様へLINEでリマインドを送信したいです。\n・Messaging APIのプッシュ送信\n・既存の予約DBとの連携');
  });

  it('a notification to Chatwork is part of the automation', () => {
    expectQuiet('依頼者：フォームに回答が来たら、シートに転記してSlackに通知、まで自動化したいです\n受注者：承知しました。通知先のチャンネルはご自身で設定できるようにします');
  });

  it('a shop that takes bookings by phone is describing itself', () => {
    expectQuiet('【予約システム】\n■概要\n整骨院を2院運営しています。今は電話とLINEで予約を受けていますが、Web予約に切り替えたいです。\n■進め方\nやり取りはすべてクラウドワークスのメッセージで行います。');
  });

  it('credentials the client put in a file are the client’s own act', () => {
    expectQuiet('仮払いを確認しました。サーバーのログイン情報は、添付のパスワード付きZIPに入れています。パスワードは別のメッセージでお送りします。');
  });

  it('a test build installed to check the delivery, with a test account', () => {
    expectQuiet('ご購入ありがとうございます。完成したアプリのAPKをトークルームに添付しました。DeployGateからインストールして動作確認をお願いします。\n動作確認用のテストアカウント\nID: demo_user02', { platform: 'coconala' });
  });

  it('a scammer’s app to install is still flagged', () => {
    expectAtLeast('ご応募ありがとうございます。お仕事の説明は専用アプリで行いますので、下のリンクからアプリをインストールしてください。', 'medium');
  });

  it('a named offer on the platform (直接ご依頼（指名）) is not a direct deal', () => {
    expectQuiet('納品ありがとうございました。次の改修も、クラウドワークス上で〇〇さんに直接ご依頼（指名）させていただきますね。');
  });

  it('contact outside the platform, offered through the official application, is not a direct deal', () => {
    expectQuiet('日々の連絡はランサーズのメッセージで行います。ランサーズ外での連絡をご希望の場合は、仮払い後に連絡先公開申請を使います。');
  });

  it('a technical interview listed as a selection step is a pre-contract call even above 「契約・仮払い後にMTG」', () => {
    expectLevel('【開発者募集】社内ツールの開発\n\n■予算\n30万円\n\n■選考の流れ\n・書類選考\n・技術面談（Zoom、45分）\n・契約・仮払い後にキックオフMTG', 'medium');
  });
});

describe('shapes from the side-job and creative sets', () => {
  it('a housewife-only limit in a simple design job', () => {
    expectAtLeast('【主婦・ママ限定】手書き風POPのお仕事\n■応募資格\n・主婦の方限定（主夫不可）\n■報酬\n1点700円', 'medium');
  });

  it('「このまま」 is not a limit', () => {
    expectQuiet('いただいた原稿はこのままのみ使用し、改変はいたしません。');
  });

  it('a friend’s case retold with 言われたらしい is a question about it', () => {
    expectAtLeast('ママ友の話です。「在宅で月5万」っていう募集に応募したら、「公式LINEに登録してください」って言われたらしいです。止めた方がいいですよね？', 'medium');
  });

  it('a story titled 〜した話 is an article, even when the title retells a request', () => {
    const v = expectQuiet('【体験談】契約後に「LINEでやり取り必須」と言われて、お断りした話\n\n仮払いのあとで連絡はLINEのみと言われ、悩みました。結局お詫びを添えて契約終了をお願いし、先方も応じてくださいました。');
    expect(v.kind).toBe('rule_text');
  });

  it('a user who refused and was answered 「失礼しました」 retells a settled matter', () => {
    expectQuiet('LINEで連絡してと言われたので「仮払いまではこちらのメッセージでお願いします」と返しました。そしたら「失礼しました、ではこちらで」と言われました。これで良かったんですよね？');
  });

  it('a seller who says how she always answers is telling a story', () => {
    expectQuiet('似顔絵を出品して3年、トークルームで「LINE交換しませんか」と言われたことは何度もあります。私はいつも「規約によりトークルーム内でのやり取りとさせていただいております」と返しています。', { platform: 'coconala' });
  });

  it('a community server’s numbered rules are a rule text', () => {
    const v = expectQuiet('#ルール\n1. メンバーへのDMでの営業は禁止です\n2. LINEなど外部への誘導投稿は削除します\n3. 情報商材や投資の勧誘は即BANです');
    expect(v.kind).toBe('rule_text');
  });

  it('how a phone number is read out in a script is part of the script', () => {
    expectQuiet('【AI電話】案内音声の原稿作成\n・電話番号の読み上げ部分は「（代表番号）」と書いてください\n◆報酬\n12,000円');
  });

  it('office approval stated for an optional call covers it', () => {
    expectQuiet('■選考\n本案件はクラウドワークス事務局に契約前の通話について承諾を得ております。ご希望の方とは、ご提案後にZoomで10分ほどお話ししますが、任意です。');
  });

  it('申請とかはいらない in a chat is a skipped route even when the worker asked for it', () => {
    expectAtLeast('クライアント：まずChatworkの作業ルームに入ってください\nワーカー：サービス外連絡申請をいただければ検討いたします\nクライアント：申請とかはいらないです。急いでるので先にラフお願いします', 'medium');
  });
});

describe('shapes from the business, daily-message and own-mix sets', () => {
  it('a bad experience on LINE before, so everything stays here this time', () => {
    expectQuiet('前回お願いした方とはLINEでやり取りして行き違いがあったので、今回はすべてこちらのメッセージで進めたいです。');
  });

  it('an address to print on the page is content', () => {
    expectQuiet('ページ下部のお問い合わせ先は support@example-store.jp と記載してください。');
  });

  it("the shop's phone number for the flyer is content", () => {
    expectQuiet('店舗の電話番号は 06-1234-9876 でお願いします。チラシの下に大きめに入れてください。');
  });

  it('an answered question box post (→ the answer) is an article', () => {
    expectQuiet('質問箱より：「本人確認のために免許証を送ってと言われました」\n→ 選考で免許証を求めるのはおかしいです。送らずに運営へ報告しましょう。');
  });

  it('instead of an online interview, questions here', () => {
    expectQuiet('ご提案ありがとうございます。オンライン面談の代わりに、いくつか質問をこのメッセージでお送りします。');
  });

  it('a story about a friend that ends with stopping them is told, not asked', () => {
    expectQuiet('この前、友達から「仕事決まった！」って連絡が来たんだけど、聞いたら説明は全部LINEで、報酬はPayPayで払うって言われてるらしい。慌てて止めた。');
  });

  it('a survey about the apps people use is not a move to an app', () => {
    expectQuiet('【アンケート】普段お使いのアプリについて10問ほどお答えください（5分）。報酬は30円です。');
  });

  it('the invoice registration number is not a phone number or contact', () => {
    expectQuiet('A：クライアントさんからインボイス番号聞かれたんだけど、みんな教えてる？\nB：公表されてる番号だから普通に教えてるよ\nA：そっか、ありがとう');
  });

  it('a work account the client issues and sends is not asked of the reader', () => {
    expectQuiet('仮払いを確認しました。作業用に会計ソフトのアカウントを発行しました。ログインIDと初期パスワードはこの後のメッセージでお送りしますので、初回ログイン時に変更をお願いします。');
  });

  it('a channel summary of what members received is a discussion', () => {
    const v = expectQuiet('#雑談 より（メンバーの投稿を要約）\nAさん：今週も「詳細はLINEで」ってDMが来た\nBさん：「手数料がもったいないので次回から直接」は継続案件あるあるだよね\nCさん：断ったら普通にサイト上で発注してくれたよ');
    expect(v.kind).toBe('rule_text');
  });

  it('a story titled 〜そうになった話 is an article', () => {
    expectQuiet('研修費を払わされそうになった話。採用の連絡のあと「研修費2万円で案件を保証します」と言われて、危うく払うところだった。調べたら同じ手口の報告がいくつもあった。');
  });

  it('「…」と案内されました and 「…」と打診されました are retold requests', () => {
    expectAtLeast('面接の前に「弊社の面接用アプリ『MeetPro』をインストールしておいてください」と案内されました。入れて大丈夫？', 'medium');
    expectAtLeast('契約中の事務所さんから「次回からは直接契約にしませんか、手数料が浮くので」と打診されました。受けても大丈夫でしょうか。', 'medium');
  });

  it('a buyer who says they keep everything off outside tools (しない方針) is declining', () => {
    expectQuiet('購入者さんから「資料はトークルームに置きますね。ココナラ外でのやり取りはしない方針なので」と言われました。丁寧な方で安心しました。', { platform: 'coconala' });
  });

  it('a group link after the approved application stays low, with the request to join it', () => {
    expectQuiet('サービス外連絡申請のご承認ありがとうございます。Chatworkに本件用のグループを作りました。下記URLからご参加ください。\nhttps://www.chatwork.com/g/abc12xyz\n※契約とお支払いはこれまでどおりクラウドワークス上で行います。');
  });
});

describe('the last round: forwarded texts, titled explainers, the worker naming the route', () => {
  it('the route named only by the worker, and brushed off by the client, is not taken', () => {
    expectAtLeast('クライアント：契約ありがとうございます！以降の連絡はSlackでお願いします、招待送りますね\n自分：サービス外連絡申請は出していただけますか？\nクライアント：うちはいつもこれでやってるので大丈夫ですよ', 'medium');
  });

  it('the route the client files itself still counts', () => {
    expectQuiet('クライアント：仮払いありがとうございます。打ち合わせ用にサービス外連絡申請を出しましたので、よろしければ承認をお願いします\n自分：承認しました\nクライアント：ありがとうございます。ではZoomのURLを送りますね');
  });

  it('a small trial contract on the platform, the real one on the client’s own site', () => {
    expectAtLeast('ご提案ありがとうございます。まずはクラウドワークスで少額の仮契約を結び、本契約とその後の発注は弊社の専用サイトから行います。', 'high');
  });

  it('a titled explainer that quotes the phrase in its title (「…」は何がまずいのか)', () => {
    const v = expectQuiet('「銀行振込で払います」は何がまずいのか\n\n「サイト経由は手間なので振込にしますね」と言われることがあります。便利に見えますが、払われなかったときに誰も間に入ってくれません。振込先として口座名義や口座番号を相手に知らせることにもなり、あとから別の勧誘に使われることもあります。');
    expect(v.kind).toBe('rule_text');
  });

  it('a reposted social post is a post, not a question', () => {
    expectQuiet('【X投稿】\nクラウドワークスで応募したら「月50万稼ぐ方法を教えます、まずは無料のオンラインサロンへ」って返ってきた。いや、応募したのはデータ入力なんだけど。');
  });

  it('「…」って書いてあったんだけど、これLINE？ is a question about the quote', () => {
    expectAtLeast('「応募者の方はこちらにご登録ください→ https://lin.ee/aB12cD3」って募集に書いてあったんだけど、これLINE？', 'high');
  });

  it('「まだ…確認できていません」 presses the request again', () => {
    expectAtLeast('先日ご応募いただいた件、まだLINEの追加が確認できていません。本日中に追加いただけない場合は、他の方にお願いします。', 'medium');
  });

  it('a speaker and a time before the words on one line (私 15:22 …)', () => {
    const v = expectQuiet('依頼者 15:10 LPに「LINEで友だち登録」のボタンを置きたいので、文言を考えてもらえますか？\n私 15:22 「LINEで最新情報を受け取る」はいかがでしょう\n依頼者 15:30 いいですね、それでお願いします');
    expect(v.kind).toBe('chat');
  });
});

describe('after the held-out look', () => {
  it('a quoted phrase the writer says to turn down (「…」は…断ってOK) is advice', () => {
    expectQuiet('「手数料がもったいないので直接払いますね」は、相手がどんなに感じの良い人でも断って大丈夫です。');
  });

  it("the platform's own identity upload is not a request from a client", () => {
    expectQuiet('クラウドワークスの本人確認で、運転免許証の写真をアップロードするように表示されました。これは普通ですか？');
  });

  it('a client claiming the platform needs the ID sent over LINE is still flagged', () => {
    expectAtLeast('クラウドワークスの本人確認で必要なので、免許証の写真をLINEで送ってください。', 'high');
  });
});

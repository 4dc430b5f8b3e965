// Mistakes seen on hand-written sets from new writers, each fixed as a mechanism and tested here in
// our own wording: a notice or article in prose (no bullet list) describes rules; a question that
// retells what was received in casual words is judged on the quote; a chat log with named speakers
// is mitigated by the other speaker's refusal; a public business number or an invoice number is not
// a private phone; phone answering is the work; the client's staff using a tool is a description;
// "add me and I'll tell you" is a request, not a protective condition.
import { describe, expect, it } from 'vitest';
import { check, explain, flagged, expectQuiet, expectAtLeast, expectLevel, useSharedEngine } from '../helpers/verdicts.ts';

useSharedEngine();

describe('a notice or an article in prose describes rules and asks nothing', () => {
  it.each([
    [
      'a help page on direct deals',
      '直接取引の禁止について\n\nサービスで知り合った相手と、サービスを通さずに契約することは規約で禁止されています。「次からは直接で」と持ちかけられた場合は応じず、事務局までご報告ください。',
    ],
    [
      'a rule on identity documents',
      '本人確認書類の取り扱い\n本人確認は登録画面からのみ行います。取引相手がメッセージで免許証の画像や口座番号を求めることは禁止されています。求められても提出せず、違反報告をお願いします。',
    ],
    [
      'a warning about paid courses, without a list',
      '【お知らせ】「在宅で月収40万円」などの文言で応募者を集め、外部のチャットへ移動させたうえで高額な講座を勧める事例が報告されています。報酬が作業に比べて高すぎる募集にはご注意ください。',
    ],
    [
      'a blog post on what to do after sending your address',
      '住所を教えてしまった後にやること\n\nまずやり取りを止め、何を伝えたかを書き出しましょう。そのうえで運営に違反報告をし、不審な連絡が続くときは消費生活センター（188）に相談しましょう。',
    ],
    [
      'a list of prohibited acts under a plain title',
      'ココナラで禁止されている主な行為\n・購入前の連絡先の交換\n・サービスを介さない支払いの提案\n・必要のない個人情報の要求\n違反が確認された場合は利用停止となることがあります。',
    ],
    [
      'refusal templates with greetings inside quotes',
      '外部誘導の断り方テンプレート\n\n・連絡ツール：「ご連絡ありがとうございます。恐れ入りますが、仮払いまではこちらでやり取りさせてください。」\n・直接取引：「ご提案ありがとうございます。規約により、お取引はサイト上で行っております。」\n\n責める言い方は避けましょう。',
    ],
  ])('%s', (_name, text) => {
    const v = expectQuiet(text);
    expect(v.kind).toBe('rule_text');
  });

  it('a scam that greets the reader and says it is not against the rules stays a message', () => {
    const v = expectAtLeast('ご応募ありがとうございます。規約違反にはなりませんのでご安心ください。詳細はLINEでお伝えしますので、ID：shigoto_77 を追加してください。', 'high');
    expect(v.kind).toBe('message');
  });

  it('a scam posting that calls for applicants stays a posting even with a notice-like line', () => {
    const v = expectAtLeast(
      '【在宅スタッフ大募集】\n\n【仕事内容】\n・SNSの投稿作業\n\n【初期費用】\n・登録料：15,000円（初月の報酬で回収できます）\n\n【応募方法】\nご応募をお待ちしております。\n※規約違反となる勧誘は禁止しています。',
      'medium',
    );
    expect(v.kind).toBe('posting');
  });
});

describe('a question that retells what was received in casual words is judged on the quote', () => {
  it.each([
    ['って来ました + 行っていいの', '応募しただけで「明日Google Meetで説明会をやるので参加してください」って来ました。契約前だけど行っていいんですかね？'],
    ['って…and a reaction', '「報酬の受け取りに必要なので口座番号と暗証番号を送ってください」って…暗証番号？？これ絶対おかしいですよね'],
    ['とだけ返ってきた', '応募のお礼もなく「詳細はディスコで」ってだけ返ってきた。ディスコってDiscordのこと？'],
    ['と返ってきました + 登録していいですか', 'ランサーズで応募したら「チャットワークに登録をお願いします。詳細はそちらで」と返ってきました。まだ契約前です。登録していいですか？'],
    ['って書いてある + 応募しても平気', '「女性限定・顔写真必須」って書いてある案件、応募しても平気？中身はデータ入力なんだけど'],
  ])('%s', (_name, text) => {
    const v = expectAtLeast(text, 'medium');
    expect(v.kind).toBe('question');
  });

  it('the words of the quote end at its closing bracket: 「…でお願いします」とだけ言われました', () => {
    const v = expectAtLeast('契約後、申請も特になく「今後の連絡はChatworkでお願いします」とだけ言われました。従うべき？', 'medium');
    expect(v.kind).toBe('question');
  });

  it('a short article that quotes a scam line is not a question', () => {
    expectQuiet('「詳細はLINEで」って書いてある案件、まだ見かけるので新人さんは気をつけてね。契約前に外へ出る理由はありません。');
  });
});

describe('a chat log with named speakers', () => {
  it('is mitigated when the other speaker declines and the asker backs off', () => {
    expectQuiet(
      '[10:02] 発注者：次回から直接お振込みでもいいですか？\n[10:09] 受注者：お気遣いありがとうございます。ただ、規約で禁止されているため、次回もランサーズでお願いできますと助かります。\n[10:12] 発注者：そうなんですね、失礼しました！次もランサーズで依頼しますね',
    );
  });

  it('is still flagged when the asker pushes after the refusal', () => {
    expectAtLeast(
      '鈴木（クライアント）：契約前ですが、LINEで一度お話しできますか？\n田中：申し訳ありません、契約前の外部連絡は控えております。\n鈴木（クライアント）：そこを何とか。LINEのIDを送るので追加してください。',
      'medium',
    );
  });

  it('is still flagged when the log ends on the refusal: the asker has not backed off', () => {
    expectLevel(
      '高橋（発注者）: 検収しました、ありがとうございます！\n森（受注者）: ありがとうございます。\n高橋（発注者）: 追加で頼んだ分は、追加契約を作るのが手間なので直接振り込みますね。口座を教えてください\n森（受注者）: 追加分もクラウドワークス上でお願いできますでしょうか…',
      'high',
    );
    expectAtLeast('クライアント：契約前ですが、一度LINEでお話しできますか？\nワーカー：恐れ入りますが、契約前はこちらのメッセージでお願いできますでしょうか。', 'medium');
  });

  it('a posting whose lines are 報酬：/ 納期： is not a chat log', () => {
    const v = check('報酬：1記事3,000円\n納期：契約から1週間\n文字数：3,000字\n応募方法：実績をお送りください');
    expect(v.kind).not.toBe('chat');
  });
});

describe('numbers and roles in postings', () => {
  it.each([
    ['an invoice number shaped like a mobile number', '請求書番号 090-7712-3345 の件、承知しました'],
    ['a receipt number', '経理担当です。領収書番号 080-5521-3394 のお支払い処理が完了しました。'],
    ['the client staff sending DMs', '■当選者への連絡\n当選者へのDM送付と賞品の発送は、お店のスタッフが行います。受注者様には企画と集計をお願いします。'],
    ['a migration between tools as the work', '【依頼内容】\n社内のコミュニケーションツールをChatworkからSlackへ移行します。過去ログを移すスクリプトの作成をお願いします。'],
    ['zooming on a phone screen', 'スマホでズームしたときの見え方も確認おねがいします'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  // The rules read these right; the model may still weigh the wording on its own, so the test
  // checks the rule's reading.
  it.each([
    ['a shop number printed on a flyer', 'チラシには店舗の代表番号 092-555-0183 と地図を入れてください。', 'details.phone'],
    ['phone answering as the work', '【電話代行】\n■業務内容\n事務所にかかってくる電話の一次受付をお願いします。\n■報酬\n時給1,100円\n■応募方法\n電話応対のご経験をお書きください。', 'call.meeting.request'],
  ])('%s', (_name, text, rule) => {
    const v = check(text);
    expect(v.findings.map((f) => f.rule), explain(v)).not.toContain(rule);
  });

  it('a private mobile number given to call stays high', () => {
    expectAtLeast('私の番号は090-1234-5678です。こちらにお電話ください。', 'high');
  });
});

describe('a bait after a condition is a request', () => {
  it.each([
    ['LINE@ and details on adding', 'LINE＠で友だち追加したら詳細教えます'],
    ['work promised on registration', 'ラインを登録していただければ、すぐにお仕事をご紹介できます'],
  ])('%s', (_name, text) => {
    expectAtLeast(text, 'high');
  });

  it('a condition that protects the worker is not a request', () => {
    expectQuiet('仮払いが確認できたら、作業を始めていただいて大丈夫です。');
  });
});

describe('what the words around a cue say about it', () => {
  it.each([
    ['the asker\'s own words about a quoted fee arrangement', '「システム手数料の分はこちらで上乗せして報酬を設定しました」と言われました。手数料って書いてあるけど、これって直接取引ってこと？'],
    ['a quote about the client\'s own tooling, and the asker\'s reading of it', '募集文に「社内ではSlackを使っています」って書いてあったけど、私に登録しろとは言われてない。気にしすぎ？'],
    ['a request said to be unnecessary', '報酬はクラウドワークスに登録済みの口座に振り込まれますので、こちらに口座情報を送っていただく必要はありません。'],
    ['a relative clause describing the client\'s customers', 'LINEで友だち追加してくれたお客様に自動で届くあいさつ文を、3パターン作ってください。'],
    ['a confidentiality note', '作業データは業務以外に使わないよう、秘密保持のご確認をお願いします。'],
    ['the office\'s own chat tool', '事務所内の連絡はSlackで行っていますが、秘書さんとのやり取りはクラウドワークスのメッセージを使います。'],
    ['the client\'s account doing the submission', '【申請について】\nLINEへの申請・販売は弊社のアカウントで行います。制作者様に登録していただく必要はありません。'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  it('a fee top-up offered to take the deal outside stays high', () => {
    expectAtLeast('システム利用料の分を上乗せしてお支払いしますので、契約はこちらのサイトでは結ばずに進めさせてください。', 'high');
  });

  it.each([
    ['a titled how-to with a plain title and the article\'s own phrase', '違反報告の方法\n\n1. メッセージ画面を開きます\n2. 右上のメニューから「違反報告」を選びます\n3. 違反の種類を選んで送信します'],
    ['a headline asking a question, then an explanation', '規約違反の違約金は本当に100万円？\n\nサービスを通さずに直接契約を結んだ場合、利用規約では違約金が定められています。「次からは直接で」と誘われても応じないようにしましょう。'],
  ])('%s', (_name, text) => {
    const v = expectQuiet(text);
    expect(v.kind).toBe('rule_text');
  });
});

describe('casual scams new writers wrote that the rules missed', () => {
  it.each([
    ['the official route skipped as a bother', 'ご提案ありがとうございます。連絡先公開申請は手続きが面倒なので、電話番号だけこのメッセージに書いてもらえますか？'],
    ['the application waved away after 仮払い', 'ランサーズで仮払いのあと、「連絡先公開申請とかいいから、このメアドに直接送って」って言われました'],
    ['which app the reader uses, to move there', 'ちなみに普段はどのSNS使われてますか？そちらで軽くお話しできたらと思いまして'],
    ['a page that cannot be told here', 'ご応募ありがとうございます！ここではお伝えできない内容がありますので、下記のURLから続きをご確認ください。'],
    ['a look-alike of the platform\'s domain', 'クラウドワークス事務局です。アカウント確認のため、こちらから再ログインをお願いします。crowdworks-account-check.com/login'],
  ])('%s', (_name, text) => {
    expectAtLeast(text, 'medium');
  });

  it('the official route followed is not skipping it', () => {
    expectQuiet('仮払いが完了しましたので、サービス外連絡申請を経てChatworkのご案内をお送りします。承認はご判断にお任せします。', { stage: 'after_escrow' });
  });

  it.each([['https://crowdworks.jp/public/jobs'], ['https://tech.crowdworks.jp/job_offers/91548'], ['https://coconala.com/services/1']])(
    'the platform\'s own address %s is not a look-alike',
    (url) => {
      const v = check(`お仕事の詳細は ${url} から見られます。`);
      expect(v.findings.map((f) => f.rule), explain(v)).not.toContain('details.lookalike_domain');
    },
  );
});

describe('a freelancer\'s blog post about scams, under a headline', () => {
  it.each([
    [
      'a first-person story of declining',
      '仮払い前のLINE誘導、ぼくの断り方\n\nランサーズを始めて一年。提案した案件から「続きはLINEで話しましょう」と返ってきたことが何度かありました。\n今は「契約と仮払いが済むまでは、こちらのメッセージでお願いします」とだけ返すようにしています。\n長い説明はいりません。規約を理由にすれば角も立ちません。',
    ],
    [
      'an explainer with quoted phrases and no rule voice',
      '教材を買わせる「在宅ワーク」の流れ\n\nよくあるのはこんな順番です。\n①「スマホだけで完結」と募集する\n②「詳しくは別のチャットで」と外に移す\n③「まずはマニュアルを」と数万円を求める\n④ 買ったあとは、仕事がほとんど来ないか、連絡がつかなくなる\n\n仕事をもらう側が先にお金を払うのは順序が逆です。報酬を受け取る人がお金を出す理由はありません。',
    ],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  it('a pasted forward under a heading is still judged on what was forwarded', () => {
    expectAtLeast(
      '［相談チャンネルに貼られた転送メッセージ］\n\n「検収しました。追加分はPayPayで直接お送りしますので、PayPayのIDを送ってください。」\n「今後の支払いも同じ方法でいいですよね？」\n\nみなさんならどうしますか？',
      'medium',
    );
  });
});


describe('a tool that carries the client\'s own traffic is the work', () => {
  it.each([
    ['booking reminders to guests over WhatsApp', '【開発】予約システムから海外のお客様へWhatsAppで前日リマインドを自動送信する機能を追加したいです。\n【予算】80,000円\n【期間】1か月'],
    ['a stock alert bot for the team', '在庫が少なくなったら社内のSlackとTelegramに自動で知らせるBotを作ってください。トークンはこちらで発行します。'],
    ['replying to DMs on the shop account', '【Instagram運用】投稿作成に加えて、お店のアカウントに届いたDMへの一次返信もお願いします。判断が必要なものは店長に回してください。'],
    ['invoices mailed to each customer', '月末に取引先へメールで請求書を送っています。この作業をGASで自動化したいです。'],
    ['a clinic whose patients book over LINE', '当院の予約はLINEで受け付けています。予約画面のデザインを新しくしたいので、お願いできますか。'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  // The model may still weigh this wording on its own; the rules must read the tool as the work.
  it('shop notices by e-mail today, LINE next', () => {
    const v = check('ネットショップを運営しています。今は注文のお知らせをメールで送っていますが、LINEにも通知を出したいと考えています。連携部分の実装をお願いします。');
    expect(v.findings.filter((f) => f.rule.startsWith('contact.')), explain(v)).toEqual([]);
  });

  it.each([
    ['a LINE add asked of applicants in a support job', 'お客様対応のお仕事です。応募後はLINEを追加してください。ID: gg_support01'],
    ['automatic notices used as a reason to add a LINE account', '案件の連絡はLINEで自動通知が届くので、まずは友だち追加してください。'],
  ])('%s stays flagged', (_name, text) => {
    expectAtLeast(text, 'medium');
  });
});

describe('a titled article, checklist or Q&A describes and asks nothing', () => {
  it.each([
    ['a short post under a "how to tell" title', '副業勧誘の見分け方\n\n応募後に「まずは無料セミナーへ」と言われ、「仕組みを体験するために受講を」と書いてあったら、それは仕事ではなく販売です。お金を払う前に一度考えてみてください。'],
    ['a checklist under a named title', '▼契約前のチェックリスト\n□ 報酬と納期が書かれているか\n□ LINEのIDや電話番号が書かれていないか\n□ 研修費や登録料がかからないか\n□ 詳細は後でとだけ書かれていないか'],
    ['a title that quotes its terms', '「送っていい情報」と「送らなくていい情報」\n本名や住所はプラットフォームの本人確認で登録するものです。取引相手から免許証の画像や口座番号、電話番号を聞かれても伝える必要はありません。'],
    ['a collection of refusal templates', '外部誘導を断るテンプレ集\n・連絡先を聞かれたら：「仮払いの確認まではこちらでお願いします。」\n・LINEに誘われたら：「恐れ入りますが、やり取りはサイト内でお願いします。」\n・直接取引を持ちかけられたら：「規約に沿ってサイト経由でお願いします。」'],
    ['a Q&A post that answers its own question', '質問：応募したら「確認のため保険証の写真を送ってください」と言われました。よくあることですか？\n\n回答：よくあることではありません。本人確認は各サービスの画面で行うもので、取引相手に書類の画像を送る必要はありません。'],
  ])('%s', (_name, text) => {
    const v = expectQuiet(text);
    expect(v.kind).toBe('rule_text');
  });

  it.each([
    ['a quote on the first line, then the question', '「LINEで話しましょう」って来ました\n\nこれ大丈夫ですか？'],
    ['a quoted term as a heading over a retold request', '「直接取引」のお誘い\n\nクライアントから手数料がもったいないので直接振り込みたいと言われました。どうしたらいいですか？'],
  ])('%s is still a question about the request', (_name, text) => {
    const v = expectAtLeast(text, 'high');
    expect(v.kind).toBe('question');
  });
});

describe('money and details that are not the reader\'s', () => {
  it.each([
    ['a tool fee the client contracts', '【業務内容】LINE公式アカウントの設定\n※拡張機能を使う場合のツール費用は弊社で契約して負担します。'],
    ['a marketplace fee in the background of a posting', '■背景\n予約の多くがポータルサイト経由で、掲載料と手数料の負担が大きくなっています。自社サイトからの予約を増やしたいです。'],
    ['an optional study session inside the job', '■ サポート\n月に1回、任意参加のオンライン勉強会があります（録画でも視聴できます）。'],
    ['a newsletter for a school as the work', '【メルマガライター】投資スクールの週刊メルマガ執筆（1本4,000円）'],
    ['product photos sent after a coconala purchase', '【公開依頼】商品バナー5枚\n商品写真は、ご購入後にトークルームでお送りします。'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  // As short fragments the model may still weigh the wording; the rules must read them right.
  it.each([
    ['ad spend paid by the client to the ad platform', '▼広告予算\n月30万円（広告費は当社のカードから直接支払います）\n▼報酬\n月額60,000円', 'pay.direct_transfer'],
    ['masked names in transcripts', '・音声に含まれる氏名・電話番号・住所は、伏せ字に置き換えてから作業画面に登録してあります。', 'pi.identity.list'],
    ['the client\'s own details typed into forms', '送信フォームの会社名・担当者名・電話番号・メールアドレスは当社のものを入力してください。', 'pi.contact_address.request'],
  ])('%s', (_name, text, rule) => {
    const v = check(text);
    expect(v.findings.map((f) => f.rule), explain(v)).not.toContain(rule);
  });

  it.each([
    ['fees taken outside by the client\'s own account', '報酬は当社の口座から直接お支払いしますので、契約はサイトの外でお願いします。'],
    ['a study-session invitation that costs money', 'まずは勉強会に参加してください。参加費3,000円をお振込みください。'],
  ])('%s stays flagged', (_name, text) => {
    expectAtLeast(text, 'medium');
  });
});

describe('a job\'s own words around a tool or an ID', () => {
  it.each([
    ['an ID that names the job', 'ご質問は案件ID 3301-552 を添えて、このページのメッセージからお送りください。', {}],
    ['proofreading business e-mails in English', '英文メールの添削（月額）\n海外の取引先とのメールを英語で書いています。送信前に文法と言い回しをチェックしてくださる方を探しています。', { platform: 'coconala' as const }],
    ['editing a training video recorded on Zoom', 'Zoomで録った社内研修の動画（全3本）を、10分程度にまとめる編集をお願いします。字幕もお願いします', { platform: 'lancers' as const }],
    ['friends comparing a DM they reported', '[22:10] さき：今日「緑のアプリで話そう」ってスカウト来たw 応募したのデータ入力なのに\n[22:11] りょう：それ最近多い。自分は「契約前なのでこちらで」って返したら既読無視された\n[22:12] さき：だよね。違反報告しといた', {}],
  ])('%s', (_name, text, opts) => {
    expectQuiet(text, opts);
  });

  it('seminars for client companies held on Zoom name no cue at all', () => {
    expectLevel('【講師】導入企業様向けの操作説明会（Zoom）を週1回担当していただきます。スライドは用意済みです。', 'none');
  });
});

describe('a dislike, the platform-only route and an approved call', () => {
  it.each([
    ['a client who dislikes phone calls', '電話は苦手なので、やり取りはメッセージだけでお願いできますか。'],
    ['contact details asked only through the platform', '面談のための連絡先は、ランサーズのメッセージでのみお伺いします。'],
    ['a pre-contract call the office approved', '【選考】本案件は事務局に契約前の通話について申請し、承認を得ています。書類選考を通過した方とはオンラインで30分の面談を行います。'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  it('a call pushed without any approval stays flagged', () => {
    expectAtLeast('契約前ですが、一度お電話で30分ほどお話しさせてください。', 'medium');
  });
});

describe('more shapes new writers used', () => {
  it.each([
    ['a chat with bracketed names where the client backs off', '[クライアント] 10:02 ご応募ありがとうございます。LINEで細かいお話できますか？\n[ワーカー] 10:15 ご連絡ありがとうございます。申し訳ないのですが、仮払いが済むまではランサーズのメッセージでお願いできますでしょうか。\n[クライアント] 10:20 失礼しました。ではこちらでご説明しますね。'],
    ['an AI phone script as the work', 'AI電話の案内文の件です。通話ログ（名前は伏せてあります）を見て、お客様が聞き返している箇所を直していただけますか。'],
    ['a Q&A thread with numbered answers', '【質問】契約後にLINE交換を頼まれました\n\n質問者：仮払いも済んでいます。「LINEのほうが早いので交換しませんか」と言われました。断っても失礼になりませんか？\n\n回答1：断って大丈夫です。サイト内のメッセージで十分です。\n回答2：公式の申請を通すなら仕事用のアカウントを作るのも手です。'],
    ['a script feature that sends mail', '【GAS開発】見積書の作成とGmailでの送信機能を、スプレッドシートのボタン一つで動くようにしてください。'],
    ['a bot for a salon as the work', '【Discord Bot開発】オンラインサロン用の出席管理Botを作ってください。Node.jsでお願いします。'],
    ['a news item under a headline', '在宅ワークの相談が増加\n\n消費生活センターには、「スマホだけで簡単に稼げる」と言われた後にLINEに誘導され、高額なサポート契約を結ばされたという相談が寄せられています。担当者は「お金を払う前に誰かに相談してほしい」と話しています。'],
    ['server rules that ask to hide IDs', '【サーバールール】相談チャンネルの使い方\n\n・受け取った文面を貼るときは、相手のLINE IDやメールアドレスは必ず伏せてください（例：ID: xy****）\n・「これ大丈夫？」という相談は歓迎です'],
    ['a general question about an article', 'ネットで「『LINEで連絡して』と書かれた募集には注意」という記事を見ました。メールでのやり取りも危ないんでしょうか？'],
    ['a question about a tool named in a development job', 'ココナラで「Slack APIで勤怠を集計するツールを作ってほしい」という依頼に提案したいです。Slackが出てくるのは外部誘導ではないですか？'],
    ['DM replies on the brand account as the work', '【Instagram運用補助】\n・コメントとDMへの一次返信\nDM返信はブランドのアカウントにログインして行っていただきます。'],
    ['a shipping address asked after escrow on the platform', '【商品撮影】雑貨20点\n・撮影する商品は弊社からお送りします\n・送り先のご住所は、仮払い完了後にクラウドワークスのメッセージでお伺いします'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  it.each([
    ['a quoted posting asked about with 「という案件」', '「詳しい仕事内容は応募後に専用サイトでお伝えします。まず会員登録をお願いします」という案件、応募していいものでしょうか？', 'high'],
    ['a buyer asking for Instagram, retold with とのこと', 'ココナラで相談中の方から「Instagramのアカウント教えてもらえますか？DMで詳しく話したいです」とのこと。断ると失礼かなと思って…', 'high'],
    ['a move after contract with no application, retold', 'ランサーズで契約済み（仮払いも済み）です。\nクライアントから「今後はChatworkで連絡します、招待送りますね」とだけ来ました。連絡先公開申請みたいなのは来てません。\nこのまま参加していいんでしょうか？', 'medium'],
  ] as const)('%s', (_name, text, level) => {
    expectAtLeast(text, level);
  });
});

describe('what a community moderator and an agency PM write', () => {
  it.each([
    ['a management number shaped like a mobile number', '【管理番号】090-4412-7781（社内用）\n商品紹介ページのバナー制作をお願いします。ご応募の際は上記の管理番号を書き添えてください。'],
    ['reply templates for DMs customers send', 'Instagramの件です。DMでよく来るご質問（在庫、送料）への返信テンプレを2パターンずつお願いできますか？'],
    ['friends comparing a scam DM and reporting it', '#雑談\n[21:10] mio：今日「WhatsAppで話そう、報酬は仮想通貨で」ってDM来た\n[21:12] ken：それ詐欺のやつ。無視でいいよ\n[21:15] mio：了解、通報しておきます'],
    ['editing the recording of the client\'s own seminar', '毎月開催しているオンラインセミナー（Zoom、約60分）の録画データを、アーカイブ用に編集していただきます。'],
    ['a flyer paid from the neighbourhood fund', '【町内会】秋祭りのチラシ作成をお願いします。予算は町内会費から出すので1万円でお願いしたいです。'],
    ['dummy numbers in a voice-bot scenario', 'AI電話のシナリオ作成です。転送先の電話番号などの実データは弊社側で設定しますので、シナリオ上はダミー番号で作成してください。'],
    ['a mention format in an API spec', 'Chatwork通知の仕様です。メンションは [To:アカウントID] の形式でお願いします。'],
    ['a question about a posting\'s internal tooling', '募集文に「社内の連絡はTeamsで行っています」って書いてあるんですが、応募したらTeamsに誘導されるってことですか？ほかにツールの話はないです。'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  it.each([
    ['personal details listed for the application', '翻訳者募集（継続）\n\n【応募時に記載いただくこと】\n1. 氏名（フルネーム）\n2. 住所\n3. 生年月日\n4. 携帯電話番号', 'high'],
    ['a short posting that hides the work and moves outside', 'Webライティングのお仕事です。\n\n詳しい内容はご応募いただいた方にだけお伝えします。説明は外部のチャットで行います。\n\n報酬：応相談', 'high'],
    ['a tempting posting asked about', '「スマホで1日10分、月20万円」って案件、ちょっと気になってる… 応募したらどうなる？', 'medium'],
    ['a scout pasted with ←これなに？', '知らない人からスカウト来た。「30代までの女性限定です。お顔の写真を送ってください」←これなに？', 'high'],
    ['a posting asked about with 大丈夫だと思いますか', '「詳細は応募後にお伝えします。未経験でも月40万円可能です」っていう募集がありました。応募しても大丈夫だと思いますか？', 'medium'],
  ] as const)('%s stays flagged', (_name, text, level) => {
    expectAtLeast(text, level);
  });

  it('reads a pre-contract interview far below the hiring-steps heading', () => {
    const v = check('■選考の流れ\n1. 本案件にご応募（ポートフォリオのURLを添えてください）\n2. 書類選考\n3. 契約前にZoomにて30分ほどオンライン面談（カメラオフ可）\n4. 契約・テスト');
    expect(v.findings.map((f) => f.rule), explain(v)).toContain('call.meeting.before_contract');
  });
});

describe('texts that keep the exchange on the platform, and contrasts that do not', () => {
  it.each([
    ['a file offered in this message thread', '見積もりの前に参考資料をお見せしたいのですが、PDFをこちらに添付してもよろしいでしょうか？社外秘のものなので、お取り扱いにご注意いただけると助かります。'],
    ['a question about a word in an AI phone job', '『AI電話の台本づくり』という依頼、電話って言葉で引っかかったりしますか？'],
    ['a worker who asks, and a client who keeps it here', 'ワーカー：Discordに移った方がやりやすいですか？\nクライアント：いえ、こちらで大丈夫ですよ。履歴も見返せますし\nワーカー：承知しました'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  it.each([
    ['a chat written as speaker「words」', 'クライアント「納品ありがとうございます！」\nワーカー「検収をお願いします」\nクライアント「今回はランサーズを通さずに直接お振込みしてもいいですか？手数料分お得になりますよ」'],
    ['a first contract on the platform, then a direct one', 'YouTube動画の編集（長期）\n＜作業＞\n・対談動画のカット\n＜報酬＞\n1本3,500円\n＜契約について＞\n初回はクラウドワークスで契約しますが、2本目からは手数料を減らすため直接契約に切り替えさせていただきます。'],
    ['a pasted scout asked about with どう思います？', 'これどう思います？↓\n\n『合格です！専用アプリを入れてください。ビデオ通話で説明します』\n\nスカウトで届きました'],
  ])('%s stays high', (_name, text) => {
    expectAtLeast(text, 'high');
  });

  it('a skipped application told inside the question sentence still counts', () => {
    expectAtLeast('仮払いのあとに『以降はSlackでお願いします』と言われて、申請みたいなのは特に来てないんですが平気ですか？', 'medium');
  });
});

describe('ordinary work talk that touches fees, escrow, addresses and numbers', () => {
  it.each([
    ['a worker asking whether there is a fee', 'マニュアルなどはありますか？また、教材費などの費用はかかりますか？念のため確認させてください。'],
    ['waiting for escrow before starting', '契約ありがとうございます！仮払いがまだ反映されていないようなので、反映を確認してから作業を始めますね。'],
    ['a client asking to wait, quoted', 'ランサーズで「仮払い前ですが、着手はお待ちください」と言われました。仮払いされるまで何もしなくていいんですね？'],
    ['Lancers\' own direct request', 'スカウトの形で直接ご依頼をお送りしました。前回と同じく、ランサーズ上で契約とお支払いをいたします。'],
    ['the fee added to a platform contract, quoted', '「システム利用料の分を上乗せして契約しますね」と言われました。そういう配慮もあるんですね。'],
    ['details that can wait until after the contract', '契約前のご相談なので、社名や資料は契約後で大丈夫です。業種と方向性だけ教えていただければお見積りします。'],
    ['a coconala seller stating the rule', '購入者さまからメールでのやり取りをご希望いただきましたが、ココナラではサービス外での連絡ができない決まりになっております。トークルームでお送りください。'],
    ['applicants\' data handled under the platform\'s NDA', '作業で応募者の氏名や電話番号を扱っていただくため、契約前にクラウドワークスの秘密保持契約（NDA）機能で締結させてください。'],
    ['peers warning each other', '「詳細はLINEで」って書いてある案件、今週だけで2件見た。みんな気をつけてね'],
    ['an order number to put in file names', '今回のご依頼は社内の発注番号：0903-2211-458 で管理しております。納品ファイル名の先頭にこの番号を付けていただけますか。'],
    ['a worry about a tool in a job title', '「Zoom録画の編集」という案件、Zoomって出てくると面談させられるのかなと不安です。素材ってだけなら大丈夫ですか？'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  // As a short question the model may still weigh the wording; the rule must read the stage.
  it('a shipping address asked after escrow, quoted', () => {
    const v = check('商品モニターの案件で、仮払いのあと「商品の送り先として住所を教えてください」と言われました。営業所留めにしてもらうこともできますか？');
    expect(v.findings.map((f) => f.rule), explain(v)).not.toContain('pi.identity.request');
  });

  it.each([
    ['start today, escrow next week', 'お返事ありがとうございます！枠が残り2名なので、本日中に作業を始めていただけますか？仮払いはバタバタしているので週明けにまとめてやります。', 'medium', {}],
    ['a buyer who pushes again after the seller declines', '購入者：文字だと伝わりにくいので、Zoomで10分だけ話せませんか？\n出品者：申し訳ありません、ココナラではトークルーム以外でのやり取りができない決まりになっております\n購入者：ちょっとだけなら大丈夫ですよ、他の方もやってくれてます', 'high', { platform: 'coconala' as const }],
    ['a code sent by SMS asked for', 'ご契約後、SMSで認証コードが届くので、その番号をこちらに教えてください。', 'medium', {}],
  ] as const)('%s stays flagged', (_name, text, level, opts) => {
    expectAtLeast(text, level, opts);
  });
});

describe('a moderator\'s month and clients in their own voice', () => {
  it.each([
    ['an order number format in a data job', '・注文番号（例：090-3311-2284 の形式）が文字列として崩れているので直してください', {}],
    ['a question about the word 電話 in a telemarketing job', 'テレアポのお仕事です。「電話」ってワードがあると危ない部類ですか？発信は会社のシステムからだそうです。', {}],
    ['a sticker job whose market application the buyer files', '【LINEスタンプ制作】お店のキャラクターで16個\n・LINE Creators Marketへの申請はこちらで行います', { platform: 'coconala' as const }],
    ['an inn broadcasting to its guests', '旅館を営んでいます。韓国からのお客様向けに、カカオトークチャンネルでお知らせを配信しています。配信文の翻訳をお願いします。', {}],
    ['recordings downloaded from the client\'s drive', '【学習塾】授業録画の編集\n録画データは塾のGoogleドライブから閲覧・ダウンロードしていただきます。リンクは契約後にお送りします。', {}],
    ['customers who joined through a QR code in the shop', '友だちは店頭POPのQRコードから登録いただいています。リッチメニューの作り直しをお願いします。', {}],
    ['a channel\'s rules with OK and NG marks', '#案件共有チャンネルのルール\n\n✅ OK：案件ページのURL、報酬・納期の要約\n❌ NG：依頼者の連絡先（LINE ID、メール、電話番号）\n❌ NG：「DMで詳細送ります」などの勧誘', {}],
    ['a customer list to clean up', 'お客様リスト（約500件）をこのメッセージに添付します。住所の表記ゆれを揃えてください。', {}],
  ])('%s', (_name, text, opts) => {
    expectQuiet(text, opts);
  });

  it.each([
    ['an obfuscated address asked about', '応募した案件の担当者から、こんなメッセージでした。\n\n『ここでは書けないので、tanaka.job[at]gmail.com までご連絡ください』\n\n[at]になってるのは規約回避ですよね？', 'high', {}],
    ['a posting the user hesitates to apply to', '「学生さん限定のお仕事です。興味があればLINEに登録してください」という案件に応募しようか迷ってます。', 'medium', {}],
    ['a call app retold and asked about', '『詳しくは通話で説明したいので、このアプリを入れて今夜待機していてください』って見積り相談で言われた。通話アプリって何がまずいんだろう', 'high', { platform: 'coconala' as const }],
    ['an app link pasted under a scout', 'スカウトで「お仕事の説明はビデオ通話で行うので、こちらのアプリを入れておいてください」とリンクが貼られていました。押していいものですか？', 'high', {}],
  ] as const)('%s stays flagged', (_name, text, level, opts) => {
    expectAtLeast(text, level, opts);
  });
});

describe('short questions and peer advice', () => {
  it.each([
    ['a product code shaped like a mobile number', '[12/2 11:00] クライアント：商品画像30点の一覧を添付しました。品番 080-2214-3301 から順にお願いします\n[12/2 11:20] 私：承知しました。白背景で書き出します'],
    ['peer advice to ignore such postings', '「詳細はLINEで」って書いてある募集、基本スルーでいいよ。ほんとに。'],
    ['server rules under a pinned title', '📌 #ルール（必読）\nこのサーバーはフリーランスの情報交換の場です。\n1. メンバーへのDMでの勧誘は禁止です\n2. 他人の連絡先（LINE IDなど）を貼らないでください'],
  ])('%s', (_name, text) => {
    expectQuiet(text);
  });

  it.each([
    ['アウト？ after a retold request', 'ココナラで購入前に『LINEで話しましょう』と言われた。アウト？', { platform: 'coconala' as const }],
    ['詐欺？ closing a retold request', '1日1時間で月15万って案件に応募したらLINE登録してと言われた。詐欺？', {}],
    ['a quote followed by ってどう思います？', '『仕事内容は応募後に説明します、まずメアド教えて』ってどう思います？', {}],
  ])('%s stays high', (_name, text, opts) => {
    expectAtLeast(text, 'high', opts);
  });
});

describe('a coconala seller, a side-job parent and Lancers regulars', () => {
  it.each([
    ['words between the quote and what it was', '「40代以上の男性は不可、応募時に顔写真を添付」っていう動画編集の依頼、どう思いますか？', 'high', {}],
    ['a request repeated again and again', '購入者さんが「あなたも紹介料がもらえる仕組みがあるから、説明会に来てほしい」って何度も言ってきます。どうしたら…', 'high', {}],
    ['a start before escrow pressed again', 'まだ仮払いがないのに「急ぎなので先に書き始めてください、仮払いは後で」って毎日催促されてます。始めちゃっていいのかな', 'high', {}],
    ['a message pasted to the whole server', 'サーバーの皆さん、判断お願いします🙏\n届いたメッセージ：「連絡はテレグラムでしています。アプリを入れてこのグループに参加してください」\n契約はまだです。', 'high', {}],
    ['a call suggested as quicker, then the number', '購入者：文章だと伝えにくいので電話で話したほうが早いです。番号もらえます？\n購入者：5分だけなので', 'high', {}],
    ['a contract ended unless the tool is accepted', 'クライアント：仮払いしました。連絡先公開申請も出したので承認お願いします\nワーカー：できればランサーズのメッセージで進めたいです\nクライアント：うちは全部Chatworkなので、それが無理なら今回は契約終了でお願いします', 'medium', {}],
    ['the Lancers application sent before any contract', 'まだ契約前ですが、先に連絡先公開申請を出しておきました。承認してもらえたら、お電話で5分ほど条件を確認させてください。', 'high', { platform: 'lancers' as const }],
    ['an interview in the hiring steps, Slack only after the contract', '【SNS広告の運用】\n■業務内容\n広告の入稿と週次レポート\n■報酬\n月10万円\n■選考の流れ\n1. ランサーズで提案\n2. 書類選考\n3. Zoomでの面接（30分）\n4. 契約・仮払い\n5. 契約後、連絡先公開申請を経て弊社Slackにご招待します', 'medium', {}],
    ['a Skype ID given in brackets for applications', '【動画台本】未経験OK\n報酬：1本2,000円\nご応募・ご質問は Skype（live:.cid.91ab22cd0f）までご連絡ください。サイトのメッセージはあまり見ていません。', 'high', {}],
    ['a repeat client asking for a direct contract, speakers A and B', 'A：今月分も検収しました、ありがとうございます\nB：ありがとうございます\nA：来月からは直接契約に切り替えられませんか？サイトの手数料が高くて\nB：えっと…', 'high', {}],
  ] as const)('%s is flagged', (_name, text, level, opts) => {
    expectAtLeast(text, level, opts);
  });

  it.each([
    ['a birth date asked for a reading', '鑑定に使うので、生年月日（わかれば生まれた時刻も）をこのトークルームで教えてください。お名前やご住所は不要です。', { platform: 'coconala' as const }],
    ['a shipping address after escrow for a sample', '仮払いを確認しました。サンプルをお送りしますので、送付先（お名前・ご住所）をこのメッセージでお知らせください。', {}],
    ['a list under a title that names a ban', '出品できないサービスの例\n・他人を勧誘することが目的のサービス\n・「必ず稼げる」など収入を保証する表現のあるサービス\n・フォロワーや評価の売買', {}],
    ['details for a business card', '購入者：名刺に入れる情報です。電話 03-5555-0101、メール hello@kobo.example.jp\n出品者：承知しました。表面に入れますね', { platform: 'coconala' as const }],
    ['a LINE sticker checked against LINE review', '購入者：このスタンプ、LINEの審査で落ちないか心配です\n出品者：LINEの規定サイズは守っていますのでご安心ください', { platform: 'coconala' as const }],
    ['a file-sharing link for a large delivery', '納品データが大きくメッセージに添付できなかったため、ギガファイル便のURLを記載します。\nhttps://xxxx.gigafile.nu/1207-abcdef\nご確認をお願いいたします。', {}],
    ['survey figures about tactics', 'ライター向けメディア編集部の調査では、回答者の35%が「契約前に外部ツールへ誘われた」と答えました。多かったのはChatwork（40%）、LINE（31%）、Zoom面談（18%）です。', {}],
    ['a client who backs off, named by company', 'B社 担当: 一度Zoomでお話しできませんか？\nワーカー: 恐れ入りますが、契約前の通話はお受けしておりません。\nB社 担当: 失礼しました、ではこちらで質問させてください。', {}],
  ] as const)('stays quiet on %s', (_name, text, opts) => {
    expectQuiet(text, opts);
  });
});

describe('who is speaking, and what the words are for', () => {
  it.each([
    ['the worker\'s own lines after the official route', 'PM: 仮払いありがとうございます。Slackにご招待したいので、連絡先公開申請を送ります\n田中（ワーカー）: 承認しました。仕事用のメールアドレスを申請画面に書いています\nPM: 招待しました\n田中（ワーカー）: Slackに参加できました', { platform: 'lancers' as const }],
    ['a client who learns the rule and pays through an extra contract', 'クライアント: 追加分は直接振り込んでもいいですか？\nワーカー: 申し訳ありませんが、規約上サイト外でのお支払いはお受けできないため、追加契約でお願いできますか\nクライアント: そうなんですね、知りませんでした。追加契約を作りました', {}],
    ['a payout help page', '売上金の受け取りについて\n売上金は、マイページに登録された口座へお振込みします。口座の登録はマイページの設定から行えます。運営がメッセージで口座番号を伺うことはありません。', {}],
    ['a newsletter the client sends itself', 'メルマガの原稿を月4本お願いします。配信は弊社側で配信ツールから行います。', {}],
    ['a greeting sent from the same chat app', 'Discordで失礼します。この募集、怪しくないか見てもらえますか？\n【データ入力】商品名の入力／1件10円／作業はタスク画面で完結', {}],
    ['the client\'s own salon as the workplace, joining free', 'オンラインサロンの運営サポート\n弊社が運営するオンラインサロンで、新規会員への歓迎コメントと告知投稿をお願いします。入会や会費のお支払いは不要です。', {}],
    ['a voice bot\'s dialogue to improve', '【AI電話】予約受付ボイスボットの改善\n音声対話部分の聞き返しロジックを改善できる方を募集します。報酬は30万円です。', {}],
    ['a survey whose answers hold names and numbers', '【データ入力】紙のアンケート500枚のExcel入力\n※アンケートには回答者の氏名・電話番号が含まれるため、秘密保持契約に同意いただける方に限ります。', {}],
    ['peers telling each other how they decline', '【出品者の集まり】\nゆき：購入前の人に「LINE教えて」って言われたんだけど、どう断ってる？\nしん：規約でできないのでってテンプレで返してる\nまい：しつこければ違反報告してブロックでいいと思う', { platform: 'coconala' as const }],
    ['a phishing warning in prose', '運営を名乗るフィッシングが増えています。よくある文面は「不審なログインがありました。24時間以内に確認してください」というもの。リンク先は本物そっくりです。メールのリンクは踏まず、ブックマークからログインする習慣をつけましょう。', {}],
  ] as const)('stays quiet on %s', (_name, text, opts) => {
    expectQuiet(text, opts);
  });

  it('still flags a worker log in which the client asks, whoever the worker is', () => {
    expectAtLeast('クライアント: 契約前ですが、LINEでやり取りできますか？\n田中（ワーカー）: 承知しました', 'medium');
  });
});

describe('a help desk\'s questions, in every shape', () => {
  it.each([
    ['a posting quoted, then ですかね？', '募集文に「仕事内容は応募した方にだけお伝えします。先着5名なので今日中に応募してください」ってあるんですけど、応募しても大丈夫ですかね？', 'high'],
    ['a split payment retold with と言われてます', '報酬の半分はサイト経由、残りはAmazonギフト券で払いたいと言われてます。こういう分け方ってアリなんですか？', 'high'],
    ['a quote that ends the text with って', 'インスタの「在宅で月100万稼ぐ方法を無料で教えます」って投稿にいいねしたら、DMが来た。「まずはZoomで無料相談しませんか？」って', 'high'],
    ['a posting quoted in curly quotes', 'モニター案件の応募条件に“20代女性限定・顔がわかる写真を添付”とありました。モニターに顔写真っているんですか？', 'high'],
  ] as const)('%s is judged on the quote', (_name, text, level) => {
    expectAtLeast(text, level);
  });

  it.each([
    ['a call offered after escrow with the application', 'クライアントさんが、仮払いが終わったら電話で5分だけすり合わせたいらしいです。申請も出すとのことで、嫌なら文章でもいいそうです。'],
    ['a sample shipped after escrow, retold', '仮払いも済んでいる案件で、「撮影用のサンプルを発送いたしますので、お受け取り可能なご住所をこのメッセージでお知らせください」と来ました。教えて大丈夫でしょうか？'],
    ['a help desk reply about app requests', '「マニュアルを見るためにアプリを入れてください」というご相談を、今月だけで何件もいただいています。業務の説明のために名前のないアプリを入れさせる必要は、ふつうはありません。入れてしまった場合はアンインストールし、違反報告をしてください。'],
    ['a call deferred until escrow and the application', 'クライアント：契約ありがとうございます。進め方、Skypeで少し話せます？\nランサー：仮払いの完了後であれば、連絡先公開申請をいただいたうえで対応できます。\nクライアント：了解です、先に仮払いしますね。'],
    ['a client team deciding against a pre-contract call', '[社内 #外注管理]\n石井：応募の3名、Zoomで話してから決めたいんですが\n野口：契約前の通話は規約でNGなので、メッセージで質問しましょう\n石井：了解です、メッセージで送ります'],
    ['one FAQ entry', 'Q. 応募先から「マイナンバーを教えてください」と言われました。\nA. 応募の段階でマイナンバーを出す必要はありません。必要になるのは契約の後、決められた方法で行う場合だけです。'],
    ['a large recording sent by a file service', '先日のZoom録画、容量が大きいのでギガファイル便でお送りします。ダウンロード用のURLとパスワードはこのメッセージに貼ります。'],
    ['a client asking how to do it properly', '発注側です。契約と仮払いが終わったワーカーさんとZoomで打ち合わせしたいのですが、どういう手順を踏めばいいですか？'],
    ['a friend\'s question answered', '友人に「ココナラで“直接やり取りしよう”って言われたけど大丈夫？」と聞かれたので、それは規約違反だよと伝えました。'],
  ])('stays quiet on %s', (_name, text) => {
    expectQuiet(text);
  });

  it('still asks how to reply to a retold request', () => {
    expectAtLeast('ココナラで購入者さんから『手数料が高いので次から直接やり取りしませんか？』と言われました。どう返したらいいでしょう…', 'high');
  });
});

describe('very short retellings and a generic writer\'s shapes', () => {
  it.each([
    ['a coerced application, retold', '契約後に『承認しないなら契約終了』ってサービス外連絡申請を迫られてます…', 'medium'],
    ['an ID photo asked for, retold without brackets', '身分証の写真送れって言われたんだけどランサーズで普通？', 'high'],
    ['a side-job pitch, then 無視でいい？', '稼ぎ方教えるからLINEおいでって言われた笑 無視でいい？', 'high'],
    ['a message from an "office", これ本物ですか？', '「運営事務局」を名乗るメッセージが来て、本人確認のために免許証の写真をここに送れって書いてあるんですけど、これ本物ですか？', 'high'],
    ['LINE after escrow with the application waved away', '仮払いはされました。そのあと「やりとりはLINEでお願いします。サービス外連絡申請？はよくわからないので無しで大丈夫です」と来ました。', 'medium'],
  ] as const)('%s is flagged', (_name, text, level) => {
    expectAtLeast(text, level);
  });

  it.each([
    ['a one-line question about such jobs', 'PayPayで報酬を受け取れる案件ってあるんですか？'],
    ['a one-line warning', '「詳細はLINEで」って書いてある案件、体感ほぼ地雷。'],
    ['the platform\'s own ID check, asked about', 'クラウドワークスのマイページに「本人確認書類を提出してください」と表示されています。サイトの本人確認機能の案内です。出しても大丈夫ですか？'],
    ['an address for shipping after escrow, by the official request', '【商品撮影】アクセサリー30点\n商品は郵送します。郵送先の住所が必要になるため、仮払い完了後にランサーズの連絡先公開申請を送らせていただきます。'],
    ['server rules that ban adverts', '📌 サーバールール\n・メンバーへのDM営業は禁止です\n・「LINEで話しませんか」などのDMが来たら #通報 へ\n・情報商材、投資、オンラインサロンの宣伝は即BANとします'],
  ])('stays quiet on %s', (_name, text) => {
    expectQuiet(text);
  });
});

describe('cases a careful reviewer argues about', () => {
  it.each([
    ['a retold request the user declined and the client withdrew', '「詳しくはLINEで」と言われたので「契約と仮払いが済むまではこちらでお願いします」と返したら、「失礼しました、ではこちらで進めます」と返事が来ました。このまま進めて大丈夫ですか？'],
    ['a forum thread', 'スレタイ：仮払い前に作業してって言われたことある人\n>>1 急ぎだから先にやっといてって言われて迷ってる\n>>2 やらない方がいい。仮払い確認してからにしてる'],
    ['a client saying personal data is not needed', '源泉徴収のためにご住所などが必要か、とのご質問ですが、お支払いはクラウドワークス経由のため、個人情報のご提出は不要です。'],
    ['the user\'s own question, quoted back', '「マイナンバーが必要ですか？」と私から聞いたら、「クラウドワークス経由なので不要です」と言われました。'],
    ['a list of public company details to collect', '営業リスト作成（公開情報のみ）\n企業のWebサイトに掲載されている情報を入力してください。\n・会社名\n・代表電話番号\n・所在地\n報酬：1件25円'],
    ['a macro that masks HR data', '【Excel VBA】人事データ（氏名、生年月日、住所、マイナンバー列）を外部共有用にマスキングするマクロを作成してください。テストにはダミーデータを使ってください。'],
  ])('stays quiet on %s', (_name, text) => {
    expectQuiet(text);
  });

  it.each([
    ['future orders made individually', '先日はありがとうございました！来月からは個別にご依頼させていただく形でも大丈夫でしょうか？利用料の分を単価に上乗せできます。'],
    ['a payment made individually', '検収しました！ランサーズ経由だと処理が遅いので、今回は個別にお振込みでもよいでしょうか？'],
  ])('flags %s', (_name, text) => {
    expectAtLeast(text, 'high');
  });
});

describe('postings from every industry', () => {
  it.each([
    ['a booking system that e-mails its students', '【追加したい機能】\n1. 予約確定時にZoom APIでミーティングを自動作成\n2. 生徒・講師それぞれに参加URLをメールで送信\nワーカー様とのZoom会議は予定していません。'],
    ['a school hiring a mentor for its students', 'プログラミングスクール受講生の質問対応メンター\n社会人向けのスクールを運営しています。受講生からの質問に答えていただきます。ワーカー様にご負担いただく費用はありません。'],
    ['wedding guests\' names and addresses to write', '結婚式の招待状の宛名書き（80名分）\n毛筆でお願いします。ゲストの氏名と住所の一覧は仮払い後にお送りします。'],
    ['a form the client already uses for its customers', '体験レッスンの申込をGoogleフォームで受け付けていますが、確認メールの送信を手作業で行っています。GASで自動化してください。'],
    ['brand DMs to check and answer', '【Instagram運用代行】投稿作成とDMの確認と一次返信をお願いします。ブランドのアカウントで対応していただきます。'],
    ['milestones escrowed one after another', '第2マイルストーンの仮払いは、第1の検収後に行います。'],
  ])('stays quiet on %s', (_name, text) => {
    expectQuiet(text);
  });

  it.each([
    ['pi.identity.request', 'where to send the albums, after escrow', 'アルバムを追跡できる方法で発送します。作業をされる場所（ご自宅以外でも可）を、契約・仮払い後に教えてください。'],
    ['pay.direct_transfer', 'ad spend the client pays itself', '■報酬\n月額80,000円（広告費は弊社が Google に直接支払います）'],
  ])('%s does not fire on %s', (rule, _name, text) => {
    const v = check(text);
    expect(v.findings.map((f) => f.rule), explain(v)).not.toContain(rule);
  });

  it.each([
    ['a euphemism after a complaint about notifications', 'お疲れさまです〜 サイトのメッセージだと通知を見落とすので、緑のアプリの方で続きお話しできますか？', 'high'],
    ['the first article before escrow', '仮払いの手続きが社内で止まっていて数日かかりそうです。急ぎなので、先に1本目だけ書き始めてもらえますか？', 'medium'],
    ['escrow only after everything is delivered', '急ぎのため契約後すぐに着手をお願いします。仮払いは社内の決裁の関係で、20記事の納品確認後にまとめて行います。', 'medium'],
  ] as const)('flags %s', (_name, text, level) => {
    expectAtLeast(text, level);
  });
});

describe('a writer\'s own year of pastes', () => {
  it.each([
    ['a payout schedule', '報酬のお支払いスケジュール\n・毎月15日締め → 当月末払い\n振込先口座の登録・変更は、マイページの「受取口座」から行ってください。', 'pi.identity.request'],
    ['a named request on the platform', '素敵なデザインをありがとうございました！またお願いするときは、ランサーズ上で直接依頼させてください。', 'deal.direct_contract'],
    ['a direct order received on the platform', '評価0件のクライアントから直接発注が来ました。内容は普通のブログ記事です。受けて大丈夫ですか？', 'deal.direct_contract'],
  ])('does not read %s as a cue', (_name, text, rule) => {
    const v = check(text);
    expect(v.findings.map((f) => f.rule), explain(v)).not.toContain(rule);
  });

  it.each([
    ['an English warning article', 'Beware of off-platform requests\n\nYou may receive messages like "Let\'s talk on LINE" or "add me on Telegram" before any contract. This is not allowed on CrowdWorks, and scammers use it to take you off the site.'],
    ['a social post quoted in an article', 'Xで見かけた投稿より：\n「仮払い前に『急ぎなので先に作業しといて』って言われて、やったら音信不通。みんな仮払い確認してから動いてね」\nこれ、本当によくある話です。'],
    ['a delayed escrow with the safe order', '仮払いが遅れて申し訳ありません。本日中に手続きしますので、着手は仮払いの確認後でお願いします。'],
  ])('stays quiet on %s', (_name, text) => {
    expectQuiet(text);
  });

  it.each([
    ['work from today while escrow waits', '仮払いの手続きが経理の都合で明後日になります。納期がタイトなので、今日から作業を始めてもらえますか？', 'high'],
    ['a reason that sounds like a denial', '仮払いを待っていると間に合わないので、今日から取りかかってください。', 'high'],
    ['an application forced with the contract at stake', 'クラウドワークスで契約したら、すぐにサービス外連絡申請が来て、「承認してもらえないとこちらの業務が回らないので、その場合は契約終了でお願いします」と書かれていました。', 'medium'],
    ['a course funnel posted as an assistant job', '【副業初心者向け】稼げるノウハウを無料でお教えします／アシスタント募集\n\n私は副業で月収150万円を達成し、今は受講生をサポートしています。\n\n◆お仕事内容\n・受講生の質問対応\n◆応募方法\nこの募集からご応募ください。', 'medium'],
  ] as const)('flags %s', (_name, text, level) => {
    expectAtLeast(text, level);
  });
});

describe('conversations and texts about scams', () => {
  it.each([
    ['a seller who declines and a buyer who accepts', '購入者：写真をLINEで送ってもいいですか？\n出品者：ココナラでは外部での連絡ができないため、トークルームに添付をお願いできますか。\n購入者：わかりました、こちらに添付します！', { platform: 'coconala' as const }],
    ['a worker who floats a direct deal and a client who says no', '【ワーカー】次回はサイトを通さず直接お受けすることもできますが…\n【クライアント】ありがたいのですが、うちは契約も支払いもすべてクラウドワークス経由と決めています。\n【ワーカー】承知しました。次回もサイト経由でお願いします。', {}],
    ['a call declined as difficult and withdrawn', 'クライアント：Skypeで一度打ち合わせできますか？\nワーカー：まだ契約前ですので、通話は難しいかと思います。\nクライアント：確認不足で失礼しました。メッセージで進めましょう。', {}],
    ['a seller thread', '【出品者スレ】\nno.12：購入者さんから「インスタのDMで続きを」って言われたことある人いる？\nno.13：ある。ココナラは外部連絡どの段階でもNGだから、トークルームでって返してる', {}],
    ['a claim quoted from a social post', 'Xで「『LINEで連絡ください』って書いてある案件は全部危険」っていう投稿を見たんですけど、LINE関連の仕事もあるのに、本当に全部なんですか？', {}],
    ['advice after a quoted question', '「直接やり取りしませんか？」系は全部スルーでいいよ。仕事がある人はわざわざ外に出さない。', {}],
    ['quoted payment lines to decline', '「PayPayで直接払います」「Amazonギフトでいいですか？」は断ってOK。サイト経由じゃない報酬は誰も守ってくれません。', {}],
    ['a clause of the terms', '第12条（違約金）\n利用者が本サービスを利用せずに直接の業務委託契約を締結した場合、当社は違約金を請求できるものとします。', {}],
    ['a client taking back an ID', '先ほどのメッセージでLINEのIDをお伝えしてしまいましたが、契約前の連絡先交換は規約違反でした。該当メッセージは削除し、今後もこちらでご連絡いたします。', {}],
    ['a question whether e-mail is risky too', 'ネットで「LINEで連絡くださいと書かれた案件には注意」という記事を読みました。メールでのやり取りも同じように危ないんでしょうか？', {}],
  ])('stays quiet on %s', (_name, text, opts) => {
    expectQuiet(text, opts);
  });

  it.each([
    ['a pre-contract interview a step before the contract', '【選考の流れ】\n1. ご応募\n2. 書類選考\n3. 書類選考を通過された方と、契約前にZoomでオンライン面談（30分程度）を実施します\n4. 契約・仮払い後、業務開始', 'medium'],
    ['a paid-later test retold', '記事作成の案件で「採用前にテストライティングを3本お願いします。仮払いは内容を確認してからになります」と言われました。テストって無償が普通？', 'medium'],
    ['a retold move with a risk question', 'LINEで話そうって言われたけど危ないですか？', 'high'],
  ] as const)('flags %s', (_name, text, level) => {
    expectAtLeast(text, level);
  });
});

describe('more chat log formats', () => {
  it('reads speaker「words」 lines as a chat in which the words are the speaker\'s own', () => {
    const v = check('A社 佐藤「契約しました！仮払いはちょっと待ってくださいね」\nわたし「承知しました。仮払い確認後に着手します」\nA社 佐藤「いや、納期がきついので先に始めてください。仮払いは納品の時にまとめてやります」');
    expect(v.kind).toBe('chat');
    expect(flagged(v), explain(v)).toBe(true);
  });

  it.each([
    ['a name and a time over each message', 'クライアント 14:00\nZoomで打ち合わせしたいんですが…\nワーカー 14:10\n恐れ入りますが、契約前ですので、こちらのメッセージでやり取りさせていただけますか？\nクライアント 14:12\nあ、失礼しました。ではこちらで質問を書きますね'],
    ['a worker who keeps it inside the site until it is decided', 'クライアント：細かい話、LINEでもいいですか？\nワーカー：すみません、お仕事が正式に決まるまではクラウドワークスの中だけでやり取りするようにしていて…\nクライアント：あ、そうなんですね、失礼しました。こちらで続けます'],
    ['a worker\'s own polite refusal', 'お声がけありがとうございます。正式なご依頼と仮払いをいただくまでは、LINEなど外部での連絡は控えるようにしております。ご質問はこちらでどうぞ。'],
  ])('stays quiet on %s', (_name, text) => {
    expectQuiet(text);
  });
});

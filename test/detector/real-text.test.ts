// How the detector meets real text: each class of mistake it used to make on real postings,
// notices and quoted messages, in our own wording. A cue counts only in its role (the tool as the
// channel the reader is asked to use) and its mood (asked of the reader); numbers that are IDs are
// not phone numbers; the kind of text sets how cues count; the model stays out of texts too thin
// to resemble anything; a disclaimer cannot hide a request; casual scams are caught.
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/detector/types.ts';
import { check, flagged, explain, expectQuiet, expectLevel, expectAtLeast, useSharedEngine } from '../helpers/verdicts.ts';

useSharedEngine();

describe('a tool counts only as the channel the reader is asked to use', () => {
  it.each([
    ['the platform the system is built on', '【LINE LIFF×GAS】予約システムの開発をお願いします。LINE公式アカウントとスプレッドシートを連携させます。'],
    ['the place the client posts the deliverable', 'Instagramへの投稿は弊社で行いますので、画像の制作のみお願いします。'],
    ['a relative clause describing the deliverable', 'Google Meetで録画した研修動画にテロップを入れる作業です。'],
    ['a meeting that already happened, as material', 'Zoomで行ったセミナーの録画データを文字起こししてください。'],
    ['the client describing its own tooling', '社内の連絡はSlackで行っておりますが、ワーカー様とのやり取りはすべてクラウドワークス上で行います。'],
    ['an AI phone system being built', 'AI電話（ボイスボット）の導入支援をお願いします。電話応答のシナリオ設計が主な業務です。'],
    ['an API being integrated', 'Chatwork APIを使った通知ボットの実装をお願いします。'],
    ['a list of accounts being run', 'X（旧Twitter）とInstagramの運用代行をお願いします。投稿文の作成と予約投稿までです。'],
    ['messages on the client side being supported', '弊社は関係各所とのやり取り（公式LINE・メール）が多いため、その返信の下書きをサポートいただける方を募集します。'],
  ])('stays quiet when the tool is %s', (_what, text) => {
    expectQuiet(text);
  });

  it('still flags a tool the reader is asked to move to', () => {
    expectLevel('詳細はLINEでお伝えしますので、ID検索して追加してください。', 'high');
    expectLevel('応募ありがとうございます。今後のやり取りはChatworkでお願いします。', 'high');
    expect(flagged(check('このあとはZoomで面談させてください。'))).toBe(true);
  });
});

describe('a request counts only in its mood: asked of the reader', () => {
  it('stays quiet on a denial that covers a list of items', () => {
    expectQuiet('LINEやメールでの連絡、外部サイトへの登録、研修費のお支払いは一切お願いしておりません。');
    expectQuiet('本名や住所、口座情報などの個人情報をこちらからお願いすることは一切ありません。');
  });

  it('stays quiet on the condition that protects the worker (start once 仮払い is done)', () => {
    expectQuiet('仮払いが完了してから作業に着手してください。仮払い前の作業はお控えください。');
    expectQuiet('契約と仮払いを確認できましたら、執筆を始めていただいて大丈夫です。');
  });

  it('stays quiet on narration of what happened', () => {
    expectQuiet('以前、別の案件でLINEで連絡してしまって困ったことがあります。');
    expectQuiet('知らない通話アプリを入れてしまった、という相談が窓口に増えています。');
  });

  it('still flags an invitation, a casual request and an order', () => {
    expectLevel('LINEでやり取りしませんか？', 'high');
    expectLevel('仮払いはまだですが、先に作業を始めてください。', 'high');
    expect(flagged(check('このアプリ入れといて。話はそっちで'))).toBe(true);
  });
});

describe('numbers that are IDs are not phone numbers', () => {
  it.each([
    '【JOBID:JA-073519】データ基盤エンジニアの募集です。',
    '案件番号 0801234567 の件でご連絡しました。',
    '注文番号：0312345678 のお届け日についてご確認ください。',
    '納期は2026-11-30です。報酬は1記事3,000円です。',
  ])('stays quiet on 「%s」', (text) => {
    const v = check(text);
    expect(v.findings.filter((f) => f.category === 'contact_details'), explain(v)).toEqual([]);
  });

  it('still flags a phone number written to be called', () => {
    const v = expectLevel('ご不明点は090-1234-5678までお電話ください。', 'high');
    expect(v.findings.some((f) => f.rule === 'details.phone')).toBe(true);
  });
});

describe('the official route is not a cue', () => {
  it('stays quiet when the client will apply for off-service contact after 仮払い', () => {
    expectQuiet('仮払い完了後、外部連絡申請をさせていただきます。承認いただける場合のみChatworkでご連絡します。');
    expectQuiet('面接は必ずサービス外連絡申請を行ったあとにZoomで実施します。');
  });

  it('does not call an optional application after 仮払い pressure', () => {
    const v = expectQuiet('仮払いが完了しましたので、サービス外連絡申請をお送りしました。任意ですので、ご都合がよろしければ承認してください。');
    expect(v.findings.filter((f) => f.category === 'pressure')).toEqual([]);
  });

  it('does not take the platform’s own call feature for an outside call', () => {
    expectQuiet('音声でのご相談をご希望の方は、ココナラの「電話相談」サービスをご利用ください。番号はお互いに表示されません。', { platform: 'coconala' });
  });
});

describe('the kind of text sets how cues count', () => {
  it('reads a list of prohibited acts as a rule text, at most low', () => {
    const v = check('以下のような依頼は禁止されています。\n・LINEなどの連絡先を記載している投稿\n・研修費や教材費の支払いを求める依頼\n・契約前に外部のツールで面談を行う依頼');
    expect(v.kind).toBe('rule_text');
    expect(flagged(v), explain(v)).toBe(false);
    const w = check('・メールアドレスや電話番号を本文に載せている投稿\n・仮払いの前に作業を始めさせる依頼');
    expect(w.kind).toBe('rule_text');
    expect(flagged(w), explain(w)).toBe(false);
  });

  it('rates a posting whose only cue is a pre-contract online interview medium', () => {
    const v = expectLevel('【業務内容】記事の作成\n【報酬】1本3000円\n【選考】契約前にZoomで15分ほど面談させてください。\nご応募お待ちしております。', 'medium');
    expect(v.kind).toBe('posting');
    expectLevel('【選考フロー】\n書類選考 → 一次面談（Webまたは対面）→ 内定\n【報酬】月20万円〜\n【業務内容】社内システムの保守', 'medium');
  });

  it('keeps a posting high when it moves contact off the platform', () => {
    const v = expectLevel('【業務内容】簡単なデータ入力\n【報酬】1件50円\n【応募方法】詳細はLINEでお伝えしますので、ID: work_abc12 を追加してください。', 'high');
    expect(v.kind).toBe('posting');
  });

  it('judges the quoted request when the user asks about a message they received, and says so', () => {
    const v = expectLevel('「LINEでやり取りしましょう」と言われました。これって大丈夫ですか？', 'high');
    expect(v.kind).toBe('question');
    const w = check('クライアントから「詳細はZoomで説明します」と言われたのですが、応じてもいいですか？');
    expect(w.kind).toBe('question');
    expect(flagged(w), explain(w)).toBe(true);
    const x = check('届いたメッセージ：「応募後に詳しい仕事内容をご説明します。まずはメールアドレスをお送りください」 これって普通ですか？');
    expect(x.kind).toBe('question');
    expect(flagged(x), explain(x)).toBe(true);
  });

  it('reads a retold request that the teller already turned down, asking nothing, as a story', () => {
    expectQuiet('友人との雑談：昨日「LINEで話そう」ってクライアントに言われたけど、仮払い前だったから断ったよ。すぐ引き下がってくれた。');
    expectQuiet('先週、購入前の相談で「細かいことはLINEで」と言われました。規約を伝えたら、それっきり音沙汰なしです。');
    // The same retelling with a question is still judged on the quote.
    expectLevel('昨日「LINEで話そう」ってクライアントに言われたけど、断ったら失礼ですか？', 'high');
  });

  it('does not treat an article request about such phrases as a question', () => {
    expectQuiet('「仮払い前に作業して」と言われた経験談を集めて、記事にまとめていただきたいです');
  });
});

describe('the statistical model', () => {
  const model = (v: Verdict) => v.findings.find((f) => f.rule === 'similar.wording');

  it.each(['ok', 'a', 'Thank you', 'はい', '了解です'])('never flags a text as thin as 「%s」 on its own', (text) => {
    expect(model(check(text))).toBeUndefined();
  });

  it('stays quiet on ordinary posting lines and plain requests for materials', () => {
    for (const text of ['ご応募をお待ちしております。', '資料やURLを共有していただけますか？', '【JOBID:JA-073519】データ基盤エンジニアの募集です。']) {
      const v = check(text);
      expect(model(v), explain(v)).toBeUndefined();
    }
  });
});

describe('a user\'s own short question about the rules', () => {
  it.each(['仮払いの前に書き始めちゃダメなんでしたっけ？', '副業の収入が年10万円くらいなんですけど、確定申告っているのかな？', '納品後の修正依頼って、ワーカー側からも断れますか？', 'このツールの有料版って自分で買うものですか？みなさんどうしてます？'])(
    'is answered, not flagged: 「%s」',
    (text) => {
      expectQuiet(text);
    },
  );

  it('still flags a client\'s question that asks the reader to move', () => {
    expectAtLeast('LINEのほうが早いので、LINEでやり取りできますか？', 'medium');
  });
});

describe('a disclaimer cannot hide the request after it', () => {
  it('flags the plain request that follows a sentence negating the same tool', () => {
    expectLevel('外部ツールでのやり取りは行いません。詳細はLINEで送りますので追加してください。', 'high');
    expectLevel('LINEは使いません。ただ、連絡はLINEでお願いします。', 'high');
    expectLevel('口座情報は不要です。報酬の振込先として口座番号と住所を教えてください。', 'high');
  });
});

describe('casual real scams are caught', () => {
  it.each([
    ['a direct deal without the word 直接契約', 'クラウドワークスからではなく、直接お仕事のやり取りしませんか？'],
    ['a chatty move to another app', 'こっちの方が話早いので、普段使ってるアプリで話しましょう'],
    ['earnings hype with no request', '元手ゼロで利益確定！'],
    ['a daily income held out for small tasks', '1日の収入は5000円から20000円を見込めます。タスクは1件100円から800円です'],
    ['a manual sold with a promise', 'このマニュアルを買えば、誰でも月30万稼げるようになります'],
    ['a 研修費 framed as affordable', '1記事2万円払うので、研修費用の5万円は決して払えない金額ではないですよ'],
    ['a 研修費 framed as not expensive', 'すぐに1記事2万円の案件をお渡しするので、研修費用の5万円は決して高くない金額です'],
    ['a rating promised instead of pay', '実績作りに最適です。しっかり取り組んだ方には全員に星5の高評価をつけます'],
  ])('flags %s', (_what, text) => {
    const v = check(text);
    expect(flagged(v), explain(v)).toBe(true);
  });

  it('flags a URL or an account name in a coconala message', () => {
    expect(flagged(check('作品はこちらでも公開しています https://example-portfolio.jp', { platform: 'coconala' }))).toBe(true);
    expect(flagged(check('詳しくはInstagram @hana_design_works を見てください', { platform: 'coconala' }))).toBe(true);
    expectQuiet('会社のサイトはこちらです https://example-corp.co.jp', { platform: 'crowdworks' });
  });
});

describe('overseas clients write in English', () => {
  it.each([
    ['a move to another app', 'Hi, I like your portfolio. Can we talk on Telegram? It is faster.'],
    ['an ID left for the reader', 'You are selected. My WhatsApp is +1 555 0100, message me there.'],
    ['direct payment', 'Thank you for the work. Next time I will pay you directly by bank transfer, please tell me your account number.'],
    ['a gift-card wage', 'We pay weekly by Amazon gift card, no need to use the platform.'],
    ['a fee before the test', 'Please buy the software license first for the test task, we refund later.'],
  ])('flags %s', (_what, text) => {
    const v = check(text);
    expect(flagged(v), explain(v)).toBe(true);
  });

  it.each([
    ['a promise to stay on the platform', 'Thank you. I will keep all communication on Lancers until the project ends.'],
    ['a refusal of outside apps', 'Please do not contact me on WhatsApp, I only use the platform messages.'],
    ['a warning that quotes the lines', 'PSA: scammers often say "let\'s move to Telegram" or "we pay in USDT". Report them.'],
    ['a bot to build', 'We need a Telegram bot that posts our shop news to our channel. Budget 50,000 yen.'],
  ])('stays quiet on %s', (_what, text) => {
    expectQuiet(text);
  });
});

describe('English messages in every category, and English texts about the rules', () => {
  it.each([
    ['an app asked about', 'Do you use Telegram? Much easier to chat there.'],
    ['an ID asked for in a reply', 'Thanks for applying. Please reply with your WhatsApp number so our manager can reach you.'],
    ['a video interview before the offer', 'Before we hire, every candidate has a short Zoom video interview with our team. Please tell me your available time.'],
    ['an app to install before the interview', 'Please install "TalkSafe" from the link I sent, our HR only interviews through this app.'],
    ['a passport and a selfie before hiring', 'For our payroll we need a photo of your passport and a selfie holding it before the contract.'],
    ['women in their twenties only', 'We want a female translator in her 20s only, please attach two photos of your face.'],
    ['easy money from a phone', 'Earn $3,000/month from your smartphone! No experience needed, just 30 minutes a day.'],
    ['details only after accepting', 'Simple task, good pay. Details after you accept the offer.'],
    ['a countdown', 'Only 3 seats left. Reply YES within 1 hour or the slot goes to the next person.'],
    ['skipping the platform for its fee', 'Let\'s skip CrowdWorks next time, their fee is too high. I\'ll PayPal you directly.'],
    ['crypto wages', 'Payment will be in USDT after each batch, please share your wallet address.'],
    ['a registration fee in English', 'To join our translator database a one-time registration fee of ¥3,000 is required.'],
  ])('flags %s', (_what, text) => {
    const v = check(text);
    expect(flagged(v), explain(v)).toBe(true);
  });

  it.each([
    ['a client who learns the rule', '[Client] Could you send me your email to share the file?\n[Me] I\'m afraid I can\'t share contact details before the contract. Could you attach it here?\n[Client] Oh sorry, didn\'t know that. Attaching it now.'],
    ['documents that are the work', 'I need my passport and marriage certificate translated into Japanese for a visa. I\'ll upload the scans here after the contract is funded.'],
    ['a guideline list', 'Guidelines for clients\nPlease do not:\n- ask applicants for passport or ID images\n- require a video interview before the contract\n- include your email or LINE ID in the job post'],
    ['a posting that says what it never asks', 'App Store copy, EN>JA\nInterview: text-only, via CrowdWorks messages. We do NOT ask for calls, LINE, personal documents or any fees.\nBudget: ¥40,000.'],
    ['a story of a scam checked and reported', 'Got a "Telegram interview" invite last week. I checked their profile (joined yesterday, 0 reviews) and asked to stay on CrowdWorks. They stopped replying. Reported, blocked, done.'],
    ['a worker saying when they start', 'Client: The first milestone is funded.\nWorker: Thank you, I will start today.\nClient: Great, send the draft here.'],
  ])('stays quiet on %s', (_what, text) => {
    expectQuiet(text);
  });
});

describe('data work and the client\'s own tools', () => {
  it.each([
    ['a phone column to clean', '電話番号の列で先頭の0が消えているものを直しておいてください。'],
    ['formatting rules for the numbers in a list', 'リストの電話番号列の補足です。\n・080-1111-2222 → 08011112222（ハイフン削除）\n・桁が足りないものは「要確認」と入力\n番号に電話をかけたりはしないでください。'],
    ['a TEL prefix to remove', '電話番号欄が「TEL」で始まっているものは、TELを消して数字だけにしてください。'],
    ['the team\'s own chat app', 'うちは編集チーム内ではDiscordを使っていますが、外部のワーカーさんには使っていただいていません。全部ここでやりましょう！'],
    ['the company\'s own Slack, mentioned in passing', 'クライアント：社内のやり取りはSlackでしているので、返信が少し遅れるかもしれません。\nワーカー：承知しました。'],
    ['DM replies as the work', 'スカウトです。美容室のInstagram運用をしており、DM返信の下書きをお願いできる方を探しています。下書きはスプレッドシートにお願いします。'],
    ['the platform\'s own identity check', '本名の確認が必要な場合も、クラウドワークスの本人確認情報から行います。住所や口座を伺うことはありません。'],
    ['an article under a headline that asks', '契約前の通話、応じていい？\n\n「選考のために一度お電話で」と言われることがあります。クラウドワークスでは事務局の承諾がない限り、契約前の通話は規約上NGです。迷ったら、メッセージでのテキスト面談をお願いしてみましょう。'],
  ])('stays quiet on %s', (_what, text) => {
    expectQuiet(text);
  });

  it('does not read a video\'s length as the time the work takes', () => {
    const v = check('はじめまして。月4本、1本あたり20分程度のカット編集で、1本8,000円を想定しています。条件はこちらで相談させてください。');
    expect(v.findings.map((f) => f.rule), explain(v)).not.toContain('income.easy_high');
    expect(check('1本あたり5分の作業で、1本5,000円お支払いします').findings.map((f) => f.rule)).toContain('income.easy_high');
  });

  it.each([
    ['a posting that moves all work to its own app', '在宅データ入力（スマホ可）\n\n【業務について】\n業務はすべて弊社のアプリ「ワークBOX」で行います。応募後に次の手順で登録してください。\n\n1. 専用アプリ「ワークBOX」をインストール\n2. 携帯電話番号で会員登録\n3. 生年月日と住所を入力'],
    ['a question asked before the quote', 'これって外部誘導になりますか？\n「ご応募ありがとうございます。詳しい内容はこちらのフォームから登録した方にだけお送りしています → forms.gle/AbCd123」'],
    ['a contract ended unless the team chat is joined', '契約ありがとうございます。チームは全員Slackで動いているので、今日中にワークスペースに参加してください。サービス外連絡申請はしていません。参加が難しい場合は契約終了とさせてください。'],
    ['another worker found unless the tool is used', '契約・仮払い済みのクライアントから「今後はChatworkでやり取りします。使えないなら他の方に頼みます」と言われました。申請は出されていません。'],
  ])('flags %s', (_what, text) => {
    const v = check(text);
    expect(flagged(v), explain(v)).toBe(true);
  });
});

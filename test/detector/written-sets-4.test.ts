// Mistakes seen on a further round of new writers' sets (a job posting's numbered steps read as a
// rule list, copy being edited, a rule the user read on a blog, a campaign or a shop card as the
// work, a paid option on coconala, a casual 「直で」, a contract promised for tomorrow, an English
// refusal in a chat), each fixed as a mechanism and tested here in our own wording, with the
// variant that must still be flagged.
import { describe, it } from 'vitest';
import { expectAtLeast, expectQuiet, useSharedEngine } from '../helpers/verdicts.ts';

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

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

// The detector's behaviour, as a freelancer would describe it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { sharedEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await sharedEngine();
});
const check = (text: string, opts = {}) => engine.detector.check(text, opts);

describe('catches the disguised solicitations', () => {
  it('flags a full-width LINE ID before the contract, masks the ID and offers a refusal', () => {
    const r = engine.analyse('詳細はＬＩＮＥで！ID→ ｓａｋｕｒａ２２');
    expect(r.verdict.level).toBe('high');
    const phrases = r.verdict.findings.map((f) => f.phrase).join(' ');
    expect(phrases).toContain('ｓａ');
    expect(phrases).not.toContain('ｓａｋｕｒａ２２');
    expect(r.refusal?.ja).toMatch(/ます|です|幸いです/);
  });

  it.each([
    ['ラ〇ンで詳しくご説明しますね'],
    ['L I N E に移動してやり取りしましょう'],
    ['緑のアプリで連絡を取り合いましょう'],
    ['らいんで連絡ください'],
    ['L1NEで連絡ください'],
    ['sakura22あっとまーくじーめーるどっとこむ にご連絡ください'],
    ['ご連絡は０９０－１２３４－５６７８までお願いします'],
    ['友だち追加はこちら https://lin.ee/abcd123'],
  ])('flags %s', (text) => {
    expect(['high', 'medium']).toContain(check(text).level);
  });

  it('points at the exact raw phrase, not the normalized one', () => {
    const text = 'お疲れさまです。ラ〇ンで詳しくご説明します';
    const f = check(text).findings[0];
    expect(f).toBeDefined();
    expect(text.slice(f?.span.start, f?.span.end)).toContain('ラ〇ン');
  });

  it('counts five LINE cues as one category, not five times the risk', () => {
    const once = check('LINEで連絡ください');
    const many = check('LINEで連絡ください。LINE交換しよ！ラインやってます？らいん教えて。緑のアプリで連絡ください');
    expect(many.score).toBeLessThanOrEqual(engine.detector.rules.caps.off_platform_contact + 0.01);
    expect(many.categories).toEqual(once.categories);
  });
});

describe('stays quiet on honest messages', () => {
  it.each([
    ['LINEスタンプのイラスト制作をお願いします'],
    ['LINE公式アカウントの運用代行をお願いします'],
    ['Zoomウェビナーの文字起こしをお願いします'],
    ['メルマガの執筆をお願いします'],
    ['電話番号入力フォームの実装をお願いします'],
    ['Discord Botの開発をお願いします'],
    ['外部ツールでのやり取りは行いません'],
    ['個人情報の提出は不要です'],
    ['お電話での対応は行っておりません'],
    ['契約・仮払いをしていただいてからChatWorkに登録します'],
    ['「LINEで連絡ください」と書かれた案件に注意しましょう'],
    ['ご連絡ありがとうございます。恐れ入りますが、契約と仮払いが完了するまでは、こちらのメッセージ機能でのやり取りとさせていただけますと幸いです。'],
    ['オンラインで完結するお仕事です'],
    ['納期は10日後、報酬は1記事3,000円です'],
  ])('%s', (text) => {
    expect(['none', 'low']).toContain(check(text).level);
  });

  it.each([
    ['Zoom面接のマナーについての就活生向け記事を3本お願いします'],
    ['Slackへの通知機能を実装していただけますか'],
    ['Zoom会議の議事録を、箇条書きで1ページにまとめてください'],
    ['Skypeを使った英会話レッスン用の教材テキストを、10課分作っていただきたいです'],
    ['LINEで友だち追加を促すPOPのデザインをお願いします'],
    ['カカオトークで届いた韓国語のメッセージを日本語に訳してください'],
    ['「20代女性限定」など業務と無関係な条件の求人の問題点についてのコラムを依頼します'],
  ])('treats the tool or phrase as the topic of a deliverable: %s', (text) => {
    expect(['none', 'low']).toContain(check(text).level);
  });

  it('still flags a request that only mentions a document: 「LINEで資料をお送りしますので追加してください」', () => {
    expect(['high', 'medium']).toContain(check('LINEで資料をお送りしますので追加してください').level);
    expect(['high', 'medium']).toContain(check('Zoomで解説をお願いします。契約前に一度お話ししましょう').level);
  });

  it.each([
    ['本案件では面談や通話は行わず、すべてこちらのメッセージで完結します'],
    ['急ぎの場合でもお電話はせず、メッセージで対応しますのでご安心ください'],
  ])('reads 〜ず as a negation: %s', (text) => {
    expect(['none', 'low']).toContain(check(text).level);
  });

  it.each([
    ['Chatworkでのやり取りをご提案いただきましたが、契約前ですので、こちらのメッセージで続けさせてください'],
    ['アプリのインストールが必要な案件は辞退しております。申し訳ございません'],
    ['ご提案ありがとうございます、手数料の節約より安全を優先したいので、今後もランサーズ経由でお願いできますでしょうか。'],
  ])("recognises the worker's own refusal: %s", (text) => {
    expect(['none', 'low']).toContain(check(text).level);
  });

  it('reads a casual sentence end (♪, emoji, 〜ね + space) as the end of the negation scope', () => {
    expect(['high', 'medium']).toContain(check('お仕事の中身はDMでこっそり教えるね♪ ここだと書けないので！').level);
    expect(['high', 'medium']).toContain(check('仮払いしたので、ここからはSlackのワークスペースに招待しますね、申請はいりません。').level);
  });

  it('still flags a tool request inside a design or development posting', () => {
    const posting = '【ココナラ】ロゴデザインのご依頼\n◆依頼内容\n新規開業するカフェのロゴ制作をお願いします。\n・名刺とショップカードへの展開も予定\n◆進め方\nイメージのすり合わせはLINE通話で行いたいので、ご提案時にLINE IDを教えてください。';
    expect(check(posting).level).toBe('high');
  });

  it('keeps a threat after a condition apart from the request before it', () => {
    expect(check('契約の前に、本日中にChatworkへご登録いただけない場合は、このお話はなかったことにさせていただきます。').level).toBe('high');
  });

  it('flags delivering work while 仮払い is still missing', () => {
    expect(['high', 'medium']).toContain(check('仮払いはまだですが、急ぎの案件なので先に1本目を納品してください。').level);
    expect(['high', 'medium']).toContain(check('仮払いの前に、テストとして3記事だけ納品していただけますか').level);
  });

  it('does not take 控えたい (to note down) for a refusal', () => {
    expect(['high', 'medium']).toContain(check('お振込先を控えたいので、通帳の表紙を撮ってお送りください').level);
  });
});

describe('stage and platform', () => {
  const chatwork = 'Chatworkで連絡を取り合いたいのですが、よろしいでしょうか。';

  it('treats Chatwork before the contract as high', () => {
    expect(check(chatwork, { stage: 'before_contract' }).level).toBe('high');
  });

  it('treats Chatwork after escrow without the official application as medium', () => {
    expect(check(chatwork, { stage: 'after_escrow' }).level).toBe('medium');
  });

  it('accepts Chatwork after escrow through サービス外連絡申請', () => {
    const text = '仮払いが完了しましたので、サービス外連絡申請をお送りしました。承認いただけましたらChatworkでご連絡します。';
    expect(['none', 'low']).toContain(check(text).level);
  });

  it('never softens off-site contact on coconala', () => {
    const text = '仮払いが完了しましたので、サービス外連絡申請をお送りしました。承認いただけましたらChatworkでご連絡します。';
    expect(check(text, { platform: 'coconala' }).level).toBe('high');
  });

  it('keeps direct payment high even after escrow', () => {
    expect(check('報酬は直接振込でお願いできますか。', { stage: 'after_escrow', platform: 'lancers' }).level).toBe('high');
  });

  it('calls pressure to approve the application medium', () => {
    expect(check('サービス外連絡申請を出しました').level).toBe('medium');
  });

  it('infers the stage and platform from the text', () => {
    const v = check('ご応募ありがとうございます。ランサーズでのお取引となります');
    expect(v.stage).toBe('before_contract');
    expect(v.platform).toBe('lancers');
    expect(check('仮払いが完了しました').stage).toBe('after_escrow');
  });

  it('uses the stage and platform the user states over the text', () => {
    const v = check('ご応募ありがとうございます', { stage: 'after_escrow', platform: 'coconala' });
    expect(v.stage).toBe('after_escrow');
    expect(v.stageSource).toBe('given');
    expect(v.platform).toBe('coconala');
  });
});

describe('long and strange input', () => {
  it('analyses up to the cap and says the text was cut', () => {
    const text = 'よろしくお願いします。'.repeat(2000) + 'LINEで連絡ください';
    const v = check(text);
    expect(v.truncated).toBe(true);
    expect(v.analysedChars).toBe(engine.detector.maxChars);
    expect(v.inputChars).toBe(text.length);
  });

  it('finds a LINE request hidden in a long benign posting', () => {
    const benign = '【データ入力】商品情報の入力をお願いします。納期は2週間、報酬は1件50円です。\n'.repeat(30);
    expect(check(`${benign}詳細はLINEでお伝えしますので、ID検索して追加してください。\n${benign}`).level).toBe('high');
  });
});

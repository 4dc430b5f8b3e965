// Platform inference (src/detector/platform.ts): a named platform first, then each platform's own
// wording, then nothing (the verdict falls back to CrowdWorks and says it assumed so).
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../src/detector/normalize.ts';
import { guessPlatform, inferPlatform } from '../../src/detector/platform.ts';
import { loadRules, type RuleSet } from '../../src/detector/rules.ts';

let rules: RuleSet;
beforeAll(() => {
  rules = loadRules({ checkBacktracking: false });
});
const infer = (text: string) => inferPlatform(normalize(text).fold, rules);

describe('inferPlatform', () => {
  it('takes the platform the text names, the first one when several are named', () => {
    expect(infer('ココナラで出品しているサービスについて')).toBe('coconala');
    expect(infer('Lancersでのお取引、クラウドワークスでも可')).toBe('lancers');
    expect(guessPlatform(normalize('クラウドワークスで契約済みです').fold, rules)).toEqual({ platform: 'crowdworks', by: 'name' });
  });

  it('reads coconala from its own wording: ご購入前のご相談, トークルーム, 出品者, 見積り提案', () => {
    expect(infer('ご購入前のご相談ありがとうございます。詳細はLINEでお伝えします')).toBe('coconala');
    expect(infer('トークルームではなく、こちらのアプリでやり取りしましょう')).toBe('coconala');
    expect(infer('出品者様へ。見積り提案をお送りします')).toBe('coconala');
    expect(guessPlatform(normalize('トークルームでお待ちしています').fold, rules)).toEqual({ platform: 'coconala', by: 'wording' });
  });

  it('reads Lancers from its own wording: 提案, ランサー, 連絡先公開申請', () => {
    expect(infer('ご提案いただきありがとうございます。まずはお電話でお話ししませんか')).toBe('lancers');
    expect(infer('認定ランサーの方を探しています')).toBe('lancers');
    expect(infer('仮払い後に連絡先公開申請をお送りします')).toBe('lancers');
  });

  it('reads CrowdWorks from its own wording: 応募, ワーカー, サービス外連絡申請', () => {
    expect(infer('ご応募ありがとうございます。LINEで連絡ください')).toBe('crowdworks');
    expect(infer('サービス外連絡申請を送りました')).toBe('crowdworks');
  });

  it('lets a platform-only word outweigh a word every platform uses', () => {
    // 提案 leans to Lancers, トークルーム exists only on coconala.
    expect(infer('ご提案ありがとうございます。続きはトークルームでお願いします')).toBe('coconala');
    // 応募 leans to CrowdWorks, 連絡先公開申請 exists only on Lancers.
    expect(infer('ご応募ありがとうございます。連絡先公開申請は仮払い後になります')).toBe('lancers');
  });

  it('finds nothing in wording every platform shares, so the caller falls back to its default', () => {
    expect(infer('詳細はLINEでお伝えします')).toBeUndefined();
    expect(infer('教材をご購入いただき、作業を始めてください')).toBeUndefined();
    expect(infer('')).toBeUndefined();
    // LINE's chat screen is a トークルーム too.
    expect(infer('LINEスタンプ40個。メイン画像とトークルームタブ画像を含みます')).toBeUndefined();
    expect(infer('LINEのトークルームの背景デザインをお願いします')).toBeUndefined();
  });

});

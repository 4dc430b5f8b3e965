// Explanations are chosen per rule, per matched variant and per platform (src/reply/explanations.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules, type RuleSet } from '../../src/detector/rules.ts';
import { loadSimilarity } from '../../src/detector/similarity.ts';
import { CATEGORY_IDS, type Platform } from '../../src/detector/types.ts';
import type { Engine } from '../../src/engine.ts';
import { renderText } from '../../src/reply/text.ts';
import { explainFinding, MODEL_EXPLANATIONS_EN, MODEL_RULE_ID, RULE_EXPLANATIONS } from '../../src/reply/explanations.ts';
import { sharedEngine } from '../helpers/engine.ts';

let rules: RuleSet;
let engine: Engine;
beforeAll(async () => {
  rules = loadRules({ checkBacktracking: false });
  engine = await sharedEngine();
});

const why = (text: string, platform?: Platform): string[] => {
  const r = engine.analyse(text, platform ? { platform } : {});
  return r.explanations.map((e) => e.ja);
};
const whyEn = (text: string): string[] => engine.analyse(text).explanations.map((e) => e.en);

describe('explanations fit the finding', () => {
  it('explains an ID to add as a contact move, not as a request for an email address or phone number', () => {
    const [ja] = why('IDを追加してください');
    expect(ja).toContain('IDの追加');
    expect(ja).not.toMatch(/メールアドレスや電話番号/);
  });

  it('explains a bank transfer as a bank transfer, crypto as crypto', () => {
    expect(why('報酬は銀行振込で直接お支払いします').join('\n')).not.toMatch(/PayPay|ギフト券|仮想通貨/);
    expect(why('報酬は銀行振込で直接お支払いします')[0]).toContain('銀行振込');
    expect(why('報酬はUSDTでお支払いします')[0]).toContain('仮想通貨');
  });

  it('explains a photo request as a photo, not with 本名・住所・口座', () => {
    const [ja] = why('顔写真を送ってください');
    expect(ja).toContain('顔写真');
    expect(ja).not.toMatch(/本名|住所|口座/);
  });

  it('explains 「普段お使いのメッセージアプリ」 as a move off the site, not as 「こちらでは詳しく話せない」', () => {
    const [ja] = why('普段お使いのメッセージアプリで連絡しましょう');
    expect(ja).toContain('サイトの外のアプリ');
    expect(ja).not.toContain('こちらでは詳しく話せない');
    expect(why('ここでは詳しく話せないので、別のアプリでやり取りしませんか')[0]).toContain('こちらでは詳しく話せない');
  });

  it('never cites a CrowdWorks-only or Lancers-only rule on coconala', () => {
    const texts = ['応募ありがとうございます。Chatworkに登録してください', 'Slackに参加してください', '手数料がもったいないので直接契約しませんか', 'IDを追加してください', 'LINEで連絡ください'];
    for (const t of texts) {
      for (const ja of why(t, 'coconala')) expect(ja, t).not.toMatch(/サービス外連絡申請|連絡先公開申請|クラウドワークス|ランサーズ|100万円/);
    }
    for (const ja of why('応募ありがとうございます。Chatworkに登録してください', 'lancers')) expect(ja).not.toMatch(/サービス外連絡申請|クラウドワークス/);
  });

  it('no variant anywhere names another platform or its procedure', () => {
    const foreign: Record<Platform, RegExp> = {
      crowdworks: /連絡先公開申請|ランサーズ|ココナラ/,
      lancers: /サービス外連絡申請|クラウドワークス|ココナラ|100万円/,
      coconala: /サービス外連絡申請|連絡先公開申請|クラウドワークス|ランサーズ|100万円/,
      other: /サービス外連絡申請|連絡先公開申請|クラウドワークス|ランサーズ|ココナラ|100万円/,
    };
    for (const [id, e] of Object.entries(RULE_EXPLANATIONS)) {
      for (const variant of e.variants ?? []) {
        for (const p of variant.platforms ?? []) expect(variant.text.ja, `${id}/${p}`).not.toMatch(foreign[p]);
      }
    }
  });
});

describe('English replies show no Japanese rule labels', () => {
  it('has an English explanation for every rule and every model category', () => {
    for (const r of rules.rules) expect(RULE_EXPLANATIONS[r.id]?.en, r.id).toMatch(/[a-z]{3}/);
    for (const r of rules.rules) expect(RULE_EXPLANATIONS[r.id]?.en ?? '', r.id).not.toMatch(/[ぁ-ん]/);
    for (const c of CATEGORY_IDS) expect(MODEL_EXPLANATIONS_EN[c], c).toMatch(/resembles/);
    expect(loadSimilarity().config.id).toBe(MODEL_RULE_ID);
  });

  it('has no explanation for a rule that does not exist', () => {
    const ids = new Set(rules.rules.map((r) => r.id));
    for (const id of Object.keys(RULE_EXPLANATIONS)) expect(ids.has(id), id).toBe(true);
  });

  it('prints English explanations in English mode', () => {
    const text = '契約前ですが、仮払い前に作業を開始してください。LINEの話もしましょう';
    const report = engine.analyse(text);
    const out = renderText(report, 'en');
    expect(report.verdict.findings.length).toBeGreaterThan(0);
    for (const f of report.verdict.findings) expect(out).not.toContain(f.description);
    expect(out).not.toMatch(/仮払い前の作業開始の要求|外部ツールの話題/);
    expect(whyEn(text).join('\n')).toMatch(/escrow/);
  });

  it('falls back to the rule text, never to a category text, for the Japanese', () => {
    const f = { rule: 'contact.discord.request', category: 'off_platform_contact' as const, weight: 5, span: { start: 0, end: 1 }, phrase: 'Discord', description: 'd', explanation: 'ルールの説明' };
    expect(explainFinding(f, 'crowdworks')).toEqual({ ja: 'ルールの説明', en: RULE_EXPLANATIONS['contact.discord.request']!.en });
  });
});

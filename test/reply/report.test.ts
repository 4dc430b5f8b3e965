// A reply as a whole (src/reply/report.ts, advice.ts, text.ts, json.ts): the verdict line, the notes,
// next steps that follow what was found and the platform, output safe to print.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Verdict } from '../../src/detector/types.ts';
import type { Engine } from '../../src/engine.ts';
import { buildReportEmbed } from '../../src/reply/embed.ts';
import { toContractJson } from '../../src/reply/json.ts';
import { composeReport } from '../../src/reply/report.ts';
import { renderText } from '../../src/reply/text.ts';
import { sharedEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await sharedEngine();
});

const advice = (text: string, opts: { platform?: 'crowdworks' | 'lancers' | 'coconala' | 'other' } = {}) => engine.analyse(text, opts).advice.map((a) => a.ja);

function verdict(extra: Partial<Verdict> = {}, findings: Finding[] = []): Verdict {
  return {
    level: 'none',
    score: 0,
    categories: [],
    findings,
    mitigations: [],
    tools: [],
    platform: 'crowdworks',
    platformSource: 'default',
    stage: 'unknown',
    stageSource: 'default',
    kind: 'message',
    officialRoute: false,
    truncated: false,
    analysedChars: 10,
    inputChars: 10,
    ...extra,
  };
}

describe('the verdict line', () => {
  it('says 危険 once', () => {
    const first = renderText(engine.analyse('詳細はLINEで連絡ください')).split('\n')[0]!;
    expect(first).toBe('🔴 危険 (high) — このメッセージの求めには応じないでください。');
    expect(first.match(/危険/g)).toHaveLength(1);
    const title = buildReportEmbed(engine.analyse('詳細はLINEで連絡ください'), 'ja').title!;
    expect(title).toBe('🔴 危険 — このメッセージの求めには応じないでください。');
  });

  it('names the assumed platform and how to change it, per door', () => {
    const r = engine.analyse('ご購入前のご相談です。LINEで連絡ください');
    expect(renderText(r)).toContain('判定の前提：サービス＝ココナラ（文面から推定）、段階＝不明。違う場合は --platform・--stage で指定できます。');
    expect(renderText(r, 'ja', { door: 'console' })).toContain('違う場合は :platform・:stage で指定できます。');
    expect(buildReportEmbed(r, 'ja').description).toContain('サービス＝ココナラ（文面から推定）');
  });
});

describe('notes', () => {
  it('says a question was judged on the quoted request, and a rule text reads as a description', () => {
    expect(renderText(composeReport(verdict({ kind: 'question', level: 'high' })))).toContain('※ 引用された依頼について判定しました。');
    expect(renderText(composeReport(verdict({ kind: 'rule_text', level: 'low' })))).toContain('依頼ではなく、ルールや注意喚起の説明として読める');
    expect(renderText(composeReport(verdict({ kind: 'message' })))).not.toContain('※');
  });

  it('says which parts of a long text were read', () => {
    const text = 'よろしくお願いします。'.repeat(3000) + 'LINE ID: sakura_0324';
    const out = renderText(engine.analyse(text));
    expect(out).toContain(`※ 文面が長いため、最初の6,000文字と最後の2,000文字だけを確認しました（間の${(text.length - 8000).toLocaleString('en-US')}文字は確認していません）。`);
    expect(toContractJson(engine.analyse(text)).read).toEqual({ head: 6000, tail: 2000 });
  });
});

describe('next steps follow what was found and the platform', () => {
  it('names the category found in the report path, not always 外部連絡ツールへの誘導', () => {
    const fees = advice('作業にはマニュアル（9,800円）をご購入いただく必要があります。', { platform: 'crowdworks' }).join('\n');
    expect(fees).toContain('「費用の要求」');
    expect(fees).not.toContain('外部連絡ツールへの誘導');
    expect(fees).toContain('費用の支払いや、教材・商品の購入はしないでください。');
    const line = advice('詳細はLINEで連絡ください', { platform: 'crowdworks' }).join('\n');
    expect(line).toContain('「違反報告」→「外部連絡ツールへの誘導」');
  });

  it('uses the platform\'s own path and never 「クラウドワークスの場合」 when the platform is known', () => {
    for (const platform of ['lancers', 'coconala'] as const) {
      const a = advice('顔写真と住所を送ってください', { platform }).join('\n');
      expect(a, platform).not.toMatch(/クラウドワークスの場合|他のサービスは/);
      expect(a, platform).toContain('「個人情報の要求」');
    }
    expect(advice('顔写真と住所を送ってください').join('\n')).toContain('クラウドワークスの場合');
  });

  it('varies 🔴 steps with what was found, in an order that never contradicts itself', () => {
    const contact = advice('詳細はLINEで連絡ください', { platform: 'crowdworks' });
    const payment = advice('報酬はPayPayで直接お支払いします', { platform: 'crowdworks' });
    expect(contact).not.toEqual(payment);
    for (const steps of [contact, payment]) {
      const refuse = steps.findIndex((s) => s.includes('返信例'));
      const report = steps.findIndex((s) => s.includes('違反報告'));
      const block = steps.findIndex((s) => s.includes('ブロック'));
      expect(refuse).toBeGreaterThanOrEqual(0);
      expect(refuse).toBeLessThan(report);
      expect(report).toBeLessThan(block);
      expect(block).toBe(steps.length - 1);
    }
  });

  it('keeps 🟠 checks to the platform\'s own route', () => {
    const r = engine.analyse('契約後のやり取りはChatworkでお願いします', { platform: 'lancers' });
    expect(r.verdict.level).toBe('medium');
    const lancers = r.advice.map((a) => a.ja).join('\n');
    expect(lancers).toContain('連絡先公開申請');
    expect(lancers).not.toMatch(/サービス外連絡申請|クラウドワークス|ココナラ/);
    const coconala = advice('ココナラで契約済みです。Zoomで打ち合わせしましょう').join('\n');
    expect(coconala).not.toMatch(/サービス外連絡申請|連絡先公開申請/);
  });
});

describe('output safety', () => {
  const hostile = '\u001b]0;pwned\u0007詳細は\u202eLINE\u202cで連絡ください。ID: evil_01\u001b[2J';
  it('prints no control, format or bidi character from the input, in text, JSON or an embed', () => {
    const r = engine.analyse(hostile);
    const bad = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;
    expect(renderText(r)).not.toMatch(bad);
    expect(renderText(r, 'en')).not.toMatch(bad);
    expect(JSON.stringify(toContractJson(r))).not.toMatch(/\\u001b|\\u0007|[\u202a-\u202e]/);
    expect(JSON.stringify(buildReportEmbed(r, 'ja'))).not.toMatch(/\\u001b|\\u0007|[\u202a-\u202e]/);
  });

  it('masks the same handle in every finding that shows it', () => {
    const r = engine.analyse('LINE ID: sakura_0324 です。sakura_0324 で検索して追加してください');
    const phrases = r.verdict.findings.map((f) => f.phrase).join(' | ');
    expect(phrases).not.toContain('sakura_0324');
  });
});

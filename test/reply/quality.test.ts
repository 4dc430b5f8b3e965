// The reply-quality check (src/reply/quality.ts) and the bar it sets: at least 95% of flagged
// replies carry a refusal that fits the message.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Verdict } from '../../src/detector/types.ts';
import { replyQuality } from '../../src/cli/reply-quality.ts';
import { composeReport, type Report } from '../../src/reply/report.ts';
import { refusalFit } from '../../src/reply/quality.ts';
import { sharedEngine } from '../helpers/engine.ts';

const f = (rule: string, category: Finding['category'], weight = 6): Finding => ({ rule, category, weight, span: { start: 0, end: 1 }, phrase: 'x', description: '', explanation: '' });
function report(findings: Finding[], extra: Partial<Verdict> = {}): Report {
  return composeReport({
    level: 'high',
    score: 6,
    categories: [...new Set(findings.map((x) => x.category))],
    findings,
    mitigations: [],
    tools: [],
    platform: 'crowdworks',
    platformSource: 'given',
    stage: 'unknown',
    stageSource: 'default',
    kind: 'message',
    officialRoute: false,
    truncated: false,
    analysedChars: 1,
    inputChars: 1,
    ...extra,
  });
}
const withRefusal = (r: Report, ja: string): Report => ({ ...r, refusal: { ja, en: 'x' } });

describe('refusalFit', () => {
  it('rejects the refusals the old fixed families gave', () => {
    // 仮払い-before-work answered with an application nobody mentioned.
    const work = withRefusal(report([f('pressure.work_before_escrow', 'pressure', 5)]), 'ご連絡ありがとうございます。恐れ入りますが、作業は仮払いの完了を確認してから開始いたします。また、サービス外連絡申請は内容を拝見のうえ判断させてください。');
    expect(refusalFit(work, '仮払い前ですが作業を開始してください').problems).toContain('names an application nobody mentioned');
    // Outside payment and a contact move answered with the contact sentence only.
    const both = withRefusal(
      report([f('pay.e_money', 'off_platform_payment'), f('contact.messenger_apps.request', 'off_platform_contact')]),
      'ご連絡ありがとうございます。恐れ入りますが、外部のツールやアプリでのご連絡は、契約・仮払いの完了後にサービス外連絡申請をいただいた場合に限らせてください。それまではこちらのメッセージでお願いいたします。',
    );
    expect(refusalFit(both, '').fits).toBe(false);
    // The client already sent the application after 仮払い.
    const route = withRefusal(report([f('details.tool_handle', 'contact_details', 5)], { officialRoute: true, level: 'medium' }), 'ご連絡ありがとうございます。恐れ入りますが、外部のツールやアプリでのご連絡は、契約・仮払いの完了後にサービス外連絡申請をいただいた場合に限らせてください。');
    expect(refusalFit(route, '').problems).toContain('asks for the application the client already named');
  });

  it('accepts the composed refusals for the same messages', () => {
    expect(refusalFit(report([f('pressure.work_before_escrow', 'pressure', 5)]), '仮払い前ですが作業を開始してください').fits).toBe(true);
    expect(refusalFit(report([f('pay.e_money', 'off_platform_payment'), f('contact.messenger_apps.request', 'off_platform_contact')]), '').fits).toBe(true);
    expect(refusalFit(report([f('details.tool_handle', 'contact_details', 5)], { officialRoute: true, level: 'medium' }), '').fits).toBe(true);
  });

  it('wants no refusal for low and none', () => {
    expect(refusalFit(report([f('contact.tool.mention', 'off_platform_contact', 0.3)], { level: 'low' }), '').fits).toBe(true);
    expect(refusalFit(withRefusal(report([], { level: 'none' }), 'ご連絡ありがとうございます。'), '').fits).toBe(false);
  });
});

describe('reply quality on the labeled sets', () => {
  let results: Awaited<ReturnType<typeof replyQuality>>;
  beforeAll(async () => {
    const fixtures = path.resolve(import.meta.dirname, '../fixtures');
    results = await replyQuality([path.join(fixtures, 'corpus.jsonl'), path.join(fixtures, 'holdout.jsonl')], await sharedEngine());
  });

  it('gives at least 95% of flagged replies a fitting refusal', () => {
    for (const [file, t] of results) {
      expect(t.flagged, file).toBeGreaterThan(100);
      expect(t.fitting / t.flagged, `${file}: ${t.misfits.map((m) => `${m.id} ${m.problems.join(',')}`).join('; ')}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

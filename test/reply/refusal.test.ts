// The refusal fits what was asked (src/reply/refusal.ts): one sentence per concern found, in a
// natural order, none for low or none, and never a request for what the client already did.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Category, Finding, Level, Platform, Verdict } from '../../src/detector/types.ts';
import type { Engine } from '../../src/engine.ts';
import { composeRefusal, partOf, refusalFor, refusalParts } from '../../src/reply/refusal.ts';
import { sharedEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await sharedEngine();
});

const f = (rule: string, category: Category, weight = 6): Finding => ({
  rule,
  category,
  weight,
  span: { start: 0, end: 1 },
  phrase: 'x',
  description: '',
  explanation: '',
});
const v = (level: Level, findings: Finding[], platform: Platform = 'crowdworks', officialRoute = false) => ({ level, findings, platform, officialRoute });
const refusalOf = (text: string, opts: { platform?: Platform } = {}) => engine.analyse(text, opts).refusal?.ja ?? null;

describe('what the refusal declines', () => {
  it('declines starting before 仮払い without mentioning an application nobody sent', () => {
    const r = refusalOf('契約ありがとうございます。急ぎのため、仮払い前ですが作業を開始していただけますか？');
    expect(r).toBe('ご連絡ありがとうございます。恐れ入りますが、作業は、クラウドワークスで仮払いの完了を確認してから開始いたします。よろしくお願いいたします。');
    expect(r).not.toContain('サービス外連絡申請');
  });

  it('answers both an outside payment and a contact move, payment and contact each in one sentence', () => {
    const r = refusalOf('報酬はUSDTでお支払いします。詳細はテレグラムで連絡ください。');
    expect(r).toBe(
      'ご連絡ありがとうございます。恐れ入りますが、外部ツールでのご連絡は、仮払いの完了後にサービス外連絡申請をいただいてからとさせてください。また、報酬はクラウドワークスの仮払いを通してのみお受け取りしており、直接のお振込みなど他の方法はお受けできかねます。よろしくお願いいたします。',
    );
  });

  it('does not ask again for the application the client already sent after 仮払い', () => {
    const r = refusalOf('仮払いが完了しました。サービス外連絡申請をお送りしましたので承認をお願いします。承認いただけない場合は契約を終了させていただきます。');
    expect(r).toBe('ご連絡ありがとうございます。恐れ入りますが、サービス外連絡申請については、内容を拝見してから承認するかどうかを判断させてください。よろしくお願いいたします。');
    expect(r).not.toMatch(/申請をいただいて|申請をいただいた場合に限/);
  });

  it('offers no refusal where nothing needs refusing', () => {
    expect(refusalOf('仮払い済みです。サービス外連絡申請を出しましたので、今後はLINEでお願いします。')).toBeNull();
    expect(refusalOf('LINEスタンプのイラスト制作をお願いします')).toBeNull();
    expect(refusalFor(v('low', [f('contact.tool.mention', 'off_platform_contact', 1)]))).toBeNull();
    expect(refusalFor(v('none', []))).toBeNull();
  });

  it('answers pressure to approve an application only when the words name one', () => {
    const pressed = (phrase: string) => ({ ...f('pressure.approve_or_end', 'pressure', 5), phrase });
    expect(partOf(pressed('申請を承認しないなら契約終了'))).toBe('approval');
    expect(partOf(pressed('連絡先を交換しないなら契約終了'))).toBe('contact');
    expect(partOf(pressed('他の方はもう登録済みですよ'))).toBe('hurry');
    expect(refusalOf('まだですか？他の方はもう登録済みですよ。あと1時間で締め切ります')).not.toContain('申請');
  });

  it('treats a request to add an ID as a contact move, not as a list of personal data', () => {
    expect(partOf({ rule: 'pi.contact_address.request', category: 'personal_info' })).toBe('contact');
    expect(partOf({ rule: 'pi.identity.request', category: 'personal_info' })).toBe('personal');
    expect(refusalOf('IDを追加してください')).not.toContain('個人情報');
  });

  it('keeps the two strongest concerns, in a natural order, and skips a bare tool mention', () => {
    const parts = refusalParts(
      v('high', [f('hurry.x', 'pressure', 3), f('fee.purchase_required', 'upfront_payment', 6), f('contact.tool.mention', 'off_platform_contact', 0.3), f('contact.line.request', 'off_platform_contact', 5)]),
    );
    expect(parts).toEqual(['contact', 'fees']);
    expect(refusalParts(v('high', [f('pressure.urgency', 'pressure', 4), f('contact.tool.mention', 'off_platform_contact', 0.3)]))).toEqual(['hurry']);
  });

  it('says the contact sentence of each platform, and on coconala never an application', () => {
    expect(composeRefusal(['contact'], 'lancers')?.ja).toContain('連絡先公開申請');
    expect(composeRefusal(['approval'], 'coconala')?.ja).toBe(composeRefusal(['contact'], 'coconala')?.ja);
    const pressed = { ...f('pressure.approve_or_end', 'pressure', 5), phrase: '申請を承認しないなら契約終了です' };
    expect(refusalParts(v('high', [pressed], 'crowdworks'))).toEqual(['approval']);
    expect(refusalParts(v('high', [pressed], 'coconala'))).toEqual(['contact']);
    expect(refusalOf('ご購入前のご相談です。詳細はLINEでお伝えしますので追加お願いします')).toBe(
      'ご連絡ありがとうございます。恐れ入りますが、ココナラでは外部でのご連絡ができないため、やり取りはこちらのメッセージとトークルームでお願いいたします。また、業務内容と報酬の詳細を、ココナラのメッセージでお知らせいただけますでしょうか。よろしくお願いいたします。',
    );
  });

  it('writes the English refusal from the same parts', () => {
    expect(composeRefusal(['contact', 'payment'], 'crowdworks')?.en).toBe(
      'Thank you for your message. I am sorry, but I only move to outside tools after the escrow payment, once you have sent an off-service contact request (サービス外連絡申請). Also, I only receive payment through CrowdWorks\' escrow and cannot accept direct transfers or other methods. Thank you for your understanding.',
    );
  });
});

describe('refusalParts on verdict shapes', () => {
  it('always has a sentence for a flagged verdict', () => {
    const verdict: Pick<Verdict, 'level' | 'findings' | 'platform' | 'officialRoute'> = v('medium', [f('similar.wording', 'unrealistic_pay', 3)]);
    expect(refusalParts(verdict)).toEqual(['details']);
  });
});

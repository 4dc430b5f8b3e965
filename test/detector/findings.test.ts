// What a verdict shows (src/detector/findings.ts): one finding per phrase, phrases that end on a
// word, contact details masked the same way everywhere in the text.
import { beforeAll, describe, expect, it } from 'vitest';
import { balanceBrackets, finalizeFindings, mergeOverlapping, wordEnd } from '../../src/detector/findings.ts';
import { normalize } from '../../src/detector/normalize.ts';
import { loadRules, type RuleSet } from '../../src/detector/rules.ts';
import type { Category, Finding } from '../../src/detector/types.ts';
import { sharedEngine } from '../helpers/engine.ts';
import type { Engine } from '../../src/engine.ts';

let rules: RuleSet;
let engine: Engine;
beforeAll(async () => {
  rules = loadRules({ checkBacktracking: false });
  engine = await sharedEngine();
});

function finding(rule: string, category: Category, text: string, words: string, weight = 5): Finding {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`${words} not in ${text}`);
  return { rule, category, weight, span: { start, end: start + words.length }, phrase: words, description: '', explanation: '' };
}
const phrasesOf = (text: string) => engine.analyse(text).verdict.findings.map((f) => f.phrase);

describe('phrases end at a word boundary', () => {
  it('runs on to the end of the inflection a pattern stopped inside', () => {
    const t = 'まずはLINEで連絡ください。';
    expect(t.slice(3, wordEnd(t, t.indexOf('くだ') + 2))).toBe('LINEで連絡ください');
    const u = '報酬はUSDTでお支払いします。';
    expect(u.slice(3, wordEnd(u, u.indexOf('お支払') + 3))).toBe('USDTでお支払いします');
    const w = '承認いただけない場合は契約を終了させていただきます。';
    expect(w.slice(0, wordEnd(w, w.indexOf('終了') + 2))).toBe('承認いただけない場合は契約を終了させていただきます');
  });

  it('does not swallow the particle that starts the next word', () => {
    const t = '仮払い前ですが作業を開始していただけますか';
    const end = t.indexOf('作業') + 2;
    expect(wordEnd(t, end)).toBe(end);
    const u = '詳細はLINEで連絡します';
    expect(wordEnd(u, u.indexOf('で') + 1)).toBe(u.indexOf('で') + 1);
    const w = '詳細はLINEでお伝えします';
    expect(w.slice(0, wordEnd(w, w.indexOf('お伝') + 1))).toBe('詳細はLINEで');
    // A match that ends on the particle stops before the next word's honorific prefix too.
    expect(w.slice(0, wordEnd(w, w.indexOf('お伝')))).toBe('詳細はLINEで');
    expect(phrasesOf('詳細はLINEでお伝えしますので、追加してください。')).not.toContain('詳細はLINEでお');
  });

  it('completes a bracket the phrase opens or closes', () => {
    const t = 'マニュアル（9,800円）をご購入いただく必要があります';
    const s = balanceBrackets(t, { start: t.indexOf('9,800'), end: t.indexOf('必要') });
    expect(t.slice(s.start, s.end)).toBe('（9,800円）をご購入いただく');
  });

  it('shows whole words in a real verdict', () => {
    expect(phrasesOf('報酬はUSDTでお支払いします。詳細はテレグラムで連絡ください。')).toEqual(
      expect.arrayContaining(['USDTでお支払いします', 'テレグラムで連絡ください']),
    );
    expect(phrasesOf('詳細はLINEで連絡ください').join(' ')).not.toMatch(/くだ(?!さい)/);
  });
});

describe('one finding per phrase', () => {
  it('merges two findings of one category on the same words into the stronger one', () => {
    const t = 'マニュアル（9,800円）をご購入いただく必要があります';
    const merged = mergeOverlapping([
      finding('fee.purchase_required', 'upfront_payment', t, 'マニュアル（9,800円）をご購入いただ', 5.5),
      finding('fee.amount_payable', 'upfront_payment', t, '9,800円）をご購入いただ', 5.5),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.rule).toBe('fee.purchase_required');
  });

  it('keeps findings of different categories on overlapping words apart', () => {
    const t = '詳細はLINEで連絡ください';
    const merged = mergeOverlapping([
      finding('contact.line.request', 'off_platform_contact', t, 'LINEで連絡ください', 6),
      finding('vague.details_later', 'vague_details', t, '詳細はLINEで', 5),
    ]);
    expect(merged.map((f) => f.category).sort()).toEqual(['off_platform_contact', 'vague_details']);
  });

  it('shows the 9,800円 manual purchase once in a real verdict', () => {
    const v = engine.analyse('作業にはマニュアル（9,800円）をご購入いただく必要があります。').verdict;
    expect(v.findings.filter((f) => f.category === 'upfront_payment').map((f) => f.phrase)).toEqual(['マニュアル（9,800円）をご購入いただく']);
    expect(v.categories).toContain('upfront_payment');
  });
});

describe('contact details are masked once per text', () => {
  it('masks a handle in every phrase once a rule found it', () => {
    const text = 'らいん→ smile_77 で追加してね。smile_77 で検索できます';
    const t = normalize(text);
    const out = finalizeFindings(
      [finding('details.line_id', 'contact_details', text, 'らいん→ smile_77', 6.5), finding('similar.wording', 'off_platform_contact', text, 'smile_77 で検索できます', 3)],
      { t, rules },
    );
    for (const f of out) expect(f.phrase, f.phrase).not.toContain('smile_77');
    expect(out.map((f) => f.phrase)).toEqual(['らいん→ sm******', 'sm****** で検索できます']);
  });

  it('masks an international number wherever a phrase shows it', () => {
    const text = '電話は +1 415 555 0132 までお願いします';
    const t = normalize(text);
    const [f] = finalizeFindings([finding('similar.wording', 'contact_details', text, text, 3)], { t, rules });
    expect(f!.phrase).toBe('電話は +1 *** *** **** までお願いします');
  });

  it('widens a phrase that starts or ends inside a value to the whole value', () => {
    const text = 'こちらへ https://lin.ee/AbCdEfG どうぞ';
    const t = normalize(text);
    const [f] = finalizeFindings([finding('details.invite_link', 'contact_details', text, 'lin.ee/AbC', 6)], { t, rules });
    expect(f!.phrase).toBe('https://lin.ee/Ab*****');
  });

  it('hands spans back in input offsets', () => {
    const text = 'LINEで連絡ください';
    const t = normalize(text);
    const [f] = finalizeFindings([finding('contact.line.request', 'off_platform_contact', text, 'LINEで連絡くだ', 6)], { t, rules, toInput: (s) => ({ start: s.start + 100, end: s.end + 100 }) });
    expect(f!.span).toEqual({ start: 100, end: 111 });
  });
});

// The analysed cap (src/detector/cap.ts): a long text is read from its start and its end.
import { describe, expect, it } from 'vitest';
import { capText, JOIN, TAIL_SHARE } from '../../src/detector/cap.ts';
import { sharedEngine } from '../helpers/engine.ts';

describe('capText', () => {
  it('leaves a text within the cap alone', () => {
    const c = capText('LINEで連絡ください', 100);
    expect(c).toMatchObject({ text: 'LINEで連絡ください', truncated: false, head: 11, tail: 0, analysedChars: 11, inputChars: 11 });
    expect(c.toInput({ start: 2, end: 5 })).toEqual({ start: 2, end: 5 });
  });

  it('reads the start and the end of a longer text, so a contact detail placed last is still read', () => {
    const input = 'あ'.repeat(10_000) + 'LINE ID: sakura22';
    const c = capText(input, 8000);
    expect(c.truncated).toBe(true);
    expect(c.tail).toBe(8000 * TAIL_SHARE);
    expect(c.head).toBe(8000 - c.tail);
    expect(c.analysedChars).toBe(8000);
    expect(c.inputChars).toBe(input.length);
    expect(c.text.endsWith('LINE ID: sakura22')).toBe(true);
    expect(c.text).toBe(input.slice(0, c.head) + JOIN + input.slice(input.length - c.tail));
  });

  it('maps a span in the end part back to the same words of the input', () => {
    const input = 'い'.repeat(9000) + '詳細はLINEで連絡ください' + 'う'.repeat(100);
    const c = capText(input, 8000);
    const at = c.text.indexOf('LINEで連絡');
    const span = c.toInput({ start: at, end: at + 'LINEで連絡'.length });
    expect(input.slice(span.start, span.end)).toBe('LINEで連絡');
    const inHead = c.toInput({ start: 10, end: 20 });
    expect(inHead).toEqual({ start: 10, end: 20 });
  });

  it('never splits a surrogate pair at either cut', () => {
    const input = '😀'.repeat(6000);
    const c = capText(input, 8001);
    expect(c.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(c.analysedChars).toBeLessThanOrEqual(8001);
  });

  it('keeps only the start under a tiny cap', () => {
    const c = capText('abcdefghijklmnopqrstuvwxyz', 10);
    expect(c).toMatchObject({ text: 'abcdefghij', head: 10, tail: 0, truncated: true });
  });
});

describe('a verdict on a text over the cap', () => {
  it('catches a LINE ID placed last, points at it in the input and says which parts were read', async () => {
    const engine = await sharedEngine();
    const text = '【データ入力】商品情報の入力をお願いします。納期は2週間です。\n'.repeat(400) + '詳しくはLINEで連絡ください。ID: sakura_0324';
    const v = engine.analyse(text).verdict;
    expect(v.level).toBe('high');
    expect(v.truncated).toBe(true);
    expect(v.read).toEqual({ head: 6000, tail: 2000 });
    expect(v.analysedChars).toBe(8000);
    const line = v.findings.find((f) => f.rule === 'contact.line.request');
    expect(line && text.slice(line.span.start, line.span.end)).toMatch(/^LINEで連絡くだ/);
  });
});

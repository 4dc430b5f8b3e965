import { describe, expect, it } from 'vitest';
import { foldSpanToRaw, normalize } from '../../src/detector/normalize.ts';

const fold = (s: string): string => normalize(s).fold;

describe('normalize', () => {
  it('folds full-width letters and digits, katakana and case', () => {
    expect(fold('ＬＩＮＥ　ＩＤ：ｓａｋｕｒａ２２')).toBe('line id:sakura22');
    expect(fold('ライン')).toBe('らいん');
    expect(fold('ﾗｲﾝ')).toBe('らいん');
    expect(fold('ラィン')).toBe('らいん');
  });

  it('joins letters spaced, dotted or stacked apart', () => {
    expect(fold('L I N E で')).toBe('lineで');
    expect(fold('l.i.n.e')).toBe('line');
    expect(fold('ら い ん')).toBe('らいん');
    expect(fold('Ｌ\nＩ\nＮ\nＥ')).toBe('line');
  });

  it('leaves ordinary words and numbers alone', () => {
    expect(fold('報酬は1記事3,000円です')).toBe('報酬は1記事3,000円です');
    expect(fold('A4で10ページ')).toBe('a4で10ぺーじ');
  });

  it('unifies mask characters so ラ〇ン, ラ●ン and ラ＊ン look the same', () => {
    expect(fold('ラ〇ン')).toBe('ら〇ん');
    expect(fold('ラ●ン')).toBe('ら〇ん');
    expect(fold('ラ＊ン')).toBe('ら〇ん');
    expect(fold('L●INE')).toBe('l〇ine');
  });

  it('removes zero-width characters, bidi marks and zalgo', () => {
    expect(fold('L\u200bI\u200dN\uFEFFE')).toBe('line');
    expect(fold('\u202eLINE\u202c')).toBe('line');
    expect(fold('L\u0336I\u0337N\u0338E')).toBe('line');
  });

  it('composes half-width voiced kana and drops lone surrogates', () => {
    expect(fold('ｶﾞｲﾄﾞ')).toBe('がいど');
    expect(fold('a\ud800b')).toBe('ab');
  });

  it('maps every folded span back to the exact raw text', () => {
    const raw = '詳細はＬ Ｉ Ｎ Ｅで！ ID→ ｓａｋｕｒａ２２';
    const t = normalize(raw);
    const a = t.fold.indexOf('line');
    const span = foldSpanToRaw(t, a, a + 4);
    expect(raw.slice(span.start, span.end)).toBe('Ｌ Ｉ Ｎ Ｅ');
    const b = t.fold.indexOf('sakura22');
    const s2 = foldSpanToRaw(t, b, b + 8);
    expect(raw.slice(s2.start, s2.end)).toBe('ｓａｋｕｒａ２２');
  });

  it('handles empty input', () => {
    expect(normalize('').fold).toBe('');
  });
});

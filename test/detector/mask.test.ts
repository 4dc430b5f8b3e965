// Masking and phrase rendering (src/detector/mask.ts): the tool and the shape stay, the value goes;
// nothing that a terminal or an embed would run is echoed.
import { beforeAll, describe, expect, it } from 'vitest';
import { contactValues, renderPhrase, renderValue, stripControls } from '../../src/detector/mask.ts';
import { normalize } from '../../src/detector/normalize.ts';
import { loadRules, type RuleSet } from '../../src/detector/rules.ts';
import type { Engine } from '../../src/engine.ts';
import { sharedEngine } from '../helpers/engine.ts';

let rules: RuleSet;
let engine: Engine;
beforeAll(async () => {
  rules = loadRules({ checkBacktracking: false });
  engine = await sharedEngine();
});
const masked = (text: string): string => renderPhrase(text, { start: 0, end: text.length }, contactValues(normalize(text), rules));

describe('masking keeps the tool and the shape', () => {
  it('shows a spelled-out email as an address with its provider and domain readable', () => {
    expect(masked('メールはsakura.w あっとまーく gmail どっと com です')).toBe('メールはsa****.*＠gm***.com です');
    expect(masked('taro.work@example.com まで')).toBe('ta**.****＠ex*****.com まで');
    expect(masked('ｓａｋｕｒａ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('sa****＠ex*****.com');
  });

  it('shows an invite link with its service and the start of its id', () => {
    expect(renderValue('lin.ee/AbCdEfG', 'url')).toBe('lin.ee/Ab*****');
    expect(masked('友だち追加はこちら https://lin.ee/abcd123')).toBe('友だち追加はこちら https://lin.ee/ab*****');
    expect(masked('line.me/ti/p/AbCdEf12 から')).toBe('line.me/ti/p/Ab****** から');
    expect(masked('t.me/fastjob_bot に参加')).toBe('t.me/fa********* に参加');
  });

  it('masks phone numbers, international and read out in kana too', () => {
    expect(masked('090-1234-5678までお電話ください')).toBe('09*-****-****までお電話ください');
    expect(masked('WhatsApp: +1 415 555 0132')).toBe('WhatsApp: +1 *** *** ****');
    expect(masked('+44 20 7946 0958 にどうぞ')).toBe('+4* ** **** **** にどうぞ');
    expect(masked('ゼロキューゼロ、ゼロゼロゼロゼロ、キューハチナナロク にかけて')).not.toMatch(/キューハチナナロク/);
  });

  it('keeps handles to their first characters', () => {
    expect(masked('LINE ID：abc_123 まで')).toBe('LINE ID：ab***** まで');
    expect(masked('テレグラム @fastjob_jp')).toBe('テレグラム @fa********');
  });

  it('leaves amounts, dates and job numbers alone', () => {
    expect(masked('報酬は1記事3,000円、納期は2025-12-25です')).toBe('報酬は1記事3,000円、納期は2025-12-25です');
  });
});

describe('phrases are safe to echo', () => {
  it('strips control, format and bidi characters', () => {
    expect(stripControls('a\u001b]0;title\u0007b')).toBe('a]0;titleb');
    expect(stripControls('LINE\u202Eで連絡\u2066ください\u2069')).toBe('LINEで連絡ください');
    expect(stripControls('x\u200by\ufeffz\u0085w')).toBe('xyz w');
  });

  it('never echoes an escape sequence or a bidi override from the input in a finding', () => {
    const text = '\u001b]52;c;ZWNobyBwd25lZA==\u0007詳細は\u202eLINE\u202cで連絡ください\u001b[2J';
    const v = engine.analyse(text).verdict;
    expect(v.level).toBe('high');
    for (const f of v.findings) {
      expect(f.phrase).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    }
  });
});

// Kanji words spelled in kana (「きょうざい費」「じょせい限定」) still meet the rules written in kanji.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spellings, widenReadings } from '../../src/detector/readings.ts';
import { loadRules } from '../../src/detector/rules.ts';
import type { Engine } from '../../src/engine.ts';
import { sharedEngine } from '../helpers/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await sharedEngine();
});
const level = (text: string) => engine.detector.check(text).level;

describe('kana spellings of kanji words', () => {
  it('lists every mix of kanji and reading, the written form first', () => {
    expect(spellings('女性', ['じょ', 'せい']).sort()).toEqual(['じょせい', 'じょ性', '女せい', '女性'].sort());
    expect(spellings('女性', ['じょ', 'せい'])[0]).toBe('女性');
    expect(spellings('仮払', ['かり', 'はら/ばら'])).toContain('かりばら');
    expect(() => spellings('年齢', ['ねん'])).toThrow(/readings/);
  });

  it('widens words in a pattern but not inside a character class, after an escape or before a quantifier', () => {
    const t = { 女性: ['じょ', 'せい'] };
    expect(widenReadings('女性限定', t)).toBe('(?:女性|じょせい|女せい|じょ性)限定');
    expect(widenReadings('[女性]', t)).toBe('[女性]');
    expect(widenReadings('女性?', t)).toBe('女性?');
    expect(new RegExp(widenReadings('(?:女性|男性)のみ', { ...t, 男性: ['だん', 'せい'] })).test('だんせいのみ')).toBe(true);
  });

  it.each([['きょうざい費がひつようです。払ったら仕事あげます'], ['じょせい限定です、年れいは25さいまで'], ['お仕事のないようはヒミツです🤫 やる気ある人だけ来て！'], ['キョウザイ費として3万円をお支払いください']])(
    'flags %s',
    (text) => {
      expect(['high', 'medium']).toContain(level(text));
    },
  );

  it('stays quiet on honest kana text', () => {
    expect(['none', 'low']).toContain(level('けいやくご、さぎょうをはじめてください。のうきは らいしゅうです'));
  });

  it('stops at load when a reading does not fit its word', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gg-readings-'));
    try {
      fs.writeFileSync(path.join(dir, 'lexicon.yaml'), 'macros:\n  X: "x"\nreadings:\n  年齢: [ねん]\n');
      expect(() => loadRules({ dir })).toThrow(/lexicon\.yaml.*readings/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

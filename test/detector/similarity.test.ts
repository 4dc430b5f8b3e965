// The statistical fallback: what it catches, when it keeps quiet, and that the model file in
// rules/model/ is the one its training data and settings produce.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelIsCurrent } from '../../src/cli/train.ts';
import { createDetector } from '../../src/detector/detect.ts';
import { fitLogReg, sigmoid } from '../../src/detector/logreg.ts';
import { loadRules } from '../../src/detector/rules.ts';
import { DEFAULT_MODEL_DIR, distinctGrams, gramText, loadSimilarity, loadSimilarityConfig } from '../../src/detector/similarity.ts';
import { CATEGORY_IDS } from '../../src/detector/types.ts';
import type { Engine } from '../../src/engine.ts';
import { sharedEngine } from '../helpers/engine.ts';

const config = loadSimilarityConfig();
let engine: Engine;
beforeAll(async () => {
  engine = await sharedEngine();
});
const check = (text: string, opts = {}) => engine.detector.check(text, opts);
const modelFinding = (text: string, opts = {}) => check(text, opts).findings.find((f) => f.rule === config.id);
const exampleText = (e: string | { text: string }): string => (typeof e === 'string' ? e : e.text);
const exampleOpts = (e: string | { platform?: string; stage?: string }) => (typeof e === 'string' ? {} : e);

describe('the model file', () => {
  it('is the model of the current training files and settings (else: npm run train)', () => {
    const r = modelIsCurrent();
    expect(r.current, `weights.json records ${r.recorded.slice(0, 12)}, sources give ${r.actual.slice(0, 12)}: run npm run train`).toBe(true);
  });

  it('keeps the holdout set out of its training data', () => {
    const m = loadSimilarity();
    expect(m.trainedOn.files.map((f) => f.file)).not.toContain('test/fixtures/holdout.jsonl');
    expect(m.trainedOn.lines).toBeGreaterThan(3000);
  });

  it('has a Japanese explanation for every category', () => {
    for (const c of CATEGORY_IDS) expect(config.explanations[c], c).toMatch(/[ぁ-ん]/);
  });

  it('stops with the file and field when weights.json is broken', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gg-model-'));
    try {
      fs.copyFileSync(path.join(DEFAULT_MODEL_DIR, 'similarity.yaml'), path.join(dir, 'similarity.yaml'));
      fs.writeFileSync(path.join(dir, 'weights.json'), JSON.stringify({ format: 1, maxN: 3, bias: 'x' }));
      expect(() => loadSimilarity(dir)).toThrow(/model\/weights\.json.*field/);
      fs.writeFileSync(path.join(dir, 'weights.json'), '{not json');
      expect(() => loadSimilarity(dir)).toThrow(/weights\.json.*npm run train/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('logistic regression', () => {
  it('learns which n-grams mark a class and is deterministic', () => {
    // feature 0 marks class 1, feature 1 marks class 0, feature 2 is noise in both
    const rows = [
      [0, 2],
      [0],
      [0, 3],
      [1, 2],
      [1],
      [1, 3],
    ].map((r) => ({ idx: Int32Array.from(r), norm: r.length }));
    const y = [1, 1, 1, 0, 0, 0];
    const a = fitLogReg(rows, y, 4, { c: 10 });
    const b = fitLogReg(rows, y, 4, { c: 10 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.weights[0]).toBeGreaterThan(1);
    expect(a.weights[1]).toBeLessThan(-1);
    expect(Math.abs(a.weights[2] as number)).toBeLessThan(0.5);
    expect(sigmoid((a.weights[0] as number) + a.bias)).toBeGreaterThan(0.8);
  });

  it('takes n-grams from the folded text with digits unified and never across spaces or punctuation', () => {
    expect(gramText('line　id 123。')).toBe('line|id|000|');
    expect(gramText('らいん')).toHaveLength(3);
    expect([...distinctGrams('abab', 2)].sort()).toEqual(['a', 'ab', 'b', 'ba']);
    expect([...distinctGrams('ab|c', 2)].sort()).toEqual(['a', 'ab', 'b', 'c']);
  });

  it('does not care whether a message ends with 。', () => {
    const m = loadSimilarity();
    expect(m.probability('納期は来週です')).toBeCloseTo(m.probability('納期は来週です。'), 10);
  });
});

describe('catches paraphrases the rules do not know', () => {
  for (const e of config.examples.hit) {
    const text = exampleText(e);
    it(`flags 「${text.slice(0, 40)}」 through the model`, () => {
      const v = check(text, exampleOpts(e));
      expect(['high', 'medium']).toContain(v.level);
      expect(v.findings.map((f) => f.rule)).toContain(config.id);
    });
  }

  it('shows the part of the text that weighs most, as raw text, with an explanation', () => {
    const text = 'お世話になっております。細かいご説明は、やり取りの場所を変えてからにさせてください。';
    const f = modelFinding(text);
    expect(f).toBeDefined();
    expect(text.slice(f?.span.start, f?.span.end)).toBe(f?.phrase);
    expect(f?.phrase).toContain('やり取りの場所');
    expect(f?.category).toBe('off_platform_contact');
    expect(f?.explanation).toMatch(/よく似ています/);
  });

  it('shows one whole sentence of a longer message, not a window across sentences', () => {
    const text = 'はじめまして、ご覧いただきありがとうございます。弊社は都内で小さな制作会社を営んでおります。細かいご説明は、やり取りの場所を変えてからにさせてください。どうぞよろしくお願いいたします。';
    const f = modelFinding(text);
    expect(f?.phrase).toBe('細かいご説明は、やり取りの場所を変えてからにさせてください。');
  });

  it('masks contact details inside the phrase it shows', () => {
    const text = 'こちらの件、お手数ですがお気軽にどうぞ kzm_0324 までひと言いただけますと幸いです';
    const v = check(text);
    for (const f of v.findings) expect(f.phrase).not.toContain('kzm_0324');
  });
});

describe('keeps quiet where it should', () => {
  for (const e of config.examples.miss) {
    const text = exampleText(e);
    it(`stays quiet on 「${text.slice(0, 40)}」`, () => {
      expect(modelFinding(text, exampleOpts(e))).toBeUndefined();
    });
  }

  it('is not consulted when the rules already flag the text', () => {
    const v = check('詳細はLINEでお伝えしますので、IDを検索して追加してください');
    expect(v.level).toBe('high');
    expect(v.findings.map((f) => f.rule)).not.toContain(config.id);
  });

  it('does not second-guess a cue the rules set aside as negated or quoted', () => {
    expect(modelFinding('LINEやメールなど外部でのやり取りは一切行いませんので、ご安心ください')).toBeUndefined();
    expect(modelFinding('「LINEで連絡ください」と書かれた案件に注意する記事を書いてください')).toBeUndefined();
  });

  it('follows the stage rules: a paraphrased move to chat after 仮払い via the application is not flagged', () => {
    const text = '仮払いありがとうございます。サービス外連絡申請をお送りしましたので、ご承認いただける場合のみ、普段お使いのチャットでもご連絡できればと思います。';
    expect(['none', 'low']).toContain(check(text).level);
  });

  it('is left out entirely when the detector is built without it', () => {
    const det = createDetector(engine.tokenizer, loadRules());
    const text = exampleText(config.examples.hit[0] as string);
    expect(det.check(text).findings.map((f) => f.rule)).not.toContain(config.id);
  });
});

import { describe, expect, it } from 'vitest';
import { isChrome, joinJapaneseSpaces, joinWords, parseTsv, toMessageText, type OcrLine, type OcrParagraph } from '../../src/ocr/text.ts';

// OCR structures written out by hand: words with their boxes, as Tesseract returns them for a
// 1080 px wide screenshot (text about 40 px high).
const H = 40;
let y = 0;
/** One line of words; each word is [text, confidence, x0] and is as wide as it has characters. */
function line(words: [string, number, number][], atY = y): OcrLine {
  const ws = words.map(([text, confidence, x0]) => ({ text, confidence, bbox: { x0, y0: atY, x1: x0 + [...text].length * H, y1: atY + H } }));
  return { words: ws, bbox: { x0: ws[0]?.bbox.x0 ?? 0, y0: atY, x1: ws.at(-1)?.bbox.x1 ?? 0, y1: atY + H } };
}
function para(...lines: OcrLine[]): OcrParagraph {
  return {
    lines,
    bbox: {
      x0: Math.min(...lines.map((l) => l.bbox.x0)),
      y0: Math.min(...lines.map((l) => l.bbox.y0)),
      x1: Math.max(...lines.map((l) => l.bbox.x1)),
      y1: Math.max(...lines.map((l) => l.bbox.y1)),
    },
  };
}
/** Consecutive words of one phrase, laid out left to right from x0 with no gaps. */
function words(x0: number, conf: number, ...texts: string[]): [string, number, number][] {
  let x = x0;
  return texts.map((t) => {
    const w: [string, number, number] = [t, conf, x];
    x += [...t].length * H;
    return w;
  });
}

describe('OCR text for the detector', () => {
  it('removes the spaces OCR puts between Japanese words and keeps one between Latin words', () => {
    expect(joinWords(['ご', '応募', 'あり', 'が', 'とう'])).toBe('ご応募ありがとう');
    expect(joinWords(['詳細', 'は', 'LINE', 'で'])).toBe('詳細はLINEで');
    expect(joinWords(['ID:', 'sakura_2024', 'を', '追加'])).toBe('ID: sakura_2024を追加');
    expect(joinWords(['KENTA', 'WORKS'])).toBe('KENTA WORKS');
    expect(joinJapaneseSpaces('本日 中 に ご 返信 ください 。 Thank you')).toBe('本日中にご返信ください。Thank you');
  });

  it('recognises screen furniture: times, dates, 既読, the status bar and input boxes', () => {
    for (const t of ['14:02', '9:41', '午後 3:15', '既読', '既 読', '既読 2', '既読 14:05', '2025/05/12 14:03', '5/12(月)', '今日', '87%', '87% ( 画 昌 )', 'メッセージ を 入力', '送信']) {
      expect(isChrome(t), t).toBe(true);
    }
    for (const t of ['本日12:00までにご返信ください', '既読スルーしないでください', '報酬は10%アップします', 'LINEで連絡ください', '14:00に面談しましょう']) {
      expect(isChrome(t), t).toBe(false);
    }
  });

  it('joins the wrapped lines of one bubble into one line, with NFKC applied', () => {
    const p = para(
      line(words(200, 93, '詳細', 'は', 'ＬＩＮＥ', 'で', 'お', '伝え', 'し', 'ます', 'の', 'で', '、'), 100),
      line(words(200, 95, 'ＩＤ：', 'sakura', 'を', '追加', 'し', 'て', 'ください', '。'), 150),
    );
    const r = toMessageText([p]);
    expect(r.text).toBe('詳細はLINEでお伝えしますので、ID: sakuraを追加してください。');
    expect(r.chars).toBe([...r.text.replace(/\s/g, '')].length);
    expect(r.confidence).toBeGreaterThanOrEqual(93);
  });

  it('keeps a line break where a line stops well short of the bubble (the writer pressed Enter)', () => {
    const p = para(line(words(200, 95, 'ID:', 'abc123'), 100), line(words(200, 95, 'よろしく', 'お願い', 'いたし', 'ます', '。'), 150));
    expect(toMessageText([p]).text).toBe('ID: abc123\nよろしくお願いいたします。');
  });

  it('puts a heading of a job posting on its own line', () => {
    const p = para(line(words(40, 95, '【業務', '内容】'), 100), line(words(40, 95, 'スマホ', 'で', 'できる', '簡単', 'な', 'タスク', 'です', '。'), 150));
    expect(toMessageText([p]).text).toBe('【業務内容】\nスマホでできる簡単なタスクです。');
  });

  it('drops the time and 既読 beside a bubble, the status bar and the input box, and keeps the message', () => {
    const status = para(line([['9:41', 92, 60], ['87%', 80, 900]], 30));
    const bubble = para(line([...words(200, 94, '記事', 'の', '納品', 'ありがとう', 'ございます', '!'), ['14:02', 90, 960]], 300));
    const mine = para(line([['既読', 88, 100], ...words(260, 95, '承知', 'しました', '。')], 420));
    const time = para(line([['14:05', 91, 100]], 470));
    const input = para(line(words(200, 93, 'メッ', 'セー', 'ジ', 'を', '入力'), 1700));
    const r = toMessageText([status, bubble, mine, time, input]);
    expect(r.text).toBe('記事の納品ありがとうございます!\n承知しました。');
  });

  it('keeps a short reply Tesseract is sure of and drops a stray glyph it is not', () => {
    const reply = para(line(words(700, 96, 'はい'), 300));
    const avatar = para(line([['目', 52, 40]], 500));
    const icon = para(line([['画', 12, 40], ['還', 0, 80]], 700));
    expect(toMessageText([reply, avatar, icon]).text).toBe('はい');
  });

  it('joins a bubble Tesseract cut into two blocks, but not two separate bubbles', () => {
    const a = para(line(words(300, 95, '恐れ', '入り', 'ます', 'が', '、', '契約', 'と', '仮払い', 'が', '完了'), 340));
    const b = para(line(words(300, 95, 'する', 'まで', 'は', '、', 'こちら', 'で', 'お願い', 'し', 'ます', '。'), 400));
    const c = para(line(words(300, 95, 'よろしく', 'お願い', 'し', 'ます', '。'), 560));
    expect(toMessageText([a, b, c]).text).toBe('恐れ入りますが、契約と仮払いが完了するまでは、こちらでお願いします。\nよろしくお願いします。');
  });

  it('turns an OCR-read 3.000円 back into 3,000円', () => {
    const p = para(line(words(40, 92, 'マニュアル', '代', '3.000', '円', 'が', '必要', 'です', '。'), 100));
    expect(toMessageText([p]).text).toBe('マニュアル代3,000円が必要です。');
  });

  it('gives empty text and zero confidence when nothing readable is left', () => {
    expect(toMessageText([])).toEqual({ text: '', confidence: 0, chars: 0 });
    expect(toMessageText([para(line([['|', 90, 40]], 10))])).toEqual({ text: '', confidence: 0, chars: 0 });
  });
});

describe("Tesseract's TSV output", () => {
  it('becomes paragraphs of lines of words with their boxes and confidences', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t864\t1418\t-1\t',
      '2\t1\t1\t0\t0\t0\t160\t270\t600\t100\t-1\t',
      '3\t1\t1\t1\t0\t0\t160\t270\t600\t100\t-1\t',
      '4\t1\t1\t1\t1\t0\t160\t270\t600\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t160\t270\t80\t40\t96.5\t詳細',
      '5\t1\t1\t1\t1\t2\t240\t270\t40\t40\t93\tは',
      '5\t1\t1\t1\t1\t3\t280\t270\t40\t40\t-1\t ',
      '4\t1\t1\t1\t2\t0\t160\t330\t300\t40\t-1\t',
      '5\t1\t1\t1\t2\t1\t160\t330\t300\t40\t88\tID:\tabc',
      '',
    ].join('\n');
    const paras = parseTsv(tsv);
    expect(paras).toHaveLength(1);
    expect(paras[0]?.lines.map((l) => l.words.map((w) => w.text))).toEqual([['詳細', 'は'], ['ID:\tabc']]);
    expect(paras[0]?.lines[0]?.words[0]).toEqual({ text: '詳細', confidence: 96.5, bbox: { x0: 160, y0: 270, x1: 240, y1: 310 } });
    expect(paras[0]?.lines[1]?.bbox).toEqual({ x0: 160, y0: 330, x1: 460, y1: 370 });
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('garbage\nmore garbage')).toEqual([]);
  });
});

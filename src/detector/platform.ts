// Which platform a text comes from, when the user did not say. A named platform decides
// (クラウドワークス, Lancers, ココナラ: the first one named). Otherwise each platform's own wording
// counts: coconala speaks of ご購入前のご相談, トークルーム, 出品者 and 見積り提案; Lancers of 提案
// (its word for an application), ランサー and 連絡先公開申請; CrowdWorks of 応募, ワーカー and
// サービス外連絡申請. Without any of these the caller falls back to CrowdWorks and says so.
//
// Pure: the folded text (src/detector/normalize.ts) and the rules' platform macros in, a platform out.
import { foldPatternSource } from './normalize.ts';
import type { RuleSet } from './rules.ts';
import type { Platform } from './types.ts';

interface Cue {
  platform: Exclude<Platform, 'other'>;
  /** 3: a word only this platform uses; 1: a word it uses more than the others do. */
  weight: number;
  re: RegExp;
}

// Written in katakana as on screen; folded like the rules (katakana → hiragana, lower case) before use.
// LINE's chat screen is a トークルーム too: LINE's own (LINEのトークルーム, トークルームタブ画像) does not count.
// Each pattern is a plain alternation with bounded gaps, so it runs in linear time.
const cue = (platform: Cue['platform'], weight: number, src: string): Cue => ({ platform, weight, re: new RegExp(foldPatternSource(src), 'gu') });

const CUES: Cue[] = [
  cue('coconala', 3, 'ご?購入前の(?:ご)?相談|(?<!lineの|ラインの)トークルーム(?!タブ|画像|背景)|出品者|出品(?:して|中の|している)サービス|見積り?提案|見積もり提案|おひねり|ご購入ありがとう'),
  cue('lancers', 3, '連絡先公開申請|ランサー(?!ズ)'),
  cue('lancers', 1, '(?:ご|お)?提案(?:いただき|ありがとう|頂き|くださり|内容|文)|提案者|(?:案件|お仕事|依頼)への(?:ご)?提案'),
  cue('crowdworks', 3, 'サービス外連絡申請|クラウドワーカー|プロクラウドワーカー'),
  cue('crowdworks', 1, '(?:ご)?応募(?:いただき|頂き|ありがとう|の際|方法|者|文|フォーム|時)|ワーカー(?:さん|様)'),
];

const NAMED = [
  ['PLATFORM_CROWDWORKS', 'crowdworks'],
  ['PLATFORM_LANCERS', 'lancers'],
  ['PLATFORM_COCONALA', 'coconala'],
] as const;

const MAX_HITS = 20;

function firstIndex(re: RegExp, fold: string): number {
  re.lastIndex = 0;
  const m = re.exec(fold);
  re.lastIndex = 0;
  return m ? m.index : -1;
}

export interface PlatformGuess {
  platform: Platform;
  /** Named in the text, or inferred from the platform's own wording. */
  by: 'name' | 'wording';
}

/** The platform a text names or is worded for; undefined when nothing points to one. */
export function guessPlatform(fold: string, rules: RuleSet): PlatformGuess | undefined {
  let named: { at: number; platform: Platform } | undefined;
  for (const [macro, platform] of NAMED) {
    const at = firstIndex(rules.macro(macro), fold);
    if (at >= 0 && (!named || at < named.at)) named = { at, platform };
  }
  if (named) return { platform: named.platform, by: 'name' };

  const score = new Map<Platform, { points: number; first: number }>();
  for (const c of CUES) {
    c.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = c.re.exec(fold)) !== null && n++ < MAX_HITS) {
      const s = score.get(c.platform) ?? { points: 0, first: m.index };
      s.points += c.weight;
      s.first = Math.min(s.first, m.index);
      score.set(c.platform, s);
    }
    c.re.lastIndex = 0;
  }
  let best: { platform: Platform; points: number; first: number } | undefined;
  for (const [platform, s] of score) {
    if (!best || s.points > best.points || (s.points === best.points && s.first < best.first)) best = { platform, ...s };
  }
  return best ? { platform: best.platform, by: 'wording' } : undefined;
}

/** The platform for the verdict: named or worded for; undefined means "fall back to the default". */
export function inferPlatform(fold: string, rules: RuleSet): Platform | undefined {
  return guessPlatform(fold, rules)?.platform;
}

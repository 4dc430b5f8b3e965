// The statistical fallback in the pipeline: where the rules alone would not flag the text and did
// not already explain a risky cue away, the similarity model (rules/model/) may add one finding.
// Its finding meets the same stage and platform policy as a contact or call rule.
import { contactMaskRanges, looseContactRanges, mergeRanges, renderPhrase } from './mask.ts';
import { foldSpanToRaw } from './normalize.ts';
import { stageAdjust, type StageInput, type StageKind } from './policy.ts';
import type { RuleSet } from './rules.ts';
import type { SimilarityModel } from './similarity.ts';
import type { KindInfo } from './kind.ts';
import { sentenceIndexAt, testIn, type TextView } from './text.ts';
import type { Category, Finding, Mitigation, Span } from './types.ts';

/** How the similarity finding meets the stage rules: contact and call categories like their rules. */
const SIMILARITY_STAGE: Partial<Record<Category, StageKind>> = {
  off_platform_contact: 'contact',
  contact_details: 'contact',
  pre_contract_call: 'call',
};

/** The rules saw a risky cue and explained it away: the model must not second-guess that. */
export const SETTLED: ReadonlySet<Mitigation['reason']> = new Set(['negated', 'quoted', 'own_refusal', 'own_words', 'article', 'official_route', 'after_escrow', 'own_traffic']);

export interface FallbackResult {
  finding: Finding | null;
  mitigation: Mitigation | null;
}

/**
 * What the model reads. In a question about a received message it reads what was received: the
 * quoted words when there are quotes, otherwise the text without the user's own question
 * (「これって返信しても大丈夫でしょうか？」 alone holds nothing to judge). Everything else is
 * blanked, so offsets still point into the text.
 */
export function modelView(view: TextView, kind: KindInfo, rules: RuleSet): string {
  if (!kind.receivedAsk) return view.fold;
  const { fold } = view;
  const keep = new Uint8Array(fold.length);
  if (view.quotes.length > 0) {
    for (const [open, close] of view.quotes) keep.fill(1, open + 1, close);
  } else {
    const ask = rules.macro('RECEIVED_ASK');
    for (const s of view.sentences) if (!testIn(ask, fold.slice(s.start, s.end))) keep.fill(1, s.start, s.end);
  }
  let out = '';
  for (let i = 0; i < fold.length; i++) out += keep[i] ? fold[i] : fold[i] === '\n' ? '\n' : ' ';
  return out;
}

// A stock sentence that carries nothing of its own: a greeting, thanks, a call to apply or to ask.
const STOCK_SENTENCE =
  /^(?:(?:まずは|ぜひ|どうぞ|引き続き|今後とも|本日も|今回は)[、,]?\s?)?(?:お気軽に)?(?:(?:ご応募|ご連絡|ご相談|ご質問|ご提案|ご返信|お問い合わせ)(?:を|は)?(?:お待ちして(?:おり|い)ます|ください|お願い(?:いたし|致し|し)ます)|(?:どうぞ)?よろしくお願い(?:いたし|致し|し)ます|ありがとうございま(?:す|した)|お疲れ(?:様|さま)です|お世話になって(?:おり|い)ます|はじめまして|承知(?:いたし|致し|し)ました|了解(?:です|しました))[。!！.\s]*$/;

/** Every sentence is a stock phrase (「まずはお気軽にご応募ください。」): nothing for the model to judge. */
export function onlyStockPhrases(text: string): boolean {
  const sentences = text.split(/(?<=[。!！?？\n])/).map((s) => s.trim()).filter((s) => s !== '');
  return sentences.length > 0 && sentences.length <= 4 && sentences.every((s) => STOCK_SENTENCE.test(s));
}

export function similarityFinding(
  view: TextView,
  rules: RuleSet,
  model: SimilarityModel,
  st: StageInput,
  ruleMasks: Span[] | null,
  kindInfo: KindInfo,
): FallbackResult {
  const { t } = view;
  const seen = modelView(view, kindInfo, rules);
  if (onlyStockPhrases(seen)) return { finding: null, mitigation: null };
  const sim = model.score(seen);
  const top = sim?.categories[0];
  if (!sim || !top) return { finding: null, mitigation: null };
  const [fa, fb] = sim.focus;
  const span = foldSpanToRaw(t, fa, fb);
  const kind = SIMILARITY_STAGE[top.category] ?? 'none';
  const id = model.config.id;
  let weight = model.config.weight;
  let mitigation: Mitigation | null = null;
  if (kind !== 'none') {
    const adjusted = stageAdjust(view, rules, kind, sentenceIndexAt(view.sentences, fa), weight, st);
    if (adjusted.reason) mitigation = { rule: id, reason: adjusted.reason, span };
    weight = adjusted.weight;
  }
  if (weight <= 0) return { finding: null, mitigation };
  const masks = mergeRanges(ruleMasks ?? contactMaskRanges(t, rules), looseContactRanges(t.raw, span));
  return {
    finding: {
      rule: id,
      category: top.category,
      weight,
      span,
      phrase: renderPhrase(t.raw, span, masks),
      description: model.config.description,
      explanation: model.config.explanations[top.category] ?? model.config.description,
    },
    mitigation,
  };
}

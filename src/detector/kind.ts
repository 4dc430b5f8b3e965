// Stage 1: what kind of text is this? (domain.md, "What kind of text it is".) The kind decides how
// cues count before any cue is looked at: a message addressed to the reader is judged by the stage
// table; a job posting's pre-contract interview is a condition to check, not a danger; a pasted
// question about a received message is judged on the quoted request; a rule text, notice or article
// that lists prohibited acts describes them and asks nothing.
import type { RuleSet } from './rules.ts';
import { testIn, type TextView } from './text.ts';
import type { TextKind } from './types.ts';

export interface KindInfo {
  kind: TextKind;
  /** The user pasted what they received and asks about it: judge the quote, do not excuse it. */
  receivedAsk: boolean;
  /** Written ABOUT scams or rules (article, warning, FAQ, platform notice): informative at most. */
  ruleText: boolean;
  /** A pasted chat log with speaker labels. */
  chat: boolean;
  /** A job posting (title, sections, application instructions). */
  posting: boolean;
}

/** A text that writes ABOUT scams (a blog post, a warning, a FAQ) rather than making a request. */
export function isArticle(fold: string, rules: RuleSet): boolean {
  const re = rules.macro('ARTICLE_STRONG');
  re.lastIndex = 0;
  const seen = new Set<string>();
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(fold)) !== null && n++ < 200) {
    seen.add(m[0]);
    if (seen.size >= 2) break;
  }
  re.lastIndex = 0;
  return seen.size >= 2;
}

export function isReceivedAsk(fold: string, rules: RuleSet): boolean {
  return (
    (testIn(rules.macro('RECEIVED_STRONG'), fold) || (testIn(rules.macro('RECEIVED_ASK'), fold) && testIn(rules.macro('RECEIVED'), fold))) &&
    !testIn(rules.macro('HANDLED'), fold) &&
    !testIn(rules.macro('FORUM'), fold) &&
    !isArticle(fold, rules)
  );
}

export function detectKind(view: TextView, rules: RuleSet): KindInfo {
  const { fold } = view;
  const receivedAsk = isReceivedAsk(fold, rules);
  const ruleText = !receivedAsk && isArticle(fold, rules);
  const chat = testIn(rules.macro('CHAT_SPEAKER'), fold);
  const posting = false;
  const kind: TextKind = receivedAsk ? 'question' : ruleText ? 'rule_text' : chat ? 'chat' : posting ? 'posting' : 'message';
  return { kind, receivedAsk, ruleText, chat, posting };
}

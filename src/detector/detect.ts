// The detector: text + options → Verdict. Pure: no Discord, no database, no clock, no env.
//
// The pipeline, one module per stage:
//   text.ts        normalize (normalize.ts), sentences, quotes, tokens on demand
//   kind.ts        what kind of text it is (message, posting, chat log, question, rule text)
//   candidates.ts  rule matches whose window passes the rule's own context (rules/*.yaml)
//   role.ts        role and mood of each candidate: channel or work, asked or denied, quoted…
//   policy.ts      stage × platform × kind → weight
//   fallback.ts    the statistical model where the rules are silent (rules/model/)
//   score.ts       score and level
import { ruleCandidates, type Candidate, type Drop } from './candidates.ts';
import { buildPatternFilter, type PatternFilter } from './prefilter.ts';
import { similarityFinding, SETTLED } from './fallback.ts';
import { detectKind } from './kind.ts';
import { contactMaskRanges, renderPhrase } from './mask.ts';
import { foldSpanToRaw } from './normalize.ts';
import { articlePitchAt, kindPolicy, kindWeight, inferStage, ruleCanCount, routeNamed, routeOnlyAfterContract, STAGE_CAP, stageAdjust, type StageInput } from './policy.ts';
import { inferPlatform } from './platform.ts';
import { assessRole, withoutWorkerLines, type RoleContext } from './role.ts';
import { capText } from './cap.ts';
import { finalizeFindings } from './findings.ts';
import type { RuleSet } from './rules.ts';
import { LEVEL_THRESHOLDS, levelFor, scoreFindings } from './score.ts';
import type { SimilarityModel } from './similarity.ts';
import { createView, testIn } from './text.ts';
import type { Tokenizer } from './tokenizer.ts';
import { LEVEL_RANK, type CheckOptions, type Finding, type Level, type Mitigation, type Platform, type Stage, type Tool, type Verdict } from './types.ts';

/** Inputs longer than this are analysed in part (their start and end, src/detector/cap.ts) and the verdict says so. */
export const DEFAULT_MAX_CHARS = 8000;

export interface Detector {
  readonly rules: RuleSet;
  readonly maxChars: number;
  check(text: string, opts?: CheckOptions): Verdict;
}

export interface DetectorOptions {
  maxChars?: number;
  /** The statistical fallback (rules/model/); without it the rules decide alone. */
  similarity?: SimilarityModel | undefined;
  /** Which of the rules' patterns can match a text (prefilter.ts); built from the rules when absent. */
  patternFilter?: PatternFilter | undefined;
}

export function createDetector(tokenizer: Tokenizer, rules: RuleSet, options: DetectorOptions = {}): Detector {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  // One pass over a text tells which rule patterns can match in it; only those are searched.
  const patternFilter = options.patternFilter ?? buildPatternFilter(rules.rules.flatMap((r) => r.patterns));

  function check(input: string, opts: CheckOptions = {}): Verdict {
    const inputText = typeof input === 'string' ? input : String(input);
    const capped = capText(inputText, maxChars);
    const text = capped.text;
    const view = createView(text, tokenizer);
    const { t, fold } = view;

    const inferredPlatform = inferPlatform(fold, rules);
    const platform: Platform = opts.platform ?? inferredPlatform ?? 'crowdworks';
    const platformSource = opts.platform ? 'given' : inferredPlatform ? 'inferred' : 'default';
    const inferredStage = inferStage(fold, rules);
    const stage: Stage = opts.stage ?? inferredStage ?? 'unknown';
    const stageSource = opts.stage ? 'given' : inferredStage ? 'inferred' : 'default';
    // 1. Kind of text.
    const kind = detectKind(view, rules);
    const rc: RoleContext = { view, rules, kind };

    // The route named only in the worker's own chat lines (「申請は出していただけますか？」) is not taken.
    const routeFold = withoutWorkerLines(fold, kind.turns);
    const officialRoute = routeNamed(rules, routeFold);
    const st: StageInput = {
      platform,
      stage,
      stageGiven: stageSource === 'given',
      officialRoute,
      routeAfterContract: officialRoute && routeOnlyAfterContract(rules, view),
      routeFold,
    };

    // 2. Candidates, then role & mood and policy for each; a rule keeps its first candidate that
    //    survives them.
    const mitigations: Mitigation[] = [];
    const drop: Drop = (c, reason) => {
      if (!mitigations.some((m) => m.rule === c.rule.id && m.reason === reason)) {
        mitigations.push({ rule: c.rule.id, reason, span: foldSpanToRaw(t, c.a, c.b) });
      }
    };
    const findings: Finding[] = [];
    // Rules whose weight the official route capped (not removed): see step 4.
    const routeCapped = new Set<string>();
    // A finding in an article's own sales pitch keeps its weight, and the article's score cap goes.
    let pitched = false;
    let ruleMasks: ReturnType<typeof contactMaskRanges> | null = null;
    const ruleText = kind.ruleText;
    const mayMatch = patternFilter.possible(fold);
    for (const rule of rules.rules) {
      if (!ruleCanCount(rule, st)) continue;
      for (const c of ruleCandidates(view, rule, drop, mayMatch)) {
        const weight = assess(c);
        if (weight === null) continue;
        ruleMasks ??= contactMaskRanges(t, rules);
        const span = foldSpanToRaw(t, c.a, c.spanEnd);
        findings.push({
          rule: rule.id,
          category: rule.category,
          weight,
          span,
          phrase: renderPhrase(text, span, ruleMasks),
          description: rule.description,
          explanation: rule.explanation,
        });
        break;
      }
    }

    /** The candidate's weight after role, mood and policy, or null when it is set aside. */
    function assess(c: Candidate): number | null {
      // The stage policy reads only the text around the cue; when it leaves nothing (the official
      // route, after 仮払い) the clause need not be read at all, and tokenizing is the dear part.
      const adjusted = stageAdjust(view, rules, c.rule.context.stage, c.sIdx, c.rule.weight, st, { a: c.a, b: c.cueEnd ?? c.b });
      if (adjusted.weight <= 0) {
        if (adjusted.reason) drop(c, adjusted.reason);
        return null;
      }
      const role = assessRole(rc, c);
      if (role.drop) {
        drop(c, role.drop);
        return null;
      }
      if (adjusted.reason) drop(c, adjusted.reason);
      if (adjusted.reason === 'official_route') routeCapped.add(c.rule.id);
      let weight = adjusted.weight;
      if (ruleText && weight > STAGE_CAP.after_escrow && articlePitchAt(view, rules, c.sIdx)) {
        // A warning that ends by selling its own group, course or LINE: that part asks the reader.
        pitched = true;
      } else if (ruleText && weight > STAGE_CAP.after_escrow) {
        // A blog post or a warning that lists scam phrases: informative, not a request.
        drop(c, 'article');
        weight = STAGE_CAP.after_escrow;
      }
      const kinded = kindWeight(kind, c.rule, role.requirement, weight);
      if (kinded.reason) drop(c, kinded.reason);
      return kinded.weight;
    }

    // A finding whose words lie inside a stronger finding's span says nothing new (「Zoom」 inside
    // 「Zoomで打ち合わせをさせてください」): keep only the stronger one.
    const kept = findings.filter(
      (f) => !findings.some((g) => g !== f && g.weight >= f.weight && g.span.start <= f.span.start && g.span.end >= f.span.end && (g.weight > f.weight || g.rule < f.rule)),
    );
    findings.length = 0;
    findings.push(...kept);

    // 3. The statistical fallback, only where the rules alone would not flag the text and did
    //    not already explain a risky cue away (negated, quoted, official route, an article…).
    const similarity = options.similarity;
    if (
      similarity &&
      scoreFindings(findings, rules).score < LEVEL_THRESHOLDS.medium &&
      !mitigations.some((m) => SETTLED.has(m.reason)) &&
      !kind.readsAsArticle() &&
      !testIn(rules.macro('OWN_REFUSAL'), fold) &&
      !(findings.length === 0 && testIn(rules.macro('STAYS_HERE'), fold) && !testIn(rules.macro('CONTACT_TOOL'), fold)) &&
      // A user's own short question about the rules (「仮払い前に作業しちゃダメなの？」): nothing was received.
      !(findings.length === 0 && kind.ownQuestion)
    ) {
      const fb = similarityFinding(view, rules, similarity, st, ruleMasks, kind);
      if (fb.mitigation) mitigations.push(fb.mitigation);
      if (fb.finding) findings.push(fb.finding);
    }

    // 4. Score and level.
    const scored = scoreFindings(findings, rules);
    // Under the official route the cues it covers are one exchange (the group link and the request
    // to join it): capped each, they are not added up past the cap.
    const routeOnly = findings.length > 1 && findings.every((f) => routeCapped.has(f.rule)) && testIn(rules.macro('ROUTE_APPROVED'), fold);
    let score = routeOnly ? Math.max(...findings.map((f) => f.weight)) : scored.score;
    const catScores = scored.catScores;
    score = kindPolicy(kind, findings, score, pitched);
    score = Math.round(score * 100) / 100;
    catScores.sort((x, y) => y[1] - x[1]);
    findings.sort((x, y) => y.weight - x.weight || x.span.start - y.span.start);

    const tools: Tool[] = [];
    for (const f of findings) {
      const tool = rules.rules.find((r) => r.id === f.rule)?.tool;
      if (tool && !tools.includes(tool)) tools.push(tool);
    }

    return {
      level: levelFor(score),
      score,
      categories: catScores.filter(([, s]) => s > 0).map(([c]) => c),
      findings: finalizeFindings(findings, { t, rules, toInput: capped.toInput }),
      mitigations: mitigations.map((m) => ({ ...m, span: capped.toInput(m.span) })),
      tools,
      platform,
      platformSource,
      stage,
      stageSource,
      kind: kind.kind,
      officialRoute,
      truncated: capped.truncated,
      read: capped.truncated ? { head: capped.head, tail: capped.tail } : undefined,
      analysedChars: capped.analysedChars,
      inputChars: capped.inputChars,
    };
  }

  return { rules, maxChars, check };
}

export function compareLevels(a: Level, b: Level): number {
  return LEVEL_RANK[a] - LEVEL_RANK[b];
}

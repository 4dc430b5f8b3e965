// Report → the JSON object of the CLI contract (docs/cli-contract.md). Field order follows it.
import type { Report } from './report.ts';

export interface ContractVerdict {
  id?: string | null;
  level: string;
  score: number;
  categories: string[];
  findings: Array<{ rule: string; category: string; phrase: string; explanation: string }>;
  refusal: string | null;
  advice: string[];
  route: string;
  platform: string;
  /** Where the platform came from: "given", "inferred" (named or worded for) or "default". */
  platformSource: string;
  stage: string;
  tools: string[];
  /** The kind of text it was read as (message, posting, chat, question, rule_text). */
  kind: string;
  truncated: boolean;
  /** When truncated: characters read from the start and from the end of the input. */
  read?: { head: number; tail: number };
  /** Cues that were found but set aside, and why (negated, tool_is_work, quoted, official_route…). */
  mitigations: Array<{ rule: string; reason: string }>;
}

export function toContractJson(r: Report, id?: string | null): ContractVerdict {
  const v = r.verdict;
  const out: ContractVerdict = {
    level: v.level,
    score: v.score,
    categories: v.categories,
    findings: v.findings.map((f, k) => ({ rule: f.rule, category: f.category, phrase: f.phrase, explanation: r.explanations[k]?.ja ?? f.explanation })),
    refusal: r.refusal ? r.refusal.ja : null,
    advice: r.advice.map((a) => a.ja),
    route: r.route.ja,
    platform: v.platform,
    platformSource: v.platformSource,
    stage: v.stage,
    tools: v.tools,
    kind: v.kind,
    truncated: v.truncated,
    ...(v.truncated && v.read ? { read: v.read } : {}),
    mitigations: v.mitigations.map((m) => ({ rule: m.rule, reason: m.reason })),
  };
  return id === undefined ? out : { id, ...out };
}

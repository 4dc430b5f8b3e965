// Stage 5: score and level. Per category the strongest finding plus a quarter of each further one,
// within the category's cap (five LINE cues are not five times the risk), summed over categories.
import type { RuleSet } from './rules.ts';
import type { Category, Finding, Level } from './types.ts';

export const LEVEL_THRESHOLDS = { high: 5, medium: 3 } as const;

export function scoreFindings(findings: Finding[], rules: RuleSet): { score: number; catScores: Array<[Category, number]> } {
  const byCat = new Map<Category, number[]>();
  for (const f of findings) {
    const list = byCat.get(f.category) ?? [];
    list.push(f.weight);
    byCat.set(f.category, list);
  }
  let score = 0;
  const catScores: Array<[Category, number]> = [];
  for (const [cat, ws] of byCat) {
    ws.sort((x, y) => y - x);
    const [top = 0, ...rest] = ws;
    const s = Math.min(rules.caps[cat] ?? top, top + 0.25 * rest.reduce((acc, w) => acc + w, 0));
    catScores.push([cat, s]);
    score += s;
  }
  return { score, catScores };
}

export function levelFor(score: number): Level {
  if (score >= LEVEL_THRESHOLDS.high) return 'high';
  if (score >= LEVEL_THRESHOLDS.medium) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

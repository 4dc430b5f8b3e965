// Report → plain text (CLI `check`, the local console). Mirrors the Discord embed section by section.
import { copy } from './copy.ts';
import type { Door, Locale } from './copy-types.ts';
import { assumedLine, type Report } from './report.ts';

const MARK = { high: '🔴', medium: '🟠', low: '🟡', none: '🟢' } as const;

export interface TextOptions {
  /** Where the text is read: decides how the user is told to set the platform and stage. */
  door?: Door;
}

export function renderText(r: Report, locale: Locale = 'ja', opts: TextOptions = {}): string {
  const v = r.verdict;
  const ja = locale === 'ja';
  const lines: string[] = [];
  lines.push(`${MARK[v.level]} ${r.levelLabel[locale]} (${v.level}) — ${r.headline[locale]}`);
  for (const n of r.notes) lines.push(`※ ${n[locale]}`);
  lines.push(assumedLine(r, opts.door ?? 'cli')[locale]);
  lines.push('');
  if (v.findings.length > 0) {
    lines.push(ja ? '■ 理由' : '■ Why');
    v.findings.forEach((f, k) => {
      lines.push(`・[${copy.categoryLabel[f.category][locale]}] 「${f.phrase}」`);
      lines.push(`　${r.explanations[k]?.[locale] ?? ''}`);
    });
    lines.push('');
  }
  lines.push(ja ? `■ この段階で認められている方法（${copy.platformLabel[v.platform].ja}・${copy.stageLabel[v.stage].ja}）` : `■ What is allowed instead (${copy.platformLabel[v.platform].en}, ${copy.stageLabel[v.stage].en})`);
  lines.push(r.route[locale]);
  lines.push('');
  if (r.refusal) {
    lines.push(ja ? '■ 返信例（そのまま貼り付けられます）' : '■ A reply you can paste');
    lines.push(r.refusal[locale]);
    lines.push('');
  }
  lines.push(ja ? '■ 次にすること' : '■ Next steps');
  for (const a of r.advice) lines.push(`・${a[locale]}`);
  lines.push('');
  lines.push(r.disclaimer[locale]);
  return lines.join('\n');
}

export function renderReportSteps(r: Report, locale: Locale = 'ja'): string {
  return r.reportSteps.map((s, k) => `${k + 1}. ${s[locale]}`).join('\n');
}

export function renderAlreadyReplied(r: Report, locale: Locale = 'ja'): string {
  return r.alreadyReplied.map((s, k) => `${k + 1}. ${s[locale]}`).join('\n');
}

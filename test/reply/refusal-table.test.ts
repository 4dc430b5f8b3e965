// docs/refusals.md lists every refusal the bot can suggest; it must match the code.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFUSAL_TABLE_PATH } from '../../src/cli/refusals.ts';
import { loadRules } from '../../src/detector/rules.ts';
import { allRefusals, renderRefusalTable } from '../../src/reply/refusal-table.ts';
import { refusalFor } from '../../src/reply/refusal.ts';
import { PLATFORMS, type Category } from '../../src/detector/types.ts';

describe('the refusal table', () => {
  it('is up to date (run `npm run refusals` after changing refusal copy, parts or rules)', () => {
    const expected = renderRefusalTable(loadRules({ checkBacktracking: false }));
    expect(fs.readFileSync(REFUSAL_TABLE_PATH, 'utf8') === expected, 'docs/refusals.md is stale: run npm run refusals').toBe(true);
  });

  it('holds every refusal the composer returns for any pair of findings', () => {
    const listed = new Set(allRefusals().map((r) => `${r.platform}|${r.text.ja}`));
    const f = (rule: string, category: Category, weight: number) => ({ rule, category, weight, span: { start: 0, end: 1 }, phrase: '', description: '', explanation: '' });
    const cats: Array<[string, Category]> = [
      ['contact.line.request', 'off_platform_contact'],
      ['pi.identity.request', 'personal_info'],
      ['pressure.work_before_escrow', 'pressure'],
      ['pressure.approve_or_end', 'pressure'],
      ['pressure.urgency', 'pressure'],
      ['pay.money_mule', 'off_platform_payment'],
      ['fee.purchase_required', 'upfront_payment'],
      ['vague.details_later', 'vague_details'],
    ];
    for (const platform of PLATFORMS) {
      for (const officialRoute of [false, true]) {
        for (const [a, ca] of cats) {
          for (const [b, cb] of cats) {
            const v = { level: 'high' as const, platform, officialRoute, findings: [f(a, ca, 6), f(b, cb, 5)] };
            const text = refusalFor(v)?.text.ja ?? '';
            expect(listed.has(`${platform}|${text}`), `${platform} ${a} + ${b}: ${text}`).toBe(true);
          }
        }
      }
    }
  });
});

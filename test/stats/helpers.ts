// Shared pieces of the statistics tests: temporary database folders (real SQLite files) and
// synthetic reports whose categories, tools and rules are fixed (so counts do not move when the
// detector's rules are tuned).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRules, type RuleSet } from '../../src/detector/rules.ts';
import type { Category, Level, Platform, Stage, Tool, Verdict } from '../../src/detector/types.ts';
import { composeReport, type Report } from '../../src/reply/report.ts';
import { openStats, type CommunityStats, type OpenStatsOptions } from '../../src/stats/store.ts';

export const TEST_SECRET = 'test-secret-for-gaibu-guard-statistics-0123456789';

let rules: RuleSet | undefined;
export function testRules(): RuleSet {
  rules ??= loadRules();
  return rules;
}

export interface TempDb {
  dir: string;
  path: string;
  open(opts?: Partial<OpenStatsOptions>): CommunityStats;
  cleanup(): void;
}

export function tempDb(name = 'stats.db'): TempDb {
  const dir = mkdtempSync(path.join(tmpdir(), 'gaibu-stats-'));
  const file = path.join(dir, name);
  return {
    dir,
    path: file,
    open: (opts = {}) => openStats({ path: file, secret: TEST_SECRET, rules: testRules(), ...opts }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface FakeFinding {
  rule: string;
  category: Category;
}

export function fakeReport(opts: {
  level?: Level;
  findings?: FakeFinding[];
  tools?: Tool[];
  platform?: Platform;
  stage?: Stage;
}): Report {
  const findings = (opts.findings ?? []).map((f) => ({
    rule: f.rule,
    category: f.category,
    weight: 5,
    span: { start: 0, end: 1 },
    phrase: 'x',
    description: f.rule,
    explanation: 'synthetic finding for tests',
  }));
  const verdict: Verdict = {
    level: opts.level ?? (findings.length > 0 ? 'high' : 'none'),
    score: findings.length * 5,
    categories: [...new Set(findings.map((f) => f.category))],
    findings,
    mitigations: [],
    tools: opts.tools ?? [],
    platform: opts.platform ?? 'crowdworks',
    platformSource: 'given',
    stage: opts.stage ?? 'before_contract',
    stageSource: 'given',
    kind: 'message',
    officialRoute: false,
    truncated: false,
    analysedChars: 10,
    inputChars: 10,
  };
  return composeReport(verdict);
}

// Real rule ids (the digest looks their descriptions up in rules/).
export const LINE: FakeFinding = { rule: 'contact.line.request', category: 'off_platform_contact' };
export const TELEGRAM: FakeFinding = { rule: 'contact.messenger_apps.request', category: 'off_platform_contact' };
export const PERSONAL: FakeFinding = { rule: 'pi.identity.request', category: 'personal_info' };
export const FEES: FakeFinding = { rule: 'fee.training_registration', category: 'upfront_payment' };
export const CALL: FakeFinding = { rule: 'call.meeting.request', category: 'pre_contract_call' };
export const DIRECT: FakeFinding = { rule: 'deal.direct_contract', category: 'direct_deal' };

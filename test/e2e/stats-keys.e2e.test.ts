// The statistics key with the real bot process: a database written with another key stops the bot
// (exit 2) instead of silently recording opted-out servers again; given the old key, the bot changes
// keys and the opt-out follows the server to its new hash.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detector/rules.ts';
import { openStats } from '../../src/stats/store.ts';
import { hourOf } from '../../src/stats/time.ts';
import { botEnv, checkPatch, runMain, sendInteraction, startBot, TOKEN, type Json } from './bot-process.ts';
import { FakeDiscord } from './fake-discord.ts';

const OLD = 'old-statistics-key-canary-k1-0123456789abcdef';
const NEW = 'new-statistics-key-canary-k2-0123456789abcdef';
const OPTED_OUT = '1300000000000077001';
const OTHER = '1300000000000077002';

let discord: FakeDiscord;
let dir: string;
const dbPath = (): string => join(dir, 'stats.db');

/** A /check from a server that added the bot. */
const fromServer = (guildId: string, userId: string) => (i: Json): void => {
  checkPatch({ guildId, userId })(i);
  i['authorizing_integration_owners'] = { '0': guildId };
};

beforeAll(async () => {
  discord = new FakeDiscord({ heartbeatIntervalMs: 1000, token: TOKEN });
  await discord.start();
  dir = mkdtempSync(join(tmpdir(), 'gaibu-guard-keys-'));
  const stats = openStats({ path: dbPath(), secret: OLD, rules: loadRules() });
  stats.optOut(stats.guildKeyOf(OPTED_OUT));
  stats.close();
});

afterAll(async () => {
  await discord?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the statistics key', () => {
  it('refuses to start on a database written with another key, naming the setting and no key (exit 2)', async () => {
    const { code, out } = await runMain(botEnv(discord, dir, { DATABASE_PATH: dbPath(), STATS_SECRET: NEW }));
    expect(code).toBe(2);
    expect(out).toContain('STATS_PREVIOUS_SECRET');
    expect(out).not.toContain('canary-k');
  });

  it('changes keys with STATS_PREVIOUS_SECRET, and the opted-out server stays out', async () => {
    const bot = await startBot(discord, { DATABASE_PATH: dbPath(), STATS_SECRET: NEW, STATS_PREVIOUS_SECRET: OLD });
    try {
      expect(bot.events().some((e) => e['event'] === 'stats_key_rotation_started')).toBe(true);
      await sendInteraction(discord, 'interaction-check.json', fromServer(OPTED_OUT, '1300000000000077101')).callback;
      await sendInteraction(discord, 'interaction-check.json', fromServer(OTHER, '1300000000000077102')).callback;
      await bot.waitForLog((e) => e['event'] === 'stats_key_rotated', 10_000);
    } finally {
      await bot.stop();
    }
    expect(bot.log()).not.toContain('canary-k');
    const stats = openStats({ path: dbPath(), secret: NEW, rules: loadRules({ checkBacktracking: false }) });
    try {
      const h = hourOf(new Date());
      expect(stats.isOptedOut(stats.guildKeyOf(OPTED_OUT))).toBe(true);
      expect(stats.counts(stats.guildKeyOf(OPTED_OUT), h - 1, h + 2).total).toBe(0);
      expect(stats.counts(stats.guildKeyOf(OTHER), h - 1, h + 2).total).toBe(1);
    } finally {
      stats.close();
    }
  });
});

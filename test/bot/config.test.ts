import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDotEnv, requireKey } from '../../src/config.ts';

const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz012345';

describe('configuration from the environment', () => {
  it('needs nothing to run locally and fills the defaults', () => {
    expect(loadConfig({})).toEqual({ DATABASE_PATH: 'data/gaibu-guard.db', LOG_LEVEL: 'info', STATS_RECOVERY_SECONDS: 10, OCR: 'on' });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DEV_GUILD_ID: ' ', LOG_LEVEL: '', OCR: '' })).toEqual({ DATABASE_PATH: 'data/gaibu-guard.db', LOG_LEVEL: 'info', STATS_RECOVERY_SECONDS: 10, OCR: 'on' });
  });

  it('reads every documented key', () => {
    expect(
      loadConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: '1300000000000000001',
        DEV_GUILD_ID: '1300000000000000100',
        DATABASE_PATH: '/var/lib/gg.db',
        LOG_LEVEL: 'debug',
        DISCORD_API_URL: 'http://127.0.0.1:5000/api/',
        OCR: 'off',
      }),
    ).toEqual({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '1300000000000000001',
      DEV_GUILD_ID: '1300000000000000100',
      DATABASE_PATH: '/var/lib/gg.db',
      LOG_LEVEL: 'debug',
      DISCORD_API_URL: 'http://127.0.0.1:5000/api',
      STATS_RECOVERY_SECONDS: 10,
      OCR: 'off',
    });
  });

  it('names each bad key and what is wrong, never the value', () => {
    let err: unknown;
    try {
      loadConfig({ DISCORD_CLIENT_ID: 'my-secret-app', LOG_LEVEL: 'loud', DISCORD_TOKEN: 'short secret', DISCORD_API_URL: 'ftp://x' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as ConfigError).message;
    expect(msg).toContain('DISCORD_CLIENT_ID: must be a Discord application ID (17 to 20 digits)');
    expect(msg).toContain('LOG_LEVEL: must be one of debug, info, warn, error');
    expect(msg).toContain('DISCORD_TOKEN: does not look like a bot token');
    expect(msg).toContain('DISCORD_API_URL: must be an http(s) URL');
    for (const secret of ['my-secret-app', 'loud', 'short secret', 'ftp://x']) expect(msg).not.toContain(secret);
  });

  it('reads DISCORD_SHARDS as auto or a count, naming the key (not the value) when it is neither', () => {
    expect(loadConfig({ DISCORD_SHARDS: 'auto' }).DISCORD_SHARDS).toBe('auto');
    expect(loadConfig({ DISCORD_SHARDS: '4' }).DISCORD_SHARDS).toBe(4);
    expect(loadConfig({}).DISCORD_SHARDS).toBeUndefined();
    for (const bad of ['0', 'many-shards', '-1', '2.5']) {
      expect(() => loadConfig({ DISCORD_SHARDS: bad })).toThrow('DISCORD_SHARDS: must be auto or a whole number of shards from 1 to 99');
      try {
        loadConfig({ DISCORD_SHARDS: bad });
      } catch (e) {
        expect((e as Error).message).not.toContain(bad);
      }
    }
  });

  it('says which key a command needs when it is missing', () => {
    expect(() => requireKey(loadConfig({}), 'DISCORD_CLIENT_ID', 'needed to register commands')).toThrow(
      'DISCORD_CLIENT_ID: is not set (needed to register commands)',
    );
  });
});

describe('.env', () => {
  it('is refused with the Node.js version to use when this Node.js cannot read it (before 20.12)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaibu-guard-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'LOG_LEVEL=debug\n');
    const real = process.loadEnvFile;
    try {
      (process as { loadEnvFile?: unknown }).loadEnvFile = undefined;
      expect(() => loadDotEnv(file)).toThrow(ConfigError);
      expect(() => loadDotEnv(file)).toThrow(/use Node\.js 20\.12 or newer/);
    } finally {
      process.loadEnvFile = real;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

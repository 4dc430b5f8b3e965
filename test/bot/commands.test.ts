// The registered command JSON: what users see in Discord's command picker.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedCommand } from '../../src/bot/command.ts';
import { loadCommands } from '../../src/bot/loader.ts';

let commands: LoadedCommand[];
beforeAll(async () => {
  commands = await loadCommands();
});
type Json = Record<string, unknown>;
const json = (name: string): Json => commands.find((c) => c.name === name)!.json as unknown as Json;

describe('command modules in commands/', () => {
  it('loads every command file with its interaction type', () => {
    expect(commands.map((c) => [c.file, c.kind, c.name])).toEqual([
      ['check-message.ts', 'message', '外部誘導チェック'],
      ['check.ts', 'chat_input', 'check'],
      ['digest-admin.ts', 'chat_input', 'digest-admin'],
      ['help.ts', 'chat_input', 'help'],
      ['privacy.ts', 'chat_input', 'privacy'],
      ['stats.ts', 'chat_input', 'stats'],
    ]);
  });

  it('makes every member command usable in servers, in the bot’s DMs and in private channels, server- or user-installed', () => {
    for (const c of commands.filter((x) => x.name !== 'digest-admin')) {
      expect(c.json).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    }
  });

  it('keeps the digest admin command to servers that installed the bot, for Manage Server', () => {
    expect(json('digest-admin')).toMatchObject({ integration_types: [0], contexts: [0], default_member_permissions: String(1 << 5) });
  });

  it('describes /check in Japanese with English localizations, text up to Discord’s maximum, and an optional screenshot', () => {
    const check = json('check');
    expect(check['description']).toMatch(/^クライアントのメッセージ/);
    expect(check['description_localizations']).toEqual({ 'en-US': expect.stringMatching(/^Check a client message/), 'en-GB': expect.stringMatching(/^Check/) });
    const [text, image, platform, stage] = check['options'] as Json[];
    // Text is optional: a screenshot alone can be checked.
    expect(text).toMatchObject({ name: 'text', type: 3, required: false, max_length: 6000 });
    expect(image).toMatchObject({ name: 'image', type: 11, required: false, description: expect.stringMatching(/^スクリーンショット/) });
    expect(platform).toMatchObject({ name: 'platform', required: false });
    expect((platform!['choices'] as Json[])[0]).toEqual({ name: 'クラウドワークス', name_localizations: { 'en-US': 'CrowdWorks', 'en-GB': 'CrowdWorks' }, value: 'crowdworks' });
    expect((stage!['choices'] as Json[]).map((c) => c['value'])).toEqual(['before_contract', 'after_contract', 'after_escrow']);
  });

  it('names the context menu 「外部誘導チェック」 with an English name within 32 characters', () => {
    const menu = json('外部誘導チェック');
    expect(menu['type']).toBe(3);
    const en = (menu['name_localizations'] as Record<string, string>)['en-US']!;
    expect(en).toBe('Check off-platform solicitation');
    expect(en.length).toBeLessThanOrEqual(32);
  });

  it('keeps every description and choice name within Discord’s 100 characters', () => {
    const texts: string[] = [];
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        for (const [k, v] of Object.entries(o)) {
          if ((k === 'description' || k === 'name') && typeof v === 'string') texts.push(v);
          else if ((k === 'description_localizations' || k === 'name_localizations') && v) texts.push(...Object.values(v as Record<string, string>));
          else walk(v);
        }
      }
    };
    walk(commands.map((c) => c.json));
    for (const t of texts) expect(t.length, t).toBeLessThanOrEqual(100);
  });
});

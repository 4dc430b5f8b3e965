// What a failed login or deploy-commands tells the admin to do, from the errors discord.js and
// Node really throw (shapes checked against a live REST client in the e2e tests).
import { describe, expect, it } from 'vitest';
import { explainDiscordFailure } from '../../src/bot/discord-failure.ts';

const withFields = (name: string, fields: Record<string, unknown>): Error => Object.assign(new Error('message that must not be shown'), { name }, fields);

describe('login and deploy failures', () => {
  it('names the token on a 401 and on discord.js TokenInvalid, never the message', () => {
    for (const err of [withFields('DiscordAPIError[0]', { status: 401, code: 0 }), withFields('Error [TokenInvalid]', { code: 'TokenInvalid' })]) {
      const h = explainDiscordFailure(err, { what: 'login' });
      expect(h.reason).toBe('token_rejected');
      expect(h.hint).toContain('DISCORD_TOKEN');
      expect(h.hint).toContain('Reset Token');
      expect(h.hint).not.toContain('must not be shown');
    }
  });

  it('names the host that did not resolve, also when the error is wrapped', () => {
    const dns = withFields('Error', { code: 'ENOTFOUND', hostname: 'discord.com', syscall: 'getaddrinfo' });
    expect(explainDiscordFailure(dns, { what: 'login' })).toMatchObject({ reason: 'dns_failed', host: 'discord.com' });
    const wrapped = Object.assign(new TypeError('fetch failed'), { cause: withFields('Error', { code: 'EAI_AGAIN', hostname: 'gateway.example' }) });
    const h = explainDiscordFailure(wrapped, { what: 'deploy', apiUrl: 'http://gateway.example/api' });
    expect(h).toMatchObject({ reason: 'dns_failed', host: 'gateway.example' });
    expect(h.hint).toContain('DISCORD_API_URL');
  });

  it('names host and port of a refused connection', () => {
    const h = explainDiscordFailure(withFields('Error', { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9 }), { what: 'deploy' });
    expect(h).toMatchObject({ reason: 'connection_refused', host: '127.0.0.1:9' });
  });

  it('points to DISCORD_CLIENT_ID and DEV_GUILD_ID when access is refused', () => {
    const h = explainDiscordFailure(withFields('DiscordAPIError[50001]', { status: 403, code: 50001 }), { what: 'deploy', devGuildId: '1300000000000000100' });
    expect(h.reason).toBe('no_access');
    expect(h.hint).toContain('DISCORD_CLIENT_ID');
    expect(h.hint).toContain('DEV_GUILD_ID');
  });
});

// What to do when Discord cannot be reached or refuses us, for `login_failed` and deploy-commands:
// a 401 names the token, a name that does not resolve names the host that was tried. The hint
// never contains the token or an error message (which may quote a request).
export type FailureReason = 'token_rejected' | 'dns_failed' | 'connection_refused' | 'timed_out' | 'no_access' | 'not_found' | 'discord_unavailable' | 'unknown';

export interface FailureHint {
  reason: FailureReason;
  /** The host (or host:port) that was tried, for network failures. */
  host?: string;
  /** One sentence: what is wrong and what to do. */
  hint: string;
}

export interface FailureContext {
  /** 'login': the bot starting; 'deploy': npm run deploy-commands. */
  what: 'login' | 'deploy';
  /** config DISCORD_API_URL, when set. */
  apiUrl?: string | undefined;
  /** config DEV_GUILD_ID, when set (deploy-commands registers there). */
  devGuildId?: string | undefined;
}

interface ErrorLike {
  code?: unknown;
  status?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
  cause?: unknown;
}

/** The error and its causes (undici and discord.js may wrap the network error). */
function chain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e !== null && typeof e === 'object'; i++) {
    out.push(e as ErrorLike);
    e = (e as ErrorLike).cause;
  }
  return out;
}

const hostOf = (url: string | undefined): string => {
  try {
    return new URL(url ?? 'https://discord.com/api').host;
  } catch {
    return 'discord.com';
  }
};

export function explainDiscordFailure(err: unknown, ctx: FailureContext): FailureHint {
  const errors = chain(err);
  const find = (p: (e: ErrorLike) => boolean): ErrorLike | undefined => errors.find(p);
  const setting = ctx.apiUrl ? 'DISCORD_API_URL' : 'the network (DNS, proxy, firewall)';

  if (find((e) => e.status === 401 || e.code === 'TokenInvalid')) {
    return {
      reason: 'token_rejected',
      hint: 'Discord refused DISCORD_TOKEN (HTTP 401): it is wrong or was reset. Copy it again (Developer Portal → your application → Bot → Reset Token) into .env, then run this again.',
    };
  }
  const net = find((e) => typeof e.code === 'string' && /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|EHOSTUNREACH|ENETUNREACH)$/.test(e.code));
  if (net) {
    const code = String(net.code);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      const host = typeof net.hostname === 'string' ? net.hostname : hostOf(ctx.apiUrl);
      return { reason: 'dns_failed', host, hint: `Could not resolve the host ${host} (${code}): check ${setting}.` };
    }
    const host = typeof net.address === 'string' ? `${net.address}${typeof net.port === 'number' ? `:${net.port}` : ''}` : hostOf(ctx.apiUrl);
    if (code === 'ECONNREFUSED') return { reason: 'connection_refused', host, hint: `The connection to ${host} was refused (${code}): check ${setting}.` };
    return { reason: 'timed_out', host, hint: `No answer from ${host} (${code}): check ${setting}, then try again.` };
  }
  const status = find((e) => typeof e.status === 'number')?.status;
  if (status === 403) {
    return {
      reason: 'no_access',
      hint:
        ctx.what === 'deploy' && ctx.devGuildId
          ? 'Discord refused access (HTTP 403): DISCORD_CLIENT_ID must be the application of this token, and the bot must be in the server DEV_GUILD_ID (invite it with the applications.commands scope).'
          : 'Discord refused access (HTTP 403): DISCORD_CLIENT_ID must be the Application ID of the application whose token is DISCORD_TOKEN.',
    };
  }
  if (status === 404) {
    return { reason: 'not_found', hint: `Discord does not know that application or server (HTTP 404): check DISCORD_CLIENT_ID${ctx.devGuildId ? ' and DEV_GUILD_ID' : ''}.` };
  }
  if (status === 429 || (typeof status === 'number' && status >= 500)) {
    return { reason: 'discord_unavailable', hint: `Discord is limiting or failing requests right now (HTTP ${status}): try again in a few minutes.` };
  }
  return { reason: 'unknown', hint: `Unexpected failure talking to ${hostOf(ctx.apiUrl)}: run again with LOG_LEVEL=debug, and check the token and the network.` };
}

// Fetching an attachment's bytes from Discord's CDN, bounded: only Discord's attachment hosts (and,
// in tests, the stand-in's), at most `maxBytes` (the declared length is checked first, then the
// stream is cut off), within `timeoutMs`. The bytes stay in memory; nothing is written or logged.

export type DownloadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'too_large' | 'download_failed' };

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  /** Hosts an attachment URL may point at (lower case, no port). */
  hosts: ReadonlySet<string>;
}

/** Where Discord serves attachments. */
export const DISCORD_ATTACHMENT_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

/** The attachment hosts, plus the host of a custom API URL (the tests' local stand-in). */
export function attachmentHosts(apiUrl: string | undefined): Set<string> {
  const hosts = new Set(DISCORD_ATTACHMENT_HOSTS);
  if (apiUrl) {
    try {
      hosts.add(new URL(apiUrl).hostname.toLowerCase());
    } catch {
      // config validation already rejected a malformed URL
    }
  }
  return hosts;
}

function allowed(url: string, hosts: ReadonlySet<string>): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    // Plain http only for a host explicitly added (the local stand-in); Discord's CDN is https.
    if (u.protocol === 'http:' && DISCORD_ATTACHMENT_HOSTS.includes(u.hostname)) return false;
    return hosts.has(u.hostname.toLowerCase());
  } catch {
    return false;
  }
}

export async function downloadAttachment(url: string, opts: DownloadOptions): Promise<DownloadResult> {
  if (!allowed(url, opts.hosts)) return { ok: false, problem: 'download_failed' };
  const signal = AbortSignal.timeout(opts.timeoutMs);
  try {
    const res = await fetch(url, { signal, redirect: 'error' });
    if (!res.ok || !res.body) return { ok: false, problem: 'download_failed' };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body.cancel().catch(() => undefined);
      return { ok: false, problem: 'too_large' };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > opts.maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: 'too_large' };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return { ok: true, bytes };
  } catch {
    return { ok: false, problem: 'download_failed' };
  }
}

// Fetching attachments: only from Discord's hosts (plus the stand-in's), bounded in size and time.
// A real HTTP server on 127.0.0.1 plays the CDN.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentHosts, downloadAttachment } from '../../src/bot/download.ts';

let server: Server;
let base = '';
const hits: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/ok.png') return res.end(Buffer.alloc(1000, 7));
    if (req.url === '/declared-big.png') {
      res.writeHead(200, { 'content-length': String(5000) });
      return res.end(Buffer.alloc(5000, 1));
    }
    if (req.url === '/chunked-big.png') {
      // No length announced: the body is cut off once it passes the limit.
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000, 2));
      return res.end();
    }
    if (req.url === '/slow.png') return void setTimeout(() => res.end('late'), 2000);
    if (req.url === '/moved.png') {
      res.writeHead(302, { location: '/ok.png' });
      return res.end();
    }
    res.writeHead(404);
    res.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

const opts = (over = {}) => ({ maxBytes: 4096, timeoutMs: 1000, hosts: attachmentHosts(`${base}/api`), ...over });

describe('downloading an attachment', () => {
  it('fetches the bytes from an allowed host', async () => {
    const r = await downloadAttachment(`${base}/ok.png`, opts());
    expect(r.ok && r.bytes.length).toBe(1000);
  });

  it('stops at the size limit, whether the length is announced or not', async () => {
    expect(await downloadAttachment(`${base}/declared-big.png`, opts())).toEqual({ ok: false, problem: 'too_large' });
    expect(await downloadAttachment(`${base}/chunked-big.png`, opts())).toEqual({ ok: false, problem: 'too_large' });
  });

  it('gives up on a slow server, an error status and a redirect', async () => {
    expect(await downloadAttachment(`${base}/slow.png`, opts({ timeoutMs: 200 }))).toEqual({ ok: false, problem: 'download_failed' });
    expect(await downloadAttachment(`${base}/missing.png`, opts())).toEqual({ ok: false, problem: 'download_failed' });
    expect(await downloadAttachment(`${base}/moved.png`, opts())).toEqual({ ok: false, problem: 'download_failed' });
  });

  it('never contacts a host that is not Discord’s (or the configured stand-in)', async () => {
    const before = hits.length;
    const elsewhere = { ...opts(), hosts: attachmentHosts(undefined) };
    expect(await downloadAttachment(`${base}/ok.png`, elsewhere)).toEqual({ ok: false, problem: 'download_failed' });
    expect(await downloadAttachment('file:///etc/passwd', opts())).toEqual({ ok: false, problem: 'download_failed' });
    expect(await downloadAttachment('http://cdn.discordapp.com/a.png', opts())).toEqual({ ok: false, problem: 'download_failed' });
    expect(await downloadAttachment('not a url', opts())).toEqual({ ok: false, problem: 'download_failed' });
    expect(hits.length).toBe(before);
    expect([...attachmentHosts(undefined)]).toEqual(['cdn.discordapp.com', 'media.discordapp.net']);
  });
});

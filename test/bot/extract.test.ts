import { describe, expect, it } from 'vitest';
import { extractMessage, wholeText, type AttachmentLike, type MessageLike, type SourceMessage } from '../../src/bot/extract.ts';

const file = (k: number): AttachmentLike => ({ url: `https://cdn.discordapp.com/attachments/1/${k}/shot${k}.png`, size: 1000 + k, contentType: 'image/png', width: 1080, height: 1920, name: `shot${k}.png` });
const files = (n: number) => new Map(Array.from({ length: n }, (_, k) => [String(k), file(k)]));
const msg = (content: string, embeds: MessageLike['embeds'] = [], attachments = 0): MessageLike => ({ content, embeds, attachments: files(attachments) });
const withSnapshots = (own: MessageLike, snapshots: MessageLike[]): SourceMessage => ({
  ...own,
  reference: { type: 1 },
  messageSnapshots: new Map(snapshots.map((s, k) => [String(k), s])),
});

describe('extracting the text to check from a Discord message', () => {
  it('takes the content of a plain message', () => {
    const x = extractMessage(msg('  詳細はLINEで  '));
    expect(x).toEqual({ own: '詳細はLINEで', forwarded: '', isForward: false, ownAttachments: 0, forwardedAttachments: 0, ownFiles: [], forwardedFiles: [] });
  });

  it('adds the title and description of embeds', () => {
    const x = extractMessage(msg('本文', [{ title: '案件タイトル', description: '詳細は応募後に' }, { title: null, description: null }]));
    expect(x.own).toBe('本文\n\n案件タイトル\n\n詳細は応募後に');
  });

  it('reads a forward’s text from its snapshot, keeping the forwarder’s own comment apart', () => {
    const x = extractMessage(withSnapshots(msg('これ怪しい？'), [msg('Zoomで面談しましょう', [{ title: 'リンク', description: null }], 2)]));
    expect(x).toMatchObject({ own: 'これ怪しい？', forwarded: 'Zoomで面談しましょう\n\nリンク', isForward: true, ownAttachments: 0, forwardedAttachments: 2, ownFiles: [] });
    expect(x.forwardedFiles).toEqual([file(0), file(1)]);
    expect(wholeText(x)).toBe('これ怪しい？\n\nZoomで面談しましょう\n\nリンク');
  });

  it('recognises a forward by its reference type even without snapshots', () => {
    expect(extractMessage({ ...msg(''), reference: { type: 1 } }).isForward).toBe(true);
    expect(extractMessage({ ...msg('返信'), reference: { type: 0 } }).isForward).toBe(false);
  });

  it('lists attachments (type, size, pixels, URL) without fetching them', () => {
    const x = extractMessage(msg('', [], 3));
    expect(x.own).toBe('');
    expect(x.ownAttachments).toBe(3);
    expect(x.ownFiles).toEqual([file(0), file(1), file(2)]);
  });

  it('fills in what a partial attachment leaves out', () => {
    const bare = { content: '', embeds: [], attachments: new Map([['1', { url: 'https://cdn.discordapp.com/a.bin', size: 5, contentType: null }]]) };
    expect(extractMessage(bare).ownFiles).toEqual([{ url: 'https://cdn.discordapp.com/a.bin', size: 5, contentType: null, width: null, height: null, name: null }]);
  });

  it('copes with a null content', () => {
    expect(extractMessage({ content: null, embeds: [], attachments: new Map() }).own).toBe('');
  });
});

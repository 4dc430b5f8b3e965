// Renders made-up phone screenshots for the OCR tests and bench: SVG laid out here, rendered by
// resvg with Noto Sans JP (the npm font the digest chart uses) at 3× a phone's layout width, then
// downscaled the way a chat app resizes a shared screenshot and saved as JPEG at quality 60–75
// (sharp). Deterministic, so the images are generated in the test setup instead of being committed.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';

export type Style = 'chat_light' | 'chat_dark' | 'platform' | 'posting';

export interface Bubble {
  from: 'them' | 'me';
  text: string;
  time: string;
}

export interface ScreenSpec {
  id: string;
  style: Style;
  /** What a careful reader expects the source text to be (information for the report, not the check). */
  expect: 'scam' | 'legit';
  /** Chat styles: the contact's name in the header; page styles: the page or posting title. */
  title: string;
  /** Chat styles: bubbles; platform: message cards (from them); posting: paragraphs of the body. */
  bubbles?: Bubble[];
  paragraphs?: string[];
  /** Layout width in CSS pixels (360 / 390 / 412 are common phones); rendered at 3×. */
  cssWidth?: number;
  /** Final width after downscaling (a chat app resizing a shared screenshot); default 3 × cssWidth. */
  width?: number;
  /** JPEG quality, 60–75. */
  quality?: number;
}

export interface RenderedScreen {
  spec: ScreenSpec;
  /** The text a person reads in the message area (no status bar, header, times or 既読). */
  source: string;
  jpeg: Buffer;
  width: number;
  height: number;
}

const FONT_FAMILY = 'Noto Sans JP';
const SCALE = 3;

function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return ['400Regular/NotoSansJP_400Regular.ttf', '700Bold/NotoSansJP_700Bold.ttf'].map((f) =>
    require.resolve(`@expo-google-fonts/noto-sans-jp/${f}`),
  );
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Approximate advance width in em: full-width characters 1, Latin and digits about 0.6. */
function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x80) return /[il.,:;'|!]/.test(ch) ? 0.3 : /[mwMW@]/.test(ch) ? 0.85 : 0.6;
  if (c >= 0xff61 && c <= 0xff9f) return 0.5; // half-width katakana
  return 1;
}

/** Wraps at character level (Japanese has no spaces), keeping explicit line breaks. */
export function wrap(text: string, maxEm: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const cw = charEm(ch);
      // Kinsoku, lightly: a closing mark never starts a line.
      if (w + cw > maxEm && line && !/[。、」）！？]/.test(ch)) {
        out.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += cw;
    }
    out.push(line);
  }
  return out;
}

interface Theme {
  bg: string;
  bar: string;
  barText: string;
  them: string;
  themText: string;
  me: string;
  meText: string;
  meta: string;
  input: string;
}

const THEMES: Record<'chat_light' | 'chat_dark', Theme> = {
  chat_light: { bg: '#8cabd8', bar: '#f5f6f8', barText: '#111111', them: '#ffffff', themText: '#111111', me: '#86e07a', meText: '#111111', meta: '#3a4660', input: '#ffffff' },
  chat_dark: { bg: '#16181c', bar: '#22252a', barText: '#f0f0f0', them: '#2f333a', themText: '#f2f2f2', me: '#3c6e47', meText: '#f2f2f2', meta: '#9aa0a8', input: '#2a2d33' },
};

function statusBar(w: number, fg: string): string {
  return [
    `<text x="22" y="20" font-size="13" font-weight="700" fill="${fg}">9:41</text>`,
    `<text x="${w - 64}" y="20" font-size="12" fill="${fg}">87%</text>`,
    `<rect x="${w - 34}" y="10" width="22" height="11" rx="3" fill="none" stroke="${fg}" stroke-width="1.2"/>`,
    `<rect x="${w - 32}" y="12" width="16" height="7" rx="1.5" fill="${fg}"/>`,
  ].join('');
}

function chat(spec: ScreenSpec, w: number): { body: string; height: number } {
  const t = THEMES[spec.style === 'chat_dark' ? 'chat_dark' : 'chat_light'];
  const fs = 15;
  const lh = 22;
  const maxBubbleEm = Math.floor((w * 0.68) / fs);
  const parts: string[] = [];
  let y = 92;
  parts.push(`<text x="${w / 2}" y="${y}" font-size="11" text-anchor="middle" fill="${t.meta}">今日</text>`);
  y += 18;
  for (const b of spec.bubbles ?? []) {
    const lines = wrap(b.text, maxBubbleEm);
    const textW = Math.max(...lines.map((l) => [...l].reduce((s, ch) => s + charEm(ch), 0))) * fs;
    const bw = Math.ceil(textW + 26);
    const bh = lines.length * lh + 18;
    const them = b.from === 'them';
    const x = them ? 58 : w - 14 - bw;
    if (them) parts.push(`<circle cx="32" cy="${y + 18}" r="16" fill="${spec.style === 'chat_dark' ? '#555b66' : '#d9dde5'}"/>`);
    parts.push(`<rect x="${x}" y="${y}" width="${bw}" height="${bh}" rx="16" fill="${them ? t.them : t.me}"/>`);
    lines.forEach((l, i) => {
      parts.push(`<text x="${x + 13}" y="${y + 9 + (i + 1) * lh - 6}" font-size="${fs}" fill="${them ? t.themText : t.meText}">${esc(l)}</text>`);
    });
    // Time (and 既読 for the user's own messages) beside the bubble's bottom, as chat apps do.
    if (them) {
      parts.push(`<text x="${x + bw + 6}" y="${y + bh - 2}" font-size="10" fill="${t.meta}">${b.time}</text>`);
    } else {
      parts.push(`<text x="${x - 6}" y="${y + bh - 14}" font-size="10" text-anchor="end" fill="${t.meta}">既読</text>`);
      parts.push(`<text x="${x - 6}" y="${y + bh - 2}" font-size="10" text-anchor="end" fill="${t.meta}">${b.time}</text>`);
    }
    y += bh + 16;
  }
  const height = Math.max(y + 70, 640);
  const header = [
    `<rect width="${w}" height="64" fill="${t.bar}"/>`,
    statusBar(w, t.barText),
    `<text x="16" y="52" font-size="20" fill="${t.barText}">&lt;</text>`,
    `<text x="44" y="52" font-size="16" font-weight="700" fill="${t.barText}">${esc(spec.title)}</text>`,
  ].join('');
  const footer = [
    `<rect y="${height - 54}" width="${w}" height="54" fill="${t.bar}"/>`,
    `<rect x="48" y="${height - 44}" width="${w - 100}" height="34" rx="17" fill="${t.input}"/>`,
    `<text x="64" y="${height - 22}" font-size="13" fill="${t.meta}">メッセージを入力</text>`,
    `<text x="18" y="${height - 20}" font-size="20" fill="${t.meta}">+</text>`,
  ].join('');
  return { body: `<rect width="${w}" height="${height}" fill="${t.bg}"/>${header}${parts.join('')}${footer}`, height };
}

/** The white top bar of an app page: status bar, back arrow, centred title. */
function pageHeader(w: number, title: string): string {
  return [
    `<rect width="${w}" height="64" fill="#ffffff"/>`,
    statusBar(w, '#111111'),
    `<text x="16" y="52" font-size="20" fill="#1a73c8">&lt;</text>`,
    `<text x="${w / 2}" y="52" font-size="16" font-weight="700" text-anchor="middle" fill="#111111">${title}</text>`,
    `<rect y="63" width="${w}" height="1" fill="#dde1e6"/>`,
  ].join('');
}

function platform(spec: ScreenSpec, w: number): { body: string; height: number } {
  const fs = 14;
  const lh = 22;
  const parts: string[] = [];
  let y = 84;
  for (const b of spec.bubbles ?? []) {
    const lines = wrap(b.text, Math.floor((w - 64) / fs));
    const h = 52 + lines.length * lh + 10;
    parts.push(`<rect x="12" y="${y}" width="${w - 24}" height="${h}" rx="8" fill="#ffffff" stroke="#dde1e6"/>`);
    parts.push(`<circle cx="36" cy="${y + 24}" r="12" fill="#c9d3de"/>`);
    parts.push(`<text x="56" y="${y + 22}" font-size="13" font-weight="700" fill="#222222">${esc(b.from === 'them' ? spec.title : 'あなた')}</text>`);
    parts.push(`<text x="56" y="${y + 38}" font-size="11" fill="#8a9099">2025/05/12 ${b.time}</text>`);
    lines.forEach((l, i) => parts.push(`<text x="28" y="${y + 52 + (i + 1) * lh - 4}" font-size="${fs}" fill="#222222">${esc(l)}</text>`));
    y += h + 12;
  }
  const height = Math.max(y + 60, 640);
  const header = pageHeader(w, 'メッセージ');
  const footer = [
    `<rect y="${height - 52}" width="${w}" height="52" fill="#ffffff"/>`,
    `<rect x="12" y="${height - 42}" width="${w - 90}" height="32" rx="6" fill="#f1f3f5" stroke="#dde1e6"/>`,
    `<text x="24" y="${height - 21}" font-size="13" fill="#9aa0a8">メッセージを入力</text>`,
    `<rect x="${w - 70}" y="${height - 42}" width="58" height="32" rx="6" fill="#1a73c8"/>`,
    `<text x="${w - 41}" y="${height - 21}" font-size="13" text-anchor="middle" fill="#ffffff">送信</text>`,
  ].join('');
  return { body: `<rect width="${w}" height="${height}" fill="#f1f3f5"/>${header}${parts.join('')}${footer}`, height };
}

function posting(spec: ScreenSpec, w: number): { body: string; height: number } {
  const parts: string[] = [];
  let y = 96;
  for (const l of wrap(spec.title, Math.floor((w - 32) / 19))) {
    parts.push(`<text x="16" y="${y}" font-size="19" font-weight="700" fill="#111111">${esc(l)}</text>`);
    y += 28;
  }
  parts.push(`<rect x="16" y="${y}" width="52" height="22" rx="4" fill="#e8f1fb"/><text x="42" y="${y + 16}" font-size="12" text-anchor="middle" fill="#1a73c8">固定報酬制</text>`);
  parts.push(`<text x="80" y="${y + 16}" font-size="12" fill="#8a9099">掲載日 2025年05月12日</text>`);
  y += 50;
  for (const p of spec.paragraphs ?? []) {
    const heading = /^【[^】]+】$/.test(p);
    for (const l of wrap(p, Math.floor((w - 32) / 15))) {
      parts.push(`<text x="16" y="${y}" font-size="15" ${heading ? 'font-weight="700" ' : ''}fill="#222222">${esc(l)}</text>`);
      y += 24;
    }
    y += heading ? 0 : 10;
  }
  const height = Math.max(y + 80, 640);
  const header = pageHeader(w, '仕事の詳細');
  const footer = [
    `<rect y="${height - 64}" width="${w}" height="64" fill="#ffffff"/>`,
    `<rect x="16" y="${height - 54}" width="${w - 32}" height="44" rx="8" fill="#f08a24"/>`,
    `<text x="${w / 2}" y="${height - 26}" font-size="16" font-weight="700" text-anchor="middle" fill="#ffffff">応募する</text>`,
  ].join('');
  return { body: `<rect width="${w}" height="${height}" fill="#ffffff"/>${header}${parts.join('')}${footer}`, height };
}

/** The text a person reads in the message area: what the OCR should give back. */
export function sourceText(spec: ScreenSpec): string {
  if (spec.style === 'posting') return [spec.title, ...(spec.paragraphs ?? [])].join('\n');
  return (spec.bubbles ?? []).map((b) => b.text).join('\n');
}

export function screenSvg(spec: ScreenSpec): { svg: string; cssWidth: number; cssHeight: number } {
  const w = spec.cssWidth ?? 390;
  const { body, height } = spec.style === 'posting' ? posting(spec, w) : spec.style === 'platform' ? platform(spec, w) : chat(spec, w);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}" font-family="${FONT_FAMILY}">${body}</svg>`;
  return { svg, cssWidth: w, cssHeight: height };
}

/** Full-resolution PNG of a spec (3× the layout width), before any downscaling. */
export function renderPng(spec: ScreenSpec): Buffer {
  const { svg, cssWidth } = screenSvg(spec);
  const resvg = new Resvg(svg, {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'width', value: cssWidth * SCALE },
  });
  return resvg.render().asPng();
}

export async function renderScreen(spec: ScreenSpec): Promise<RenderedScreen> {
  const png = renderPng(spec);
  const { data, info } = await sharp(png)
    .resize({ width: spec.width ?? screenSvg(spec).cssWidth * SCALE, kernel: 'lanczos3', withoutEnlargement: true })
    .jpeg({ quality: spec.quality ?? 70 })
    .toBuffer({ resolveWithObject: true });
  return { spec, source: sourceText(spec), jpeg: data, width: info.width, height: info.height };
}

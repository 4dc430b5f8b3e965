// The digest chart: an SVG built by a pure function (snapshot-tested as text), rendered to PNG with
// resvg and Noto Sans JP from the @expo-google-fonts/noto-sans-jp package. When the font or the
// renderer is missing, renderChartPng returns null and the digest goes out with its text bars only.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DigestData, RankedItem } from './digest.ts';
import { digestCopy } from './digest-copy.ts';

export const FONT_FAMILY = 'Noto Sans JP';
const WIDTH = 920;
const PAD = 28;
const LABEL_W = 330;
const BAR_X = PAD + LABEL_W + 12;
const BAR_MAX = WIDTH - BAR_X - 110;
const ROW_H = 34;
const COLORS = { bar: '#d9480f', prev: '#adb5bd', text: '#212529', sub: '#495057', bg: '#ffffff', grid: '#e9ecef', other: '#868e96' };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function countLabel(n: number, min: number): string {
  if (n <= 0) return '0';
  return n < min ? `<${min}` : String(n);
}

function section<Id extends string>(title: string, rows: RankedItem<Id>[], y0: number, min: number): { svg: string[]; y: number } {
  const svg: string[] = [];
  let y = y0;
  svg.push(`<text x="${PAD}" y="${y}" font-size="20" font-weight="700" fill="${COLORS.text}">${esc(title)}</text>`);
  y += 16;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.n, r.id ? r.prev : 0)));
  for (const r of rows) {
    const w = Math.max(r.n > 0 ? 3 : 0, Math.round((r.n / max) * BAR_MAX));
    const pw = r.id ? Math.round((r.prev / max) * BAR_MAX) : 0;
    const cy = y + ROW_H / 2;
    svg.push(
      `<text x="${PAD + LABEL_W}" y="${cy + 6}" font-size="16" text-anchor="end" fill="${r.id ? COLORS.text : COLORS.other}">${esc(r.label)}</text>`,
      `<rect x="${BAR_X}" y="${y + 5}" width="${w}" height="16" rx="3" fill="${r.id ? COLORS.bar : COLORS.other}"/>`,
    );
    if (pw > 0) svg.push(`<rect x="${BAR_X}" y="${y + 24}" width="${pw}" height="5" rx="2" fill="${COLORS.prev}"/>`);
    svg.push(
      `<text x="${BAR_X + Math.max(w, pw) + 8}" y="${cy + 6}" font-size="15" fill="${COLORS.sub}">${esc(countLabel(r.n, min))}${r.id ? esc(` (${countLabel(r.prev, min)})`) : ''}</text>`,
    );
    y += ROW_H;
  }
  return { svg, y };
}

/** The chart as SVG text. Pure: the same digest always gives the same bytes. */
export function digestChartSvg(d: DigestData): string {
  const body: string[] = [];
  let y = PAD + 22;
  body.push(`<text x="${PAD}" y="${y}" font-size="24" font-weight="700" fill="${COLORS.text}">${esc(digestCopy.chartTitle(d.week, d.range))}</text>`);
  y += 30;
  body.push(
    `<rect x="${PAD}" y="${y - 12}" width="14" height="12" fill="${COLORS.bar}"/>`,
    `<text x="${PAD + 20}" y="${y}" font-size="14" fill="${COLORS.sub}">${esc(digestCopy.chartThisWeek)}</text>`,
    `<rect x="${PAD + 70}" y="${y - 8}" width="14" height="5" fill="${COLORS.prev}"/>`,
    `<text x="${PAD + 90}" y="${y}" font-size="14" fill="${COLORS.sub}">${esc(`${digestCopy.chartLastWeek}（括弧内）`)}</text>`,
    `<text x="${WIDTH - PAD}" y="${y}" font-size="14" text-anchor="end" fill="${COLORS.sub}">${esc(d.scope === 'all' ? digestCopy.scopeAll : digestCopy.scopeServer)}</text>`,
  );
  y += 36;
  if (d.categories.length === 0) {
    body.push(`<text x="${WIDTH / 2}" y="${y + 20}" font-size="18" text-anchor="middle" fill="${COLORS.sub}">${esc(digestCopy.chartEmpty)}</text>`);
    y += 60;
  } else {
    const cats = section(digestCopy.chartCategories, d.categories, y, d.minCount);
    body.push(...cats.svg);
    y = cats.y + 24;
    const tools = d.tools.slice(0, 8);
    if (tools.length > 0) {
      const t = section(digestCopy.chartTools, tools, y, d.minCount);
      body.push(...t.svg);
      y = t.y + 8;
    }
  }
  const height = y + PAD - 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<title>${esc(digestCopy.chartAlt)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="${COLORS.bg}"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Paths of the Japanese font files, or [] when the package is not installed. */
export function japaneseFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  const files: string[] = [];
  for (const f of ['400Regular/NotoSansJP_400Regular.ttf', '700Bold/NotoSansJP_700Bold.ttf']) {
    try {
      const p = require.resolve(`@expo-google-fonts/noto-sans-jp/${f}`);
      if (existsSync(p)) files.push(p);
    } catch {
      // Not installed: the caller falls back to text.
    }
  }
  return files;
}

/** Renders the SVG to PNG, or null when that is impossible here (no font, no renderer). */
export async function renderChartPng(svg: string, opts: { scale?: number } = {}): Promise<Buffer | null> {
  const fonts = japaneseFontFiles();
  if (fonts.length === 0) return null;
  try {
    const { Resvg } = await import('@resvg/resvg-js');
    const resvg = new Resvg(svg, {
      font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
      fitTo: { mode: 'zoom', value: opts.scale ?? 1.5 },
      background: '#ffffff',
    });
    return resvg.render().asPng();
  } catch {
    return null;
  }
}

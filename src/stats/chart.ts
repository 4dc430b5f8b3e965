// The digest chart: an SVG built by a pure function (snapshot-tested as text), rendered to PNG with
// resvg and Noto Sans JP from the @expo-google-fonts/noto-sans-jp package. When the font or the
// renderer is missing, renderChartPng returns null and the digest goes out with its text bars only.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Level } from '../detector/types.ts';
import { scopeLabel, type DigestData, type RankedItem } from './digest.ts';
import { changeText, countText, digestCopy } from './digest-copy.ts';

export const FONT_FAMILY = 'Noto Sans JP';
const WIDTH = 920;
const PAD = 28;
const LABEL_W = 330;
const BAR_X = PAD + LABEL_W + 12;
const BAR_MAX = WIDTH - BAR_X - 110;
const ROW_H = 34;
const COLORS = { bar: '#d9480f', prev: '#adb5bd', text: '#212529', sub: '#495057', bg: '#ffffff', grid: '#e9ecef', other: '#868e96' };
const LEVEL_COLORS: Record<Level, string> = { high: '#e03131', medium: '#f08c00', low: '#fab005', none: '#2f9e44' };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function countLabel(n: number, min: number): string {
  if (n <= 0) return '0';
  return n < min ? `<${min}` : String(n);
}

/** The longest bar, counted over every row of the chart: one scale for all sections. */
function scaleOf(rows: RankedItem<string>[]): number {
  return Math.max(1, ...rows.map((r) => Math.max(r.n, r.id ? r.prev : 0)));
}

function section<Id extends string>(title: string, rows: RankedItem<Id>[], y0: number, min: number, max: number): { svg: string[]; y: number } {
  const svg: string[] = [];
  let y = y0;
  svg.push(`<text x="${PAD}" y="${y}" font-size="20" font-weight="700" fill="${COLORS.text}">${esc(title)}</text>`);
  y += 16;
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

/**
 * A legend entry (a bar's swatch: square, or thin for last week) or a level count (a dot, as 🔴 🟠 in
 * the text); returns the x after it.
 */
function swatch(x: number, y: number, color: string, text: string, shape: 'bar' | 'thin' | 'dot' = 'bar'): { svg: string[]; x: number } {
  const mark = {
    bar: `<rect x="${x}" y="${y - 12}" width="14" height="12" fill="${color}"/>`,
    thin: `<rect x="${x}" y="${y - 8}" width="14" height="5" fill="${color}"/>`,
    dot: `<circle cx="${x + 7}" cy="${y - 6}" r="7" fill="${color}"/>`,
  }[shape];
  return {
    svg: [
      mark,
      `<text x="${x + 20}" y="${y}" font-size="15" fill="${COLORS.sub}">${esc(text)}</text>`,
    ],
    // Full-width (Japanese) characters are about one font size wide; digits and Latin about half.
    x: Math.round(x + 20 + Array.from(text).reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 8.5 : 15), 0) + 22),
  };
}

/** The chart as SVG text. Pure: the same digest always gives the same bytes. */
export function digestChartSvg(d: DigestData): string {
  const body: string[] = [];
  const week = digestCopy.weekWord[d.relative];
  let y = PAD + 22;
  body.push(`<text x="${PAD}" y="${y}" font-size="24" font-weight="700" fill="${COLORS.text}">${esc(digestCopy.chartTitle(d.week, d.range))}</text>`);
  // The headline: the week's total and its change, whose checks, then the 危険 / 注意 split.
  y += 32;
  body.push(
    `<text x="${PAD}" y="${y}" font-size="18" font-weight="700" fill="${COLORS.text}">${esc(digestCopy.chartHeadline(d.relative === 'this' ? `${week}${digestCopy.chartInProgress}` : week, countText(d.total), countText(d.prevTotal), changeText(d.total, d.prevTotal)))}</text>`,
    `<text x="${WIDTH - PAD}" y="${y}" font-size="14" text-anchor="end" fill="${COLORS.sub}">${esc(scopeLabel(d))}</text>`,
  );
  const tools = d.tools.slice(0, 8);
  if (d.categories.length === 0) {
    body.push(`<text x="${WIDTH / 2}" y="${y + 50}" font-size="18" text-anchor="middle" fill="${COLORS.sub}">${esc(digestCopy.chartEmpty)}</text>`);
    y += 80;
  } else {
    y += 28;
    let x = PAD;
    for (const l of d.levels.filter((l) => l.level === 'high' || l.level === 'medium')) {
      const s = swatch(x, y, LEVEL_COLORS[l.level], `${l.label} ${countText(l.n)}`, 'dot');
      body.push(...s.svg);
      x = s.x;
    }
    // The legend names only what is drawn: the week's bars, and last week's when any has a count.
    y += 28;
    const max = scaleOf([...d.categories, ...tools]);
    const legend = swatch(PAD, y, COLORS.bar, week);
    body.push(...legend.svg);
    if ([...d.categories, ...tools].some((r) => r.id && Math.round((r.prev / max) * BAR_MAX) > 0)) body.push(...swatch(legend.x, y, COLORS.prev, digestCopy.chartLastWeek, 'thin').svg);
    y += 36;
    const cats = section(digestCopy.chartCategories, d.categories, y, d.minCount, max);
    body.push(...cats.svg);
    y = cats.y + 24;
    if (tools.length > 0) {
      const t = section(digestCopy.chartTools, tools, y, d.minCount, max);
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

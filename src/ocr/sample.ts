// The warm-up image: a small chat bubble rendered at start-up (resvg + Noto Sans JP, the same npm
// font the digest chart uses), so the first real screenshot does not pay for the model's first
// use. Made-up text; null when the font or renderer is missing (the reader then starts cold).
import { japaneseFontFiles } from '../stats/chart.ts';

const SAMPLE_LINES = ['ご応募ありがとうございます。', '詳細はこちらのメッセージでお伝えします。'];

export async function warmUpImage(): Promise<Uint8Array | null> {
  const fonts = japaneseFontFiles();
  if (fonts.length === 0) return null;
  try {
    const { Resvg } = await import('@resvg/resvg-js');
    const text = SAMPLE_LINES.map((l, i) => `<text x="24" y="${44 + i * 26}" font-size="16" fill="#111111">${l}</text>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="110"><rect width="360" height="110" fill="#8cabd8"/><rect x="12" y="16" width="336" height="76" rx="14" fill="#ffffff"/>${text}</svg>`;
    const png = new Resvg(svg, {
      font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'Noto Sans JP' },
      fitTo: { mode: 'width', value: 1080 },
    })
      .render()
      .asPng();
    return new Uint8Array(png);
  } catch {
    return null;
  }
}

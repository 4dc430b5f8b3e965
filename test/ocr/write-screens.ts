// Writes the screenshot test set to a folder, to look at or to try with the CLI:
//   node --import tsx test/ocr/write-screens.ts /tmp/shots
//   npx gaibu-guard check --image /tmp/shots/line-id-light.jpg
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderScreen } from './render.ts';
import { SCREENS } from './screens.ts';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node --import tsx test/ocr/write-screens.ts OUTDIR\n');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
for (const spec of SCREENS) {
  const shot = await renderScreen(spec);
  writeFileSync(join(dir, `${spec.id}.jpg`), shot.jpeg);
  writeFileSync(join(dir, `${spec.id}.txt`), `${shot.source}\n`);
  process.stdout.write(`${spec.id}.jpg ${shot.width}×${shot.height} ${Math.round(shot.jpeg.length / 1024)} KB (${spec.expect})\n`);
}

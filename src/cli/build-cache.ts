// The last step of `npm run build`: files tsc does not emit (the OCR worker's CommonJS entry), and
// the start-up caches (src/start-cache.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_CACHE_FILE, RULES_CACHE_FILE, writeModelCache, writeRulesCache } from '../start-cache.ts';

// dist/src/cli → the source tree's .cjs files sit at the same relative place under src/.
const builtSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceSrc = path.resolve(builtSrc, '../../src');
for (const rel of ['ocr/worker-entry.cjs']) {
  fs.mkdirSync(path.dirname(path.join(builtSrc, rel)), { recursive: true });
  fs.copyFileSync(path.join(sourceSrc, rel), path.join(builtSrc, rel));
}

for (const [what, write] of [
  ['rules', () => writeRulesCache(RULES_CACHE_FILE)],
  ['model', () => writeModelCache(MODEL_CACHE_FILE)],
] as const) {
  try {
    write();
  } catch (e) {
    // Broken rules or model: the build still succeeds (the bot and the CLI report the broken file themselves).
    process.stderr.write(`build: ${what} cache not written: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

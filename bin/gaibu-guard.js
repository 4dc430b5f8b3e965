#!/usr/bin/env node
// Launcher: runs the build of src/cli/main.ts (dist/, made by `npm run build`, which `npm ci` runs).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('gaibu-guard: not built yet: run `npm run build` (npm ci does it) in the repository\n');
  process.exit(1);
}
try {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // A broken rule file or a failed tokenizer build: one clear line, no stack trace.
  process.stderr.write(`gaibu-guard: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}

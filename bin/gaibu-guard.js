#!/usr/bin/env node
// Thin launcher: registers the tsx loader so the TypeScript sources run as-is.
import { register } from 'tsx/esm/api';

register();
try {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // A broken rule file or a failed tokenizer build: one clear line, no stack trace.
  process.stderr.write(`gaibu-guard: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}

// The last step of `npm run build`: the start-up caches (src/start-cache.ts).
import { MODEL_CACHE_FILE, RULES_CACHE_FILE, writeModelCache, writeRulesCache } from '../start-cache.ts';

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

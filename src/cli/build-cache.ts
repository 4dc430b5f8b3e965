// The last step of `npm run build`: the rules' start-up cache (src/rules-cache.ts).
import { RULES_CACHE_FILE, writeRulesCache } from '../rules-cache.ts';

try {
  writeRulesCache(RULES_CACHE_FILE);
} catch (e) {
  // Broken rules: the build still succeeds (the bot and the CLI report the broken file themselves).
  process.stderr.write(`build: rules cache not written: ${e instanceof Error ? e.message : String(e)}\n`);
}

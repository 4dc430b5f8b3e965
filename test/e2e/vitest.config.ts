// `npm run test:e2e`: the real bot process against a local stand-in for Discord (test/e2e/).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests that spawn the CLI or the bot run the build (dist/), as production does: keep it current.
    globalSetup: ['test/helpers/build.ts'],
  },
});

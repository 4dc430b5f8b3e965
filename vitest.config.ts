import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests that spawn the CLI or the bot run the build (dist/), as production does: keep it current.
    globalSetup: ['test/helpers/build.ts'],
  },
});

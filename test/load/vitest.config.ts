// `npm run test:load`: the real bot under load through the local Discord stand-in (test/e2e/).
// Slow (about two minutes on 2 cores); .ci/run calls it after the e2e tests.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/load/**/*.load.ts'], // not *.test.ts: `npm test` must not pick these up
    testTimeout: 300_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // Tests that spawn the CLI or the bot run the build (dist/), as production does: keep it current.
    globalSetup: ['test/helpers/build.ts'],
    // One bot at a time: the figures are about the bot, not about two bots sharing 2 cores.
    fileParallelism: false,
  },
});

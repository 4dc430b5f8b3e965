// Test preload (node --import): reading the rules fails, as on a broken deployment. Used by
// shutdown.e2e.test.ts to check that a bot that cannot start exits non-zero without logging in.
import fs from 'node:fs';

const realReadFileSync = fs.readFileSync;
fs.readFileSync = function readFileSync(file, ...rest) {
  if (String(file).endsWith('lexicon.yaml')) throw Object.assign(new Error('simulated unreadable rules'), { code: 'EACCES' });
  return realReadFileSync.call(this, file, ...rest);
};

#!/usr/bin/env node
// Thin launcher: registers the tsx loader so the TypeScript sources run as-is.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

// `npm run refusals`: writes docs/refusals.md, the table of every refusal the bot can suggest
// (src/reply/refusal-table.ts). test/reply/refusal-table.test.ts fails when the file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRules } from '../detector/rules.ts';
import { renderRefusalTable } from '../reply/refusal-table.ts';

export const REFUSAL_TABLE_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/refusals.md');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = renderRefusalTable(loadRules({ checkBacktracking: false }));
  fs.mkdirSync(path.dirname(REFUSAL_TABLE_PATH), { recursive: true });
  fs.writeFileSync(REFUSAL_TABLE_PATH, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), REFUSAL_TABLE_PATH)} (${text.split('\n').length} lines)\n`);
}

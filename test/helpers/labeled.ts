// A sample of the labeled texts in test/fixtures/ for equivalence tests (a faster loader must give
// the same results): corpus and holdout whole, the first 100 lines of each further set (~3,000).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export function labeledSample(): string[] {
  const read = (f: string): string[] =>
    readFileSync(path.join(FIXTURES, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
  return [...read('corpus.jsonl'), ...read('holdout.jsonl'), ...readdirSync(path.join(FIXTURES, 'extra')).flatMap((f) => read(`extra/${f}`).slice(0, 100))];
}

// Child process for crash-consistency.test.ts: records checks into the statistics store as the bot
// does, one hour bucket per record (record i is at START + i hours, so each row is identifiable),
// starting at argv[3]. After each group commit it counts the rows through a separate read
// connection and prints "committed N": rows 0..N-1 are in the database, as any reader sees it.
// It runs until it is killed.
import Database from 'better-sqlite3';
import { loadRules } from '../../src/detector/rules.ts';
import { createEngine } from '../../src/engine.ts';
import { openStats } from '../../src/stats/index.ts';

export const START = Date.parse('2030-01-07T00:00:00Z');
const HOUR = 3_600_000;

const [dbPath, fromArg] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: stats-writer.ts DB_PATH FROM');
let i = Number(fromArg ?? 0);
const engine = await createEngine();
const reports = [
  engine.analyse('詳細はLINEでお伝えしますので、ID: sample を追加してください。'),
  engine.analyse('LINEスタンプのイラスト制作をお願いします。'),
];
const stats = openStats({ path: dbPath, secret: 'crash-test-secret-0123456789abcdef0123456789', rules: loadRules(), flushMs: 5, batchSize: 25 });
const reader = new Database(dbPath, { readonly: true });
const count = reader.prepare('SELECT COUNT(*) FROM checks').pluck();

process.stdout.write('ready\n');
for (;;) {
  for (let k = 0; k < 25; k++, i++) {
    stats.record(reports[i % 2]!, `crash test message number ${i % 7}`, {
      source: 'cli',
      guildId: i % 3 === 0 ? 'crash-guild' : null,
      userId: `user-${i % 11}`,
      at: new Date(START + i * HOUR),
    });
  }
  stats.flush();
  process.stdout.write(`committed ${String(count.get())}\n`);
  // Let the parent's SIGKILL land anywhere: between commits or in the middle of one.
  if (i % 100 === 0) await new Promise((r) => setImmediate(r));
}

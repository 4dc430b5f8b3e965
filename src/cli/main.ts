// The `gaibu-guard` command. Its interface is a contract (scripts depend on it): keep it stable.
// Each command declares its options in one table (src/cli/args.ts gives parsing, --help and errors
// that name the option); what a command needs beyond the engine is imported when it runs.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { PLATFORMS, PlatformSchema, STAGES, StageSchema, type CheckOptions } from '../detector/types.ts';
import { createEngine, type Engine } from '../engine.ts';
import { toContractJson } from '../reply/json.ts';
import type { Report } from '../reply/report.ts';
import { renderText } from '../reply/text.ts';
import { closest, helpOf, parseCommand, usageOf, type ArgValues, type CommandSpec } from './args.ts';
import type { CliRecorder } from './stats-hooks.ts';

const CHECK: CommandSpec = {
  name: 'check',
  summary: '文面を判定する / check a message',
  usage: [
    'check "テキスト" [--json] [--platform P] [--stage S]',
    'check --image shot.png [--json] [--platform P] [--stage S]',
    'check --jsonl < in.jsonl > out.jsonl [--platform P] [--stage S]',
    'check … --record --db PATH [--guild NAME]',
  ],
  options: {
    json: { type: 'boolean', help: '判定結果をJSONで出力 / print the verdict as JSON' },
    jsonl: { type: 'boolean', help: '標準入力のJSONLを1行ずつ判定 / check JSON lines from stdin, one output line each' },
    platform: { type: 'string', choices: PLATFORMS, help: 'サービス / the platform' },
    stage: { type: 'string', choices: STAGES, help: '取引の段階 / the stage of the deal' },
    record: { type: 'boolean', help: '統計に匿名で記録（--db が必要）/ record each check anonymously (needs --db)' },
    db: { type: 'string', value: 'PATH', help: '記録先のSQLiteファイル（--record と）/ the statistics database (with --record)' },
    guild: { type: 'string', value: 'NAME', help: 'チェック元のサーバー名（--record と）/ the server the checks came from (with --record)' },
    lang: { type: 'string', choices: ['ja', 'en'], help: 'レポートの言語（既定 ja）/ language of the report (default ja)' },
    image: { type: 'string', value: 'FILE', help: 'スクリーンショット（PNG・JPEG・WebP）の文字をこのPCの中で読み取って判定 / read a screenshot locally (OCR) and check its text' },
  },
  positionals: 'TEXT',
  notes: [
    'Without TEXT (and without --jsonl) the text is read from stdin.',
    '--jsonl lines: {"id": …, "text": …, "platform"?: …, "stage"?: …}; a bad line gives {"id", "error"} and the run goes on.',
  ],
};

const DIGEST: CommandSpec = {
  name: 'digest',
  summary: '週間ダイジェストを表示する / print a weekly digest',
  usage: ['digest --db PATH [--week 2026-W47] [--guild NAME] [--format text|json] [--chart out.png]'],
  options: {
    db: { type: 'string', value: 'PATH', help: '統計のSQLiteファイル（必須）/ the statistics database (required)' },
    week: { type: 'string', value: 'YYYY-Www', help: 'ISO週（既定：直近の完了した週、日本時間）/ ISO week (default: the last complete week, Asia/Tokyo)' },
    guild: { type: 'string', value: 'NAME', help: 'このサーバー名だけ（check --guild と同じ名前）/ one server (the name given to check --guild)' },
    format: { type: 'string', choices: ['text', 'json'], help: 'text（投稿される文面）か json（数値）/ the posted text, or the numbers' },
    chart: { type: 'string', value: 'PATH', help: 'グラフをPNGで書き出す / also write the chart as PNG' },
  },
  positionals: '',
};

const EVAL: CommandSpec = {
  name: 'eval',
  summary: 'JSONLでルールを評価する（ラベル付き: 検出率・誤検出率・S/O、ラベルなし: 水準の分布と発火率）/ score the rules on a JSONL file (labeled: recall, FPR, S/O; unlabeled: levels and per-rule hits)',
  usage: ['eval FILE.jsonl [--json] [--quiet]'],
  options: {
    json: { type: 'boolean', help: '結果をJSONで出力 / print the result as JSON' },
    quiet: { type: 'boolean', help: '見逃し・誤検出の一覧を省く / leave out the lists of misses and false positives' },
  },
  positionals: 'FILE',
};

const COMMANDS: readonly CommandSpec[] = [CHECK, DIGEST, EVAL];

const USAGE = `使い方 / usage:
${COMMANDS.flatMap((c) => c.usage.map((u) => `  gaibu-guard ${u}`)).join('\n')}

  gaibu-guard <command> --help     コマンドごとの説明 / help for one command
`;

/** One input line of `check --jsonl`. */
export const JsonlLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).nullish(),
  text: z.string({ error: 'missing "text" (a string)' }),
  platform: PlatformSchema.nullish(),
  stage: StageSchema.nullish(),
});

function fail(msg: string): number {
  process.stderr.write(`gaibu-guard: ${msg}\n`);
  return 2;
}

/** A usage error of one command: the problem, the command's usage, and where to read more. */
function usageError(spec: CommandSpec, msg: string): number {
  process.stderr.write(`gaibu-guard ${spec.name}: ${msg}\n${usageOf(spec)}Run "gaibu-guard ${spec.name} --help" for every option.\n`);
  return 2;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function write(line: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(line)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/** Processes JSONL from stdin, one output line per input line, in order. */
export async function runJsonl(engine: Engine, base: CheckOptions, recorder: CliRecorder | null): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const rawLine of rl) {
      await write(`${JSON.stringify(checkJsonlLine(engine, rawLine, base, recorder))}\n`);
    }
  } catch (e) {
    process.stderr.write(`gaibu-guard: cannot read stdin: ${(e as Error).message}\n`);
    return 1;
  }
  return 0;
}

export function checkJsonlLine(engine: Engine, rawLine: string, base: CheckOptions, recorder: CliRecorder | null): object {
  let data: unknown;
  try {
    data = JSON.parse(rawLine);
  } catch {
    return { id: null, error: 'invalid JSON' };
  }
  const idOf = (d: unknown): string | null => {
    if (d && typeof d === 'object' && 'id' in d) {
      const id = (d as { id: unknown }).id;
      if (typeof id === 'string' || typeof id === 'number') return String(id);
    }
    return null;
  };
  const parsed = JsonlLineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'line';
    return { id: idOf(data), error: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  const line = parsed.data;
  try {
    const report = engine.analyse(line.text, { platform: line.platform ?? base.platform, stage: line.stage ?? base.stage });
    recorder?.record(report, line.text);
    return toContractJson(report, line.id ?? null);
  } catch (e) {
    return { id: line.id ?? null, error: `internal error: ${(e as Error).message}` };
  }
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    process.stdout.write(topic ? helpOf(topic) : USAGE);
    return 0;
  }
  const spec = COMMANDS.find((c) => c.name === cmd);
  if (!spec) {
    const guess = closest(cmd, COMMANDS.map((c) => c.name));
    return fail(`unknown command "${cmd}"${guess ? ` (did you mean ${guess}?)` : ''}\n${USAGE}`);
  }
  const parsed = parseCommand(spec, rest);
  if (parsed.kind === 'help') {
    process.stdout.write(helpOf(spec));
    return 0;
  }
  if (parsed.kind === 'error') return usageError(spec, parsed.message);
  const { values, positionals } = parsed;
  if (spec === CHECK) return runCheck(values, positionals);
  if (spec === DIGEST) {
    const { runDigestCommand } = await import('./stats-hooks.ts');
    const args = { db: str(values['db']), week: str(values['week']), guild: str(values['guild']), format: values['format'] === 'json' ? ('json' as const) : ('text' as const), chart: str(values['chart']) };
    return runDigestCommand(args, (m: string) => usageError(DIGEST, m));
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) return usageError(EVAL, file ? `one labeled file at a time (got ${positionals.length})` : 'needs a labeled JSONL file');
  const { runEval } = await import('./eval.ts');
  return runEval(file, { json: values['json'] === true, quiet: values['quiet'] === true });
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

async function runCheck(values: ArgValues, positionals: string[]): Promise<number> {
  const bad = (m: string): number => usageError(CHECK, m);
  const db = str(values['db']);
  const guild = str(values['guild']);
  if (values['record'] && !db) return bad('--record needs --db PATH');
  if (db && !values['record']) return bad('--db is only used with --record (add --record to record the checks into that database)');
  if (guild !== undefined && !values['record']) return bad('--guild is only used with --record (it names the server the recorded checks came from)');
  if (values['json'] && values['jsonl']) return bad('--json and --jsonl cannot be combined (--jsonl already writes one JSON object per line)');
  if (values['jsonl'] && positionals.length > 0) return bad('--jsonl reads its lines from stdin; leave out the text');
  const image = str(values['image']);
  if (image !== undefined && (positionals.length > 0 || values['jsonl'])) return bad('--image FILE takes no text argument and no --jsonl');
  if (image === undefined && !values['jsonl'] && positionals.length === 0 && process.stdin.isTTY) return bad('no text given (pass it as an argument or on stdin)');
  const base: CheckOptions = {
    platform: PlatformSchema.optional().parse(values['platform']),
    stage: StageSchema.optional().parse(values['stage']),
  };

  // A screenshot is read (and a wrong file refused) while the dictionary loads; recording needs the
  // engine's rules first.
  let building: Promise<Engine> | null = null;
  const makeEngine = (): Promise<Engine> => (building ??= createEngine());
  const engine = image === undefined || db ? await makeEngine() : null;
  let recorder: CliRecorder | null = null;
  if (db && engine) {
    const { cliRecorder } = await import('./stats-hooks.ts');
    const r = cliRecorder(db, guild, engine.detector.rules);
    if (typeof r === 'string') return fail(r);
    recorder = r;
  }
  let code: number;
  try {
    if (image !== undefined) {
      const { runImageCheck } = await import('./check-image.ts');
      code = await runImageCheck(image, makeEngine, { json: values['json'] === true, lang: values['lang'] === 'en' ? 'en' : 'ja', base, recorder });
    } else if (values['jsonl']) code = await runJsonl(engine ?? (await makeEngine()), base, recorder);
    else {
      const text = positionals.length > 0 ? positionals.join(' ') : await readAllStdin();
      const report: Report = (engine ?? (await makeEngine())).analyse(text, base);
      recorder?.record(report, text);
      if (values['json']) process.stdout.write(`${JSON.stringify(toContractJson(report), null, 2)}\n`);
      else process.stdout.write(`${renderText(report, values['lang'] === 'en' ? 'en' : 'ja')}\n`);
      code = 0;
    }
  } finally {
    const problem = recorder?.close() ?? null;
    if (problem) {
      process.stderr.write(`gaibu-guard: ${problem}\n`);
      code = 1;
    }
  }
  return code;
}

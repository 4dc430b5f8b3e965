// The `gaibu-guard` command. Its interface is a contract (docs/cli-contract.md): keep it stable.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createEngine, type Engine } from '../engine.ts';
import { PlatformSchema, StageSchema, type CheckOptions } from '../detector/types.ts';
import { toContractJson } from '../reply/json.ts';
import type { Report } from '../reply/report.ts';
import { renderText } from '../reply/text.ts';
import { runImageCheck } from './check-image.ts';
import { runEval } from './eval.ts';
import { cliRecorder, runDigestCommand, type CliRecorder } from './stats-hooks.ts';

const USAGE = `使い方 / usage:
  gaibu-guard check "テキスト"                    判定結果を日本語で表示
  gaibu-guard check --json "テキスト"             判定結果をJSONで出力
  gaibu-guard check --image shot.png [--json]     スクリーンショット（PNG・JPEG・WebP）の文字を読み取って判定
  gaibu-guard check --jsonl < in.jsonl > out.jsonl
      [--platform crowdworks|lancers|coconala|other]
      [--stage before_contract|after_contract|after_escrow|unknown]
      [--record --db PATH] [--guild NAME]
  gaibu-guard digest --db PATH [--week 2026-W47] [--guild NAME] [--format text|json] [--chart out.png]
  gaibu-guard eval FILE.jsonl [--json] [--quiet]   ルールごとの成績（scam/legit のヒット数、S/O）
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
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === 'check') return runCheck(rest);
  if (cmd === 'eval') return runEval(rest);
  if (cmd === 'digest') return runDigestCommand(rest);
  return fail(`unknown command "${cmd}"\n${USAGE}`);
}

async function runCheck(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        platform: { type: 'string' },
        stage: { type: 'string' },
        record: { type: 'boolean', default: false },
        db: { type: 'string' },
        guild: { type: 'string' },
        lang: { type: 'string', default: 'ja' },
        image: { type: 'string' },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
  const { values, positionals } = parsed;
  const platform = values.platform === undefined ? undefined : PlatformSchema.safeParse(values.platform);
  if (platform && !platform.success) return fail(`--platform must be one of crowdworks, lancers, coconala, other`);
  const stage = values.stage === undefined ? undefined : StageSchema.safeParse(values.stage);
  if (stage && !stage.success) return fail(`--stage must be one of before_contract, after_contract, after_escrow, unknown`);
  const base: CheckOptions = { platform: platform?.data, stage: stage?.data };

  let recorder: CliRecorder | null = null;
  if (values.record) {
    if (!values.db) return fail('--record needs --db PATH');
    const r = await cliRecorder(values.db, values.guild);
    if (typeof r === 'string') return fail(r);
    recorder = r;
  }
  try {
    // --image FILE: the text is read from a screenshot (src/cli/check-image.ts).
    if (values.image !== undefined) {
      if (positionals.length > 0 || values.jsonl) return fail('--image FILE takes no text argument and no --jsonl');
      return await runImageCheck(values.image, createEngine, { json: values.json, lang: values.lang === 'en' ? 'en' : 'ja', base, recorder });
    }
    const engine = await createEngine();
    if (values.jsonl) return await runJsonl(engine, base, recorder);

    let text = positionals.join(' ');
    if (positionals.length === 0) {
      if (process.stdin.isTTY) return fail(`no text given\n${USAGE}`);
      text = await readAllStdin();
    }
    const report: Report = engine.analyse(text, base);
    recorder?.record(report, text);
    if (values.json) process.stdout.write(`${JSON.stringify(toContractJson(report), null, 2)}\n`);
    else process.stdout.write(`${renderText(report, values.lang === 'en' ? 'en' : 'ja')}\n`);
    return 0;
  } finally {
    recorder?.close();
  }
}

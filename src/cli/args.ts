// Command-line arguments for `gaibu-guard <command>`: each command declares its options once (type,
// value name, help line, allowed values), and gets parsing, `--help` and error messages that name
// the option and show the command's usage. Adding an option is one entry in the command's table.
import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** How the value is written in the usage and help (PATH, NAME, …); string options only. */
  value?: string;
  /** The allowed values, checked here and listed in the help. */
  choices?: readonly string[];
  /** One line: Japanese / English. */
  help: string;
}

export interface CommandSpec {
  name: string;
  /** One line: Japanese / English. */
  summary: string;
  /** Synopsis lines, without the leading `gaibu-guard`. */
  usage: string[];
  options: Record<string, OptionSpec>;
  /** What the positional arguments are, for the help (empty: none allowed). */
  positionals: '' | 'TEXT' | 'FILE';
  /** Lines shown at the end of the help (examples, notes). */
  notes?: string[];
}

export type ArgValues = Record<string, string | boolean | undefined>;

export type ParsedArgs =
  | { kind: 'ok'; values: ArgValues; positionals: string[] }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

/** The closest candidate within two edits (or sharing the typed prefix), if any. */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = c.startsWith(typed) && typed.length >= 2 ? 1 : distance(typed, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

const flag = (name: string): string => `--${name}`;

export function parseCommand(spec: CommandSpec, args: string[]): ParsedArgs {
  const { tokens } = parseArgs({ args, strict: false, allowPositionals: true, tokens: true, options: {} });
  const values: ArgValues = {};
  const positionals: string[] = [];
  const known = Object.keys(spec.options);
  const error = (message: string): ParsedArgs => ({ kind: 'error', message });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind === 'option-terminator') continue;
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    if (t.name === 'help' || t.rawName === '-h') return { kind: 'help' };
    const opt = spec.options[t.name];
    if (!opt || t.rawName.length === 2 /* -x: no short options */) {
      const guess = closest(t.name, known);
      return error(`unknown option ${t.rawName}${guess ? ` (did you mean ${flag(guess)}?)` : ''}`);
    }
    if (opt.type === 'boolean') {
      if (t.value !== undefined) return error(`${t.rawName} takes no value (got "${t.value}")`);
      values[t.name] = true;
      continue;
    }
    // A string option: its value is inline (--db=x) or the next argument, which must not be an option.
    let value = t.value;
    if (value === undefined) {
      const next = tokens[i + 1];
      if (next?.kind === 'positional') {
        value = next.value;
        i++;
      }
    } else if (!t.inlineValue && value.startsWith('--')) {
      value = undefined; // `--db --json`: the next option is not a value
    }
    if (value === undefined || value === '') return error(`${t.rawName} needs a value (${t.rawName} ${opt.value ?? 'VALUE'})`);
    if (opt.choices && !opt.choices.includes(value)) return error(`${t.rawName} must be one of ${opt.choices.join(', ')} (got "${value}")`);
    if (values[t.name] !== undefined && values[t.name] !== value) return error(`${t.rawName} is given twice`);
    values[t.name] = value;
  }
  if (!spec.positionals && positionals.length > 0) {
    const [first] = positionals;
    return error(`unexpected argument "${first}"`);
  }
  return { kind: 'ok', values, positionals };
}

/** The synopsis of a command (usage lines), as printed after an error. */
export function usageOf(spec: CommandSpec): string {
  return `usage:\n${spec.usage.map((u) => `  gaibu-guard ${u}`).join('\n')}\n`;
}

/** The full help of a command: synopsis, then every option with its help line. */
export function helpOf(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const left = o.type === 'string' ? `--${name} ${o.choices ? o.choices.join('|') : (o.value ?? 'VALUE')}` : `--${name}`;
    return [left, o.help] as const;
  });
  rows.push(['--help, -h', 'この説明を表示 / show this help']);
  // Long option lists (--platform a|b|c|d) put their help on the next line.
  const width = Math.max(...rows.map(([l]) => l.length).filter((n) => n <= 24));
  const lines = [`gaibu-guard ${spec.name} — ${spec.summary}`, '', usageOf(spec).trimEnd(), '', 'options:'];
  for (const [l, h] of rows) lines.push(l.length > width ? `  ${l}\n  ${' '.repeat(width)}  ${h}` : `  ${l.padEnd(width)}  ${h}`);
  if (spec.notes?.length) lines.push('', ...spec.notes);
  return `${lines.join('\n')}\n`;
}

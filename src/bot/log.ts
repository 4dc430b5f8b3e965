// A tiny structured logger. It accepts only flat scalar fields, and the bot passes it counts,
// levels and ids of commands: never message text, tokens, user ids or error messages (an error
// message can quote its input). One JSON line per event on stderr.
import type { LogLevel } from '../config.ts';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (lvl: LogLevel, event: string, fields: LogFields = {}): void => {
    if (RANK[lvl] < RANK[level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, event };
    // A field can never pose as the time, the level or the event.
    for (const [k, v] of Object.entries(fields)) if (!(k in entry) && v !== undefined) entry[k] = v;
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (e, f) => emit('debug', e, f),
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

/**
 * What may be logged about an error: its class, Discord's numeric code and HTTP status, and where it
 * was thrown. Deliberately not `message`: detector or API errors may quote the text being checked.
 */
export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { error: typeof err };
  const e = err as Error & { code?: unknown; status?: unknown };
  const frame = (e.stack ?? '')
    .split('\n')
    .find((l) => l.trimStart().startsWith('at ') && !l.includes('node_modules') && !l.includes('node:'));
  return {
    error: e.name,
    code: typeof e.code === 'number' || typeof e.code === 'string' ? e.code : undefined,
    status: typeof e.status === 'number' ? e.status : undefined,
    // Project-relative: `src/bot/x.ts:12:3`, whether the stack names a file:// URL or a plain path.
    at: frame ? frame.trim().replace(/^at /, '').replace(/\(?(?:file:\/\/)?\/[^()]*\/(src|commands)\//, '$1/').replace(/\)$/, '') : undefined,
  };
}

// Loads every command module in commands/ (one file per command). New commands need no registration
// anywhere else: drop a file in commands/ and both the bot and deploy-commands pick it up.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import type { ChatInputExecute, LoadedCommand, MessageMenuExecute, UserMenuExecute } from './command.ts';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';

const ModuleSchema = z.object({
  data: z.object({
    name: z.string().min(1),
    toJSON: z.custom<() => unknown>(isFunction, { error: 'data.toJSON must be a function (use a command builder)' }),
  }),
  execute: z.custom<(...args: never[]) => Promise<void>>(isFunction, { error: 'execute must be an async function' }),
});

const JsonSchema = z.looseObject({ name: z.string(), type: z.number().optional() });

/** Application command types (discord-api-types ApplicationCommandType). */
const TYPE_KIND = { 1: 'chat_input', 2: 'user', 3: 'message' } as const;

export async function loadCommands(dir: string = COMMANDS_DIR): Promise<LoadedCommand[]> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .sort();
  const commands: LoadedCommand[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const mod: unknown = await import(pathToFileURL(join(dir, file)).href);
    const parsed = ModuleSchema.safeParse(mod);
    if (!parsed.success) {
      throw new Error(`commands/${file}: not a command module (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
    }
    // zod returns a copy; call the builder itself so toJSON sees all of its fields.
    const mod2 = mod as { data: { toJSON(): unknown }; execute: unknown };
    const json = mod2.data.toJSON();
    const shape = JsonSchema.parse(json);
    const kind = TYPE_KIND[(shape.type ?? 1) as keyof typeof TYPE_KIND];
    if (!kind) throw new Error(`commands/${file}: unsupported command type ${String(shape.type)}`);
    const key = `${kind}:${shape.name}`;
    if (names.has(key)) throw new Error(`commands/${file}: duplicate command name "${shape.name}"`);
    names.add(key);
    // The module is untyped at this point; its `execute` matches its builder's type by convention,
    // and each command file declares it with ChatInputExecute / MessageMenuExecute for the compiler.
    const execute = parsed.data.execute;
    const base = { name: shape.name, file, json: json as LoadedCommand['json'] };
    if (kind === 'chat_input') commands.push({ kind, ...base, execute: execute as ChatInputExecute });
    else if (kind === 'message') commands.push({ kind, ...base, execute: execute as MessageMenuExecute });
    else commands.push({ kind, ...base, execute: execute as UserMenuExecute });
  }
  return commands;
}

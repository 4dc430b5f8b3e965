// The ways to run the bot agree with each other and with the README: package.json's scripts, the
// Dockerfile and the systemd unit (no Docker daemon or systemd runs here, so they are read, not
// run). Node major, `npm ci` with the build, the start command, the working directory and the
// data folder; the README stands alone and lists every command; production runs plain JavaScript.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/loader.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (f: string): string => readFileSync(path.join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};
const readme = read('README.md');
const dockerfile = read('Dockerfile');
const unit = read('deploy/gaibu-guard.service');

/** Dockerfile instructions (continuation lines joined, comments dropped), in order. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [op = '', ...rest] = l.split(/\s+/);
    return { op: op.toUpperCase(), arg: rest.join(' ') };
  });
const all = (op: string): string[] => instructions.filter((i) => i.op === op).map((i) => i.arg);
/** The instructions of the last stage (the image that runs). */
const finalStage = instructions.slice(instructions.map((i) => i.op).lastIndexOf('FROM'));
const finalOf = (op: string): string | undefined => finalStage.filter((i) => i.op === op).at(-1)?.arg;

const unitValue = (key: string): string | undefined => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1]?.trim();

/** `node dist/src/bot/main.js`: what `npm start` runs. */
const startCommand = pkg.scripts['start'] ?? '';

describe('deployment files against the README', () => {
  it('use the Node.js major the README requires, everywhere', () => {
    const required = /\*\*Node\.js (\d+), version (\d+)\.(\d+) or newer\*\*/.exec(readme);
    expect(required, 'README states the Node.js version').not.toBeNull();
    const [, major, , minor] = required as RegExpExecArray;
    expect(pkg.engines.node).toBe(`>=${major}.${minor}`);
    const froms = all('FROM');
    expect(froms.length).toBeGreaterThan(0);
    for (const f of froms) expect(f).toMatch(new RegExp(`^node:${major}[-.]`));
    expect(process.versions.node.split('.')[0]).toBe(major); // and the tests run on it
  });

  it('install with npm ci, which builds dist/ through prepare, in the README and the Dockerfile', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(pkg.scripts['prepare']).toBe('npm run build');
    expect(pkg.scripts['build']).toContain('tsc -p tsconfig.build.json');
    const install = all('RUN').find((r) => r.includes('npm ci'));
    expect(install, 'the Dockerfile runs npm ci').toBeDefined();
    expect(install).toContain('npm prune --omit=dev'); // build first (needs typescript), then prune
    expect(finalStage.filter((i) => i.op === 'COPY').map((i) => i.arg)).toContain('--from=build /app/dist ./dist');
  });

  it('start the bot with the same command as npm start', () => {
    expect(startCommand).toBe('node dist/src/bot/main.js');
    expect(JSON.parse(finalOf('CMD') ?? '[]')).toEqual(startCommand.split(' '));
    const exec = unitValue('ExecStart') ?? '';
    expect(exec.replace(/^\/\S*\/node /, 'node ')).toBe(startCommand);
    expect(readme).toContain(exec); // the README shows the unit's command
    expect(readme).toContain(startCommand);
  });

  it('keep the data folder under the working directory, as the README says', () => {
    const workdir = finalOf('WORKDIR');
    expect(workdir).toBe('/app');
    expect(JSON.parse(finalOf('VOLUME') ?? '[]')).toEqual([`${workdir}/data`]);
    expect(readme).toContain(`-v gaibu-guard-data:${workdir}/data`);
    expect(readme).toContain(`\`${workdir}\` in the Docker image`);
    const wd = unitValue('WorkingDirectory');
    expect(wd).toBe('/opt/gaibu-guard');
    expect(unitValue('ReadWritePaths')).toBe(`${wd}/data`);
    expect(readme).toContain(`\`${wd}\` in the systemd unit`);
    expect(readme).toContain('`data/gaibu-guard.db`');
    expect(read('.env.example')).toMatch(/^DATABASE_PATH=data\/gaibu-guard\.db$/m);
  });

  it('run the built JavaScript in production, tsx only for development', () => {
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    for (const s of ['start', 'deploy-commands']) expect(pkg.scripts[s], s).toMatch(/^node dist\//);
    expect(read(pkg.bin['gaibu-guard'] ?? '')).toContain('../dist/src/cli/main.js');
    expect(read(pkg.bin['gaibu-guard'] ?? '')).not.toContain('tsx');
    expect(pkg.scripts['dev']).toContain('tsx');
  });

  it('declare the install scripts npm may run', () => {
    // better-sqlite3 builds its native module; esbuild's check and tesseract.js's funding notice are not needed.
    expect(pkg.allowScripts).toEqual({ 'better-sqlite3': true, esbuild: false, 'tesseract.js': false });
  });
});

describe('README', () => {
  it('stands alone: no links outside the repository, no talk of issues', () => {
    expect(readme).not.toMatch(/\.\.\/shared|\.\.\/docs/);
    expect(readme).not.toMatch(/\bissues?\b/i);
  });

  it('lists every command the bot registers', async () => {
    for (const c of await loadCommands()) {
      const shown = c.kind === 'chat_input' ? `\`/${c.name}` : `「${c.name}」`;
      expect(readme, c.name).toContain(shown);
    }
  });

  it('invites the bot with the permissions the digest channel needs', () => {
    const needed = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.AttachFiles;
    const invite = /https:\/\/discord\.com\/oauth2\/authorize\?[^`\s]*scope=bot[^`\s]*/.exec(readme)?.[0] ?? '';
    expect(new URL(invite).searchParams.get('permissions')).toBe(String(needed));
    for (const p of ['View Channel', 'Send Messages', 'Attach Files']) expect(readme).toContain(p);
  });
});

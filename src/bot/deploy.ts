// `npm run deploy-commands`: registers every command in commands/ with Discord, globally or, when
// DEV_GUILD_ID is set, to that one server (guild commands update instantly; global ones can take a
// while to reach every client). A PUT replaces the whole list, so removed commands disappear too.
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { ConfigError, loadConfig, loadDotEnv, requireKey, type Config } from '../config.ts';
import { explainDiscordFailure } from './discord-failure.ts';
import { loadCommands } from './loader.ts';

export interface DeployResult {
  scope: 'global' | 'guild';
  names: string[];
}

export async function deployCommands(config: Config, body: RESTPostAPIApplicationCommandsJSONBody[]): Promise<DeployResult> {
  const token = requireKey(config, 'DISCORD_TOKEN', 'deploy-commands registers commands as the bot');
  const clientId = requireKey(config, 'DISCORD_CLIENT_ID', 'the application ID from the Developer Portal, General Information');
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(token);
  const route = config.DEV_GUILD_ID
    ? Routes.applicationGuildCommands(clientId, config.DEV_GUILD_ID)
    : Routes.applicationCommands(clientId);
  await rest.put(route, { body });
  return { scope: config.DEV_GUILD_ID ? 'guild' : 'global', names: body.map((c) => c.name) };
}

async function main(): Promise<number> {
  let config: Config | undefined;
  try {
    loadDotEnv();
    config = loadConfig();
    const commands = await loadCommands();
    const result = await deployCommands(config, commands.map((c) => c.json));
    const where = result.scope === 'guild' ? 'to the server in DEV_GUILD_ID' : 'globally (may take a while to appear everywhere)';
    process.stdout.write(`Registered ${result.names.length} commands ${where}: ${result.names.join(', ')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) process.stderr.write(`deploy-commands: ${err.message}\n`);
    else {
      const e = err as { name?: string; status?: number; code?: number | string };
      // Discord's error body may echo the request; print only what identifies the failure, and what to do.
      const { hint } = explainDiscordFailure(err, { what: 'deploy', apiUrl: config?.DISCORD_API_URL, devGuildId: config?.DEV_GUILD_ID });
      process.stderr.write(`deploy-commands: registration failed (${e.name ?? 'Error'}${e.status ? `, HTTP ${e.status}` : ''}${e.code ? `, code ${e.code}` : ''})\ndeploy-commands: ${hint}\n`);
    }
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}

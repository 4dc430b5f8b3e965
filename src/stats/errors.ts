// A statistics setting that is wrong, or a key that does not fit the database: the program stops
// (exit 2) with a message that names the setting, never its value.
export class StatsConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid statistics configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StatsConfigError';
  }
}

// The CLI's door to community statistics (`check --record`, `digest`).
// Statistics arrive with their own issue; until then both answer a clear "not available yet".
import type { Report } from '../reply/report.ts';

export interface CliRecorder {
  record(report: Report): void;
  close(): void;
}

export async function cliRecorder(_db: string, _guild: string | undefined): Promise<CliRecorder | string> {
  return '--record is not available yet (community statistics are not implemented in this version)';
}

export async function runDigestCommand(_args: string[]): Promise<number> {
  process.stderr.write('gaibu-guard: digest is not available yet (community statistics are not implemented in this version)\n');
  return 2;
}

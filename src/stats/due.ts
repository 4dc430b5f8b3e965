// Which week a digest schedule is "on" at a given moment: the last complete ISO week as of the
// latest scheduled run at or before that moment. Shared by the scheduler and by the store (a
// newly set channel starts after the week already due, so it never gets an old digest at once).
import { Cron } from 'croner';
import { lastCompleteWeek, TIMEZONE, type IsoWeek } from './time.ts';

const calculators = new Map<string, Cron>();

export function dueWeek(cron: string, at: Date): IsoWeek | null {
  let calc = calculators.get(cron);
  if (!calc) {
    // Paused: used only for calculations, it never fires.
    calc = new Cron(cron, { timezone: TIMEZONE, paused: true });
    calculators.set(cron, calc);
  }
  // croner counts a run as "previous" only when it is strictly earlier than the reference; a run
  // at exactly `at` has happened (the timer fires at that instant), hence the extra millisecond.
  const last = calc.previousRuns(1, new Date(at.getTime() + 1))[0];
  return last ? lastCompleteWeek(last) : null;
}

export function nextRuns(cron: string, n: number, from: Date): Date[] {
  dueWeek(cron, from);
  return (calculators.get(cron) as Cron).nextRuns(n, from);
}

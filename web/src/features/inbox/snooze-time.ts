/** Whether a moment typed into the snooze dialog can be snoozed to, and if not, what to tell the agent. */
import { fromLocalInput, localInputProblem } from '../../lib/local-time';

/** The problem with a datetime-local value as a snooze time; null when it is fine (or still empty). */
export function snoozeTimeProblem(value: string, now = Date.now()): string | null {
  if (!value) return null;
  const problem = localInputProblem(value);
  if (problem === 'invalid') return 'Enter a date and time';
  // Late on 31 December 9999 west of UTC is already the year 10000 in UTC, which the API cannot take.
  if (problem === 'too_late') return 'Pick a moment before the year 10000';
  return new Date(fromLocalInput(value)!).getTime() > now ? null : 'Pick a moment in the future';
}

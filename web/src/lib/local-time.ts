/** Converting between ISO instants and the local "YYYY-MM-DDTHH:mm" of datetime-local inputs. */
const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The last instant an ISO 8601 date with a four-digit year can name, which is what the API takes. */
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Why a local value is no instant to send: unreadable, or past year 9999 in UTC (late on 31 December 9999 west of UTC). */
export type LocalInputProblem = 'invalid' | 'too_late';

export function localInputProblem(value: string): LocalInputProblem | null {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return 'invalid';
  return time > LAST_INSTANT ? 'too_late' : null;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Today at the given hour, local time, as a datetime-local value. */
export function todayAt(hour: number): string {
  const d = new Date();
  d.setHours(hour, 0, 0, 0);
  return toLocalInput(d.toISOString());
}

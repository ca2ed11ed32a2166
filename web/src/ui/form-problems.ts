/**
 * A refused save in the form's own words. The server names each refused field by its API path
 * (`durationMinutes`, `emails.0.address`); the form names its inputs by labels ("Minutes",
 * "E-mail"). Each form declares those labels once, by API path, and every problem lands on the
 * nearest labelled path: `domains.2` on "Domains" when only the list is labelled. A problem on a
 * field the form has no input for is kept with the server's name, as it shows nowhere else.
 */
import { ApiError, type FieldProblem } from '../lib/api';

/** What each input of a form is called on screen, keyed by the API's path of its field. */
export type FieldLabels = Readonly<Record<string, string>>;

/** The server's reason for each labelled input it refused, by the same key as the input's label. */
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/** For a form of buttons alone: whatever the server refuses is a field the form does not show. */
export const NO_FIELDS: FieldLabels = {};

interface Placed {
  /** The reasons for each labelled path, in the order the server gave them. */
  reasons: Map<string, string[]>;
  unshown: FieldProblem[];
}

/** Paths written as JSON pointers (`/body`, `emails/0/address`) are the dotted ones the forms label. */
const dotted = (field: string) => field.replace(/^\//, '').replaceAll('/', '.');

function labelledPath(field: string, labels: FieldLabels): string | undefined {
  const parts = field.split('.');
  for (let length = parts.length; length > 0; length--) {
    const path = parts.slice(0, length).join('.');
    if (Object.hasOwn(labels, path)) return path;
  }
  return undefined;
}

function place(error: unknown, labels: FieldLabels): Placed {
  const placed: Placed = { reasons: new Map(), unshown: [] };
  if (!(error instanceof ApiError)) return placed;
  for (const problem of error.fields) {
    const field = dotted(problem.field);
    const path = labelledPath(field, labels);
    if (path === undefined) {
      placed.unshown.push({ field, reason: problem.reason });
      continue;
    }
    const reasons = placed.reasons.get(path) ?? [];
    if (!reasons.includes(problem.reason)) reasons.push(problem.reason);
    placed.reasons.set(path, reasons);
  }
  return placed;
}

/** The server's reason for each labelled input it refused, to show under that input. */
export function fieldErrors<L extends FieldLabels>(error: unknown, labels: L): FieldErrors<keyof L & string> {
  const { reasons } = place(error, labels);
  return Object.fromEntries([...reasons].map(([path, why]) => [path, why.join('; ')])) as FieldErrors<keyof L & string>;
}

/**
 * The lines above a form that failed to save, or none when nothing failed. A refusal that names
 * fields is told by the labels, in the form's order, then the fields the form does not show; its
 * `detail` is left out, as it names fields the way the API does. Any other failure (a conflict,
 * a lost connection) says what its message says.
 */
export function formErrorSummary(error: unknown, labels: FieldLabels): string[] {
  if (!(error instanceof Error)) return [];
  if (!(error instanceof ApiError) || error.fields.length === 0) return [error.message];
  const { reasons, unshown } = place(error, labels);
  // One line per input, though two paths may share it (a query or a group, picked in one select).
  const byLabel = new Map<string, string[]>();
  for (const [path, label] of Object.entries(labels)) {
    for (const reason of reasons.get(path) ?? []) {
      const said = byLabel.get(label) ?? [];
      if (!said.includes(reason)) said.push(reason);
      byLabel.set(label, said);
    }
  }
  const shown = [...byLabel].map(([label, why]) => `${label}: ${why.join('; ')}`);
  return [...shown, ...unshown.map((p) => `${p.field} (not in this form): ${p.reason}`)];
}

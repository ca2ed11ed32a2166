/**
 * A refused save in the form's own words. The server names each refused field by its API path
 * (`durationMinutes`, `emails.0.address`); the form names its inputs by labels ("Minutes",
 * "E-mail"). Each form declares those labels once, by API path, and every problem lands on the
 * nearest labelled path: `domains.2` on "Domains" when only the list is labelled. A problem on a
 * field the form has no input for is kept with the server's name, as it shows nowhere else.
 * A failure that names no field is told in a sentence: the server's own, or one in words for a
 * lost connection or a refusal that came without one. A failure the server answered keeps its
 * request id, shown as the reference to quote when reporting it.
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

/** What a refusal says when the server gave no sentence of its own, or one written for programs. */
const BY_STATUS: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'You are signed out. Sign in again, then retry.',
  403: 'You are not allowed to do this.',
  404: 'It was not found: it may have been removed meanwhile.',
  409: 'It changed meanwhile. Reload the page and try again.',
  413: 'It is too large to send.',
  429: 'Too many requests at once. Wait a moment and try again.',
};
const SERVER_FAILED = 'Something went wrong on the server. Try again in a moment.';
export const CONNECTION_LOST = 'Could not reach Rapport. Check your connection and try again.';

function statusInWords(status: number): string {
  return BY_STATUS[status] ?? (status >= 500 ? SERVER_FAILED : BY_STATUS[400]!);
}

/**
 * The server's id for the failed request, or null for a failure that never reached it (a lost
 * connection) or came back without one. Shown beside the failure, the user can quote it, and for a
 * failure on the server's side whoever reads its log finds the request by it.
 */
export function failureReference(error: unknown): string | null {
  return error instanceof ApiError ? error.requestId : null;
}

/**
 * A failure that names no field, as a sentence. The server's problems say what went wrong in
 * words (its HTTP layer's refusals too, in its own codes), except an unknown route, which names the
 * path as programs call it, and answers that were no problem at all (a proxy's error page); a fetch
 * that never got an answer is a TypeError.
 */
export function failureInWords(error: Error): string {
  if (error instanceof ApiError) {
    const technical = error.code === 'error' || error.code === 'route_not_found';
    return technical ? statusInWords(error.status) : error.message;
  }
  if (error instanceof TypeError) return CONNECTION_LOST;
  // An answer that said it succeeded but was not JSON: a page from something between the browser and Rapport.
  if (error instanceof SyntaxError) return SERVER_FAILED;
  return error.message;
}

/** One line per labelled input, in the labels' order; two paths may share an input (a query or a group, picked in one select). */
function labelledLines({ reasons }: Placed, labels: FieldLabels): string[] {
  const byLabel = new Map<string, string[]>();
  for (const [path, label] of Object.entries(labels)) {
    for (const reason of reasons.get(path) ?? []) {
      const said = byLabel.get(label) ?? [];
      if (!said.includes(reason)) said.push(reason);
      byLabel.set(label, said);
    }
  }
  return [...byLabel].map(([label, why]) => `${label}: ${why.join('; ')}`);
}

/**
 * The lines above a form that failed to save, or none when nothing failed. A refusal that names
 * fields is told by the labels, in the form's order, then the fields the form does not show; its
 * `detail` is left out, as it names fields the way the API does. Any other failure (a conflict,
 * a lost connection) is one sentence.
 */
export function formErrorSummary(error: unknown, labels: FieldLabels): string[] {
  if (!(error instanceof Error)) return [];
  if (!(error instanceof ApiError) || error.fields.length === 0) return [failureInWords(error)];
  const placed = place(error, labels);
  return [...labelledLines(placed, labels), ...placed.unshown.map((p) => `${p.field} (not in this form): ${p.reason}`)];
}

/** An API path as words, for a field no label names: `body.teamId` is "Team id", `emails.0.address` "Emails 1 address". */
function fieldInWords(field: string): string {
  const words = field
    .replace(/^(body|params|querystring|headers)\./, '')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What a failed action outside a form (a confirmed delete, a load, a click in a list) says: a
 * sentence, then the reason for each field it names, and the reference to quote when reporting it.
 */
export interface ActionFailure {
  message: string;
  reasons: string[];
  reference: string | null;
}

/** A failed action in words, or null when nothing failed. There is no form to name a refused field: its path is put into words. */
export function actionFailure(error: unknown): ActionFailure | null {
  if (!(error instanceof Error)) return null;
  const reference = failureReference(error);
  if (!(error instanceof ApiError) || error.fields.length === 0) return { message: failureInWords(error), reasons: [], reference };
  return {
    message: statusInWords(error.status),
    reasons: place(error, NO_FIELDS).unshown.map((p) => `${fieldInWords(p.field)}: ${p.reason}`),
    reference,
  };
}

/** The API client: JSON in and out, the CSRF token on writes, problems turned into errors. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** The server's id for the request, which a user quotes when reporting it; the server logs it with each failure on its side. */
    readonly requestId: string | null = null,
    /** The problem as the server sent it, with the members some refusals add (a sign-in's waiting invitations). */
    readonly problem: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

interface Problem extends Record<string, unknown> {
  code?: string;
  detail?: string;
  errors?: FieldProblem[];
  requestId?: string;
}

/** The problem+json of a refusal; an answer that is not JSON (a proxy's error page) names no problem. */
function problemOf(text: string): Problem {
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Problem) : {};
  } catch {
    return {};
  }
}

/**
 * The error for an answer that was not ok. It keeps the status and the request id even when the
 * answer came from something between the browser and Rapport, so it is told in words (a 502 is the
 * server's failure, not a JSON syntax error) and can still be quoted if a proxy passed the id on.
 */
export async function problemError(response: Response): Promise<ApiError> {
  const problem = problemOf(await response.text());
  return new ApiError(
    response.status,
    problem.code ?? 'error',
    problem.detail ?? response.statusText,
    problem.errors ?? [],
    problem.requestId ?? response.headers.get('x-request-id'),
    problem,
  );
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export interface ApiInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    signal: init.signal,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw await problemError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds a query string, repeating array values and skipping empty ones. */
export type QueryParams = Record<string, string | number | boolean | string[] | undefined | null>;

export function query(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

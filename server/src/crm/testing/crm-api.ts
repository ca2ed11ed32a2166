/**
 * The CRM's HTTP API as its route tests call it, through the worker's shared test app: requests as a
 * workspace's owner (or with the headers given), and an import run the whole way, from the uploaded
 * file to the report.
 */
import { expect } from 'vitest';
import { json, testApp, type TestWorkspace } from '../../platform/testing/test-app.js';

type Headers = Record<string, string>;

/** POSTs to `/api/v1${url}`, expects a success, and returns the body. */
export async function post<T = { id: string }>(ws: TestWorkspace, url: string, payload: object, headers: Headers = ws.owner.headers) {
  const { app } = await testApp();
  const response = await app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return json<T>(response);
}

export async function get(ws: TestWorkspace, url: string, headers: Headers = ws.owner.headers) {
  const { app } = await testApp();
  return app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
}

export interface ImportDraft {
  id: string;
  format: string;
  total: number;
  columns: string[];
  sample: string[][];
  suggestedMapping: Record<string, string | null>;
}

export interface ImportReport {
  status: string;
  total: number;
  imported: number;
  rejected: number;
  companiesCreated: number;
  errors: { row: number; field: string; reason: string }[];
}

/** Uploads a file, starts its import with the suggested mapping (or `mapping`) and runs the job. */
export async function importFile(
  ws: TestWorkspace,
  file: { format: string; fileName: string; content: string },
  options: { allowPartial?: boolean; mapping?: Record<string, string | null> } = {},
): Promise<{ draft: ImportDraft; report: ImportReport }> {
  const draft = await post<ImportDraft>(ws, '/imports', file);
  await post(ws, `/imports/${draft.id}/start`, {
    allowPartial: options.allowPartial ?? false,
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  await (await testApp()).jobs.runDue();
  return { draft, report: json<ImportReport>(await get(ws, `/imports/${draft.id}`)) };
}

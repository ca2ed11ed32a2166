import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionFailure, CONNECTION_LOST } from '../ui/form-problems';
import { api, ApiError, problemError } from './api';

const REQUEST_ID = '7d0f3c52-96a4-4d8e-9f0b-1c2a3b4c5d6e';

function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

afterEach(() => vi.unstubAllGlobals());

describe('a refusal from the server', () => {
  it('keeps the problem’s request id, to be quoted when reporting it', async () => {
    const error = await problemError(
      problem(400, {
        code: 'validation_failed',
        detail: 'contactId is not a contact of this workspace',
        requestId: REQUEST_ID,
        errors: [{ field: 'contactId', reason: 'is not a contact of this workspace' }],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.requestId).toBe(REQUEST_ID);
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual([{ field: 'contactId', reason: 'is not a contact of this workspace' }]);
  });

  it('takes the id from the x-request-id header when the body names none', async () => {
    const error = await problemError(problem(409, { code: 'conflict', detail: 'It changed' }, { 'x-request-id': REQUEST_ID }));
    expect(error.requestId).toBe(REQUEST_ID);
    expect((await problemError(problem(409, { code: 'conflict' }))).requestId).toBeNull();
  });

  it('tells a proxy’s error page by its status, in words, with the id the proxy passed on', async () => {
    const page = new Response('<html><body>502 Bad Gateway</body></html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'content-type': 'text/html', 'x-request-id': REQUEST_ID },
    });
    const error = await problemError(page);
    expect(error.status).toBe(502);
    expect(actionFailure(error)).toEqual({
      message: 'Something went wrong on the server. Try again in a moment.',
      reasons: [],
      reference: REQUEST_ID,
    });
  });
});

describe('the API client', () => {
  it('throws the server’s 500 with its request id, in the server’s words', async () => {
    const detail = 'Something went wrong on our side. Quote the request id when reporting it.';
    vi.stubGlobal('fetch', () => Promise.resolve(problem(500, { code: 'internal', detail, requestId: REQUEST_ID })));
    const error = await api('/contacts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(actionFailure(error)).toEqual({ message: detail, reasons: [], reference: REQUEST_ID });
  });

  it('throws a status error, not a JSON syntax error, for an answer that is not JSON', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('upstream timed out', { status: 504, statusText: 'Gateway Timeout' })));
    const error = await api('/contacts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(504);
  });

  it('lets a fetch that got no answer be told as a lost connection, with no reference', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await api('/contacts').catch((e: unknown) => e);
    expect(actionFailure(error)).toEqual({ message: CONNECTION_LOST, reasons: [], reference: null });
  });
});

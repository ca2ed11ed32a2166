import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, buildTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('HTTP platform', () => {
  it('answers health, readiness and Prometheus metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready' });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('rapport_http_requests_total');
    expect(metrics.body).toContain('rapport_process_resident_memory_bytes');
  });

  it('renders unknown routes and unexpected errors as problem+json without internals', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');

    const built = await buildTestApp();
    built.app.get('/boom', { config: { guard: 'public' } }, async () => {
      throw new Error('secret internal detail: password=hunter2');
    });
    const boom = await built.app.inject({ method: 'GET', url: '/boom' });
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('hunter2');
    expect(JSON.parse(boom.body)).toMatchObject({ code: 'internal', status: 500 });
    expect(JSON.parse(boom.body).requestId).toBeTruthy();
    await built.close();
  });

  it('rejects a non-JSON content type on JSON routes', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect(response.statusCode).toBe(415);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { enqueueJobs } from '../jobs/job.js';
import { testApp, buildTestApp, buildWorkspace, type TestApp } from '../testing/test-app.js';

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

  it("reports the job queue's backlog by job name", async () => {
    const queued = (body: string, name: string, state: string) =>
      Number(new RegExp(`^rapport_jobs_queued\\{name="${name}",state="${state}"\\} (\\S+)$`, 'm').exec(body)?.[1] ?? 0);
    const before = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    await enqueueJobs(t.db, { name: 'metrics.probe', payload: Type.Object({}) }, [
      { payload: {}, options: { runAt: new Date(Date.now() - 60_000) } },
      { payload: {}, options: { runAt: new Date(Date.now() - 1_000) } },
      { payload: {}, options: { runAt: new Date(Date.now() + 3_600_000) } },
    ]);
    const after = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    await t.db.query(`DELETE FROM jobs WHERE name = 'metrics.probe'`);
    expect(queued(before, 'metrics.probe', 'due')).toBe(0);
    expect(queued(after, 'metrics.probe', 'due')).toBe(2);
    expect(queued(after, 'metrics.probe', 'scheduled')).toBe(1);
    const oldest = Number(/^rapport_jobs_oldest_due_seconds\{name="metrics.probe"\} (\S+)$/m.exec(after)?.[1]);
    expect(oldest).toBeGreaterThanOrEqual(59);
    expect(oldest).toBeLessThan(600);
  });

  it('renders unknown routes and unexpected errors as problem+json without internals', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(missing.body)).toMatchObject({ type: 'https://rapport.dev/problems/route_not_found', code: 'route_not_found' });

    const built = await buildTestApp();
    built.app.get('/boom', { config: { guard: 'public' } }, async () => {
      throw new Error('secret internal detail: password=hunter2');
    });
    const boom = await built.app.inject({ method: 'GET', url: '/boom' });
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('hunter2');
    expect(JSON.parse(boom.body)).toMatchObject({ type: 'https://rapport.dev/problems/internal', code: 'internal', status: 500 });
    expect(JSON.parse(boom.body).requestId).toBeTruthy();
    await built.close();
  });

  it('refuses a JSON body whose text holds half a surrogate pair or a NUL, naming the field, and keeps refusing prototype poisoning', async () => {
    const built = await buildTestApp();
    built.app.post('/echo', { config: { guard: 'public' } }, async (request) => request.body);
    const post = (payload: string) =>
      built.app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json; charset=utf-8' }, payload });
    const lone = await post('{"name":"ok","emails":[{"label":"work \\ud83d"}]}');
    expect(lone.statusCode, lone.body).toBe(400);
    expect(JSON.parse(lone.body)).toMatchObject({ code: 'validation_failed', errors: [{ field: 'emails.0.label' }] });
    expect(JSON.parse((await post('{"\\udc00":1}')).body)).toMatchObject({ errors: [{ field: '\udc00' }] });
    // A whole pair written as escapes is an emoji, and a backslash before "ud83d" is only a backslash.
    const pair = await post('{"name":"smile \\ud83d\\ude00","path":"C:\\\\ud83d"}');
    expect(pair.statusCode, pair.body).toBe(200);
    expect(JSON.parse(pair.body)).toEqual({ name: 'smile 😀', path: 'C:\\ud83d' });
    const nul = await post('{"name":"ok","custom":{"note":"a\\u0000b"}}');
    expect(nul.statusCode, nul.body).toBe(400);
    expect(JSON.parse(nul.body)).toMatchObject({ errors: [{ field: 'custom.note', reason: expect.stringContaining('NUL') }] });
    expect((await post('{"path":"C:\\\\u0000"}')).statusCode).toBe(200);
    expect((await post('{"__proto__":{"admin":true}}')).statusCode).toBe(400);
    expect((await post('{"a":')).statusCode).toBe(400);
    await built.close();
  });

  it('checks a body nested as deep as its size allows without running out of stack', async () => {
    const built = await buildTestApp();
    built.app.post('/echo', { config: { guard: 'public' } }, async () => ({ ok: true }));
    const nested = (inner: string) =>
      built.app.inject({
        method: 'POST',
        url: '/echo',
        headers: { 'content-type': 'application/json' },
        payload: '['.repeat(100_000) + inner + ']'.repeat(100_000),
      });
    const field = Array.from({ length: 100_000 }, () => '0').join('.');
    for (const inner of ['"\\ud83d"', '"a\\u0000"', '{"__proto__":{}}']) {
      const refused = await nested(inner);
      expect(refused.statusCode, inner).toBe(400);
      expect(JSON.parse(refused.body).errors[0].field.startsWith(field), inner).toBe(true);
    }
    expect((await nested('"\\u0041"')).statusCode).toBe(200);
    await built.close();
  });

  it('refuses a __proto__ key or a constructor.prototype pair as a validation problem naming the field', async () => {
    const built = await buildTestApp();
    built.app.post('/echo', { config: { guard: 'public' } }, async (request) => request.body);
    const post = (payload: string) =>
      built.app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload });
    for (const [payload, field] of [
      ['{"__proto__":{"x":1}}', '__proto__'],
      ['{"name":"ok","custom":{"\\u005f_proto__":{"admin":true}}}', 'custom.__proto__'],
      ['{"constructor":{"prototype":{"x":1}}}', 'constructor.prototype'],
      ['{"emails":[{"constructor":{"prototype":null}}]}', 'emails.0.constructor.prototype'],
    ] as const) {
      const refused = await post(payload);
      expect(refused.statusCode, payload).toBe(400);
      expect(JSON.parse(refused.body), payload).toMatchObject({
        type: 'https://rapport.dev/problems/validation_failed',
        code: 'validation_failed',
        detail: expect.stringContaining(field),
        errors: [{ field, reason: expect.stringContaining('inherits') }],
      });
    }
    for (const payload of ['{"constructor":"Ada","prototype":1}', '{"note":"__proto__ and constructor.prototype are words"}']) {
      expect((await post(payload)).statusCode, payload).toBe(200);
    }
    await built.close();
  });

  it("answers Fastify's own refusals with stable codes and details that say what to send", async () => {
    const built = await buildTestApp({ RAPPORT_MAX_BODY_BYTES: '2048' });
    built.app.post('/echo', { config: { guard: 'public' } }, async (request) => request.body);
    const post = (payload: string, contentType?: string) =>
      built.app.inject({ method: 'POST', url: '/echo', headers: contentType ? { 'content-type': contentType } : {}, payload });
    const problems = {
      malformed: await post('{"name": "Ada",', 'application/json'),
      tooLarge: await post(JSON.stringify({ name: 'x'.repeat(3000) }), 'application/json'),
      text: await post('{"name":"Ada"}', 'text/plain; charset=utf-8'),
      untyped: await post('{"name":"Ada"}'),
    };
    expect(Object.values(problems).map((p) => p.statusCode)).toEqual([400, 413, 415, 415]);
    for (const problem of Object.values(problems)) {
      expect(problem.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problem.body).not.toMatch(/fst_|FST_/);
    }
    expect(JSON.parse(problems.malformed.body)).toMatchObject({
      type: 'https://rapport.dev/problems/malformed_json',
      code: 'malformed_json',
      detail: expect.stringMatching(/^The body is not valid JSON: \S/),
    });
    expect(JSON.parse(problems.tooLarge.body)).toMatchObject({
      type: 'https://rapport.dev/problems/body_too_large',
      code: 'body_too_large',
      detail: expect.stringContaining('2,048 bytes'),
    });
    expect(JSON.parse(problems.text.body)).toMatchObject({
      type: 'https://rapport.dev/problems/unsupported_media_type',
      code: 'unsupported_media_type',
      detail: 'The body must be JSON sent as application/json, not text/plain',
    });
    expect(JSON.parse(problems.untyped.body)).toMatchObject({
      code: 'unsupported_media_type',
      detail: expect.stringContaining('no Content-Type'),
    });
    await built.close();
  });

  it('answers a method an API path does not take with 405 and the methods it takes', async () => {
    const ws = await buildWorkspace(t.db);
    for (const method of ['PUT', 'OPTIONS'] as const) {
      const wrong = await t.app.inject({ method, url: '/api/v1/contacts?limit=5', headers: ws.owner.headers });
      expect(wrong.statusCode, method).toBe(405);
      expect(wrong.headers.allow).toBe('GET, HEAD, POST');
      expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(wrong.body)).toMatchObject({
        type: 'https://rapport.dev/problems/method_not_allowed',
        title: 'Method Not Allowed',
        status: 405,
        code: 'method_not_allowed',
        detail: `/api/v1/contacts does not take ${method}, only GET, HEAD, POST`,
      });
    }
    const one = await t.app.inject({ method: 'POST', url: `/api/v1/contacts/${crypto.randomUUID()}`, headers: ws.owner.headers });
    expect(one.statusCode).toBe(405);
    expect(one.headers.allow).toBe('GET, HEAD, PATCH, DELETE');
    const nowhere = await t.app.inject({ method: 'PUT', url: '/api/v1/nothing-here', headers: ws.owner.headers });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.headers.allow).toBeUndefined();
    const undecodable = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/contacts/%ED%A0%80' });
    expect(JSON.parse(undecodable.body)).toMatchObject({ status: 400, code: 'bad_url', type: 'https://rapport.dev/problems/bad_url' });
  });

  it('takes an empty body sent as JSON as no body: a DELETE goes through, a create is told it needs one', async () => {
    const ws = await buildWorkspace(t.db);
    const headers = { ...ws.owner.headers, 'content-type': 'application/json' };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers, payload: { firstName: 'Ann' } });
    expect(created.statusCode, created.body).toBe(201);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${JSON.parse(created.body).id}`, headers });
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers, payload: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(empty.body)).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'body' })] });
  });

  it('refuses a NUL in a query string or path parameter, naming it, before any handler runs', async () => {
    const built = await buildTestApp();
    let reached = 0;
    built.app.get('/echo/:name', { config: { guard: 'public' } }, async () => ++reached);
    const query = await built.app.inject({ method: 'GET', url: '/echo/ok?tag=vip&q=a%00b' });
    expect(query.statusCode, query.body).toBe(400);
    expect(JSON.parse(query.body)).toMatchObject({ code: 'validation_failed', errors: [{ field: 'querystring.q' }] });
    const param = await built.app.inject({ method: 'GET', url: '/echo/a%00' });
    expect(JSON.parse(param.body)).toMatchObject({ errors: [{ field: 'params.name' }] });
    expect(reached).toBe(0);
    expect((await built.app.inject({ method: 'GET', url: '/echo/ok?q=100%25' })).statusCode).toBe(200);
    await built.close();
    const ws = await buildWorkspace(t.db);
    const tagged = await t.app.inject({ method: 'GET', url: '/api/v1/contacts?tag=vip%00', headers: ws.owner.headers });
    expect(tagged.statusCode, tagged.body).toBe(400);
  });

  it('rejects a non-JSON content type on JSON routes', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect(response.statusCode).toBe(415);
    const ws = await buildWorkspace(t.db);
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { ...ws.owner.headers, 'content-type': 'text/plain' },
      payload: '{"firstName":"Plain"}',
    });
    expect(text.statusCode).toBe(415);
    expect(text.headers['content-type']).toContain('application/problem+json');
  });
});

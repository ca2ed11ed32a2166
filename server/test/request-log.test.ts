/** The server's log finds every failed or refused request by the id the web app shows as its reference. */
import { beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { modules } from '../src/modules.js';
import { buildWorkspace, testApp, testConfig, type TestApp } from '../src/platform/testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('request log', () => {
  it('logs a refused request by its id, method, route and status, leaving out what its query string said', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const built = await buildApp({ config: testConfig(), db: t.db, log, modules, webDir: null });
    const workspace = await buildWorkspace(t.db);
    const refused = await built.app.inject({ url: '/api/v1/contacts?limit=nope&q=private-words', headers: workspace.owner.headers });
    await built.close();
    expect(refused.statusCode).toBe(400);
    const { requestId } = refused.json<{ requestId: string }>();
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((entry) => entry.reqId === requestId)).toMatchObject({
      level: 30,
      msg: 'request refused',
      method: 'GET',
      route: '/api/v1/contacts',
      status: 400,
    });
    expect(lines.join('')).not.toContain('private-words');
  });
});

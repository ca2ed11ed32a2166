/** Security headers across everything the server answers: the API, the web app's files and pages, the API reference. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Built } from '../src/app.js';
import { modules } from '../src/modules.js';
import { createLogger } from '../src/platform/observability/logger.js';
import { removeTempDirs, tempDir } from '../src/platform/testing/temp-dirs.js';
import { buildWorkspace, testApp, testConfig, type TestApp } from '../src/platform/testing/test-app.js';

let t: TestApp;
let withWebApp: Built;
beforeAll(async () => {
  t = await testApp();
  const webDir = tempDir('rapport-web-');
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Rapport</title><script src="/app.js"></script>');
  writeFileSync(path.join(webDir, 'app.js'), 'document.title = "Rapport";');
  withWebApp = await buildApp({ config: testConfig(), db: t.db, log: createLogger('silent'), modules, webDir });
});
afterAll(async () => {
  await withWebApp.close();
  removeTempDirs();
});

const FRAMING_REFUSED = { 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'" };

describe('security headers', () => {
  it('tell the browser never to guess a content type, on every answer', async () => {
    const ws = await buildWorkspace(t.db);
    const answers = [
      await t.app.inject({ url: '/api/v1/contacts', headers: ws.owner.headers }),
      await t.app.inject({ url: '/api/v1/contacts' }),
      await t.app.inject({ url: '/api/v1/nothing-here' }),
      await t.app.inject({ url: '/api/v1/contacts/%ED%A0%80' }),
      await t.app.inject({ url: '/metrics' }),
      await withWebApp.app.inject({ url: '/app.js' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400, 200, 200]);
    for (const [i, answer] of answers.entries()) expect(answer.headers['x-content-type-options'], String(i)).toBe('nosniff');
    // Framing and referrers are a page's business: an API answer is no page.
    expect(answers[0]!.headers['x-frame-options']).toBeUndefined();
  });

  it("keep the web app's pages and the API reference out of other sites' frames, and their addresses to Rapport", async () => {
    for (const url of ['/', '/contacts/0b4f1a52-0000-4000-8000-000000000000?q=ada', '/api/docs/']) {
      const page = await withWebApp.app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.headers, url).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        ...FRAMING_REFUSED,
      });
    }
  });

  it("leave the web app's catch-all out of an API path's methods", async () => {
    const ws = await buildWorkspace(t.db);
    const nowhere = await withWebApp.app.inject({ method: 'PUT', url: '/api/v1/nothing-here', headers: ws.owner.headers });
    expect(nowhere.statusCode).toBe(404);
    const wrong = await withWebApp.app.inject({ method: 'PUT', url: '/api/v1/contacts', headers: ws.owner.headers });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD, POST');
  });
});

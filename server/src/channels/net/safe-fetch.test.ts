import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector.js';
import { safeFetch } from './safe-fetch.js';

let server: Server;
let port: number;
const open = { allowPrivateNetwork: true };
const strict = { allowPrivateNetwork: false };

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/hello') return response.end('hi');
    if (request.url === '/big') return response.end('x'.repeat(5000));
    if (request.url === '/slow') return void setTimeout(() => response.end('late'), 2000);
    if (request.url === '/to-hello') return response.writeHead(302, { location: '/hello' }).end();
    if (request.url === '/to-ftp') return response.writeHead(302, { location: 'ftp://example.org/x' }).end();
    if (request.url === '/loop') return response.writeHead(302, { location: '/loop' }).end();
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

describe('safe fetch', () => {
  it('refuses loopback addresses, by literal, by name and as IPv4-mapped IPv6, unless allowed', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::ffff:127.0.0.1]:${port}`, `[::1]:${port}`]) {
      const error = await failure(safeFetch(`http://${host}/hello`, strict));
      expect(error.code, host).toBe('ssrf_refused');
    }
    const allowed = await safeFetch(`http://127.0.0.1:${port}/hello`, open);
    expect(allowed.status).toBe(200);
    expect(allowed.body.toString()).toBe('hi');
  });

  it('refuses other schemes, also when a redirect leads to one', async () => {
    expect((await failure(safeFetch('file:///etc/passwd', open))).code).toBe('ssrf_refused');
    expect((await failure(safeFetch(`http://127.0.0.1:${port}/to-ftp`, open))).code).toBe('ssrf_refused');
  });

  it('follows a bounded number of redirects', async () => {
    const followed = await safeFetch(`http://127.0.0.1:${port}/to-hello`, open);
    expect(followed.body.toString()).toBe('hi');
    expect(followed.url).toBe(`http://127.0.0.1:${port}/hello`);
    expect((await failure(safeFetch(`http://127.0.0.1:${port}/loop`, open))).message).toMatch(/redirects/);
  });

  it('caps the body size and the time taken', async () => {
    const big = await failure(safeFetch(`http://127.0.0.1:${port}/big`, open, { maxBytes: 1000 }));
    expect(big.code).toBe('too_large');
    const slow = await failure(safeFetch(`http://127.0.0.1:${port}/slow`, open, { timeoutMs: 200 }));
    expect(slow.code).toBe('timeout');
    expect(slow.transient).toBe(true);
  });
});

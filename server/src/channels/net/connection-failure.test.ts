import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { mastodonConnector } from '../connectors/mastodon/mastodon.connector.js';
import { connectionProblem } from './connection-failure.js';
import { safeFetch } from './safe-fetch.js';

const ALLOW_PRIVATE = { allowPrivateNetwork: true };

/** A port nothing listens on: one just opened and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('connection failures in words', () => {
  it('says an unknown host is no such host, as "Test connection" shows it', async () => {
    const channel = {
      id: 'c',
      workspaceId: 'w',
      kind: 'mastodon' as const,
      name: 'Mastodon',
      config: { instanceUrl: 'https://mastodon.example.invalid', sources: ['notifications' as const] },
      credentials: { accessToken: 'token' },
      net: { allowPrivateNetwork: false },
    };
    const failure = await mastodonConnector.test(channel).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'network', message: 'no such host: mastodon.example.invalid' });
  });

  it('says a refused connection is refused, without the system code', async () => {
    const port = await closedPort();
    const failure = await safeFetch(`http://127.0.0.1:${port}/`, ALLOW_PRIVATE).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'network' });
    expect((failure as Error).message).toBe(`connection refused by 127.0.0.1:${port}: nothing accepts connections on that port`);
  });

  it('names timeouts and TLS trouble, also when a library keeps the code only in its message', () => {
    const wrapped = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    expect(connectionProblem('a.example', wrapped('UND_ERR_CONNECT_TIMEOUT'), 15_000).reason).toBe(
      'timed out after 15 s waiting for a.example',
    );
    expect(connectionProblem('a.example', wrapped('CERT_HAS_EXPIRED')).reason).toBe(
      'could not connect securely to a.example: its TLS certificate has expired',
    );
    const nodemailer = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:25'), { code: 'ESOCKET' });
    expect(connectionProblem('smtp.example', nodemailer).reason).toMatch(/^connection refused by smtp\.example/);
    expect(connectionProblem('a.example', new Error('something else')).reason).toBe('could not reach a.example');
  });
});

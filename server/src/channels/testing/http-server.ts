/**
 * A real HTTP server on 127.0.0.1 for connector tests: serves feeds with ETag/Last-Modified (and
 * answers conditional requests with 304), and records every request it gets, bodies included.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Route {
  status?: number;
  contentType?: string;
  body: string | Buffer;
  /** Serve ETag and Last-Modified and honour If-None-Match / If-Modified-Since. */
  conditional?: boolean;
}

export interface TestHttpServer {
  url: string;
  requests: RecordedRequest[];
  /** Sets (or replaces) what a path answers. */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

const LAST_MODIFIED = 'Tue, 01 Dec 2026 10:00:00 GMT';

export async function startTestHttpServer(): Promise<TestHttpServer> {
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const route = routes.get((request.url ?? '/').split('?')[0]!);
      if (!route) return response.writeHead(404).end('not found');
      const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/octet-stream' };
      if (route.conditional) {
        const etag = `"${createHash('sha256').update(route.body).digest('hex').slice(0, 16)}"`;
        headers.etag = etag;
        headers['last-modified'] = LAST_MODIFIED;
        // As RFC 9110 says, If-None-Match, when sent, decides alone.
        const ifNoneMatch = request.headers['if-none-match'];
        if (ifNoneMatch !== undefined ? ifNoneMatch === etag : request.headers['if-modified-since'] === LAST_MODIFIED) {
          return response.writeHead(304, headers).end();
        }
      }
      response.writeHead(route.status ?? 200, headers).end(route.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (path, route) => void routes.set(path, route),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

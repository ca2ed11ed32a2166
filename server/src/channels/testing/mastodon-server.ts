/**
 * A local stand-in for a Mastodon instance, for the connector's tests: the REST endpoints the
 * connector calls, answering with entities built from the recorded payloads in
 * test/fixtures/corpora/mastodon (their shape exactly; ids, text and times set per test), with
 * Mastodon's paging rules (newest first; `min_id` returns the page right after it), and its
 * instance documents (see mastodon-instance.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { corpusFile } from './corpora.js';
import { instanceAnswer, type InstanceSeed } from './mastodon-instance.js';

type Json = Record<string, unknown>;

const STATUS = JSON.parse(corpusFile('mastodon', 'mastodonkit__StatusWithoutNull.json').toString('utf8')) as Json;
const ACCOUNT = JSON.parse(corpusFile('mastodon', 'tootsdk__account_mastodon_official.json').toString('utf8')) as Json;

export interface StatusSeed {
  id: string;
  text: string;
  inReplyToId?: string;
  acct?: string;
  createdAt?: string;
}

export interface MastodonTestServer {
  url: string;
  token: string;
  /** Adds a status to the home timeline (and, when `mention`, as a mention notification). */
  addStatus(seed: StatusSeed, options?: { mention?: boolean }): void;
  /** Statuses the connector posted. */
  posted: { body: Json; idempotencyKey: string | undefined }[];
  /** Every request's path and query, in order. */
  requests: string[];
  /** Open streaming connections (`/api/v1/streaming/…`), by path and query. */
  streams(): string[];
  /** Sends a server-sent event to every open streaming connection. */
  push(event: string, data: unknown): void;
  /** What the instance says of itself from now on; at first Mastodon 4 with its default 500 characters. */
  setInstance(seed: InstanceSeed): void;
  close(): Promise<void>;
}

function status(seed: StatusSeed): Json {
  const account = { ...(STATUS.account as Json), id: `acct-${seed.acct ?? 'ana'}`, username: seed.acct ?? 'ana', acct: seed.acct ?? 'ana' };
  return {
    ...STATUS,
    id: seed.id,
    content: `<p>${seed.text}</p>`,
    spoiler_text: '',
    in_reply_to_id: seed.inReplyToId ?? null,
    in_reply_to_account_id: seed.inReplyToId ? 'acct-owner' : null,
    created_at: seed.createdAt ?? new Date(Date.UTC(2026, 11, 1, 10, 0, Number(seed.id) % 60)).toISOString(),
    uri: `https://mastodon.test/users/${seed.acct ?? 'ana'}/statuses/${seed.id}`,
    url: `https://mastodon.test/@${seed.acct ?? 'ana'}/${seed.id}`,
    account,
  };
}

function byIdDescending(a: Json, b: Json): number {
  const x = String(a.id);
  const y = String(b.id);
  return x.length !== y.length ? y.length - x.length : y.localeCompare(x);
}

function isNewer(id: string, than: string): boolean {
  return id.length !== than.length ? id.length > than.length : id > than;
}

/** Mastodon's paging: with min_id, the `limit` entries right after it; without, the newest. */
function page(items: Json[], query: URLSearchParams): Json[] {
  const limit = Number(query.get('limit') ?? 20);
  const minId = query.get('min_id');
  const sorted = [...items].sort(byIdDescending);
  if (!minId) return sorted.slice(0, limit);
  const after = sorted.filter((item) => isNewer(String(item.id), minId));
  return after.slice(Math.max(0, after.length - limit));
}

async function body(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Json;
}

export async function startMastodonServer(): Promise<MastodonTestServer> {
  const token = 'test-access-token';
  const home: Json[] = [];
  const notifications: Json[] = [];
  const posted: MastodonTestServer['posted'] = [];
  const requests: string[] = [];
  let nextId = 900_000;
  const streaming = new Map<ServerResponse, string>();
  let instance: InstanceSeed = { api: 'v2' };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      requests.push(url.pathname + url.search);
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      // The instance documents are public, as on Mastodon.
      const version = /^\/api\/(v1|v2)\/instance$/.exec(url.pathname)?.[1] as 'v1' | 'v2' | undefined;
      if (version) {
        const answer = instanceAnswer(instance, version, ACCOUNT);
        return send(answer.status, answer.body);
      }
      if (request.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'The access token is invalid' });
      if (url.pathname === '/api/v1/accounts/verify_credentials') return send(200, ACCOUNT);
      if (url.pathname.startsWith('/api/v1/streaming/')) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        response.write(':)\n\n');
        streaming.set(response, url.pathname + url.search);
        request.on('close', () => streaming.delete(response));
        return;
      }
      if (url.pathname === '/api/v1/timelines/home') return send(200, page(home, url.searchParams));
      if (url.pathname === '/api/v1/notifications') return send(200, page(notifications, url.searchParams));
      if (url.pathname === '/api/v1/statuses' && request.method === 'POST') {
        const payload = await body(request);
        posted.push({ body: payload, idempotencyKey: request.headers['idempotency-key'] as string | undefined });
        return send(
          200,
          status({ id: String(nextId++), text: String(payload.status), acct: 'owner', inReplyToId: payload.in_reply_to_id as string }),
        );
      }
      send(404, { error: 'Record not found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    posted,
    requests,
    addStatus(seed, options) {
      const entity = status(seed);
      home.push(entity);
      if (options?.mention)
        notifications.push({ id: seed.id, type: 'mention', created_at: entity.created_at, account: entity.account, status: entity });
    },
    streams: () => [...streaming.values()],
    setInstance(seed) {
      instance = seed;
    },
    push(event, data) {
      for (const response of streaming.keys()) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

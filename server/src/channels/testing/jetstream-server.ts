/**
 * A local stand-in for Bluesky, for the connector's tests: a Jetstream `/subscribe` WebSocket that
 * serves the recorded events of test/fixtures/corpora/bluesky (the Jetstream golden events, and the
 * indigo capture's post records as the create commits they were) with Jetstream's filters
 * (wantedCollections, wantedDids) and cursor replay; and the XRPC endpoints a channel calls on its
 * PDS (createSession, getPosts, getRecord, createRecord), answering in the lexicons' shapes.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { corpusFile } from './corpora.js';

type Json = Record<string, unknown>;

const GOLDEN: Json[] = corpusFile('bluesky', 'jetstream__subscribe__testdata__golden_v1.jsonl')
  .toString('utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Json);
const CAPTURE = JSON.parse(corpusFile('bluesky', 'indigo__automod__capture__testdata__capture_atprotocom.json').toString('utf8')) as {
  postRecords: { uri: string; cid: string; value: Json }[];
};
/** The recorded post commit every built event is shaped after. */
const POST_EVENT = GOLDEN.find((e) => (e.commit as Json | undefined)?.collection === 'app.bsky.feed.post')!;

export const CAPTURE_DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';

export interface PostSeed {
  did: string;
  rkey: string;
  text: string;
  timeUs: number;
  /** A reply: the parent's and root's at:// URIs (their CIDs are looked up among known posts). */
  reply?: { parent: string; root: string };
}

export interface JetstreamTestServer {
  /** The XRPC base (serviceUrl). */
  url: string;
  /** ws://…/subscribe */
  jetstreamUrl: string;
  handle: string;
  did: string;
  appPassword: string;
  /** Every event the server knows, oldest first; cursor replays read it. */
  history: Json[];
  /** The query of each subscription, in order. */
  subscriptions: URLSearchParams[];
  /** Records written through createRecord. */
  created: Json[];
  /** Paths (with query) of XRPC calls, in order. */
  calls: string[];
  /** Adds events to the history and sends them to the subscribers that want them. */
  publish(...events: Json[]): void;
  /** Bytes queued on the server for subscribers that are not reading. */
  bufferedAmount(): number;
  openConnections(): number;
  /** Drops every subscriber, as Jetstream does on a restart. */
  disconnectAll(): void;
  /** Makes every issued access token expired, as a PDS does after two hours. */
  expireSessions(): void;
  close(): Promise<void>;
}

/** A post create commit, in the recorded event's shape with the seed's values. */
export function postEvent(seed: PostSeed, cid = cidOf(seed)): Json {
  const commit = POST_EVENT.commit as Json;
  const record: Json = { ...(commit.record as Json), text: seed.text, createdAt: new Date(seed.timeUs / 1000).toISOString() };
  if (seed.reply)
    record.reply = {
      parent: { uri: seed.reply.parent, cid: cidOf(seed.reply.parent) },
      root: { uri: seed.reply.root, cid: cidOf(seed.reply.root) },
    };
  else delete record.reply;
  return { ...POST_EVENT, did: seed.did, time_us: seed.timeUs, commit: { ...commit, rkey: seed.rkey, record, cid } };
}

/** The recorded like, by `did` at `timeUs`: an event of another collection. */
export function likeEvent(did: string, timeUs: number): Json {
  return { ...GOLDEN[0]!, did, time_us: timeUs };
}

function cidOf(seed: unknown): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const hash = createHash('sha256').update(JSON.stringify(seed)).digest();
  let out = 'bafyrei';
  for (const byte of hash) out += alphabet[byte & 31];
  return out;
}

function base64url(value: Json): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The capture's posts as the create commits Jetstream sent for them. */
function captureEvents(): Json[] {
  return CAPTURE.postRecords.map((post) => {
    const rkey = post.uri.split('/').at(-1)!;
    const timeUs = Date.parse(String(post.value.createdAt)) * 1000;
    return {
      did: CAPTURE_DID,
      time_us: timeUs,
      kind: 'commit',
      commit: { rev: rkey, operation: 'create', collection: 'app.bsky.feed.post', rkey, record: post.value, cid: post.cid },
    };
  });
}

function wanted(event: Json, query: URLSearchParams): boolean {
  const dids = query.getAll('wantedDids');
  if (dids.length && !dids.includes(String(event.did))) return false;
  const collections = query.getAll('wantedCollections');
  const collection = (event.commit as Json | undefined)?.collection;
  return event.kind !== 'commit' || collections.length === 0 || collections.includes(String(collection));
}

async function body(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Json;
}

export async function startJetstreamServer(): Promise<JetstreamTestServer> {
  const handle = 'rapport-support.bsky.social';
  const did = 'did:plc:rapportsupport0000000000';
  const appPassword = 'abcd-efgh-ijkl-mnop';
  const history: Json[] = [...GOLDEN, ...captureEvents()].sort((a, b) => Number(a.time_us) - Number(b.time_us));
  const subscribers = new Map<WebSocket, URLSearchParams>();
  const subscriptions: URLSearchParams[] = [];
  const created: Json[] = [];
  const calls: string[] = [];
  const tokens = new Set<string>();
  let sessionCount = 0;

  /** Posts by URI, as the AppView would index them from the firehose. */
  const posts = () => {
    const byUri = new Map<string, { uri: string; cid: string; did: string; record: Json }>();
    for (const event of history) {
      const commit = event.commit as Json | undefined;
      if (event.kind !== 'commit' || commit?.collection !== 'app.bsky.feed.post' || commit.operation !== 'create') continue;
      const uri = `at://${String(event.did)}/app.bsky.feed.post/${String(commit.rkey)}`;
      byUri.set(uri, { uri, cid: String(commit.cid), did: String(event.did), record: commit.record as Json });
    }
    for (const record of created) byUri.set(String(record.uri), record as { uri: string; cid: string; did: string; record: Json });
    return byUri;
  };

  const xrpc = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    calls.push(url.pathname + url.search);
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(payload));
    };
    const method = url.pathname.replace(/^\/xrpc\//, '');
    if (method === 'com.atproto.server.createSession' && request.method === 'POST') {
      const input = await body(request);
      if ((input.identifier !== handle && input.identifier !== did) || input.password !== appPassword)
        return send(401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      const now = Math.floor(Date.now() / 1000);
      const accessJwt = [
        base64url({ typ: 'at+jwt', alg: 'ES256K' }),
        base64url({ scope: 'com.atproto.appPass', sub: did, iat: now, exp: now + 7200, aud: 'did:web:pds.test', n: sessionCount++ }),
        'c2lnbmF0dXJl',
      ].join('.');
      tokens.add(accessJwt);
      return send(200, {
        did,
        didDoc: { '@context': ['https://www.w3.org/ns/did/v1'], id: did, alsoKnownAs: [`at://${handle}`] },
        handle,
        email: 'support@rapport.example',
        emailConfirmed: true,
        emailAuthFactor: false,
        accessJwt,
        refreshJwt: 'refresh-' + accessJwt,
        active: true,
      });
    }
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    if (!token) return send(401, { error: 'AuthenticationRequired', message: 'Authentication Required' });
    if (!tokens.has(token)) return send(400, { error: 'ExpiredToken', message: 'Token has expired' });
    if (method === 'app.bsky.feed.getPosts') {
      const known = posts();
      return send(200, {
        posts: url.searchParams.getAll('uris').flatMap((uri) => {
          const post = known.get(uri);
          if (!post) return [];
          return [
            {
              uri: post.uri,
              cid: post.cid,
              author: { did: post.did, handle: post.did === CAPTURE_DID ? 'atproto.com' : 'handle.invalid', labels: [] },
              record: post.record,
              replyCount: 0,
              repostCount: 0,
              likeCount: 0,
              quoteCount: 0,
              indexedAt: new Date().toISOString(),
              labels: [],
            },
          ];
        }),
      });
    }
    if (method === 'com.atproto.repo.getRecord') {
      const uri = `at://${url.searchParams.get('repo')}/${url.searchParams.get('collection')}/${url.searchParams.get('rkey')}`;
      const post = posts().get(uri);
      if (!post) return send(400, { error: 'RecordNotFound', message: `Could not locate record: ${uri}` });
      return send(200, { uri: post.uri, cid: post.cid, value: post.record });
    }
    if (method === 'com.atproto.repo.createRecord' && request.method === 'POST') {
      const input = await body(request);
      if (input.repo !== did) return send(400, { error: 'InvalidRequest', message: 'Input/repo must be the authenticated account' });
      const rkey = typeof input.rkey === 'string' ? input.rkey : `3${Date.now().toString(36)}`;
      const uri = `at://${did}/${String(input.collection)}/${rkey}`;
      if (posts().has(uri)) return send(400, { error: 'InvalidRequest', message: `Record already exists: ${uri}` });
      const cid = cidOf(input);
      created.push({ uri, cid, did, record: input.record as Json, input });
      return send(200, { uri, cid, commit: { cid: cidOf(uri), rev: rkey }, validationStatus: 'valid' });
    }
    send(404, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
  };

  const server: Server = createServer((request, response) => void xrpc(request, response));
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/subscribe') return socket.destroy();
    sockets.handleUpgrade(request, socket, head, (ws) => {
      subscriptions.push(url.searchParams);
      const cursor = url.searchParams.get('cursor');
      if (cursor !== null)
        for (const event of history)
          if (Number(event.time_us) >= Number(cursor) && wanted(event, url.searchParams)) ws.send(JSON.stringify(event));
      subscribers.set(ws, url.searchParams);
      ws.on('close', () => subscribers.delete(ws));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    jetstreamUrl: `ws://127.0.0.1:${port}/subscribe`,
    handle,
    did,
    appPassword,
    history,
    subscriptions,
    created,
    calls,
    publish(...events) {
      for (const event of events) {
        history.push(event);
        for (const [ws, query] of subscribers) if (wanted(event, query)) ws.send(JSON.stringify(event));
      }
    },
    bufferedAmount: () => [...subscribers.keys()].reduce((sum, ws) => sum + ws.bufferedAmount, 0),
    openConnections: () => subscribers.size,
    disconnectAll: () => {
      for (const ws of subscribers.keys()) ws.close(1001, 'going away');
    },
    expireSessions: () => tokens.clear(),
    async close() {
      for (const ws of subscribers.keys()) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * XRPC calls to the channel's PDS, signed in with an app password. Sessions are kept per channel
 * until their access token expires: the network allows only a few dozen sign-ins per account every
 * five minutes, far fewer than a busy inbox sends replies.
 */
import { createHash } from 'node:crypto';
import { ConnectorError, type ConnectorChannel } from '../../connector.js';
import { expectSuccess, safeFetch, type SafeResponse } from '../../net/safe-fetch.js';
import { USER_AGENT } from '../shared.js';

export const DEFAULT_SERVICE_URL = 'https://bsky.social';

export interface XrpcSettings {
  serviceUrl?: string;
  handle: string;
}

export type XrpcChannel = ConnectorChannel<XrpcSettings, { appPassword: string }>;

export interface Session {
  did: string;
  handle: string;
  accessJwt: string;
}

interface Cached {
  session: Session;
  fingerprint: string;
  expiresAt: number;
}

const sessions = new Map<string, Cached>();
/** For a token that does not say when it expires: well inside the two hours Bluesky's last. */
const FALLBACK_LIFETIME_MS = 15 * 60_000;

function url(channel: XrpcChannel, method: string, query: Record<string, string> = {}): string {
  const base = new URL(channel.config.serviceUrl ?? DEFAULT_SERVICE_URL);
  const target = new URL(`xrpc/${method}`, base.href.replace(/\/?$/, '/'));
  for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
  return target.toString();
}

function readBody(response: SafeResponse): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(response.body.toString('utf8'));
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The answer's JSON, or the shared error for a failure, with the XRPC error message kept. */
function json(response: SafeResponse, what: string): Record<string, unknown> {
  const body = readBody(response);
  const detail = body ?? {};
  if (response.status === 400 && (detail.error === 'ExpiredToken' || detail.error === 'InvalidToken'))
    throw new ConnectorError('auth_failed', `${what}: the session is no longer valid`, false, 400);
  if (response.status < 200 || response.status >= 300) {
    try {
      expectSuccess(response, what);
    } catch (error) {
      if (error instanceof ConnectorError && typeof detail.message === 'string')
        throw new ConnectorError(error.code, `${error.message} (${detail.message.slice(0, 200)})`, error.transient, error.status);
      throw error;
    }
  }
  if (!body) throw new ConnectorError('parse_error', `${what} did not answer a JSON object`);
  return body;
}

/** When the token expires, from its own `exp` claim (read, not verified: the PDS verifies it). */
function expiry(jwt: string, now: number): number {
  try {
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    if (typeof claims.exp === 'number') return claims.exp * 1000 - 60_000;
  } catch {
    // An opaque token is fine; it just gets the short lifetime.
  }
  return now + FALLBACK_LIFETIME_MS;
}

/** com.atproto.server.createSession with the handle and app password. */
export async function createSession(channel: XrpcChannel): Promise<Session> {
  if (!channel.credentials) throw new ConnectorError('not_configured', 'The channel has no app password');
  const response = await safeFetch(url(channel, 'com.atproto.server.createSession'), channel.net, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': USER_AGENT },
    body: JSON.stringify({ identifier: channel.config.handle, password: channel.credentials.appPassword }),
  });
  const body = json(response, 'Bluesky sign-in');
  if (typeof body.accessJwt !== 'string' || typeof body.did !== 'string')
    throw new ConnectorError('parse_error', 'Bluesky sign-in did not return a session');
  return { did: body.did, handle: typeof body.handle === 'string' ? body.handle : channel.config.handle, accessJwt: body.accessJwt };
}

function fingerprint(channel: XrpcChannel): string {
  return createHash('sha256')
    .update(JSON.stringify([channel.config.serviceUrl ?? DEFAULT_SERVICE_URL, channel.config.handle, channel.credentials?.appPassword]))
    .digest('hex');
}

/**
 * Runs `call` with a session, reusing the channel's while it lasts; a cached session the PDS no
 * longer accepts is replaced once with a fresh sign-in.
 */
export async function withSession<T>(channel: XrpcChannel, call: (session: Session) => Promise<T>): Promise<T> {
  const now = Date.now();
  const print = fingerprint(channel);
  const cached = sessions.get(channel.id);
  if (cached && cached.fingerprint === print && cached.expiresAt > now) {
    try {
      return await call(cached.session);
    } catch (error) {
      if (!(error instanceof ConnectorError && error.code === 'auth_failed')) throw error;
      sessions.delete(channel.id);
    }
  }
  const session = await createSession(channel);
  sessions.set(channel.id, { session, fingerprint: print, expiresAt: expiry(session.accessJwt, now) });
  return call(session);
}

export async function xrpcGet(
  channel: XrpcChannel,
  session: Session,
  method: string,
  query: Record<string, string>,
  what: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await safeFetch(url(channel, method, query), channel.net, {
    headers: { authorization: `Bearer ${session.accessJwt}`, accept: 'application/json', 'user-agent': USER_AGENT },
  });
  // XRPC reports a missing record as a 400 with a name; the caller decides whether that is an error.
  if (response.status === 400) {
    const body = readBody(response);
    if (body?.error === 'RecordNotFound') return { status: 404, body };
  }
  return { status: response.status, body: json(response, what) };
}

export async function xrpcPost(
  channel: XrpcChannel,
  session: Session,
  method: string,
  input: Record<string, unknown>,
  what: string,
): Promise<Record<string, unknown>> {
  const response = await safeFetch(url(channel, method), channel.net, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${session.accessJwt}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': USER_AGENT,
    },
    body: JSON.stringify(input),
  });
  return json(response, what);
}

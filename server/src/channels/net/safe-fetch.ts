/**
 * HTTP for connectors, safe against server-side request forgery. The address check runs when the
 * socket connects, on the address actually dialled (so a name that resolves to a public address
 * for a check and a private one for the request — DNS rebinding — gains nothing), and every
 * redirect hop connects through the same check. Bodies are capped and requests time out.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Agent, Response } from 'undici';
import { ConnectorError } from '../connector.js';
import { connectionFailure, timedOut } from './connection-failure.js';
import { rangeInWords, refusedRange, type NetPolicy } from './address-policy.js';

export interface SafeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** Whole-request budget, connect to last byte. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface SafeResponse {
  status: number;
  headers: Headers;
  /** The URL answered after redirects. */
  url: string;
  body: Buffer;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class RefusedAddress extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${host} resolves to ${address}, ${rangeInWords(range)}, which channels may not reach`);
  }
}

function guardedLookup(policy: NetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      // Every address must pass: a client may try any of them (happy eyeballs).
      for (const { address } of addresses) {
        const range = refusedRange(address, policy);
        if (range) return callback(new RefusedAddress(hostname, address, range), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

let undici: typeof import('undici') | undefined;

/** The HTTP client (~20 MB resident) loads with the first outbound request, not with every server. */
export async function loadUndici(): Promise<typeof import('undici')> {
  undici ??= await import('undici');
  return undici;
}

/** A dispatcher whose every new connection passes the policy; names through DNS, literals directly. */
export async function guardedAgent(policy: NetPolicy, timeoutMs: number): Promise<Agent> {
  const http = await loadUndici();
  const connect = http.buildConnector({ timeout: timeoutMs, lookup: guardedLookup(policy) });
  return new http.Agent({
    connect(options, callback) {
      const host = options.hostname.replace(/^\[|\]$/g, '');
      // Node dials IP literals without a lookup, so they are judged here.
      if (isIP(host)) {
        const range = refusedRange(host, policy);
        if (range) return callback(new RefusedAddress(host, host, range), null);
      }
      connect(options, callback);
    },
  });
}

export function refusal(error: unknown): RefusedAddress | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) if (e instanceof RefusedAddress) return e;
  return null;
}

export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConnectorError('not_configured', `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError('ssrf_refused', `only http and https URLs may be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new ConnectorError('not_configured', 'URLs with embedded credentials are not accepted');
  return url;
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new ConnectorError('too_large', `the response is ${declared} bytes, over the limit of ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new ConnectorError('too_large', `the response exceeds the limit of ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** Fetches `rawUrl` under `policy`; failures come back as ConnectorErrors with shared codes. */
export async function safeFetch(rawUrl: string, policy: NetPolicy, request: SafeRequest = {}): Promise<SafeResponse> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = request.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const { fetch } = await loadUndici();
  const agent = await guardedAgent(policy, timeoutMs);
  const signal = AbortSignal.timeout(timeoutMs);
  let url = checkUrl(rawUrl);
  let method = request.method ?? 'GET';
  let body = request.body;
  try {
    for (let hop = 0; ; hop++) {
      let response: Response;
      try {
        response = await fetch(url, { method, headers: request.headers, body, redirect: 'manual', signal, dispatcher: agent });
      } catch (error) {
        const refused = refusal(error);
        if (refused) throw new ConnectorError('ssrf_refused', refused.message);
        if (signal.aborted) throw timedOut(url.host, timeoutMs);
        throw connectionFailure(url.host, error, timeoutMs);
      }
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel();
        if (hop >= maxRedirects) throw new ConnectorError('http_status', `more than ${maxRedirects} redirects`, false, response.status);
        url = checkUrl(new URL(location, url).toString());
        // A 303, or a 301/302 after a POST, turns into a GET as browsers do.
        if (response.status === 303 || (method === 'POST' && response.status !== 307 && response.status !== 308)) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      try {
        return {
          status: response.status,
          headers: response.headers,
          url: url.toString(),
          body: await readCapped(response, request.maxBytes ?? DEFAULT_MAX_BYTES),
        };
      } catch (error) {
        if (error instanceof ConnectorError) throw error;
        if (signal.aborted) throw timedOut(url.host, timeoutMs);
        throw new ConnectorError('network', `the answer from ${url.host} broke off`, true);
      }
    }
  } finally {
    await agent.close().catch(() => undefined);
  }
}

/** Throws the shared error for a non-2xx answer: 429 and 5xx are transient, 401/403 are credentials. */
export function expectSuccess(response: Pick<SafeResponse, 'status'>, what: string): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  if (status === 401 || status === 403)
    throw new ConnectorError('auth_failed', `${what} answered ${status}: check the credentials`, false, status);
  throw new ConnectorError('http_status', `${what} answered ${status}`, status === 429 || status >= 500, status);
}

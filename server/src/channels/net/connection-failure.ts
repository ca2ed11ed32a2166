/**
 * Why a connection to a host failed, in words an admin can act on: what "Test connection" and a
 * channel's health show. Node and undici report system codes ("getaddrinfo ENOTFOUND …",
 * "connect ECONNREFUSED …", "fetch failed"); every connector's dialling goes through here so they
 * all say the same thing for the same trouble.
 */
import { ConnectorError } from '../connector.js';

const SYSTEM_CODE = /\b(E[A-Z]{4,}|ERR_[A-Z_]+|UND_ERR_[A-Z_]+|[A-Z]+(?:_[A-Z]+)*_CERT(?:_[A-Z]+)*|CERT_[A-Z_]+)\b/;

/**
 * The first system or TLS code in the error's cause chain (undici wraps the socket's error). Mail
 * libraries put their own code on the error (nodemailer's ESOCKET) and keep the system's only in
 * the message ("connect ECONNREFUSED 10.0.0.1:25"), so a message is read for one too.
 */
function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && KNOWN.has(code)) return code;
    const inMessage = (e as { message?: unknown }).message;
    const found = typeof inMessage === 'string' ? SYSTEM_CODE.exec(inMessage)?.[1] : undefined;
    if (found && KNOWN.has(found)) return found;
  }
  return undefined;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

const TLS_PROBLEMS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  CERT_NOT_YET_VALID: 'its TLS certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate was issued by an untrusted (self-signed) authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified (incomplete certificate chain)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate was issued by an authority this server does not trust',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS on that port',
  EPROTO: 'the TLS handshake failed',
};

const KNOWN = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  ...Object.keys(TLS_PROBLEMS),
]);

/** The reason alone ("no such host: example.invalid"), for callers that put it in their own sentence. */
export function connectionProblem(host: string, error: unknown, timeoutMs?: number): { reason: string; timeout: boolean } {
  const code = codeOf(error);
  switch (code) {
    case 'ENOTFOUND':
      return { reason: `no such host: ${host}`, timeout: false };
    case 'EAI_AGAIN':
      return { reason: `could not look up ${host}: the name server did not answer`, timeout: false };
    case 'ECONNREFUSED':
      return { reason: `connection refused by ${host}: nothing accepts connections on that port`, timeout: false };
    case 'ECONNRESET':
    case 'EPIPE':
      return { reason: `${host} closed the connection`, timeout: false };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { reason: `${host} cannot be reached from this server (no route to it)`, timeout: false };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return { reason: `timed out${timeoutMs ? ` after ${seconds(timeoutMs)}` : ''} waiting for ${host}`, timeout: true };
  }
  const tls = code ? TLS_PROBLEMS[code] : undefined;
  if (tls) return { reason: `could not connect securely to ${host}: ${tls}`, timeout: false };
  return { reason: `could not reach ${host}`, timeout: false };
}

/** A failed connection as a (retryable) ConnectorError: a timeout or network trouble. */
export function connectionFailure(host: string, error: unknown, timeoutMs?: number): ConnectorError {
  const { reason, timeout } = connectionProblem(host, error, timeoutMs);
  return new ConnectorError(timeout ? 'timeout' : 'network', reason, true);
}

/** A request that ran out of its whole budget (an aborted fetch carries no system code). */
export function timedOut(host: string, timeoutMs: number): ConnectorError {
  return new ConnectorError('timeout', `timed out after ${seconds(timeoutMs)} waiting for ${host}`, true);
}

/** HMAC signatures of webhook deliveries, compared in constant time. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConnectorError, type WebhookRequest } from '../connector.js';

export function hmacSha256(secret: string, data: Buffer | string, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', secret).update(data).digest(encoding);
}

/** Equal strings, without an early exit that would tell an attacker how much of a guess was right. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function header(request: WebhookRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Checks a `sha256=<digest>` header against the HMAC of the raw body; throws bad_signature otherwise. */
export function verifySha256Header(request: WebhookRequest, headerName: string, secret: string, encoding: 'hex' | 'base64'): void {
  const given = header(request, headerName);
  if (!given) throw new ConnectorError('bad_signature', `the ${headerName} header is missing`);
  if (!safeEqual(given, `sha256=${hmacSha256(secret, request.rawBody, encoding)}`)) {
    throw new ConnectorError('bad_signature', `the ${headerName} signature does not match the body`);
  }
}

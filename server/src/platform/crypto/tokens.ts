/** Random secrets handed to clients (sessions, API tokens) are stored only as SHA-256 digests. */
import { createHash, randomBytes } from 'node:crypto';

export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

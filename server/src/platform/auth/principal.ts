/** The authenticated caller of a request, resolved from a session cookie or an API token. */
import type { Actor } from '../context.js';

export type TokenScope = 'read' | 'write';

export interface Principal extends Actor {
  userId: string;
  workspaceId: string;
  via: 'session' | 'token';
  /** Token scopes; sessions carry every scope their role allows. */
  scopes: readonly TokenScope[];
  /** Only for sessions: the synchroniser token writes must echo in X-CSRF-Token. */
  csrfToken: string | null;
  sessionHash: string | null;
}

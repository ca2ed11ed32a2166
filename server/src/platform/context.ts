/** Who is acting, in which workspace, against which database: passed to every use case. */
import type { Queryable } from './db/db.js';

export type Role = 'owner' | 'admin' | 'agent' | 'viewer';
export type RecordScope = 'all' | 'team' | 'own';

export const ROLE_RANK: Record<Role, number> = { viewer: 0, agent: 1, admin: 2, owner: 3 };

export interface Actor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  role: Role;
  recordScope: RecordScope;
  teamIds: string[];
}

export interface Ctx {
  workspaceId: string;
  actor: Actor;
  db: Queryable;
  requestId: string;
}

export function systemActor(): Actor {
  return { kind: 'system', userId: null, role: 'owner', recordScope: 'all', teamIds: [] };
}

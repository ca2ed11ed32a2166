/** Sign-in, sign-out and turning a request's credentials into a principal. */
import type { Db, Queryable } from '../db/db.js';
import { digest, randomToken } from '../crypto/tokens.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../crypto/password.js';
import { RapportError, notFound, unauthenticated } from '../http/errors.js';
import { acceptInvitation, listReceivedInvitations } from '../workspaces/invitation.service.js';
import type { Principal } from './principal.js';
import { requireSignedInPerson } from './signed-in.policy.js';
import {
  deleteSession,
  findMembership,
  findSessionMember,
  findTokenMember,
  findUserByEmail,
  insertSession,
  markSignedIn,
  touchToken,
  type MemberRow,
} from './auth.repo.js';

export const SESSION_COOKIE = 'rapport_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
/** How long a resolved credential is trusted without asking the database again. */
export const CACHE_TTL_MS = 10_000;

function principalOf(member: MemberRow, via: Principal['via'], extra: Pick<Principal, 'scopes' | 'csrfToken' | 'sessionHash'>): Principal {
  return {
    kind: via === 'token' ? 'token' : 'user',
    userId: member.user_id,
    workspaceId: member.workspace_id,
    role: member.role,
    recordScope: member.record_scope,
    teamIds: member.team_ids,
    via,
    ...extra,
  };
}

export interface SignInResult {
  sessionToken: string;
  principal: Principal;
}

export interface Credentials {
  email: string;
  password: string;
  /** One of the person's invitations, accepted on the way in: the session opens in its workspace. */
  acceptInvitation?: string;
}

export async function signIn(db: Db, credentials: Credentials): Promise<SignInResult> {
  const user = await findUserByEmail(db, credentials.email);
  const ok = await verifyPassword(credentials.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) throw new RapportError('invalid_credentials', 401, 'E-mail or password is wrong');
  const joined = credentials.acceptInvitation ? await acceptInvitation(db, user.id, credentials.acceptInvitation) : null;
  const member = await findMembership(db, user.id, joined?.workspaceId ?? null);
  if (!member) throw await noWorkspace(db, user.id);
  return openSession(db, member);
}

/**
 * An account in no workspace (one removed from its last) has no session to answer invitations from:
 * the refusal, given once the password is proven, lists those waiting, to sign in again accepting one.
 */
async function noWorkspace(db: Queryable, userId: string): Promise<RapportError> {
  const invitations = await listReceivedInvitations(db, userId);
  const names = invitations.map((i) => i.workspace.name).join(', ');
  const detail =
    invitations.length === 0
      ? 'This account belongs to no workspace; an admin of one can invite it'
      : `This account belongs to no workspace yet, but is invited to ${names}: accept an invitation to sign in`;
  return new RapportError('no_workspace', 403, detail, [], { invitations });
}

/**
 * A signed-in user moves to another workspace they belong to: a new session there (a session is
 * bound to its workspace, as every query it makes is), which the caller sets in place of the old.
 * An API token belongs to one workspace and cannot move.
 */
export async function switchWorkspace(db: Queryable, principal: Principal, workspaceId: string): Promise<SignInResult> {
  requireSignedInPerson(principal, 'An API token belongs to its workspace; only a signed-in session can switch');
  const member = await findMembership(db, principal.userId, workspaceId);
  if (!member) throw notFound('Workspace');
  return openSession(db, member);
}

async function openSession(db: Queryable, member: MemberRow): Promise<SignInResult> {
  const sessionToken = randomToken();
  const sessionHash = digest(sessionToken);
  const csrfToken = randomToken();
  await insertSession(db, {
    idHash: sessionHash,
    workspaceId: member.workspace_id,
    userId: member.user_id,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  await markSignedIn(db, member.workspace_id, member.user_id, new Date());
  return { sessionToken, principal: principalOf(member, 'session', { scopes: ['read', 'write'], csrfToken, sessionHash }) };
}

export interface Authenticator {
  fromSession(token: string): Promise<Principal | null>;
  fromApiToken(token: string): Promise<Principal | null>;
  signOut(sessionHash: string): Promise<void>;
  /** Drops every cached credential (after a role change, a revoked token, a removed member). */
  forget(): void;
  /**
   * Calls `listener` right after credentials were dropped (forget, sign-out), so whoever holds a
   * principal beyond one request (a live stream) resolves it again. Returns unsubscribe.
   */
  onForget(listener: () => void): () => void;
}

export function createAuthenticator(db: Queryable): Authenticator {
  // Loads are cached as promises: callers at the same moment share one load, and a load begun before
  // a forget is dropped with the cache, so it cannot put back what the forget was about.
  const cache = new Map<string, { principal: Promise<Principal | null>; until: number }>();
  const forgetListeners = new Set<() => void>();

  function cached(key: string, load: () => Promise<Principal | null>): Promise<Principal | null> {
    const hit = cache.get(key);
    const now = Date.now();
    if (hit && hit.until > now) return hit.principal;
    const entry = { principal: load(), until: now + CACHE_TTL_MS };
    if (cache.size > 10_000) cache.clear();
    cache.set(key, entry);
    entry.principal.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return entry.principal;
  }

  function forgotten() {
    for (const listener of forgetListeners) listener();
  }

  return {
    fromSession(token) {
      const hash = digest(token);
      return cached(`s:${hash}`, async () => {
        const member = await findSessionMember(db, hash);
        return member
          ? principalOf(member, 'session', { scopes: ['read', 'write'], csrfToken: member.csrf_token, sessionHash: hash })
          : null;
      });
    },
    fromApiToken(token) {
      const hash = digest(token);
      return cached(`t:${hash}`, async () => {
        const member = await findTokenMember(db, hash);
        if (!member) return null;
        await touchToken(db, member.workspace_id, member.token_id);
        return principalOf(member, 'token', { scopes: member.scopes, csrfToken: null, sessionHash: null });
      });
    },
    async signOut(sessionHash) {
      await deleteSession(db, sessionHash);
      cache.delete(`s:${sessionHash}`);
      forgotten();
    },
    forget() {
      cache.clear();
      forgotten();
    },
    onForget(listener) {
      forgetListeners.add(listener);
      return () => void forgetListeners.delete(listener);
    },
  };
}

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

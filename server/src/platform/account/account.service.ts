/**
 * A person's own account: their name, and their password. A password change ends the person's
 * other sessions in every workspace (whoever else holds one, holds it no longer); API tokens are
 * credentials of their own and stay, to be revoked in Settings › API tokens.
 */
import type { Db, Queryable } from '../db/db.js';
import { hashPassword, verifyPassword } from '../crypto/password.js';
import { recordEvents } from '../events/event.js';
import { forbidden, invalid, notFound } from '../http/errors.js';
import type { Principal } from '../auth/principal.js';
import { checkPassword, visibleName } from '../workspaces/workspace.service.js';
import * as repo from './account.repo.js';

export async function accountOf(db: Queryable, principal: Principal) {
  const account = await repo.findAccount(db, principal.userId);
  if (!account) throw notFound('Account');
  const otherSessions = await repo.countOtherSessions(db, principal.userId, principal.sessionHash);
  return { id: account.id, email: account.email, name: account.name, otherSessions };
}

/** One event per workspace of the person, so each workspace's audit log shows it. */
async function recordAccountEvent(tx: Queryable, userId: string, actorId: string | null, type: string, data: Record<string, unknown>) {
  const workspaces = await repo.workspacesOf(tx, userId);
  await recordEvents(
    tx,
    workspaces.map((workspaceId) => ({ workspaceId, type, subjectType: 'user', subjectId: userId, actorId, data })),
  );
}

export async function renameSelf(db: Db, principal: Principal, given: string) {
  const name = visibleName(given);
  return db.transaction(async (tx) => {
    const before = await accountOf(tx, principal);
    if (before.name !== name) {
      await repo.updateName(tx, principal.userId, name);
      await recordAccountEvent(tx, principal.userId, principal.userId, 'user.updated', { before: { name: before.name }, after: { name } });
    }
    return { ...before, name };
  });
}

/** Changes the signed-in person's password; their other sessions end. Returns how many ended. */
export async function changeOwnPassword(db: Db, principal: Principal, change: { currentPassword: string; newPassword: string }) {
  // A leaked token must not be enough to lock its owner out.
  if (principal.via !== 'session' || !principal.sessionHash) throw forbidden('Only a signed-in person can change their password');
  const account = await repo.findAccount(db, principal.userId);
  if (!account) throw notFound('Account');
  if (!(await verifyPassword(change.currentPassword, account.password_hash))) {
    throw invalid([{ field: 'currentPassword', reason: 'is not your current password' }]);
  }
  if (change.newPassword === change.currentPassword) {
    throw invalid([{ field: 'newPassword', reason: 'must differ from the current password' }]);
  }
  return setPassword(db, principal.userId, change.newPassword, { actorId: principal.userId, keptSession: principal.sessionHash });
}

/** Signs the person out everywhere but here (a lost laptop, a shared computer). Returns how many sessions ended. */
export async function endOtherSessions(db: Db, principal: Principal) {
  if (principal.via !== 'session' || !principal.sessionHash) throw forbidden('Only a signed-in person can end their sessions');
  const keptSession = principal.sessionHash;
  return db.transaction(async (tx) => {
    const sessionsEnded = await repo.deleteSessions(tx, principal.userId, keptSession);
    if (sessionsEnded) await recordAccountEvent(tx, principal.userId, principal.userId, 'user.signed_out_elsewhere', { sessionsEnded });
    return { sessionsEnded };
  });
}

/** `rapport user password`: for a person who forgot theirs. Every session of theirs ends. */
export async function resetPassword(db: Db, userId: string, password: string) {
  return setPassword(db, userId, password, { actorId: null, keptSession: null });
}

async function setPassword(db: Db, userId: string, password: string, how: { actorId: string | null; keptSession: string | null }) {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, userId, passwordHash);
    const sessionsEnded = await repo.deleteSessions(tx, userId, how.keptSession);
    // Never the password or its hash: the audit log says that it changed, and how many sessions ended.
    await recordAccountEvent(tx, userId, how.actorId, 'user.password_changed', { sessionsEnded });
    return { sessionsEnded };
  });
}

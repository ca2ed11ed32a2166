/**
 * Adding people through the API: a new address becomes an account and a member at once; an address
 * that already has an account is invited, and joins only when its person accepts. Until then the
 * invitation grants nothing, and the workspace learns nothing of the account (not its name).
 */
import type { Ctx } from '../context.js';
import type { Db, Queryable } from '../db/db.js';
import { newId } from '../db/ids.js';
import { recordEvents } from '../events/event.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import { requireSignedInPerson } from '../auth/signed-in.policy.js';
import * as invitations from './invitation.repo.js';
import * as repo from './workspace.repo.js';
import { addMemberIn, checkTeams, joinTeams, type NewMember } from './workspace.service.js';

/** Said with every invitation, so that an admin who typed a name and password knows where they went. */
export const INVITED_NOTICE =
  'This address already has an account: it was invited, and joins once its owner accepts. The account keeps its own name and password; the ones given were not used.';

export type AddedMember =
  (repo.MemberView & { status: 'active'; notice: null }) | (invitations.InvitationView & { status: 'invited'; name: null; notice: string });

export async function addOrInviteMember(ctx: Ctx, db: Db, input: NewMember & { teamIds?: string[] }): Promise<AddedMember> {
  // A leaked token that could add an account with a password of its choosing would keep a way in after its revocation.
  requireSignedInPerson(ctx.actor, 'API tokens cannot add or invite members; sign in to add one');
  // An admin who could add an owner (an account whose password they chose) would be one.
  if (input.role === 'owner' && ctx.actor.role !== 'owner') throw forbidden('Only an owner can add an owner');
  return db.transaction(async (tx) => {
    const userId = await repo.findUserIdByEmail(tx, input.email);
    if (!userId) return { ...(await addMemberIn(tx, ctx, input)), status: 'active', notice: null };
    return { ...(await inviteAccount(tx, ctx, userId, input)), status: 'invited', name: null, notice: INVITED_NOTICE };
  });
}

async function inviteAccount(tx: Queryable, ctx: Ctx, userId: string, input: NewMember & { teamIds?: string[] }) {
  if (await repo.findMember(tx, ctx.workspaceId, userId)) {
    throw conflict('member_exists', `${input.email} is already a member of this workspace`);
  }
  if (await invitations.findInvitationFor(tx, ctx.workspaceId, userId)) {
    throw conflict('invitation_exists', `${input.email} is already invited to this workspace`);
  }
  const teamIds = [...new Set(input.teamIds ?? [])];
  await checkTeams(tx, ctx.workspaceId, teamIds);
  const id = newId();
  const recordScope = input.recordScope ?? 'all';
  await invitations.insertInvitation(tx, {
    workspaceId: ctx.workspaceId,
    id,
    userId,
    email: input.email,
    role: input.role,
    recordScope,
    teamIds,
    invitedBy: ctx.actor.userId,
  });
  await recordEvents(tx, [
    {
      workspaceId: ctx.workspaceId,
      type: 'member.invited',
      subjectType: 'invitation',
      subjectId: id,
      actorId: ctx.actor.userId,
      data: { after: { email: input.email, role: input.role, recordScope, teamIds } },
    },
  ]);
  return (await invitations.findInvitation(tx, ctx.workspaceId, id))!;
}

export async function withdrawInvitation(ctx: Ctx, db: Db, id: string) {
  await db.transaction(async (tx) => {
    const before = await invitations.findInvitation(tx, ctx.workspaceId, id);
    if (!before || !(await invitations.deleteInvitation(tx, ctx.workspaceId, id))) throw notFound('Invitation');
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'member.invitation_withdrawn',
        subjectType: 'invitation',
        subjectId: id,
        actorId: ctx.actor.userId,
        data: { before: { email: before.email, role: before.role } },
      },
    ]);
  });
}

/** The invited person joins the workspace, with the role, scope and teams they were invited with. */
export async function acceptInvitation(db: Db, userId: string, id: string): Promise<{ workspaceId: string }> {
  return db.transaction(async (tx) => {
    const invitation = await invitations.lockReceivedInvitation(tx, userId, id);
    if (!invitation) throw notFound('Invitation');
    const { workspaceId } = invitation;
    // Added directly by the operator meanwhile: the membership they have stands.
    if (!(await repo.findMember(tx, workspaceId, userId))) {
      await repo.upsertMembership(tx, { workspaceId, userId, role: invitation.role, recordScope: invitation.recordScope });
      await joinTeams(tx, workspaceId, userId, invitation.teamIds);
    }
    await invitations.deleteInvitation(tx, workspaceId, id);
    await recordEvents(tx, [
      {
        workspaceId,
        type: 'member.invitation_accepted',
        subjectType: 'user',
        subjectId: userId,
        actorId: userId,
        data: { after: { email: invitation.email, role: invitation.role, recordScope: invitation.recordScope } },
      },
    ]);
    return { workspaceId };
  });
}

export async function declineInvitation(db: Db, userId: string, id: string) {
  await db.transaction(async (tx) => {
    const invitation = await invitations.lockReceivedInvitation(tx, userId, id);
    if (!invitation) throw notFound('Invitation');
    await invitations.deleteInvitation(tx, invitation.workspaceId, id);
    await recordEvents(tx, [
      {
        workspaceId: invitation.workspaceId,
        type: 'member.invitation_declined',
        subjectType: 'invitation',
        subjectId: id,
        // No actor: the audit trail shows an actor's name, and one who declined never let this workspace see theirs.
        actorId: null,
        data: { before: { email: invitation.email, role: invitation.role } },
      },
    ]);
  });
}

export const listInvitations = (ctx: Ctx) => invitations.listInvitations(ctx.db, ctx.workspaceId);
export const listReceivedInvitations = (db: Queryable, userId: string) => invitations.listReceivedInvitations(db, userId);

/** Use cases for tenants, their members (with roles and record scope) and teams. */
import type { Actor, Ctx, RecordScope, Role } from '../context.js';
import type { Db, Queryable } from '../db/db.js';
import { newId } from '../db/ids.js';
import { hashPassword } from '../crypto/password.js';
import { recordEvents } from '../events/event.js';
import { blank, conflict, invalid, notFound, RapportError } from '../http/errors.js';
import { requireSignedInPerson } from '../auth/signed-in.policy.js';
import * as repo from './workspace.repo.js';
import { widensAccess } from './member.policy.js';

export interface NewMember {
  email: string;
  name: string;
  password: string;
  role: Role;
  recordScope?: RecordScope;
}

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .slice(0, 40);
  return `${base || 'workspace'}-${newId().slice(-6)}`;
}

export function checkPassword(password: string) {
  if (password.length < 10) throw invalid([{ field: 'password', reason: 'must be at least 10 characters' }]);
}

/** Adds a user to a workspace, creating the user if the e-mail is new. */
async function joinWorkspace(tx: Queryable, workspaceId: string, member: NewMember): Promise<string> {
  let userId = await repo.findUserIdByEmail(tx, member.email);
  if (userId) {
    if (await repo.findMember(tx, workspaceId, userId)) {
      throw conflict('member_exists', `${member.email} is already a member of this workspace`);
    }
  } else {
    checkPassword(member.password);
    userId = newId();
    await repo.insertUser(tx, { id: userId, email: member.email, name: member.name, passwordHash: await hashPassword(member.password) });
  }
  await repo.upsertMembership(tx, { workspaceId, userId, role: member.role, recordScope: member.recordScope ?? 'all' });
  return userId;
}

/** The teams of a new member or invitation, every one of them this workspace's. */
export async function checkTeams(tx: Queryable, workspaceId: string, teamIds: readonly string[]) {
  for (const teamId of teamIds) {
    if (!(await repo.findTeam(tx, workspaceId, teamId))) throw invalid([{ field: 'teamIds', reason: `team ${teamId} does not exist` }]);
  }
}

/** Puts a member in the given teams; those deleted since they were chosen are passed over. */
export async function joinTeams(tx: Queryable, workspaceId: string, userId: string, teamIds: readonly string[]) {
  for (const teamId of teamIds) {
    const team = await repo.findTeam(tx, workspaceId, teamId);
    if (team) await repo.replaceTeamMembers(tx, workspaceId, teamId, [...team.memberIds, userId]);
  }
}

/**
 * Most workspaces one person may own and still create another through the API: enough for a few
 * businesses and a sandbox, few enough that a signed-in account cannot fill the server with them.
 * The server's operator is not held to it (`rapport workspace create`).
 */
export const MAX_OWNED_WORKSPACES = 10;

const workspaceCreated = (workspaceId: string, name: string, ownerId: string) => ({
  workspaceId,
  type: 'workspace.created',
  subjectType: 'workspace',
  subjectId: workspaceId,
  actorId: ownerId,
  data: { after: { name } },
});

/**
 * A workspace with its owner, creating the owner's account if the e-mail is new: for seeding and
 * test factories. Every setting a workspace has (SLA policy, scoring, identity matching) reads as its
 * default until someone saves one, so a workspace needs no rows beyond itself and its owner.
 */
export async function createWorkspace(db: Db, input: { name: string; owner: NewMember }) {
  return db.transaction(async (tx) => {
    const id = newId();
    await repo.insertWorkspace(tx, { id, name: input.name, slug: slugify(input.name) });
    const ownerId = await joinWorkspace(tx, id, { ...input.owner, role: 'owner', recordScope: 'all' });
    await recordEvents(tx, [workspaceCreated(id, input.name, ownerId)]);
    return { workspaceId: id, ownerId };
  });
}

async function openWorkspaceFor(tx: Queryable, name: string, ownerId: string) {
  const id = newId();
  await repo.insertWorkspace(tx, { id, name, slug: slugify(name) });
  await repo.upsertMembership(tx, { workspaceId: id, userId: ownerId, role: 'owner', recordScope: 'all' });
  await recordEvents(tx, [workspaceCreated(id, name, ownerId)]);
  return (await repo.findWorkspace(tx, id))!;
}

/**
 * A signed-in person starts a workspace of their own and owns it; the session they are in stays
 * where it is, and can switch there. An API token belongs to its workspace: one that could make
 * workspaces would reach beyond it.
 */
export async function createOwnWorkspace(actor: Pick<Actor, 'kind'> & { userId: string }, db: Db, given: { name: string }) {
  requireSignedInPerson(actor, 'An API token belongs to its workspace and cannot create workspaces; sign in to create one');
  const name = visibleName(given.name);
  const ownerId = actor.userId;
  return db.transaction(async (tx) => {
    // Two creates at once would both count below the limit: the person's account row makes them take turns.
    await repo.lockUser(tx, ownerId);
    if ((await repo.countOwnedWorkspaces(tx, ownerId)) >= MAX_OWNED_WORKSPACES) {
      throw new RapportError(
        'workspace_limit',
        409,
        `You own ${MAX_OWNED_WORKSPACES} workspaces: one person may create workspaces until they own ${MAX_OWNED_WORKSPACES}. The server's operator can create more for you.`,
      );
    }
    return openWorkspaceFor(tx, name, ownerId);
  });
}

/** `rapport workspace create`: the server's operator gives a workspace to an existing account, beyond the API's limit. */
export async function createWorkspaceFor(db: Db, input: { name: string; ownerId: string }) {
  const name = visibleName(input.name);
  return db.transaction((tx) => openWorkspaceFor(tx, name, input.ownerId));
}

/**
 * Adds a member at once, an existing account included. For the operator (`rapport user create`,
 * seeding, test factories); through the API an existing account is invited instead (`addOrInviteMember`).
 */
export async function addMember(ctx: Ctx, db: Db, given: NewMember & { teamIds?: string[] }) {
  return db.transaction((tx) => addMemberIn(tx, ctx, given));
}

export async function addMemberIn(tx: Queryable, ctx: Ctx, given: NewMember & { teamIds?: string[] }) {
  const input = { ...given, name: visibleName(given.name) };
  await checkTeams(tx, ctx.workspaceId, input.teamIds ?? []);
  const userId = await joinWorkspace(tx, ctx.workspaceId, input);
  await joinTeams(tx, ctx.workspaceId, userId, input.teamIds ?? []);
  await recordEvents(tx, [
    {
      workspaceId: ctx.workspaceId,
      type: 'member.added',
      subjectType: 'user',
      subjectId: userId,
      actorId: ctx.actor.userId,
      data: { after: { email: input.email, name: input.name, role: input.role, recordScope: input.recordScope ?? 'all' } },
    },
  ]);
  return (await repo.findMember(tx, ctx.workspaceId, userId))!;
}

export async function changeMember(ctx: Ctx, db: Db, userId: string, patch: { role?: Role; recordScope?: RecordScope }) {
  return db.transaction(async (tx) => {
    const before = await repo.findMember(tx, ctx.workspaceId, userId);
    if (!before) throw notFound('Member');
    // A leaked token must not raise an account it controls; lowering one takes nothing a leak could use.
    if (widensAccess(before, patch)) {
      requireSignedInPerson(ctx.actor, "API tokens cannot raise a member's role or widen their record scope; sign in to do it");
    }
    if (before.role === 'owner' && patch.role && patch.role !== 'owner' && (await repo.countOwners(tx, ctx.workspaceId)) <= 1) {
      throw new RapportError('last_owner', 409, 'A workspace keeps at least one owner');
    }
    if ((patch.role === 'owner' || before.role === 'owner') && ctx.actor.role !== 'owner') {
      throw new RapportError('forbidden', 403, 'Only an owner can make an owner or change one');
    }
    const role = patch.role ?? before.role;
    const recordScope = patch.recordScope ?? before.recordScope;
    await repo.upsertMembership(tx, { workspaceId: ctx.workspaceId, userId, role, recordScope });
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'member.changed',
        subjectType: 'user',
        subjectId: userId,
        actorId: ctx.actor.userId,
        data: { before: { role: before.role, recordScope: before.recordScope }, after: { role, recordScope } },
      },
    ]);
    return (await repo.findMember(tx, ctx.workspaceId, userId))!;
  });
}

export async function removeMember(ctx: Ctx, db: Db, userId: string) {
  await db.transaction(async (tx) => {
    const before = await repo.findMember(tx, ctx.workspaceId, userId);
    if (!before) throw notFound('Member');
    if (before.role === 'owner' && ctx.actor.role !== 'owner')
      throw new RapportError('forbidden', 403, 'Only an owner can remove an owner');
    if (before.role === 'owner' && (await repo.countOwners(tx, ctx.workspaceId)) <= 1) {
      throw new RapportError('last_owner', 409, 'A workspace keeps at least one owner');
    }
    await repo.deleteMembership(tx, ctx.workspaceId, userId);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'member.removed',
        subjectType: 'user',
        subjectId: userId,
        actorId: ctx.actor.userId,
        data: { before: { email: before.email, role: before.role } },
      },
    ]);
  });
}

async function checkMembers(tx: Queryable, workspaceId: string, memberIds: readonly string[]) {
  const unique = [...new Set(memberIds)];
  if ((await repo.countMembersIn(tx, workspaceId, unique)) !== unique.length) {
    throw invalid([{ field: 'memberIds', reason: 'every member must belong to this workspace' }]);
  }
  return unique;
}

/** A name as people will see it in lists: trimmed, and never blank. */
export function visibleName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalid([blank('name')]);
  return trimmed;
}

export async function createTeam(ctx: Ctx, db: Db, given: { name: string; memberIds?: string[] }) {
  const input = { ...given, name: visibleName(given.name) };
  return db.transaction(async (tx) => {
    if (await repo.findTeamByName(tx, ctx.workspaceId, input.name)) throw conflict('team_exists', `A team named ${input.name} exists`);
    const memberIds = await checkMembers(tx, ctx.workspaceId, input.memberIds ?? []);
    const id = newId();
    await repo.insertTeam(tx, { workspaceId: ctx.workspaceId, id, name: input.name });
    await repo.replaceTeamMembers(tx, ctx.workspaceId, id, memberIds);
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'team.created',
        subjectType: 'team',
        subjectId: id,
        actorId: ctx.actor.userId,
        data: { after: { name: input.name, memberIds } },
      },
    ]);
    return (await repo.findTeam(tx, ctx.workspaceId, id))!;
  });
}

export async function changeTeam(ctx: Ctx, db: Db, teamId: string, given: { name?: string; memberIds?: string[] }) {
  const patch = given.name === undefined ? given : { ...given, name: visibleName(given.name) };
  return db.transaction(async (tx) => {
    const before = await repo.findTeam(tx, ctx.workspaceId, teamId);
    if (!before) throw notFound('Team');
    if (patch.name !== undefined && patch.name.toLowerCase() !== before.name.toLowerCase()) {
      if (await repo.findTeamByName(tx, ctx.workspaceId, patch.name)) throw conflict('team_exists', `A team named ${patch.name} exists`);
    }
    if (patch.name !== undefined) await repo.updateTeamName(tx, ctx.workspaceId, teamId, patch.name);
    if (patch.memberIds)
      await repo.replaceTeamMembers(tx, ctx.workspaceId, teamId, await checkMembers(tx, ctx.workspaceId, patch.memberIds));
    const after = (await repo.findTeam(tx, ctx.workspaceId, teamId))!;
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'team.changed',
        subjectType: 'team',
        subjectId: teamId,
        actorId: ctx.actor.userId,
        data: { before: { name: before.name, memberIds: before.memberIds }, after: { name: after.name, memberIds: after.memberIds } },
      },
    ]);
    return after;
  });
}

export async function deleteTeam(ctx: Ctx, db: Db, teamId: string) {
  await db.transaction(async (tx) => {
    const before = await repo.findTeam(tx, ctx.workspaceId, teamId);
    if (!before || !(await repo.deleteTeam(tx, ctx.workspaceId, teamId))) throw notFound('Team');
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'team.deleted',
        subjectType: 'team',
        subjectId: teamId,
        actorId: ctx.actor.userId,
        data: { before: { name: before.name } },
      },
    ]);
  });
}

export const listMembers = (ctx: Ctx) => repo.listMembers(ctx.db, ctx.workspaceId);
export const listTeams = (ctx: Ctx) => repo.listTeams(ctx.db, ctx.workspaceId);
export const findWorkspace = repo.findWorkspace;
export const countWorkspaces = repo.countWorkspaces;

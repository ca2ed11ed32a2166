/** SQL for invitations of existing accounts to a workspace, pending until their person answers. */
import type { Queryable } from '../db/db.js';
import type { RecordScope, Role } from '../context.js';

/** What the workspace's admins see: the address they typed, never the account's own name. */
export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  recordScope: RecordScope;
  teamIds: string[];
  createdAt: Date;
}

/** What the invited person sees. */
export interface ReceivedInvitationView {
  id: string;
  workspace: { id: string; name: string };
  role: Role;
  createdAt: Date;
}

export interface InvitationRow extends InvitationView {
  workspaceId: string;
  userId: string;
}

const INVITATION_COLUMNS = `i.id, i.email, i.role, i.record_scope AS "recordScope",
  i.team_ids::text[] AS "teamIds", i.created_at AS "createdAt"`;

export async function insertInvitation(
  db: Queryable,
  invitation: {
    workspaceId: string;
    id: string;
    userId: string;
    email: string;
    role: Role;
    recordScope: RecordScope;
    teamIds: string[];
    invitedBy: string | null;
  },
) {
  await db.query(
    `INSERT INTO workspace_invitations (workspace_id, id, user_id, email, role, record_scope, team_ids, invited_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8)`,
    [
      invitation.workspaceId,
      invitation.id,
      invitation.userId,
      invitation.email,
      invitation.role,
      invitation.recordScope,
      invitation.teamIds,
      invitation.invitedBy,
    ],
  );
}

export async function findInvitationFor(db: Queryable, workspaceId: string, userId: string): Promise<InvitationView | null> {
  const { rows } = await db.query<InvitationView>(
    `SELECT ${INVITATION_COLUMNS} FROM workspace_invitations i WHERE i.workspace_id = $1 AND i.user_id = $2`,
    [workspaceId, userId],
  );
  return rows[0] ?? null;
}

export async function findInvitation(db: Queryable, workspaceId: string, id: string): Promise<InvitationView | null> {
  const { rows } = await db.query<InvitationView>(
    `SELECT ${INVITATION_COLUMNS} FROM workspace_invitations i WHERE i.workspace_id = $1 AND i.id = $2`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

export async function listInvitations(db: Queryable, workspaceId: string): Promise<InvitationView[]> {
  const { rows } = await db.query<InvitationView>(
    `SELECT ${INVITATION_COLUMNS} FROM workspace_invitations i WHERE i.workspace_id = $1 ORDER BY i.created_at, i.id`,
    [workspaceId],
  );
  return rows;
}

/** The person's own invitations, from any workspace: theirs to answer. */
export async function listReceivedInvitations(db: Queryable, userId: string): Promise<ReceivedInvitationView[]> {
  const { rows } = await db.query<ReceivedInvitationView>(
    `SELECT i.id, json_build_object('id', w.id, 'name', w.name) AS workspace, i.role, i.created_at AS "createdAt"
       FROM workspace_invitations i JOIN workspaces w ON w.id = i.workspace_id
      WHERE i.user_id = $1 ORDER BY i.created_at, i.id`,
    [userId],
  );
  return rows;
}

/** One of the person's invitations, locked until they have answered it; another person's is not found. */
export async function lockReceivedInvitation(db: Queryable, userId: string, id: string): Promise<InvitationRow | null> {
  const { rows } = await db.query<InvitationRow>(
    `SELECT ${INVITATION_COLUMNS}, i.workspace_id AS "workspaceId", i.user_id AS "userId"
       FROM workspace_invitations i WHERE i.user_id = $1 AND i.id = $2 FOR UPDATE`,
    [userId, id],
  );
  return rows[0] ?? null;
}

export async function deleteInvitation(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM workspace_invitations WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return rowCount > 0;
}

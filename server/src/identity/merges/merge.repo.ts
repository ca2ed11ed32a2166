/** All SQL for contact merges: the merge records, and moving a contact's history between contacts. */
import type { Queryable } from '../../platform/db/db.js';
import type { MergePicks } from './merge.schema.js';

/** Ids of the rows a merge moved from the merged contact to the survivor. */
export interface MovedRows {
  activities: string[];
  conversations: string[];
  identities: string[];
}

/** A merge with everything needed to undo it. */
export interface MergeRecord {
  id: string;
  survivorId: string;
  mergedId: string;
  mergedName: string;
  /** The merged contact's stored row, by column name. */
  mergedContact: Record<string, unknown>;
  /** The survivor's changed fields (contact field names, custom ones as `custom.<key>`), before and after. */
  survivorBefore: Record<string, unknown>;
  survivorAfter: Record<string, unknown>;
  picks: MergePicks;
  moved: MovedRows;
  duplicateId: string | null;
  mergedBy: string | null;
  mergedAt: Date;
  unmergedBy: string | null;
  unmergedAt: Date | null;
}

const SELECT = `id, survivor_id AS "survivorId", merged_id AS "mergedId", merged_name AS "mergedName",
  merged_contact AS "mergedContact", survivor_before AS "survivorBefore", survivor_after AS "survivorAfter", picks, moved,
  duplicate_id AS "duplicateId", merged_by AS "mergedBy", merged_at AS "mergedAt", unmerged_by AS "unmergedBy",
  unmerged_at AS "unmergedAt"`;

/** The tables whose rows follow a contact through a merge, by the key `MovedRows` names them with. */
const HISTORY_TABLES = [
  ['activities', 'activities'],
  ['conversations', 'conversations'],
  ['identities', 'social_identities'],
] as const;

/** Points every activity, conversation and identity of `fromId` at `toId`; their own timestamps stay as they were. */
export async function moveContactHistory(db: Queryable, workspaceId: string, fromId: string, toId: string): Promise<MovedRows> {
  const moved: MovedRows = { activities: [], conversations: [], identities: [] };
  for (const [key, table] of HISTORY_TABLES) {
    const { rows } = await db.query<{ id: string }>(
      `UPDATE ${table} SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2 RETURNING id`,
      [workspaceId, fromId, toId],
    );
    moved[key] = rows.map((row) => row.id).sort();
  }
  return moved;
}

/** Points back at `toId` the moved rows that still belong to `fromId`; rows reassigned since stay where they are. */
export async function moveHistoryBack(db: Queryable, workspaceId: string, moved: MovedRows, fromId: string, toId: string): Promise<void> {
  for (const [key, table] of HISTORY_TABLES) {
    if (moved[key].length === 0) continue;
    await db.query(`UPDATE ${table} SET contact_id = $4 WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND contact_id = $3`, [
      workspaceId,
      moved[key],
      fromId,
      toId,
    ]);
  }
}

export async function insertMerge(db: Queryable, workspaceId: string, merge: MergeRecord): Promise<void> {
  await db.query(
    `INSERT INTO contact_merges (workspace_id, id, survivor_id, merged_id, merged_name, merged_contact, survivor_before,
       survivor_after, picks, moved, duplicate_id, merged_by, merged_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12, $13)`,
    [
      workspaceId,
      merge.id,
      merge.survivorId,
      merge.mergedId,
      merge.mergedName,
      JSON.stringify(merge.mergedContact),
      JSON.stringify(merge.survivorBefore),
      JSON.stringify(merge.survivorAfter),
      JSON.stringify(merge.picks),
      JSON.stringify(merge.moved),
      merge.duplicateId,
      merge.mergedBy,
      merge.mergedAt,
    ],
  );
}

export async function findMerge(db: Queryable, workspaceId: string, id: string, forUpdate = false): Promise<MergeRecord | null> {
  const { rows } = await db.query<MergeRecord>(
    `SELECT ${SELECT} FROM contact_merges WHERE workspace_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0] ?? null;
}

/** The merge still in place that most recently merged a contact into `survivorId`. */
export async function latestMergeInto(db: Queryable, workspaceId: string, survivorId: string): Promise<MergeRecord | null> {
  const { rows } = await db.query<MergeRecord>(
    `SELECT ${SELECT} FROM contact_merges
      WHERE workspace_id = $1 AND survivor_id = $2 AND unmerged_at IS NULL
      ORDER BY merged_at DESC, id DESC LIMIT 1`,
    [workspaceId, survivorId],
  );
  return rows[0] ?? null;
}

/** The merge still in place that merged `contactId` itself into another contact. */
export async function mergeStillAbsorbing(db: Queryable, workspaceId: string, contactId: string): Promise<MergeRecord | null> {
  const { rows } = await db.query<MergeRecord>(
    `SELECT ${SELECT} FROM contact_merges WHERE workspace_id = $1 AND merged_id = $2 AND unmerged_at IS NULL LIMIT 1`,
    [workspaceId, contactId],
  );
  return rows[0] ?? null;
}

export async function markUnmerged(db: Queryable, workspaceId: string, id: string, userId: string | null, at: Date): Promise<void> {
  await db.query('UPDATE contact_merges SET unmerged_by = $3, unmerged_at = $4 WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    id,
    userId,
    at,
  ]);
}

/** Merges into `survivorId`, newest first. */
export async function mergesInto(db: Queryable, workspaceId: string, survivorId: string): Promise<MergeRecord[]> {
  const { rows } = await db.query<MergeRecord>(
    `SELECT ${SELECT} FROM contact_merges WHERE workspace_id = $1 AND survivor_id = $2 ORDER BY merged_at DESC, id DESC LIMIT 500`,
    [workspaceId, survivorId],
  );
  return rows;
}

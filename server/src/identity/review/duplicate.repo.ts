/**
 * SQL for the duplicate review queue. A pair is shown only while its contacts exist and the actor
 * may see every contact in it (record-level access), so a reviewer never learns of a contact they
 * cannot open. A merged pair is the exception: its merged contact is gone, so it is shown from the
 * row its merge kept, beside the survivor (which the actor must be able to see) as the merge found
 * it, and the merge, from which a reviewer opens the survivor or undoes the merge.
 */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import type { CursorValue } from '../../platform/http/cursor.js';
import { shownHandle, shownName } from '../../platform/text/identity-handle.js';
import { recordScope } from '../../crm/index.js';
import type { DuplicateCandidate, DuplicateKind, DuplicateStatus } from './duplicate.schema.js';
import { asAtMerge, type MergedPairRow } from './merged-pair.js';

const listOf = (array: string, key: string) =>
  `(SELECT coalesce(jsonb_agg(x->>'${key}'), '[]'::jsonb) FROM jsonb_array_elements(${array}) x)`;

function liveContact(alias: string): string {
  return `jsonb_build_object(
    'id', ${alias}.id, 'displayName', ${alias}.display_name, 'firstName', ${alias}.first_name, 'lastName', ${alias}.last_name,
    'title', ${alias}.title, 'emails', ${listOf(`${alias}.emails`, 'address')},
    'phones', ${listOf(`${alias}.phones`, 'number')}, 'handles', ${listOf(`${alias}.social_handles`, 'handle')},
    'companyName', ${alias}_co.name, 'lifecycleStage', ${alias}.lifecycle_stage, 'updatedAt', ${alias}.updated_at)`;
}

/** The merged contact as its merge kept it (the stored row, by column name). */
const MERGED_CONTACT = `jsonb_build_object(
    'id', m.merged_id, 'displayName', m.merged_contact->>'display_name', 'firstName', m.merged_contact->>'first_name',
    'lastName', m.merged_contact->>'last_name', 'title', m.merged_contact->>'title', 'emails', ${listOf("m.merged_contact->'emails'", 'address')},
    'phones', ${listOf("m.merged_contact->'phones'", 'number')}, 'handles', ${listOf("m.merged_contact->'social_handles'", 'handle')},
    'companyName', (SELECT name FROM companies WHERE workspace_id = d.workspace_id AND id = (m.merged_contact->>'company_id')::uuid),
    'lifecycleStage', m.merged_contact->>'lifecycle_stage', 'updatedAt', m.merged_contact->'updated_at')`;

function contactSummary(alias: 'l' | 'r'): string {
  const id = alias === 'l' ? 'd.left_id' : 'd.right_id';
  return `CASE WHEN ${alias}.id IS NOT NULL THEN ${liveContact(alias)} WHEN m.merged_id = ${id} THEN ${MERGED_CONTACT} END`;
}

const SELECT = `d.id, d.kind, d.status, d.decision, d.probability, d.weight, d.evidence,
  ${contactSummary('l')} AS "left", ${contactSummary('r')} AS "right",
  CASE WHEN i.id IS NULL THEN NULL ELSE jsonb_build_object(
    'id', i.id, 'network', i.network, 'handle', ${shownHandle('i')}, 'displayName', ${shownName('i')},
    'profileUrl', i.profile_url, 'avatarUrl', i.avatar_url, 'email', i.email) END AS identity,
  CASE WHEN m.id IS NULL THEN NULL ELSE jsonb_build_object(
    'id', m.id, 'survivorId', m.survivor_id, 'mergedId', m.merged_id, 'mergedAt', m.merged_at,
    'survivorName', CASE WHEN m.survivor_id = d.left_id THEN l.display_name ELSE r.display_name END) END AS merge,
  m.survivor_before AS "survivorBefore",
  (SELECT name FROM companies WHERE workspace_id = d.workspace_id AND id = (m.survivor_before->>'companyId')::uuid) AS "survivorCompanyBefore",
  d.created_at AS "createdAt", d.decided_at AS "decidedAt", d.decided_by AS "decidedBy"`;

/** The merge a merged pair was closed by, while it stands (an unmerge reopens the pair). */
const FROM = `duplicate_candidates d
  LEFT JOIN LATERAL (
    SELECT id, survivor_id, merged_id, merged_at, merged_contact, survivor_before FROM contact_merges
     WHERE d.status = 'merged' AND workspace_id = d.workspace_id AND merged_id IN (d.left_id, d.right_id)
       AND duplicate_id = d.id AND unmerged_at IS NULL
     LIMIT 1
  ) m ON true
  LEFT JOIN contacts r ON r.workspace_id = d.workspace_id AND r.id = d.right_id
  LEFT JOIN companies r_co ON r_co.workspace_id = r.workspace_id AND r_co.id = r.company_id
  LEFT JOIN contacts l ON d.kind = 'contact' AND l.workspace_id = d.workspace_id AND l.id = d.left_id
  LEFT JOIN companies l_co ON l_co.workspace_id = l.workspace_id AND l_co.id = l.company_id
  LEFT JOIN social_identities i ON d.kind = 'identity' AND i.workspace_id = d.workspace_id AND i.id = d.left_id`;

/**
 * Each side exists (or, merged, is kept by its merge), the actor may see every contact that
 * exists, and at least one does. Appends to `params`.
 */
function visible(ctx: Ctx, params: unknown[]): string {
  const right = recordScope(ctx.actor, 'r', params);
  const left = recordScope(ctx.actor, 'l', params);
  const contactPair = `(l.id IS NOT NULL OR m.merged_id = d.left_id) AND (r.id IS NOT NULL OR m.merged_id = d.right_id)
    AND (l.id IS NOT NULL OR r.id IS NOT NULL) AND (l.id IS NULL OR ${left}) AND (r.id IS NULL OR ${right})`;
  return `CASE WHEN d.kind = 'contact' THEN ${contactPair} ELSE r.id IS NOT NULL AND ${right} AND i.id IS NOT NULL END`;
}

export interface ListFilter {
  status: DuplicateStatus;
  kind?: DuplicateKind | undefined;
  /** The pairs of one identity (the inbox's customer panel asks which contacts its author may be). */
  identityId?: string | undefined;
  /** The pairs one contact is in, on either side (its page says who it may also be). */
  contactId?: string | undefined;
}

function filterConditions(filter: ListFilter, params: unknown[]): string {
  params.push(filter.status);
  let conditions = `d.status = $${params.length}`;
  if (filter.kind) {
    params.push(filter.kind);
    conditions += ` AND d.kind = $${params.length}`;
  }
  if (filter.identityId) {
    params.push(filter.identityId);
    conditions += ` AND d.kind = 'identity' AND d.left_id = $${params.length}::uuid`;
  }
  if (filter.contactId) {
    params.push(filter.contactId);
    const contact = `$${params.length}::uuid`;
    conditions += ` AND (d.right_id = ${contact} OR (d.kind = 'contact' AND d.left_id = ${contact}))`;
  }
  return conditions;
}

/** Strongest first; one row more than `limit` tells whether another page follows. */
export async function listCandidates(
  ctx: Ctx,
  filter: ListFilter,
  after: CursorValue | null,
  limit: number,
): Promise<DuplicateCandidate[]> {
  const params: unknown[] = [ctx.workspaceId];
  let conditions = filterConditions(filter, params);
  if (after) {
    params.push(Number(after.v), after.id);
    const [v, id] = [params.length - 1, params.length];
    conditions += ` AND (d.probability < $${v}::real OR (d.probability = $${v}::real AND d.id > $${id}::uuid))`;
  }
  conditions += ` AND ${visible(ctx, params)}`;
  params.push(limit + 1);
  const { rows } = await ctx.db.query<MergedPairRow>(
    `SELECT ${SELECT} FROM ${FROM} WHERE d.workspace_id = $1 AND ${conditions} ORDER BY d.probability DESC, d.id LIMIT $${params.length}`,
    params,
  );
  return rows.map(asAtMerge);
}

export async function countCandidates(ctx: Ctx, filter: ListFilter): Promise<number> {
  const params: unknown[] = [ctx.workspaceId];
  const conditions = `${filterConditions(filter, params)} AND ${visible(ctx, params)}`;
  const { rows } = await ctx.db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM ${FROM} WHERE d.workspace_id = $1 AND ${conditions}`,
    params,
  );
  return rows[0]!.count;
}

export async function findCandidate(ctx: Ctx, id: string, db: Queryable = ctx.db, forUpdate = false): Promise<DuplicateCandidate | null> {
  const params: unknown[] = [ctx.workspaceId, id];
  const { rows } = await db.query<MergedPairRow>(
    `SELECT ${SELECT} FROM ${FROM} WHERE d.workspace_id = $1 AND d.id = $2 AND ${visible(ctx, params)}${forUpdate ? ' FOR UPDATE OF d' : ''}`,
    params,
  );
  return rows[0] ? asAtMerge(rows[0]) : null;
}

/** Closes an open pair with a reviewer's decision; false when it was no longer open. */
export async function decideCandidate(
  db: Queryable,
  workspaceId: string,
  id: string,
  status: Exclude<DuplicateStatus, 'open'>,
  userId: string | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE duplicate_candidates SET status = $3, decided_by = $4, decided_at = now(), updated_at = now()
      WHERE workspace_id = $1 AND id = $2 AND status = 'open'`,
    [workspaceId, id, status, userId],
  );
  return rowCount > 0;
}

/** The open contact pair `id`, closed as merged; null when there is none. */
export async function closeMergedPair(
  db: Queryable,
  workspaceId: string,
  id: string,
  contacts: readonly [string, string],
  userId: string | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE duplicate_candidates SET status = 'merged', decided_by = $3, decided_at = now(), updated_at = now()
      WHERE workspace_id = $1 AND id = $2 AND kind = 'contact' AND status = 'open'
        AND left_id = LEAST($4::uuid, $5::uuid) AND right_id = GREATEST($4::uuid, $5::uuid)`,
    [workspaceId, id, userId, contacts[0], contacts[1]],
  );
  return rowCount > 0;
}

/** The merged pair of these two contacts, open again; false when there was none. */
export async function reopenMergedPair(db: Queryable, workspaceId: string, contactA: string, contactB: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE duplicate_candidates SET status = 'open', decided_by = NULL, decided_at = NULL, updated_at = now()
      WHERE workspace_id = $1 AND kind = 'contact' AND status = 'merged'
        AND left_id = LEAST($2::uuid, $3::uuid) AND right_id = GREATEST($2::uuid, $3::uuid)`,
    [workspaceId, contactA, contactB],
  );
  return rowCount > 0;
}

export interface ExportedPair {
  id: string;
  leftId: string;
  leftName: string;
  leftEmails: string[];
  rightId: string;
  rightName: string;
  rightEmails: string[];
  probability: number;
  weight: number;
  decision: 'link' | 'review';
  evidence: { field: string; level: string; weight: number }[];
}

const emailsOf = (alias: string) => `ARRAY(SELECT e->>'address' FROM jsonb_array_elements(${alias}.emails) e)`;

/** Contact pairs for review outside the app (no record scope: the command line acts for the workspace), strongest first. */
export async function exportContactPairs(
  db: Queryable,
  workspaceId: string,
  status: DuplicateStatus,
  after: { probability: number; id: string } | null,
  limit: number,
): Promise<ExportedPair[]> {
  const { rows } = await db.query<ExportedPair>(
    `SELECT d.id, l.id AS "leftId", l.display_name AS "leftName", ${emailsOf('l')} AS "leftEmails",
            r.id AS "rightId", r.display_name AS "rightName", ${emailsOf('r')} AS "rightEmails",
            d.probability, d.weight, d.decision, d.evidence
       FROM duplicate_candidates d
       JOIN contacts l ON l.workspace_id = d.workspace_id AND l.id = d.left_id
       JOIN contacts r ON r.workspace_id = d.workspace_id AND r.id = d.right_id
      WHERE d.workspace_id = $1 AND d.kind = 'contact' AND d.status = $2
        AND ($3::real IS NULL OR d.probability < $3::real OR (d.probability = $3::real AND d.id > $4::uuid))
      ORDER BY d.probability DESC, d.id LIMIT $5`,
    [workspaceId, status, after?.probability ?? null, after?.id ?? null, limit],
  );
  return rows;
}

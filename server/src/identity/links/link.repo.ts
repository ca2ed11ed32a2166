/** SQL for link decisions (`identity_links`), a contact's identities, and the identity picker. */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import type { CursorValue } from '../../platform/http/cursor.js';
import { recordScope } from '../../crm/index.js';
import type { Evidence } from '../matching/index.js';
import { runWrites, type WritePartAt } from '../../platform/db/write-part.js';
import { shownHandle, shownName } from '../../platform/text/identity-handle.js';
import type { IdentityListQuery, IdentitySummary, LinkedIdentity, LinkMethod, LinkRule } from './link.schema.js';

export interface LinkDecision {
  identityId: string;
  contactId: string;
  method: LinkMethod;
  rule: LinkRule | null;
  probability: number | null;
  weight: number | null;
  evidence: readonly Evidence[];
  decidedBy: string | null;
}

/** Decisions as the JSON records the statements below read with `jsonb_to_recordset`, each with a new id. */
function decisionRows(decisions: readonly LinkDecision[]) {
  return decisions.map((d) => ({
    id: newId(),
    identity_id: d.identityId,
    contact_id: d.contactId,
    method: d.method,
    rule: d.rule,
    probability: d.probability,
    weight: d.weight,
    evidence: d.evidence,
    decided_by: d.decidedBy,
  }));
}

/** Records decisions, one `identity_links` row each, in one statement. */
export async function insertDecisions(
  tx: Queryable,
  workspaceId: string,
  action: 'link' | 'unlink',
  decisions: readonly LinkDecision[],
  at: Date,
): Promise<void> {
  if (decisions.length === 0) return;
  const rows = decisionRows(decisions);
  await tx.query(
    `INSERT INTO identity_links (workspace_id, id, identity_id, contact_id, action, method, rule, probability, weight, evidence, decided_by, created_at)
     SELECT $1, d.id, d.identity_id, d.contact_id, $2, d.method, d.rule, d.probability, d.weight, d.evidence, d.decided_by, $4
       FROM jsonb_to_recordset($3::jsonb)
         AS d(id uuid, identity_id uuid, contact_id uuid, method text, rule text, probability real, weight real, evidence jsonb, decided_by uuid)`,
    [workspaceId, action, JSON.stringify(rows), at],
  );
}

/**
 * `linkWrites`' common table expressions that settle the linked identities' review pairs (see
 * there); reads `d`. A pair dismissed before (by "Not a duplicate", or by an unlink) becomes linked
 * too: the person's latest decision is the one the review queue shows and the next fit learns.
 */
const SETTLE_PAIRS = `, decided AS (
       UPDATE duplicate_candidates p SET status = 'linked', decided_by = d.decided_by, decided_at = now(), updated_at = now()
         FROM d
        WHERE d.decided_by IS NOT NULL AND p.workspace_id = $1 AND p.kind = 'identity' AND p.left_id = d.identity_id
          AND p.right_id = d.contact_id AND p.status IN ('open', 'dismissed')
        RETURNING p.id
     ), dropped AS (
       -- The statement sees one snapshot: the pairs just decided are left out rather than changed twice.
       DELETE FROM duplicate_candidates p USING d
        WHERE p.workspace_id = $1 AND p.kind = 'identity' AND p.left_id = d.identity_id AND p.status = 'open'
          AND p.id NOT IN (SELECT id FROM decided)
     )`;

/**
 * Links each identity to its contact: the decisions recorded, the identities linked and marked
 * matched, their conversations given the contact, their open pairs settled (a person who linked
 * one decided the pair with that contact, a labelled match for the model; the rest, and any pair
 * after an automatic link, carry no one's judgement and go) and an `identity.linked` event each.
 * One statement however many links, or part of a larger one: matching on arrival is on the ingest path.
 *
 * `neverMatched`: the identities were never matched before, so they have no pairs to settle and the
 * pair table is left alone. Matching on arrival claims only such identities, and review pairs are
 * written only by matching, which marks its identities matched. Joined with the decisions (a JSON
 * list the planner takes for a hundred rows), the pairs were planned as a scan of every pair in the
 * workspace: 3.7 ms per arrival on PGlite at 6,000 pairs, and more as a workspace's pairs grow.
 */
export function linkWrites(decisions: readonly LinkDecision[], { neverMatched = false } = {}): WritePartAt {
  return (first) =>
    decisions.length === 0
      ? null
      : {
          ctes: `d AS (
       SELECT * FROM jsonb_to_recordset($${first}::jsonb) AS d(id uuid, identity_id uuid, contact_id uuid, method text, rule text,
                                                         probability float8, weight float8, evidence jsonb, decided_by uuid)
     ), decisions AS (
       INSERT INTO identity_links (workspace_id, id, identity_id, contact_id, action, method, rule, probability, weight, evidence, decided_by, created_at)
       SELECT $1, d.id, d.identity_id, d.contact_id, 'link', d.method, d.rule, d.probability, d.weight, d.evidence, d.decided_by, $2 FROM d
     ), identities AS (
       UPDATE social_identities i SET contact_id = d.contact_id, matched_at = $2
         FROM d WHERE i.workspace_id = $1 AND i.id = d.identity_id
     ), conversations AS (
       UPDATE conversations c SET contact_id = d.contact_id
         FROM d WHERE c.workspace_id = $1 AND c.identity_id = d.identity_id AND c.contact_id IS NULL
     )${neverMatched ? '' : SETTLE_PAIRS}`,
          sql: `INSERT INTO events (workspace_id, type, subject_type, subject_id, actor_id, data)
     SELECT $1, 'identity.linked', 'identity', d.identity_id::text, d.decided_by,
            jsonb_build_object('contactId', d.contact_id, 'method', d.method, 'rule', d.rule, 'probability', d.probability)
       FROM d`,
          params: [JSON.stringify(decisionRows(decisions))],
        };
}

/** `linkWrites` as a statement of its own. */
export async function recordLinks(tx: Queryable, workspaceId: string, decisions: readonly LinkDecision[], at: Date): Promise<void> {
  await runWrites(tx, workspaceId, at, [linkWrites(decisions)]);
}

/**
 * Gives the conversations of linked identities, among those named or of the identities named,
 * the contact their identity is linked to where they have none.
 */
export async function fillConversationContacts(
  tx: Queryable,
  workspaceId: string,
  identityIds: readonly string[],
  conversationIds: readonly string[],
): Promise<void> {
  await tx.query(
    `UPDATE conversations c SET contact_id = i.contact_id
       FROM social_identities i
      WHERE c.workspace_id = $1 AND c.contact_id IS NULL
        AND (c.identity_id = ANY($2::uuid[]) OR c.id = ANY($3::uuid[]))
        AND i.workspace_id = $1 AND i.id = c.identity_id AND i.contact_id IS NOT NULL`,
    [workspaceId, identityIds, conversationIds],
  );
}

/**
 * Detaches the identity, and the conversations it brought to the contact, from the contact. It
 * stays matched, so matching on arrival leaves it alone: a person decided.
 */
export async function detachIdentity(tx: Queryable, workspaceId: string, identityId: string, contactId: string, at: Date) {
  await tx.query(
    `UPDATE social_identities SET contact_id = NULL, matched_at = coalesce(matched_at, $3)
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, identityId, at],
  );
  await tx.query('UPDATE conversations SET contact_id = NULL WHERE workspace_id = $1 AND identity_id = $2 AND contact_id = $3', [
    workspaceId,
    identityId,
    contactId,
  ]);
}

/**
 * A person unlinked the identity from the contact: their pair, open or linked, is dismissed with
 * who and when, as "Not a duplicate" would, so it is not proposed again and counts as a non-match
 * at the next fit. Returns the pair, or null when matching never proposed the two (a link by rule
 * or score, or by hand before any pair).
 */
export async function dismissPairOfUnlink(
  tx: Queryable,
  workspaceId: string,
  identityId: string,
  contactId: string,
  decidedBy: string,
  at: Date,
): Promise<{ id: string; probability: number } | null> {
  const { rows } = await tx.query<{ id: string; probability: number }>(
    `UPDATE duplicate_candidates SET status = 'dismissed', decided_by = $4, decided_at = $5, updated_at = $5
      WHERE workspace_id = $1 AND kind = 'identity' AND left_id = $2 AND right_id = $3 AND status IN ('open', 'linked')
      RETURNING id, probability`,
    [workspaceId, identityId, contactId, decidedBy, at],
  );
  return rows[0] ?? null;
}

const IDENTITY_FIELDS = `i.id, i.network, ${shownHandle('i')} AS handle, ${shownName('i')} AS "displayName", i.profile_url AS "profileUrl",
  i.avatar_url AS "avatarUrl", i.email, i.followers`;

/** The contact's identities, each with the latest decision that linked it. */
export async function identitiesOfContact(
  db: Queryable,
  workspaceId: string,
  contactId: string,
  identityId?: string,
): Promise<LinkedIdentity[]> {
  const params: unknown[] = [workspaceId, contactId];
  if (identityId) params.push(identityId);
  const { rows } = await db.query<LinkedIdentity>(
    `SELECT ${IDENTITY_FIELDS},
            CASE WHEN l.id IS NULL THEN NULL ELSE jsonb_build_object(
              'method', l.method, 'rule', l.rule, 'probability', l.probability, 'evidence', l.evidence,
              'decidedBy', l.decided_by, 'linkedAt', l.created_at) END AS link
       FROM social_identities i
       LEFT JOIN LATERAL (
         SELECT id, method, rule, probability, evidence, decided_by, created_at FROM identity_links
          WHERE workspace_id = i.workspace_id AND identity_id = i.id AND contact_id = i.contact_id AND action = 'link'
          ORDER BY created_at DESC, id DESC LIMIT 1
       ) l ON true
      WHERE i.workspace_id = $1 AND i.contact_id = $2${identityId ? ' AND i.id = $3' : ''}
      ORDER BY i.network, lower(i.handle), i.id`,
    params,
  );
  return rows;
}

/** Most recently seen first; a contact's name only when the actor may see the contact. */
export async function listIdentities(
  ctx: Ctx,
  query: IdentityListQuery,
  after: CursorValue | null,
  limit: number,
): Promise<(IdentitySummary & { seenAt: Date })[]> {
  const params: unknown[] = [ctx.workspaceId];
  const where = ['i.workspace_id = $1'];
  if (query.q) {
    params.push(`%${query.q.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    const like = `$${params.length}`;
    where.push(`(lower(i.handle) LIKE ${like} OR lower(i.display_name) LIKE ${like} OR lower(coalesce(i.email, '')) LIKE ${like})`);
  }
  if (query.linked !== undefined) where.push(query.linked ? 'i.contact_id IS NOT NULL' : 'i.contact_id IS NULL');
  if (query.network) {
    params.push(query.network);
    where.push(`i.network = $${params.length}`);
  }
  if (after) {
    params.push(after.v, after.id);
    where.push(`(i.last_seen_at, i.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const visible = recordScope(ctx.actor, 'c', params);
  params.push(limit + 1);
  const { rows } = await ctx.db.query<IdentitySummary & { seenAt: Date }>(
    `SELECT ${IDENTITY_FIELDS}, i.contact_id AS "contactId", CASE WHEN ${visible} THEN c.display_name END AS "contactName",
            i.last_seen_at AS "seenAt"
       FROM social_identities i
       LEFT JOIN contacts c ON c.workspace_id = i.workspace_id AND c.id = i.contact_id
      WHERE ${where.join(' AND ')}
      ORDER BY i.last_seen_at DESC, i.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

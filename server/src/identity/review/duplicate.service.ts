/**
 * Use cases of the duplicate review queue: listing pairs, and a reviewer's decisions on them — not
 * a duplicate, or this identity is this contact. Merging two contacts is the merge's own use case;
 * it closes its pair through `markCandidateMerged`.
 */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { recordEvents } from '../../platform/events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId } from '../../platform/http/cursor.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { findIdentity } from '../identity.repo.js';
import { linkIdentity, unlinkIdentity } from '../links/link.service.js';
import type { Evidence } from '../matching/index.js';
import * as repo from './duplicate.repo.js';
import type { DuplicateCandidate, DuplicateCountQuery, DuplicateListQuery } from './duplicate.schema.js';

export async function listDuplicates(ctx: Ctx, query: DuplicateListQuery) {
  const limit = query.limit ?? 50;
  const filter = { status: query.status ?? 'open', kind: query.kind, identityId: query.identityId, contactId: query.contactId };
  const after = decodeCursor(query.cursor);
  // A probability, from 0 to 1: the cursor's value is compared as a `real`, which 1e308 overflows.
  if (after && (typeof after.v !== 'number' || after.v < 0 || after.v > 1 || !isCursorId(after.id))) throw cursorNotGivenOut();
  const rows = await repo.listCandidates(ctx, filter, after, limit);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { data: items, nextCursor: rows.length > limit && last ? encodeCursor({ v: last.probability, id: last.id }) : null };
}

export async function countDuplicates(ctx: Ctx, query: DuplicateCountQuery) {
  return { count: await repo.countCandidates(ctx, { status: query.status ?? 'open', kind: query.kind }) };
}

export async function getDuplicate(ctx: Ctx, id: string): Promise<DuplicateCandidate> {
  const candidate = await repo.findCandidate(ctx, id);
  if (!candidate) throw notFound('Duplicate');
  return candidate;
}

async function openCandidate(ctx: Ctx, tx: Queryable, id: string): Promise<DuplicateCandidate> {
  const candidate = await repo.findCandidate(ctx, id, tx, true);
  if (!candidate) throw notFound('Duplicate');
  if (candidate.status !== 'open') throw conflict('duplicate_decided', `This pair was already decided: ${candidate.status}`);
  return candidate;
}

function decisionEvent(ctx: Ctx, type: string, candidate: DuplicateCandidate) {
  return {
    workspaceId: ctx.workspaceId,
    type,
    subjectType: 'duplicate',
    subjectId: candidate.id,
    actorId: ctx.actor.userId,
    data: {
      kind: candidate.kind,
      leftId: candidate.kind === 'contact' ? candidate.left!.id : candidate.identity!.id,
      rightId: candidate.right.id,
      probability: candidate.probability,
    },
  };
}

/** "Not a duplicate": the pair stays closed, and counts as a non-match at the next model fit. */
export async function dismissDuplicate(ctx: Ctx, db: Db, id: string): Promise<DuplicateCandidate> {
  return db.transaction(async (tx) => {
    const candidate = await openCandidate(ctx, tx, id);
    await repo.decideCandidate(tx, ctx.workspaceId, id, 'dismissed', ctx.actor.userId);
    await recordEvents(tx, [decisionEvent(ctx, 'duplicate.dismissed', candidate)]);
    return (await repo.findCandidate(ctx, id, tx))!;
  });
}

/** "This identity is this contact": links them with the pair's evidence, a match at the next fit. */
export async function linkDuplicate(ctx: Ctx, db: Db, id: string): Promise<DuplicateCandidate> {
  return db.transaction(async (tx) => {
    const candidate = await openCandidate(ctx, tx, id);
    if (candidate.kind !== 'identity') {
      throw invalid([{ field: 'id', reason: 'two contacts are merged, not linked; only an identity pair can be linked' }]);
    }
    const [identityId, contactId] = [candidate.identity!.id, candidate.right.id];
    const identity = await findIdentity(tx, ctx.workspaceId, identityId, true);
    // Linking moves an identity linked to someone else since the pair was queued: an unlink, then the link.
    if (identity?.contactId && identity.contactId !== contactId) {
      await unlinkIdentity(tx, ctx.workspaceId, identityId, identity.contactId, ctx.actor.userId);
    }
    if (identity?.contactId !== contactId) {
      const { probability, weight } = candidate;
      const evidence = candidate.evidence as Evidence[];
      await linkIdentity(tx, ctx.workspaceId, {
        identityId,
        contactId,
        method: 'manual',
        rule: null,
        probability,
        weight,
        evidence,
        decidedBy: ctx.actor.userId,
      });
    }
    await repo.decideCandidate(tx, ctx.workspaceId, id, 'linked', ctx.actor.userId);
    await recordEvents(tx, [decisionEvent(ctx, 'duplicate.linked', candidate)]);
    return (await repo.findCandidate(ctx, id, tx))!;
  });
}

/**
 * Closes the open pair `duplicateId` of these two contacts as merged, inside the merge's
 * transaction; false when no open pair of theirs has that id. A pair of other contacts is not
 * told apart from one that does not exist or was decided: the member may not see those contacts.
 */
export function markCandidateMerged(
  tx: Queryable,
  workspaceId: string,
  duplicateId: string,
  contacts: readonly [string, string],
  userId: string | null,
): Promise<boolean> {
  return repo.closeMergedPair(tx, workspaceId, duplicateId, contacts, userId);
}

/** After an unmerge the two contacts are a pair to review again; true when a merged pair was reopened. */
export function reopenCandidateAfterUnmerge(tx: Queryable, workspaceId: string, survivorId: string, mergedId: string): Promise<boolean> {
  return repo.reopenMergedPair(tx, workspaceId, survivorId, mergedId);
}

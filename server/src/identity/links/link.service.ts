/**
 * Linking identities to contacts and unlinking them. Every decision is kept in `identity_links`
 * with its evidence and recorded as an event; the current link is `social_identities.contact_id`.
 */
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { recordEvents } from '../../platform/events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId, isCursorInstant } from '../../platform/http/cursor.js';
import { forbidden, notFound, RapportError } from '../../platform/http/errors.js';
import { getContact } from '../../crm/index.js';
import { findIdentity } from '../identity.repo.js';
import * as repo from './link.repo.js';
import type { IdentityListQuery, IdentitySummary, LinkedIdentity } from './link.schema.js';

/** Links the identity (not linked to another contact) and records the decision. */
export async function linkIdentity(tx: Queryable, workspaceId: string, decision: repo.LinkDecision, at = new Date()): Promise<void> {
  await linkIdentities(tx, workspaceId, [decision], at);
}

/** Links each identity (none linked to another contact, each once) and records the decisions, in one statement. */
export async function linkIdentities(tx: Queryable, workspaceId: string, decisions: readonly repo.LinkDecision[], at = new Date()) {
  await repo.recordLinks(tx, workspaceId, decisions, at);
}

/**
 * Unlinks the identity from the contact. Unlinked by a person, it is their "not this contact": the
 * pair of the two, if matching proposed it, is dismissed in their name (`dismissPairOfUnlink`).
 */
export async function unlinkIdentity(tx: Queryable, workspaceId: string, identityId: string, contactId: string, decidedBy: string | null) {
  const at = new Date();
  const decision = {
    identityId,
    contactId,
    method: 'manual',
    rule: null,
    probability: null,
    weight: null,
    evidence: [],
    decidedBy,
  } as const;
  await repo.insertDecisions(tx, workspaceId, 'unlink', [decision], at);
  await repo.detachIdentity(tx, workspaceId, identityId, contactId, at);
  const pair = decidedBy === null ? null : await repo.dismissPairOfUnlink(tx, workspaceId, identityId, contactId, decidedBy, at);
  await recordEvents(tx, [
    { workspaceId, type: 'identity.unlinked', subjectType: 'identity', subjectId: identityId, actorId: decidedBy, data: { contactId } },
    ...(pair
      ? [
          {
            workspaceId,
            type: 'duplicate.dismissed',
            subjectType: 'duplicate',
            subjectId: pair.id,
            actorId: decidedBy,
            data: { kind: 'identity', leftId: identityId, rightId: contactId, probability: pair.probability, byUnlink: true },
          },
        ]
      : []),
  ]);
}

export async function contactIdentities(ctx: Ctx, contactId: string): Promise<{ data: LinkedIdentity[] }> {
  await getContact(ctx, contactId);
  return { data: await repo.identitiesOfContact(ctx.db, ctx.workspaceId, contactId) };
}

/** A person links an identity to a contact; one linked elsewhere moves (an unlink, then a link). */
export async function linkIdentityManually(ctx: Ctx, db: Db, contactId: string, identityId: string): Promise<LinkedIdentity> {
  return db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    await getContact(scoped, contactId);
    const identity = await findIdentity(tx, ctx.workspaceId, identityId, true);
    if (!identity) throw notFound('Identity');
    if (identity.contactId !== contactId) {
      if (identity.contactId !== null) {
        // Moving it changes the other contact too: its timeline and conversations follow the identity.
        await mustSeeCurrentContact(scoped, identity.contactId);
        await unlinkIdentity(tx, ctx.workspaceId, identityId, identity.contactId, ctx.actor.userId);
      }
      const decision = { identityId, contactId, method: 'manual', rule: null, probability: null, weight: null, evidence: [] } as const;
      await linkIdentity(tx, ctx.workspaceId, { ...decision, decidedBy: ctx.actor.userId });
    }
    return (await repo.identitiesOfContact(tx, ctx.workspaceId, contactId, identityId))[0]!;
  });
}

async function mustSeeCurrentContact(ctx: Ctx, contactId: string): Promise<void> {
  try {
    await getContact(ctx, contactId);
  } catch (error) {
    if (error instanceof RapportError && error.status === 404) throw forbidden('The identity is linked to a contact you cannot see');
    throw error;
  }
}

export async function unlinkIdentityManually(ctx: Ctx, db: Db, contactId: string, identityId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await getContact({ ...ctx, db: tx }, contactId);
    const identity = await findIdentity(tx, ctx.workspaceId, identityId, true);
    if (!identity || identity.contactId !== contactId) throw notFound('Linked identity');
    await unlinkIdentity(tx, ctx.workspaceId, identityId, contactId, ctx.actor.userId);
  });
}

export async function listIdentities(ctx: Ctx, query: IdentityListQuery): Promise<{ data: IdentitySummary[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  if (after && (!isCursorInstant(after.v) || !isCursorId(after.id))) throw cursorNotGivenOut();
  const rows = await repo.listIdentities(ctx, query, after, limit);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(({ seenAt: _seenAt, ...identity }) => identity),
    nextCursor: rows.length > limit && last ? encodeCursor({ v: new Date(last.seenAt).toISOString(), id: last.id }) : null,
  };
}

/** Use cases for value scores, tiers and health: the workspace's settings and (re)computing scores. */
import type { Ctx } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { changes, recordEvents, type NewEvent } from '../platform/events/event.js';
import { invalid, type FieldProblem } from '../platform/http/errors.js';
import * as repo from './score.repo.js';
import { queueWorkspaceScoring } from './score.queue.js';
import type { ContactScore, RelationshipSettings, RelationshipSettingsInput } from './score.schema.js';
import { DEFAULT_SETTINGS, scoreContact, type MonetaryRank, type Score, type ScoringSettings } from './scoring.js';

const BATCH = 500;

export async function settingsOf(db: Queryable, workspaceId: string): Promise<RelationshipSettings> {
  return (await repo.findSettings(db, workspaceId)) ?? { ...DEFAULT_SETTINGS, updatedAt: null };
}

export const getRelationshipSettings = (ctx: Ctx) => settingsOf(ctx.db, ctx.workspaceId);

async function settingsProblems(db: Queryable, workspaceId: string, input: RelationshipSettingsInput): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const names = input.tiers.map((t) => t.name);
  if (new Set(names).size !== names.length) problems.push({ field: 'tiers', reason: 'must not name a tier twice' });
  if (!input.tiers.some((t) => t.minScore === 0))
    problems.push({ field: 'tiers', reason: 'needs a tier starting at 0, for everyone else' });
  if (new Set(input.tiers.map((t) => t.minScore)).size !== input.tiers.length)
    problems.push({ field: 'tiers', reason: 'must not give two tiers the same minScore' });
  if (input.monetaryField) {
    const type = await repo.contactFieldType(db, workspaceId, input.monetaryField);
    if (type !== 'number') problems.push({ field: 'monetaryField', reason: 'is not a number custom field of contacts' });
  }
  return problems;
}

/** New settings rescore the whole workspace in the background, so tiers follow them within minutes. */
export async function putRelationshipSettings(ctx: Ctx, db: Db, input: RelationshipSettingsInput): Promise<RelationshipSettings> {
  const problems = await settingsProblems(ctx.db, ctx.workspaceId, input);
  if (problems.length) throw invalid(problems);
  return db.transaction(async (tx) => {
    const before = await settingsOf(tx, ctx.workspaceId);
    const after: RelationshipSettings = {
      weights: input.weights,
      monetaryField: input.monetaryField,
      tiers: [...input.tiers].sort((a, b) => b.minScore - a.minScore),
      quietDays: input.quietDays,
      updatedAt: new Date(),
    };
    await repo.saveSettings(tx, ctx.workspaceId, after);
    const { updatedAt: _b, ...b } = before;
    const { updatedAt: _a, ...a } = after;
    await recordEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'relationship_settings.updated',
        subjectType: 'relationship_settings',
        subjectId: ctx.workspaceId,
        actorId: ctx.actor.userId,
        data: changes(b, a),
      },
    ]);
    await queueWorkspaceScoring(tx, ctx.workspaceId);
    return after;
  });
}

/**
 * A contact's scores as the member may see them. The stored ones count every conversation of the
 * contact; a member who sees only some of them (record scope "own" or "team") is shown scores
 * computed now from those alone, so no count, reason or component tells of conversations hidden
 * from them. Null until the contact is first scored, as for everyone.
 */
export async function contactScoreSeenBy(ctx: Ctx, contactId: string, now = new Date()): Promise<ContactScore | null> {
  const stored = await repo.findScore(ctx.db, ctx.workspaceId, contactId);
  if (stored === null || ctx.actor.recordScope === 'all' || ctx.actor.kind === 'system') return stored;
  const settings = await settingsOf(ctx.db, ctx.workspaceId);
  const field = settings.monetaryField;
  const [facts] = await repo.contactFacts(ctx.db, ctx.workspaceId, [contactId], field, now, ctx.actor);
  if (!facts) return null;
  const { money, ...fact } = facts;
  const monetary = field === null || money === null ? null : await repo.monetaryRank(ctx.db, ctx.workspaceId, field, money);
  return { ...scoreContact({ ...fact, monetary }, settings, now), computedAt: now };
}

/** Finds where a contact's monetary value ranks; the workspace pass ranks from one sorted read. */
type Ranker = (value: number) => Promise<MonetaryRank>;

function rankIn(sorted: readonly number[]): Ranker {
  const firstAtLeast = (value: number, strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? sorted[mid]! <= value : sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return async (value) => {
    const below = firstAtLeast(value, false);
    return { below, equal: firstAtLeast(value, true) - below, total: sorted.length };
  };
}

/**
 * Tells of the contacts whose value score, tier or health moved (open contact pages and lists
 * refresh): one event each, for the members who may see the contact.
 */
function scoreChangedEvents(workspaceId: string, changed: readonly repo.ScoreChange[]): NewEvent[] {
  return changed.map(({ contactId, before, after, audience }) => ({
    workspaceId,
    type: 'contact.score_changed',
    subjectType: 'contact',
    subjectId: contactId,
    actorId: null,
    data: { before, after, recordAudience: audience },
  }));
}

/** A batch's scores and the events of those that changed are written together; a rerun that changes nothing tells nothing. */
async function scoreBatch(db: Db, workspaceId: string, ids: readonly string[], settings: ScoringSettings, rank: Ranker, now: Date) {
  const facts = await repo.contactFacts(db, workspaceId, ids, settings.monetaryField, now);
  const scores: (Score & { contactId: string })[] = [];
  for (const { money, ...fact } of facts) {
    const monetary = money === null ? null : await rank(money);
    scores.push({ contactId: fact.contactId, ...scoreContact({ ...fact, monetary }, settings, now) });
  }
  await db.transaction(async (tx) => {
    const changed = await repo.saveScores(tx, workspaceId, scores, now);
    await recordEvents(tx, scoreChangedEvents(workspaceId, changed));
  });
  return scores.length;
}

/** Scores every contact of the workspace, in batches. Idempotent: a second run rewrites the same scores. */
export async function recomputeWorkspaceScores(
  db: Db,
  workspaceId: string,
  now = new Date(),
): Promise<{ contacts: number; computedAt: Date }> {
  const settings = await settingsOf(db, workspaceId);
  const values = settings.monetaryField ? await repo.monetaryValues(db, workspaceId, settings.monetaryField) : [];
  const rank = rankIn(values);
  let contacts = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await repo.contactIdsAfter(db, workspaceId, after, BATCH);
    if (ids.length === 0) break;
    contacts += await scoreBatch(db, workspaceId, ids, settings, rank, now);
    after = ids.at(-1)!;
    if (ids.length < BATCH) break;
  }
  return { contacts, computedAt: now };
}

/** Above this many contacts, ranking from one sorted read of the workspace's values beats a query per contact. */
const RANK_BY_QUERY_UP_TO = 20;

/** Rescores some contacts of a workspace (those a burst of changes touched) in batches. */
export async function recomputeContactScores(db: Db, workspaceId: string, contactIds: readonly string[], now = new Date()): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const settings = await settingsOf(db, workspaceId);
  const field = settings.monetaryField;
  const rank: Ranker = !field
    ? rankIn([])
    : ids.length <= RANK_BY_QUERY_UP_TO
      ? (value) => repo.monetaryRank(db, workspaceId, field, value)
      : rankIn(await repo.monetaryValues(db, workspaceId, field));
  for (let start = 0; start < ids.length; start += BATCH) {
    await scoreBatch(db, workspaceId, ids.slice(start, start + BATCH), settings, rank, now);
  }
}

export const recomputeScores = (ctx: Ctx, db: Db) => recomputeWorkspaceScores(db, ctx.workspaceId);

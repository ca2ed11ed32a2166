/**
 * The full identity-resolution pass (`rapport identity resolve`, `POST /api/v1/identity/resolve`):
 * fit the workspace's model on all its contacts by EM, with reviewers' decisions folded in; store
 * it; queue every link/review contact pair (decided pairs stay decided, pairs no longer found
 * leave the queue); rebuild the arrival index (while the model is fitted, on a thread of its own);
 * match every identity not matched yet; link by rule the identities matched before that a contact's
 * address or handle now names (a contact added after the author arrived).
 */
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { recordEvents } from '../../platform/events/event.js';
import { upsertCandidates, type CandidateInput } from '../candidates/candidate.repo.js';
import { contactPage } from '../keys/contact-keys.repo.js';
import type { PersonRecord, ScoredPair } from '../matching/index.js';
import { contactPerson } from '../people.js';
import { identitySettingsOf } from '../settings/identity-settings.service.js';
import type { ResolveSummary } from './duplicate.schema.js';
import { decidedPairs, dropStaleContactCandidates, saveModel } from './full-pass.repo.js';
import { matchUnmatchedIdentities } from './identity-pass.js';
import { linkMatchedIdentitiesByRules } from '../keys/rule-links.js';
import { syncContactKeys } from './key-sync.js';
import { resolveOnThread } from './resolve-on-thread.js';

const CONTACT_PAGE = 5_000;
const WRITE_CHUNK = 1_000;

function contactCandidate(pair: ScoredPair): CandidateInput {
  const { left: leftId, right: rightId, probability, weight, evidence, levels } = pair;
  return {
    kind: 'contact',
    leftId,
    rightId,
    probability,
    weight,
    decision: pair.decision === 'link' ? 'link' : 'review',
    evidence,
    levels,
  };
}

async function loadContactPeople(db: Db, workspaceId: string): Promise<PersonRecord[]> {
  const { identifierFields } = await identitySettingsOf(db, workspaceId);
  const people: PersonRecord[] = [];
  for (let after: string | null = null; ;) {
    const page = await contactPage(db, workspaceId, after, CONTACT_PAGE);
    for (const contact of page) people.push(contactPerson(contact, identifierFields));
    if (page.length < CONTACT_PAGE) return people;
    after = page[page.length - 1]!.id;
  }
}

export async function resolveWorkspace(ctx: Ctx, db: Db): Promise<ResolveSummary> {
  const started = performance.now();
  const passStartedAt = new Date();
  const { workspaceId } = ctx;
  const people = await loadContactPeople(db, workspaceId);
  const labelled = await decidedPairs(db, workspaceId);
  // The arrival index depends on the contacts only: it is written while the model is fitted.
  const [resolution] = await Promise.all([resolveOnThread(people, { labelled }), syncContactKeys(db, workspaceId, people)]);
  await saveModel(db, workspaceId, resolution.model, {
    contacts: people.length,
    candidatePairs: resolution.candidatePairs,
    reviewedPairs: labelled.length,
  });

  for (let from = 0; from < resolution.pairs.length; from += WRITE_CHUNK) {
    const rows = resolution.pairs.slice(from, from + WRITE_CHUNK).map(contactCandidate);
    await upsertCandidates(db, workspaceId, rows, passStartedAt);
  }
  await dropStaleContactCandidates(db, workspaceId, passStartedAt);
  const identities = await matchUnmatchedIdentities(db, workspaceId);
  const linkedByRules = await linkMatchedIdentitiesByRules(db, workspaceId);

  const linkPairs = resolution.pairs.filter((pair) => pair.decision === 'link').length;
  const summary: ResolveSummary = {
    contacts: people.length,
    candidatePairs: resolution.candidatePairs,
    linkPairs,
    reviewPairs: resolution.pairs.length - linkPairs,
    clusters: resolution.clusters.length,
    identitiesMatched: identities.matched,
    identitiesLinked: identities.linked + linkedByRules,
    durationMs: Math.round(performance.now() - started),
  };
  await recordEvents(db, [
    { workspaceId, type: 'identity.resolved', subjectType: 'workspace', subjectId: workspaceId, actorId: ctx.actor.userId, data: summary },
  ]);
  return summary;
}

/**
 * Matching a new or changed contact against the other contacts, through the stored keys: pairs
 * the model judges `link` or `review` are queued for a person. Two contacts are never merged
 * automatically (a merge moves history), so a `link` pair is only shown first.
 */
import type { Queryable } from '../../platform/db/db.js';
import { candidateContactIds, contactKeys } from '../keys/contact-keys.js';
import { contactsForMatching } from '../keys/contact-keys.repo.js';
import { scoreCandidates, type PersonRecord } from '../matching/index.js';
import { contactPerson } from '../people.js';
import { identitySettingsOf } from '../settings/identity-settings.service.js';
import { upsertCandidates, type CandidateInput } from './candidate.repo.js';
import { workspaceModel } from './match-model.repo.js';

const MAX_CANDIDATES = 50;

export async function matchContacts(tx: Queryable, workspaceId: string, contactIds: readonly string[]): Promise<number> {
  const { identifierFields } = await identitySettingsOf(tx, workspaceId);
  const contacts = await contactsForMatching(tx, workspaceId, contactIds);
  if (contacts.length === 0) return 0;
  const keysByContact = new Map(contacts.map((contact) => [contact.id, contactKeys(contact, identifierFields)]));
  const found = await candidateContactIds(tx, workspaceId, keysByContact, MAX_CANDIDATES);
  const others = await contactsForMatching(tx, workspaceId, [...new Set([...found.values()].flat())]);
  if (others.length === 0) return 0;
  const people = new Map<string, PersonRecord>(others.map((other) => [other.id, contactPerson(other, identifierFields)]));
  const model = await workspaceModel(tx, workspaceId);
  const pairs: CandidateInput[] = [];
  for (const contact of contacts) {
    const candidates = (found.get(contact.id) ?? []).flatMap((id) => people.get(id) ?? []);
    for (const pair of scoreCandidates(model, contactPerson(contact, identifierFields), candidates)) {
      const decision = pair.decision === 'link' ? 'link' : 'review';
      pairs.push({ kind: 'contact', leftId: pair.left, rightId: pair.right, ...pair, decision });
    }
  }
  await upsertCandidates(tx, workspaceId, pairs);
  return pairs.length;
}

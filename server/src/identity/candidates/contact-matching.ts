/**
 * Matching a new or changed contact against the other contacts, through the stored keys: pairs
 * the model judges `link` or `review` are queued for a person. Two contacts are never merged
 * automatically (a merge moves history), so a `link` pair is only shown first.
 */
import type { Queryable } from '../../platform/db/db.js';
import { candidateContactIds } from '../keys/contact-keys.js';
import { contactsForMatching, type ContactForMatching } from '../keys/contact-keys.repo.js';
import { scoreCandidates, type PersonRecord } from '../matching/index.js';
import { contactPerson } from '../people.js';
import { upsertCandidates, type CandidateInput } from './candidate.repo.js';
import { workspaceModel } from './match-model.repo.js';

const MAX_CANDIDATES = 50;

/**
 * `contacts` with their keys (`keysOfContacts`), already stored in the index so that two alike
 * contacts changed together find each other.
 */
export async function matchContacts(
  tx: Queryable,
  workspaceId: string,
  contacts: readonly ContactForMatching[],
  keysByContact: ReadonlyMap<string, readonly string[]>,
  identifierFields: readonly string[],
): Promise<number> {
  if (contacts.length === 0) return 0;
  const found = await candidateContactIds(tx, workspaceId, keysByContact, MAX_CANDIDATES);
  const inHand = new Map(contacts.map((contact) => [contact.id, contact]));
  const candidateIds = [...new Set([...found.values()].flat())];
  const others = [
    ...candidateIds.flatMap((id) => inHand.get(id) ?? []),
    ...(await contactsForMatching(
      tx,
      workspaceId,
      candidateIds.filter((id) => !inHand.has(id)),
    )),
  ];
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

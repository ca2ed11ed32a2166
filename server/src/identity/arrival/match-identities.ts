/**
 * Matching authors on arrival, inside the ingest batch's transaction: each identity not matched
 * yet is matched once. Deterministic rules first (the same personal e-mail, profile or handle as a
 * contact), then the workspace's model over the contacts its keys find: a `link` links, a `review`
 * queues an identity ↔ contact pair. An e-mail sender nobody knows becomes a contact when the
 * workspace wants that. Every look-up is one query for the whole batch, and the look-ups are few:
 * the identities with the workspace's settings and model version, together with every contact the
 * rules and keys find and, whole, the contacts scoring will compare it with (when the caller saw
 * the identities as stored; after them otherwise): those its arrival keys rank first, or, for an
 * identity a rule key finds but cannot decide (two contacts hold its address), those holders. A
 * candidate not sent whole is read in one more query (only its version when this process holds it
 * normalised already); the model comes from this process's cache. All writes are one statement: the
 * new senders' contacts and their keys, every link and every review pair. What an arrival's tail is
 * made of at a million contacts is the pages its statements read past the buffer cache
 * (docs/benchmarks.md).
 */
import { contactsWrite, namePartsOf } from '../../crm/index.js';
import { systemActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { candidateWrites, type CandidateInput } from '../candidates/candidate.repo.js';
import { workspaceModelFittedAt } from '../candidates/match-model.repo.js';
import { MAX_BLOCK_SIZE, newContactKeyWrites, rankedCandidates } from '../keys/contact-keys.js';
import { linkWrites, type LinkDecision } from '../links/link.repo.js';
import type { LinkRule } from '../links/link.schema.js';
import {
  arrivalKeys,
  canonicalEmail,
  canonicalHandle,
  normalisePerson,
  scoreNormalisedCandidates,
  type NormalisedPerson,
  type ScoredPair,
} from '../matching/index.js';
import { identityPerson, profileForm, type MatchableIdentity } from '../people.js';
import { DEFAULT_IDENTITY_SETTINGS, type IdentitySettings } from '../settings/identity-settings.schema.js';
import { runWrites, type WritePartAt } from '../../platform/db/write-part.js';
import * as repo from './arrival.repo.js';
import { candidatePeople } from './candidate-people.js';

/** Contacts scored per identity: the ones sharing the most keys. */
const MAX_CANDIDATES = 50;
/** Review pairs queued per identity: a reviewer looks at the strongest few, not a crowd of namesakes. */
const MAX_REVIEW_PAIRS = 3;

interface Arrival {
  identity: MatchableIdentity;
  person: NormalisedPerson;
  /** Keys finding the contacts to score it against. */
  keys: string[];
  /** The address as contacts store it, when it is a personal one. */
  personalEmail: string | null;
  profileKey: string | null;
}

interface RuleMatch {
  contactId: string;
  rule: LinkRule;
}

function arrivalOf(identity: MatchableIdentity): Arrival {
  const person = normalisePerson(identityPerson(identity));
  const email = identity.email?.trim().toLowerCase() ?? null;
  const profile = identity.profileUrl ? canonicalHandle(profileForm(identity.profileUrl)) : null;
  return {
    identity,
    person,
    keys: arrivalKeys(person),
    personalEmail: email !== null && canonicalEmail(email) !== null ? email : null,
    profileKey: profile === null ? null : `h:${profile}`,
  };
}

function settingsOf(identity: repo.ArrivingIdentity): IdentitySettings {
  if (identity.identifierFields === null) return DEFAULT_IDENTITY_SETTINGS;
  return {
    identifierFields: identity.identifierFields,
    createContactsFromEmail: identity.createContactsFromEmail!,
    updatedAt: identity.settingsUpdatedAt,
  };
}

/**
 * Everything to look up for these arrivals: their personal addresses and rule keys, and the
 * arrival keys of all of them (those a rule links simply go unused: one round trip is cheaper).
 */
function lookUpsFor(arrivals: readonly Arrival[]): repo.ContactLookups {
  const keysOf = (a: Arrival, keys: readonly string[]) => keys.map((key) => ({ identityId: a.identity.id, key }));
  return {
    emails: arrivals.flatMap((a) => (a.personalEmail ? [{ identityId: a.identity.id, email: a.personalEmail }] : [])),
    ruleKeys: arrivals.flatMap((a) => keysOf(a, [...a.person.emails.map((e) => `e:${e}`), ...a.person.handles.map((h) => `h:${h}`)])),
    ruleCap: 1,
    blockKeys: arrivals.flatMap((a) => keysOf(a, a.keys)),
    blockCap: MAX_BLOCK_SIZE,
    candidateCap: MAX_CANDIDATES,
  };
}

/** The fields matching reads from an identity, as the caller saw them. */
export type SeenIdentity = Omit<MatchableIdentity, 'id'>;

function sameFields(seen: MatchableIdentity | undefined, stored: MatchableIdentity): boolean {
  return (
    seen !== undefined &&
    seen.network === stored.network &&
    seen.handle === stored.handle &&
    seen.displayName === stored.displayName &&
    seen.profileUrl === stored.profileUrl &&
    seen.email === stored.email
  );
}

/**
 * The look-ups for the claimed identities: those made with the claim (`wanted`, run for the
 * claimed only), again for those stored otherwise than seen (`missed`). A key's holders are the
 * same whoever asked, so the second look-up only adds keys the first did not run; the first's
 * addresses for an identity seen otherwise are dropped.
 */
async function lookUpsOfClaimed(
  tx: Queryable,
  workspaceId: string,
  arrivals: readonly Arrival[],
  missed: readonly Arrival[],
  wanted: repo.ContactLookups,
  found: repo.LookupRows,
): Promise<repo.LookupRows> {
  if (missed.length === 0) return found;
  const again = await repo.lookUpContacts(tx, workspaceId, lookUpsFor(missed));
  const redone = new Set(missed.map((a) => a.identity.id));
  const claimed = new Set(arrivals.map((a) => a.identity.id));
  const asked = new Set([...wanted.ruleKeys, ...wanted.blockKeys].filter((k) => claimed.has(k.identityId)).map((k) => k.key));
  return {
    byEmail: [...found.byEmail.filter((row) => !redone.has(row.identityId)), ...again.byEmail],
    ruleHolders: [...found.ruleHolders, ...again.ruleHolders.filter((row) => !asked.has(row.key))],
    blockHolders: [...found.blockHolders, ...again.blockHolders.filter((row) => !asked.has(row.key))],
    candidates: new Map([...found.candidates, ...again.candidates]),
  };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string) {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

/**
 * The contact a rule names, or none. Two contacts holding the same address or handle are
 * probably duplicates themselves: no rule can choose, so scoring decides among them, and only
 * among them (the address is the person's; a namesake elsewhere is not a better guess).
 */
function ruleMatches(arrivals: readonly Arrival[], found: repo.LookupRows) {
  const byEmail = new Map<string, Set<string>>();
  const byHandle = new Map<string, Set<string>>();
  const viaProfile = new Map<string, Set<string>>();
  for (const row of found.byEmail) addTo(byEmail, row.identityId, row.contactId);
  const holders = new Map<string, string[]>();
  for (const row of found.ruleHolders) holders.set(row.key, [...(holders.get(row.key) ?? []), row.contactId]);
  for (const { identity, person, profileKey } of arrivals) {
    for (const email of person.emails) for (const id of holders.get(`e:${email}`) ?? []) addTo(byEmail, identity.id, id);
    for (const handle of person.handles) {
      for (const id of holders.get(`h:${handle}`) ?? []) {
        addTo(byHandle, identity.id, id);
        if (`h:${handle}` === profileKey) addTo(viaProfile, identity.id, id);
      }
    }
  }
  const matches = new Map<string, RuleMatch>();
  const ambiguous = new Map<string, string[]>();
  for (const { identity } of arrivals) {
    const emails = [...(byEmail.get(identity.id) ?? [])];
    const handles = [...(byHandle.get(identity.id) ?? [])];
    if (emails.length === 1) matches.set(identity.id, { contactId: emails[0]!, rule: 'email' });
    else if (emails.length === 0 && handles.length === 1) {
      matches.set(identity.id, { contactId: handles[0]!, rule: viaProfile.get(identity.id)?.size ? 'profile-url' : 'handle' });
    } else if (emails.length + handles.length > 1) ambiguous.set(identity.id, [...new Set([...emails, ...handles])]);
  }
  return { matches, ambiguous };
}

async function scored(
  tx: Queryable,
  workspaceId: string,
  arrivals: readonly Arrival[],
  found: repo.LookupRows,
  ambiguous: ReadonlyMap<string, string[]>,
  settings: IdentitySettings,
  modelFittedAt: Date | null,
): Promise<Map<string, ScoredPair[]>> {
  const keysByIdentity = new Map(arrivals.filter((a) => !ambiguous.has(a.identity.id)).map((a) => [a.identity.id, a.keys]));
  const candidates = rankedCandidates(found.blockHolders, keysByIdentity, MAX_CANDIDATES);
  for (const [identityId, contactIds] of ambiguous) candidates.set(identityId, contactIds);
  const allIds = [...new Set([...candidates.values()].flat())];
  const results = new Map<string, ScoredPair[]>();
  if (allIds.length === 0) return results;
  const contacts = await candidatePeople(tx, workspaceId, allIds, settings.identifierFields, found.candidates);
  const model = await workspaceModelFittedAt(tx, workspaceId, modelFittedAt);
  for (const arrival of arrivals) {
    const people = (candidates.get(arrival.identity.id) ?? []).flatMap((id) => contacts.get(id) ?? []);
    // The best pair links, the strongest few are queued for review: no other pair is read.
    if (people.length) results.set(arrival.identity.id, scoreNormalisedCandidates(model, arrival.person, people, MAX_REVIEW_PAIRS));
  }
  return results;
}

/** First and last name from a display name, or none when it is junk, a placeholder or an address. */
function namesOf(person: NormalisedPerson, displayName: string): { firstName?: string; lastName?: string } {
  if (person.given === null && person.family === null) return {};
  const { firstName, lastName } = namePartsOf(displayName);
  return lastName ? { firstName, lastName } : { firstName };
}

/**
 * A contact for each distinct address among these senders, written with their keys (indexed now
 * rather than when the events are relayed, so the senders' next identities find them) in the
 * arrival's one write statement. Two identities with one address (the same person on two
 * channels) share the contact.
 */
async function contactsFromSenders(
  tx: Queryable,
  workspaceId: string,
  senders: readonly Arrival[],
  settings: IdentitySettings,
): Promise<{ contactOf: Map<string, string>; writes: WritePartAt[] }> {
  const firstByAddress = new Map<string, Arrival>();
  for (const sender of senders) if (!firstByAddress.has(sender.personalEmail!)) firstByAddress.set(sender.personalEmail!, sender);
  // Their checks read nothing stored (no owner, team or custom field): no round trip before the write.
  const ctx = { workspaceId, actor: systemActor(), db: tx, requestId: 'identity-arrival' };
  const created = await contactsWrite(
    ctx,
    [...firstByAddress.values()].map((a) => ({
      ...namesOf(a.person, a.identity.displayName),
      emails: [{ address: a.personalEmail!.slice(0, 320) }],
    })),
  );
  const byAddress = new Map(created.contacts.map((contact) => [contact.emails[0]!.address, contact.id]));
  return {
    contactOf: new Map(senders.map((a) => [a.identity.id, byAddress.get(a.personalEmail!.slice(0, 320))!])),
    writes: [created.write, newContactKeyWrites(created.contacts, settings.identifierFields)],
  };
}

function reviewPairs(identityId: string, pairs: readonly ScoredPair[]): CandidateInput[] {
  return pairs.slice(0, MAX_REVIEW_PAIRS).map((pair) => ({
    kind: 'identity',
    leftId: identityId,
    rightId: pair.right,
    probability: pair.probability,
    weight: pair.weight,
    decision: pair.decision === 'link' ? 'link' : 'review',
    evidence: pair.evidence,
    levels: pair.levels,
  }));
}

/**
 * Matches the identities among `identityIds` not matched yet. `seen` holds the fields the caller
 * last saw of some of them (the ingest batch's sightings of its authors): their look-ups travel
 * with the claim, one round trip fewer. The claim returns the stored fields, and an identity not
 * seen, or stored otherwise than seen, is looked up after it: the decision is always made on
 * what is stored.
 */
export async function matchArrivedIdentities(
  tx: Queryable,
  workspaceId: string,
  identityIds: readonly string[],
  seen: ReadonlyMap<string, SeenIdentity> = new Map(),
): Promise<void> {
  if (identityIds.length === 0) return;
  const now = new Date();
  const guessed = new Map<string, Arrival>();
  for (const id of identityIds) {
    const fields = seen.get(id);
    if (fields && !guessed.has(id)) guessed.set(id, arrivalOf({ ...fields, id }));
  }
  const wanted = lookUpsFor([...guessed.values()]);
  const claim = await repo.claimAndLookUp(tx, workspaceId, identityIds, now, wanted);
  const identities = claim.claimed;
  if (identities.length === 0) return;
  // An identity stored as seen was normalised before the claim; one stored otherwise is looked up again.
  const arrivals = identities.map((identity) => {
    const before = guessed.get(identity.id);
    return before && sameFields(before.identity, identity) ? before : arrivalOf(identity);
  });
  const missed = arrivals.filter((arrival) => guessed.get(arrival.identity.id) !== arrival);
  const settings = settingsOf(identities[0]!);
  const found = await lookUpsOfClaimed(tx, workspaceId, arrivals, missed, wanted, claim.found);
  const { matches, ambiguous } = ruleMatches(arrivals, found);
  const unmatched = arrivals.filter((a) => !matches.has(a.identity.id));
  const scores = await scored(tx, workspaceId, unmatched, found, ambiguous, settings, identities[0]!.modelFittedAt);
  const links: LinkDecision[] = [];
  const senders: Arrival[] = [];
  const toReview: CandidateInput[] = [];
  const automatic = { probability: null, weight: null, evidence: [], decidedBy: null } as const;

  for (const arrival of arrivals) {
    const identityId = arrival.identity.id;
    const rule = matches.get(identityId);
    const pairs = scores.get(identityId) ?? [];
    const best = pairs[0];
    if (rule) links.push({ ...automatic, identityId, ...rule, method: 'rule' });
    else if (best?.decision === 'link') {
      const { probability, weight, evidence } = best;
      links.push({ identityId, contactId: best.right, method: 'score', rule: null, probability, weight, evidence, decidedBy: null });
    } else if (arrival.personalEmail !== null && settings.createContactsFromEmail) senders.push(arrival);
    else toReview.push(...reviewPairs(identityId, pairs));
  }
  const fromSenders = senders.length ? await contactsFromSenders(tx, workspaceId, senders, settings) : null;
  for (const [identityId, contactId] of fromSenders?.contactOf ?? []) {
    links.push({ ...automatic, identityId, contactId, method: 'rule', rule: 'created-from-email' });
  }
  await runWrites(tx, workspaceId, now, [
    ...(fromSenders?.writes ?? []),
    linkWrites(links, { neverMatched: true }),
    candidateWrites(toReview),
  ]);
}

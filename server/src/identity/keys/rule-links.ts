/**
 * The arrival rules run the other way. Matching on arrival looks at each author once, so a contact
 * given an address or a handle later (sales adds the X account of someone who has been posting
 * about the brand for weeks) never received that author's identity, nor its conversations and
 * mentions, and the full pass matches only identities never matched. When a contact's keys are
 * stored, the unlinked identities holding one of its addresses or handles are linked by the same
 * rules: one contact holding the address (else the handle or profile), personal addresses only.
 * The full pass does the same for every such identity, so contacts that held the handle already
 * when this came in are caught up by `rapport identity resolve`. Identities a person unlinked, and
 * pairs a reviewer dismissed, stay as the person left them.
 */
import type { Db, Queryable } from '../../platform/db/db.js';
import { linkIdentities } from '../links/link.service.js';
import type { LinkDecision } from '../links/link.repo.js';
import type { LinkRule } from '../links/link.schema.js';
import { canonicalHandle, normalisePerson } from '../matching/index.js';
import { identityPerson, profileForm, type MatchableContact, type MatchableIdentity } from '../people.js';
import { contactsByKeys } from './contact-keys.repo.js';
import { dismissedIdentityPairs, unlinkedIdentitiesHolding, unlinkedIdentityPage } from './rule-links.repo.js';

const isRuleKey = (key: string) => key.startsWith('e:') || key.startsWith('h:');

/** How an identity may store a handle whose canonical form is `host/user` or `user`: the bare user name, or `user@host`. */
function storedHandleForms(canonical: string): string[] {
  const slash = canonical.lastIndexOf('/');
  const user = canonical.slice(slash + 1).replace(/^@/, '');
  if (user === '') return [];
  const host = canonical.indexOf('/') > 0 ? canonical.slice(0, canonical.indexOf('/')) : null;
  return host ? [user, `${user}@${host}`] : [user];
}

/** The identity's rule keys, and the one its profile URL gives (a link through it is by `profile-url`). */
function ruleKeysOf(identity: MatchableIdentity) {
  const person = normalisePerson(identityPerson(identity));
  const profile = identity.profileUrl ? canonicalHandle(profileForm(identity.profileUrl)) : null;
  return {
    emails: person.emails.map((email) => `e:${email}`),
    handles: person.handles.map((handle) => `h:${handle}`),
    profileKey: profile === null ? null : `h:${profile}`,
  };
}

/**
 * Links each identity whose addresses (else handles) one contact alone holds, as arrival's rules
 * would; with `onlyTo`, only to those contacts. Returns how many were linked.
 */
async function linkByRules(
  tx: Queryable,
  workspaceId: string,
  identities: readonly MatchableIdentity[],
  onlyTo: ReadonlySet<string> | null,
): Promise<number> {
  if (identities.length === 0) return 0;
  const keysOfIdentity = new Map(identities.map((identity) => [identity.id, ruleKeysOf(identity)]));
  const asked = [...keysOfIdentity.values()].flatMap(({ emails, handles }) => [...emails, ...handles]);
  // At most two holders per key are read: two already mean no rule can choose.
  const holders = new Map<string, string[]>();
  for (const row of await contactsByKeys(tx, workspaceId, asked, 1)) holders.set(row.key, [...(holders.get(row.key) ?? []), row.contactId]);
  const dismissed = await dismissedIdentityPairs(
    tx,
    workspaceId,
    identities.map((identity) => identity.id),
  );

  const decisions: LinkDecision[] = [];
  for (const identity of identities) {
    const keys = keysOfIdentity.get(identity.id)!;
    const byEmail = new Set(keys.emails.flatMap((key) => holders.get(key) ?? []));
    const byHandle = new Set(keys.handles.flatMap((key) => holders.get(key) ?? []));
    let match: { contactId: string; rule: LinkRule } | null = null;
    if (byEmail.size === 1) match = { contactId: [...byEmail][0]!, rule: 'email' };
    else if (byEmail.size === 0 && byHandle.size === 1) {
      const contactId = [...byHandle][0]!;
      const viaProfile = keys.profileKey !== null && (holders.get(keys.profileKey) ?? []).includes(contactId);
      match = { contactId, rule: viaProfile ? 'profile-url' : 'handle' };
    }
    if (!match || (onlyTo && !onlyTo.has(match.contactId)) || dismissed.has(`${identity.id}:${match.contactId}`)) continue;
    decisions.push({ identityId: identity.id, ...match, method: 'rule', probability: null, weight: null, evidence: [], decidedBy: null });
  }
  await linkIdentities(tx, workspaceId, decisions);
  return decisions.length;
}

/** Links the identities these contacts' addresses and handles name by rule (their keys stored already); returns how many. */
export async function linkIdentitiesByRules(
  tx: Queryable,
  workspaceId: string,
  contacts: readonly MatchableContact[],
  keysByContact: ReadonlyMap<string, readonly string[]>,
): Promise<number> {
  const ruleKeys = [...keysByContact.values()].flat().filter(isRuleKey);
  if (ruleKeys.length === 0) return 0;
  const emails = [
    ...ruleKeys.filter((key) => key.startsWith('e:')).map((key) => key.slice(2)),
    ...contacts.flatMap((contact) => contact.emails.map((email) => email.address.trim().toLowerCase())),
  ];
  const handles = ruleKeys.filter((key) => key.startsWith('h:')).flatMap((key) => storedHandleForms(key.slice(2)));
  const identities = await unlinkedIdentitiesHolding(tx, workspaceId, emails, handles);
  return linkByRules(tx, workspaceId, identities, new Set(contacts.map((contact) => contact.id)));
}

const PAGE = 500;

/** The full pass's share: every unlinked identity matched before, against the keys as they are now, a page per transaction. */
export async function linkMatchedIdentitiesByRules(db: Db, workspaceId: string): Promise<number> {
  let linked = 0;
  for (let after: string | null = null; ;) {
    const page: MatchableIdentity[] = await db.transaction(async (tx) => {
      const identities = await unlinkedIdentityPage(tx, workspaceId, after, PAGE);
      linked += await linkByRules(tx, workspaceId, identities, null);
      return identities;
    });
    if (page.length < PAGE) return linked;
    after = page[page.length - 1]!.id;
  }
}

/** Social identities: every author on every channel, one row per (network, the network's id for them). */
import type { Migration } from '../platform/db/migrate.js';
import { forgetNetworkIdsOnContacts } from './links/network-id-contacts.js';

export const identityMigrations: Migration[] = [
  {
    id: 'identity/001-social-identities',
    sql: `
CREATE TABLE social_identities (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  -- The channel kind the identity lives on (rss, email, mastodon, bluesky, twitter, meta, reddit, webhook).
  network text NOT NULL,
  external_id text NOT NULL,
  handle text NOT NULL,
  display_name text NOT NULL,
  profile_url text,
  avatar_url text,
  -- Only an address the channel vouches for (an e-mail sender), never one read from a bio.
  email text,
  followers int,
  following int,
  posts_count int,
  bio text,
  location text,
  -- Linking to contacts is the identity-resolution issue's work; the pipeline leaves it empty.
  contact_id uuid,
  first_seen_at timestamptz(3) NOT NULL,
  last_seen_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, network, external_id),
  CONSTRAINT social_identities_contact FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE SET NULL (contact_id)
);
CREATE INDEX social_identities_contact ON social_identities (workspace_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX social_identities_email ON social_identities (workspace_id, lower(email)) WHERE email IS NOT NULL;
`,
  },
  {
    id: 'identity/002-resolution-merges',
    sql: `
ALTER TABLE social_identities ADD COLUMN matched_at timestamptz(3);

-- The matching engine's blocking keys of every contact: the index a new identity is looked up in.
CREATE TABLE contact_match_keys (
  workspace_id uuid NOT NULL,
  key text NOT NULL,
  contact_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, key, contact_id),
  CONSTRAINT contact_match_keys_contact FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_match_keys_by_contact ON contact_match_keys (workspace_id, contact_id);

-- Every decision to link or unlink an identity, with its evidence; the current link is social_identities.contact_id.
CREATE TABLE identity_links (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  identity_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('link', 'unlink')),
  method text NOT NULL CHECK (method IN ('rule', 'score', 'manual')),
  -- For method rule: email, profile-url, handle, created-from-email.
  rule text,
  probability real,
  weight real,
  evidence jsonb NOT NULL DEFAULT '[]',
  decided_by uuid,
  created_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX identity_links_identity ON identity_links (workspace_id, identity_id, created_at);
CREATE INDEX identity_links_contact ON identity_links (workspace_id, contact_id, created_at);

-- Pairs a person should look at: two contacts, or an identity and a contact.
CREATE TABLE duplicate_candidates (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('contact', 'identity')),
  -- kind contact: the two contacts, left_id < right_id; kind identity: left_id is the identity, right_id the contact.
  left_id uuid NOT NULL,
  right_id uuid NOT NULL,
  probability real NOT NULL,
  weight real NOT NULL,
  decision text NOT NULL CHECK (decision IN ('link', 'review')),
  evidence jsonb NOT NULL DEFAULT '[]',
  -- The comparison levels, one per field, so a reviewer's decision can refine the model.
  levels smallint[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'linked', 'dismissed')),
  decided_by uuid,
  decided_at timestamptz(3),
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, kind, left_id, right_id)
);
CREATE INDEX duplicate_candidates_open ON duplicate_candidates (workspace_id, status, probability DESC, id);
CREATE INDEX duplicate_candidates_right ON duplicate_candidates (workspace_id, right_id);

-- Each workspace's fitted model; reviewed pairs are folded in as labelled counts at the next fit.
CREATE TABLE identity_match_models (
  workspace_id uuid PRIMARY KEY,
  model jsonb NOT NULL,
  contacts int NOT NULL,
  candidate_pairs int NOT NULL,
  reviewed_pairs int NOT NULL DEFAULT 0,
  fitted_at timestamptz(3) NOT NULL
);

-- Each merge, with everything needed to undo it exactly.
CREATE TABLE contact_merges (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  survivor_id uuid NOT NULL,
  merged_id uuid NOT NULL,
  merged_name text NOT NULL,
  -- The merged contact's whole row, as it was.
  merged_contact jsonb NOT NULL,
  -- The survivor's values of the fields the merge changed, before and after.
  survivor_before jsonb NOT NULL,
  survivor_after jsonb NOT NULL,
  picks jsonb NOT NULL DEFAULT '{}',
  -- Ids of the rows moved from the merged contact to the survivor: activities, conversations, identities.
  moved jsonb NOT NULL,
  duplicate_id uuid,
  merged_by uuid,
  merged_at timestamptz(3) NOT NULL,
  unmerged_by uuid,
  unmerged_at timestamptz(3),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX contact_merges_survivor ON contact_merges (workspace_id, survivor_id, merged_at DESC);
CREATE INDEX contact_merges_merged ON contact_merges (workspace_id, merged_id);
`,
  },
  {
    id: 'identity/003-match-keys-by-contact',
    // A full pass over a workspace whose index is empty or stale writes about ten keys per
    // contact, and the foreign key cost two thirds of that: each checked row locks its contact,
    // a WAL record per contact. The index is derived data: keys are inserted only for contacts
    // that exist, a deleted contact's are removed by its sync job, and every full pass removes
    // any left behind. Keyed by contact first, the primary key is written in the order the pass
    // reads contacts and serves the deletes and digests by contact; look-ups by key go through a
    // second index led by the workspace, so a key common across tenants (a frequent surname's code)
    // never makes one workspace's look-up walk another's entries.
    sql: `
ALTER TABLE contact_match_keys DROP CONSTRAINT contact_match_keys_contact;
ALTER TABLE contact_match_keys DROP CONSTRAINT contact_match_keys_pkey;
DROP INDEX contact_match_keys_by_contact;
ALTER TABLE contact_match_keys ADD PRIMARY KEY (workspace_id, contact_id, key);
CREATE INDEX contact_match_keys_by_key ON contact_match_keys (workspace_id, key);
`,
  },
  {
    id: 'identity/004-match-keys-carry-contact',
    // An arrival reads up to 51 holders of each of its keys, and every holder was a heap page read
    // only for its contact id: at a million contacts most of a new person's pages. Carried in the
    // index, a look-up is answered from it alone wherever the table's pages are all-visible (as
    // vacuum leaves them). Measured on a million known people, alternating with the plain index:
    // arrivals' median 0.89 -> 0.69 ms, a new person's 1.6-2.6 -> 1.55-1.65 ms.
    sql: `
DROP INDEX contact_match_keys_by_key;
CREATE INDEX contact_match_keys_by_key ON contact_match_keys (workspace_id, key) INCLUDE (contact_id);
`,
  },
  {
    id: 'identity/005-unlinked-identities-by-handle',
    // A contact given a handle looks up the unlinked identities holding it (keys/rule-links.ts);
    // only unlinked ones are indexed, so linked authors (most of an inbox's) cost nothing.
    sql: `
CREATE INDEX social_identities_unlinked_handle ON social_identities (workspace_id, lower(handle)) WHERE contact_id IS NULL;
`,
  },
  {
    id: 'identity/006-lower-address-and-handle-statistics',
    // The planner keeps no statistics for the expressions of partial indexes, so it guessed that one
    // address in 200 identities matches a lower-cased e-mail or handle. Asked for the unlinked
    // holders of a batch's addresses in id order (keys/rule-links.repo.ts), it then walked every
    // identity of the workspace by primary key: 64 ms at 22,000 identities, seconds at a million.
    sql: `
CREATE STATISTICS social_identities_lower_email ON (lower(email)) FROM social_identities;
CREATE STATISTICS social_identities_lower_handle ON (lower(handle)) FROM social_identities;
ANALYZE social_identities;
`,
  },
  {
    id: 'identity/007-network-ids-off-contacts',
    // Contacts made from authors known by a numeric network id alone, before "Add as contact"
    // stopped copying it, hold the number as their name and a handle. The rule is code
    // (platform/text/identity-handle.ts, and how a new contact from such an author is named), and
    // each change is a contact edit with its event, which also rebuilds the contact's match keys.
    sql: '',
    backfill: forgetNetworkIdsOnContacts,
  },
];

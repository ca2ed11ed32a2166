/** Social identities: every author on every channel, one row per (network, the network's id for them). */
import type { Migration } from '../platform/db/migrate.js';

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
];

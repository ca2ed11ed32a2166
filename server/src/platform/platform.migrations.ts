/** Tables the platform owns: tenants, people and their access, the event outbox, jobs, notifications. */
import type { Migration } from './db/migrate.js';

export const platformMigrations: Migration[] = [
  {
    id: 'platform/001-core',
    sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE workspaces (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  slug text NOT NULL UNIQUE,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'viewer')),
  record_scope text NOT NULL DEFAULT 'all' CHECK (record_scope IN ('all', 'team', 'own')),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE teams (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX teams_name_key ON teams (workspace_id, lower(name));

CREATE TABLE team_members (
  workspace_id uuid NOT NULL,
  team_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (workspace_id, team_id, user_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  scopes text[] NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_used_at timestamptz(3),
  revoked_at timestamptz(3),
  PRIMARY KEY (workspace_id, id)
);

-- The outbox and the audit trail in one: written in the transaction of the change it describes.
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL,
  type text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  actor_id uuid,
  data jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz(3) NOT NULL DEFAULT now(),
  relayed boolean NOT NULL DEFAULT false
);
CREATE INDEX events_unrelayed ON events (id) WHERE NOT relayed;
CREATE INDEX events_subject ON events (workspace_id, subject_type, subject_id, id);
CREATE INDEX events_workspace ON events (workspace_id, id);

CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  workspace_id uuid,
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  unique_key text UNIQUE,
  run_at timestamptz(3) NOT NULL DEFAULT now(),
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 5,
  locked_until timestamptz(3),
  last_error text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'done', 'failed')),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'queued';

CREATE TABLE idempotency_keys (
  workspace_id uuid NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code int,
  response jsonb,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, key)
);

CREATE TABLE notifications (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  subject_type text,
  subject_id uuid,
  dedupe_key text,
  read_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX notifications_user ON notifications (workspace_id, user_id, created_at DESC);
CREATE UNIQUE INDEX notifications_dedupe ON notifications (workspace_id, user_id, dedupe_key);
`,
  },
  {
    id: 'platform/002-event-statistics',
    // Events are read by id, subject and workspace, never by their payload: statistics of the jsonb
    // payload cost most of each autovacuum ANALYZE of the busiest table and served no plan.
    sql: `ALTER TABLE events ALTER COLUMN data SET STATISTICS 0;`,
  },
  {
    id: 'platform/003-membership-last-signed-in',
    // Sign-in opens the workspace a person of several last worked in; sessions are deleted on sign-out, so they cannot say.
    sql: `ALTER TABLE memberships ADD COLUMN last_signed_in_at timestamptz(3);`,
  },
  {
    id: 'platform/004-idempotency-keys-per-person',
    // A key is the caller's own: shared by the workspace, one member's retry replayed another's
    // record. Keys stored before cannot be given a person; they only served retries of a day ago.
    sql: `DELETE FROM idempotency_keys;
ALTER TABLE idempotency_keys ADD COLUMN user_id uuid NOT NULL;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (workspace_id, user_id, key);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);`,
  },
  {
    id: 'platform/005-workspace-invitations',
    // An existing account is invited, not added: it joins only when its person accepts. Kept apart
    // from memberships so that no session, token or member query can take an invitation for a member.
    sql: `CREATE TABLE workspace_invitations (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'viewer')),
  record_scope text NOT NULL CHECK (record_scope IN ('all', 'team', 'own')),
  team_ids uuid[] NOT NULL DEFAULT '{}',
  invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, user_id)
);
CREATE INDEX workspace_invitations_user ON workspace_invitations (user_id);`,
  },
];

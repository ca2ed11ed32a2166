/** Configured channels: a connector instance with its settings, sealed credentials, sync cursor and health. */
import type { Migration } from '../platform/db/migrate.js';

export const channelMigrations: Migration[] = [
  {
    id: 'channels/001-channels',
    sql: `
CREATE TABLE channels (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('rss', 'email', 'mastodon', 'bluesky', 'twitter', 'meta', 'reddit', 'webhook')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Settings that are not secret (feed URL, IMAP host, keywords, field mapping), per the connector's schema.
  config jsonb NOT NULL DEFAULT '{}',
  -- Passwords and tokens, sealed (AES-256-GCM, bound to the channel id); never returned by the API.
  credentials text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  -- The connector's resume point: ETag/Last-Modified, IMAP UIDVALIDITY/UID, a since_id, a firehose cursor.
  cursor jsonb NOT NULL DEFAULT '{}',
  -- Conversations from this channel go to this team unless a routing rule says otherwise.
  team_id uuid,
  next_poll_at timestamptz(3),
  poll_failures int NOT NULL DEFAULT 0,
  last_success_at timestamptz(3),
  last_item_at timestamptz(3),
  last_error_at timestamptz(3),
  error_count bigint NOT NULL DEFAULT 0,
  -- The latest errors, newest first, at most 20: [{ at, code, message }].
  recent_errors jsonb NOT NULL DEFAULT '[]',
  items_in bigint NOT NULL DEFAULT 0,
  items_out bigint NOT NULL DEFAULT 0,
  created_by uuid,
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX channels_due ON channels (next_poll_at) WHERE status = 'active';
`,
  },
  {
    id: 'channels/002-webhook-lookup',
    // Webhook deliveries name the channel but not the workspace.
    sql: `CREATE UNIQUE INDEX channels_id ON channels (id);`,
  },
  {
    id: 'channels/003-purpose',
    // A listening channel (hashtag searches, keyword firehoses, review feeds) feeds mentions; its
    // conversations stay out of the inbox until someone acts on them.
    sql: `ALTER TABLE channels ADD COLUMN purpose text NOT NULL DEFAULT 'inbox' CHECK (purpose IN ('inbox', 'listening'));`,
  },
];

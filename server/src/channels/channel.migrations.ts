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
  {
    id: 'channels/004-refused-deliveries',
    // Anyone can call a webhook URL, so unsigned or forged deliveries are counted apart from the
    // channel's own errors: a stranger must not make a working channel look broken. Refusals
    // already recorded as errors move over, and the error state is recomputed from what is left.
    sql: `
ALTER TABLE channels
  ADD COLUMN refused_count bigint NOT NULL DEFAULT 0,
  ADD COLUMN last_refused_at timestamptz(3),
  -- The latest refusals, newest first, at most 20: [{ at, code, message }].
  ADD COLUMN recent_refusals jsonb NOT NULL DEFAULT '[]';
UPDATE channels c
   SET recent_refusals = moved.refusals,
       refused_count = moved.refused,
       last_refused_at = moved.last_refused_at,
       recent_errors = moved.kept,
       error_count = GREATEST(c.error_count - moved.refused, 0),
       last_error_at = moved.last_kept_at
  FROM (SELECT ch.workspace_id, ch.id,
               jsonb_agg(e.value ORDER BY e.n) FILTER (WHERE e.value->>'code' = 'bad_signature') AS refusals,
               COALESCE(jsonb_agg(e.value ORDER BY e.n) FILTER (WHERE e.value->>'code' <> 'bad_signature'), '[]'::jsonb) AS kept,
               count(*) FILTER (WHERE e.value->>'code' = 'bad_signature') AS refused,
               max((e.value->>'at')::timestamptz) FILTER (WHERE e.value->>'code' = 'bad_signature') AS last_refused_at,
               max((e.value->>'at')::timestamptz) FILTER (WHERE e.value->>'code' <> 'bad_signature') AS last_kept_at
          FROM channels ch, jsonb_array_elements(ch.recent_errors) WITH ORDINALITY AS e(value, n)
         WHERE ch.kind IN ('twitter', 'meta', 'webhook')
         GROUP BY ch.workspace_id, ch.id
        HAVING count(*) FILTER (WHERE e.value->>'code' = 'bad_signature') > 0) moved
 WHERE c.workspace_id = moved.workspace_id AND c.id = moved.id;
`,
  },
  {
    id: 'channels/005-sandbox-kind',
    // A sandbox channel stands in for a network (the demo's, a trial's) and delivers replies without reaching it.
    sql: `
ALTER TABLE channels DROP CONSTRAINT channels_kind_check;
ALTER TABLE channels ADD CONSTRAINT channels_kind_check
  CHECK (kind IN ('rss', 'email', 'mastodon', 'bluesky', 'twitter', 'meta', 'reddit', 'webhook', 'sandbox'));
`,
  },
  {
    id: 'channels/006-server-reply-length',
    // The longest reply the channel's own server takes, as it last said ({ max, counting, urlLength }):
    // a Mastodon instance sets its own. Null: the network's usual limit. Asked again a day after.
    sql: `ALTER TABLE channels ADD COLUMN reply_length jsonb, ADD COLUMN reply_length_checked_at timestamptz(3);`,
  },
];

/** The dead-letter list: every item the pipeline could not take, with the reason, kept for replay. */
import type { Migration } from '../platform/db/migrate.js';

export const ingestMigrations: Migration[] = [
  {
    id: 'ingest/001-dead-letters',
    sql: `
CREATE TABLE dead_letters (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  channel_id uuid,
  -- Where the item came from: a poll, a webhook delivery, a file ingest, a replay.
  source text NOT NULL CHECK (source IN ('poll', 'webhook', 'file', 'stream', 'replay')),
  format text,
  code text NOT NULL,
  reason text NOT NULL,
  -- The item as received (cut to 64 KiB), so it can be replayed once the cause is fixed.
  payload text NOT NULL DEFAULT '',
  payload_truncated boolean NOT NULL DEFAULT false,
  occurred_at timestamptz(3) NOT NULL,
  replayed_at timestamptz(3),
  replay_count int NOT NULL DEFAULT 0,
  resolved boolean NOT NULL DEFAULT false,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX dead_letters_recent ON dead_letters (workspace_id, occurred_at DESC, id DESC);
CREATE INDEX dead_letters_channel ON dead_letters (workspace_id, channel_id, occurred_at DESC);
`,
  },
];

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
  {
    id: 'ingest/002-dead-letter-repeats',
    // Senders retry a delivery they were not sure of and feeds are read again, so the same bad item
    // arrives many times: it is one dead letter that counts its arrivals, found again by a
    // fingerprint of its channel, reason and content (written by the pipeline, dead-letter.repo.ts).
    // Rows already stored get the fingerprint of an item without a position (the only kind whose
    // fingerprint their columns can rebuild), and their repeats fold into the first: arrivals
    // summed, last seen at the latest, replays summed, resolved only when every copy was.
    sql: `
ALTER TABLE dead_letters
  ADD COLUMN occurrences int NOT NULL DEFAULT 1,
  ADD COLUMN last_seen_at timestamptz(3),
  ADD COLUMN fingerprint text;
UPDATE dead_letters SET last_seen_at = occurred_at,
  fingerprint = encode(sha256(convert_to(concat_ws(chr(31), COALESCE(channel_id::text, ''), code, reason, COALESCE(format, ''), payload), 'UTF8')), 'hex');
UPDATE dead_letters d
   SET occurrences = g.occurrences, last_seen_at = g.last_seen_at, replay_count = g.replay_count,
       replayed_at = g.replayed_at, resolved = g.resolved
  FROM (SELECT workspace_id, fingerprint, (array_agg(id ORDER BY occurred_at, id))[1] AS keep, count(*)::int AS occurrences,
               max(occurred_at) AS last_seen_at, sum(replay_count)::int AS replay_count, max(replayed_at) AS replayed_at,
               bool_and(resolved) AS resolved
          FROM dead_letters GROUP BY workspace_id, fingerprint HAVING count(*) > 1) g
 WHERE d.workspace_id = g.workspace_id AND d.id = g.keep;
DELETE FROM dead_letters d
 USING dead_letters first
 WHERE first.workspace_id = d.workspace_id AND first.fingerprint = d.fingerprint
   AND (first.occurred_at, first.id) < (d.occurred_at, d.id);
ALTER TABLE dead_letters ALTER COLUMN last_seen_at SET NOT NULL, ALTER COLUMN fingerprint SET NOT NULL;
CREATE UNIQUE INDEX dead_letters_fingerprint ON dead_letters (workspace_id, fingerprint);
-- The list shows what arrived last first: a bad item that keeps coming is news again.
DROP INDEX dead_letters_recent;
CREATE INDEX dead_letters_recent ON dead_letters (workspace_id, last_seen_at DESC, id DESC);
DROP INDEX dead_letters_channel;
CREATE INDEX dead_letters_channel ON dead_letters (workspace_id, channel_id, last_seen_at DESC);
`,
  },
];

/** Conversations and their messages: what the ingest pipeline writes and the inbox works on. */
import type { Migration } from '../platform/db/migrate.js';

export const inboxMigrations: Migration[] = [
  {
    id: 'inbox/001-conversations',
    sql: `
CREATE TABLE conversations (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  network text NOT NULL,
  channel_id uuid,
  -- Names the thread within the network (the root's external id, an e-mail thread's first Message-ID,
  -- a DM's id); new messages of the thread find their conversation by it.
  thread_key text NOT NULL,
  subject text NOT NULL DEFAULT '',
  -- The customer: the author of the first inbound message.
  identity_id uuid,
  contact_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
  snoozed_until timestamptz(3),
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  assignee_id uuid,
  team_id uuid,
  labels text[] NOT NULL DEFAULT '{}',
  is_private boolean NOT NULL DEFAULT false,
  is_spam boolean NOT NULL DEFAULT false,
  merged_into_id uuid,
  preview text NOT NULL DEFAULT '',
  message_count int NOT NULL DEFAULT 0,
  last_message_at timestamptz(3) NOT NULL,
  last_inbound_at timestamptz(3),
  last_outbound_at timestamptz(3),
  -- SLA clocks: when each response is due, and when the first response and resolution happened.
  first_response_due_at timestamptz(3),
  next_response_due_at timestamptz(3),
  resolution_due_at timestamptz(3),
  first_responded_at timestamptz(3),
  resolved_at timestamptz(3),
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, network, thread_key),
  CONSTRAINT conversations_identity FOREIGN KEY (workspace_id, identity_id) REFERENCES social_identities (workspace_id, id),
  CONSTRAINT conversations_contact FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id) ON DELETE SET NULL (contact_id)
);
CREATE INDEX conversations_recent ON conversations (workspace_id, last_message_at DESC, id DESC);
CREATE INDEX conversations_assignee ON conversations (workspace_id, assignee_id, status, last_message_at DESC);
CREATE INDEX conversations_team ON conversations (workspace_id, team_id, status, last_message_at DESC);
CREATE INDEX conversations_status ON conversations (workspace_id, status, last_message_at DESC);
CREATE INDEX conversations_contact ON conversations (workspace_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX conversations_identity ON conversations (workspace_id, identity_id);

CREATE TABLE messages (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  network text NOT NULL,
  channel_id uuid,
  -- The source's id; empty for notes and for replies the channel has not confirmed yet.
  external_id text,
  kind text NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'note')),
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  author_identity_id uuid,
  author_user_id uuid,
  in_reply_to_external_id text,
  title text,
  text text NOT NULL CHECK (length(text) <= 100000),
  -- The source's HTML, unsafe: sanitised whenever it is rendered.
  html text,
  url text,
  language text,
  is_private boolean NOT NULL DEFAULT false,
  attachments jsonb NOT NULL DEFAULT '[]',
  metrics jsonb,
  -- What enrichers added (sentiment, language, intent, entities), keyed by enricher.
  enrichment jsonb NOT NULL DEFAULT '{}',
  -- Outbound replies: queued → sent → delivered, or failed with the reason.
  delivery_status text CHECK (delivery_status IN ('queued', 'sent', 'delivered', 'failed')),
  delivery_error text,
  mentions uuid[] NOT NULL DEFAULT '{}',
  sent_at timestamptz(3) NOT NULL,
  received_at timestamptz(3) NOT NULL,
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED,
  PRIMARY KEY (workspace_id, id),
  CONSTRAINT messages_conversation FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);
-- The deduplication key: a message is stored once per workspace and network, however often it arrives.
CREATE UNIQUE INDEX messages_external ON messages (workspace_id, network, external_id);
CREATE INDEX messages_conversation ON messages (workspace_id, conversation_id, sent_at, id);
CREATE INDEX messages_search ON messages USING gin (search_vector);

CREATE TABLE canned_responses (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  shortcut text NOT NULL CHECK (shortcut ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  created_by uuid,
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, shortcut)
);
`,
  },
  {
    id: 'inbox/002-routing-and-sla',
    sql: `
-- How each team hands out its new conversations; round-robin remembers whose turn was last.
CREATE TABLE inbox_team_settings (
  workspace_id uuid NOT NULL,
  team_id uuid NOT NULL,
  assignment text NOT NULL DEFAULT 'manual' CHECK (assignment IN ('manual', 'round_robin', 'least_loaded')),
  last_assigned_user_id uuid,
  updated_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, team_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);

-- Tried in position order on every new conversation; the first whose conditions all hold wins.
CREATE TABLE routing_rules (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position int NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL DEFAULT '{}',
  actions jsonb NOT NULL DEFAULT '{}',
  created_by uuid,
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX routing_rules_order ON routing_rules (workspace_id, position, id);

-- One policy per workspace; business_hours null means the clocks run around the clock.
CREATE TABLE sla_policies (
  workspace_id uuid NOT NULL PRIMARY KEY,
  first_response_minutes int CHECK (first_response_minutes > 0),
  next_response_minutes int CHECK (next_response_minutes > 0),
  resolution_minutes int CHECK (resolution_minutes > 0),
  business_hours jsonb,
  updated_at timestamptz(3) NOT NULL
);

-- A breach is reported once per clock and due time, however often the sweep runs.
CREATE TABLE sla_breaches (
  workspace_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('first_response', 'next_response', 'resolution')),
  due_at timestamptz(3) NOT NULL,
  detected_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, conversation_id, kind, due_at),
  FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);

-- The breach sweep and the snooze wake-up look across workspaces for clocks that ran out.
CREATE INDEX conversations_first_response_due ON conversations (first_response_due_at) WHERE first_responded_at IS NULL;
CREATE INDEX conversations_next_response_due ON conversations (next_response_due_at) WHERE next_response_due_at IS NOT NULL;
CREATE INDEX conversations_resolution_due ON conversations (resolution_due_at) WHERE resolved_at IS NULL;
CREATE INDEX conversations_snoozed ON conversations (snoozed_until) WHERE status = 'snoozed';
`,
  },
  {
    id: 'inbox/003-in-inbox',
    // Conversations from listening channels are kept (mentions point at them) but not shown in the
    // inbox, routed or put on the SLA clock until someone replies or hands them to a team.
    sql: `ALTER TABLE conversations ADD COLUMN in_inbox boolean NOT NULL DEFAULT true;`,
  },
  {
    id: 'inbox/004-sla-tier-targets',
    // { [tier]: { firstResponseMinutes, nextResponseMinutes, resolutionMinutes } }: the targets for
    // customers of a tier (the relationship domain's value tiers); other customers get the policy's own.
    sql: `ALTER TABLE sla_policies ADD COLUMN tier_targets jsonb NOT NULL DEFAULT '{}';`,
  },
  {
    id: 'inbox/005-routed-at',
    // When routing first acted on the conversation. Routing runs at least once per new conversation
    // and must act only the first time; asking the event log for an earlier 'conversation.routed'
    // cost an index probe and heap reads per conversation, the relay's largest statement under ingest.
    sql: `ALTER TABLE conversations ADD COLUMN routed_at timestamptz(3);
UPDATE conversations c SET routed_at = r.at
  FROM (SELECT workspace_id, subject_id, min(occurred_at) AS at FROM events
         WHERE type = 'conversation.routed' AND subject_type = 'conversation' GROUP BY workspace_id, subject_id) r
 WHERE c.workspace_id = r.workspace_id AND c.id::text = r.subject_id;`,
  },
  {
    id: 'inbox/006-message-statistics',
    // No query filters or sorts on these columns, so the planner never reads their statistics, and
    // gathering them was most of analysing messages (1.0 s of a sampled ANALYZE at 57,000 rows, the
    // jsonb enrichment alone 0.5 s): the pipeline's own ANALYZE and autovacuum's run that often.
    sql: `ALTER TABLE messages ALTER COLUMN text SET STATISTICS 0, ALTER COLUMN html SET STATISTICS 0,
  ALTER COLUMN enrichment SET STATISTICS 0, ALTER COLUMN attachments SET STATISTICS 0, ALTER COLUMN metrics SET STATISTICS 0;`,
  },
  {
    id: 'inbox/007-spam-senders',
    // Senders a member marked as spam (by marking one of their conversations): the pipeline files
    // their next conversations as spam, out of the inbox's views and unrouted. "Not spam" on any of
    // their conversations takes them off.
    sql: `CREATE TABLE spam_senders (
  workspace_id uuid NOT NULL,
  identity_id uuid NOT NULL,
  marked_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, identity_id),
  CONSTRAINT spam_senders_identity FOREIGN KEY (workspace_id, identity_id) REFERENCES social_identities (workspace_id, id) ON DELETE CASCADE
);`,
  },
  {
    id: 'inbox/008-labels-one-whatever-their-case',
    // Labels became case-insensitive: "Billing" and "billing" on one conversation are one label, the
    // first spelling kept (the order they were stored in), as the inbox now keeps them.
    sql: `UPDATE conversations c SET labels = d.labels
  FROM (SELECT c2.workspace_id, c2.id,
               array_agg(l.label ORDER BY lower(l.label), l.label) FILTER (WHERE l.first) AS labels
          FROM conversations c2
          CROSS JOIN LATERAL (SELECT u.label, row_number() OVER (PARTITION BY lower(u.label) ORDER BY u.n) = 1 AS first
                                FROM unnest(c2.labels) WITH ORDINALITY AS u(label, n)) l
         WHERE cardinality(c2.labels) > 1
         GROUP BY c2.workspace_id, c2.id
        HAVING count(DISTINCT lower(l.label)) < count(*)) d
 WHERE c.workspace_id = d.workspace_id AND c.id = d.id;`,
  },
  {
    id: 'inbox/009-labelled-conversations',
    // The label suggestions read the latest labelled conversations: this index holds only those,
    // newest first, so that read stops after them instead of going through the whole workspace.
    sql: `CREATE INDEX conversations_labelled ON conversations (workspace_id, last_message_at DESC, id DESC)
  WHERE labels <> '{}' AND merged_into_id IS NULL;`,
  },
  {
    id: 'inbox/010-customer-search',
    // The inbox search finds a conversation by its customer too: the identity's name, handle and
    // e-mail, as substrings, like the subject. A trigram index answers that without reading every
    // identity of the workspace (the expression must stay as conversation.repo.ts writes it).
    sql: `CREATE INDEX social_identities_search ON social_identities
  USING gin ((display_name || ' ' || handle || ' ' || coalesce(email, '')) gin_trgm_ops) WITH (gin_pending_list_limit = 256);`,
  },
  {
    id: 'inbox/011-no-response-clocks-without-replies',
    // Conversations of a channel that takes no reply now get no first- or next-response clock (they
    // could only be breached); those that arrived before kept theirs, ran out and counted against
    // the customer's health. Their response clocks stop and the response breaches recorded for them
    // go, as if they had arrived today; the resolution clock stays. "Takes no reply" as the
    // connectors of this release say (sla.service.ts, `cannotReply`): a kind without a replying
    // connector (rss, reddit), or a generic webhook without a reply endpoint (`outboundUrl`).
    sql: `WITH unanswerable AS (
  SELECT c.workspace_id, c.id FROM conversations c
    JOIN channels ch ON ch.workspace_id = c.workspace_id AND ch.id = c.channel_id
   WHERE ch.kind NOT IN ('email', 'mastodon', 'bluesky', 'twitter', 'meta', 'webhook', 'sandbox')
      OR (ch.kind = 'webhook' AND coalesce(ch.config->>'outboundUrl', '') = '')
), forgotten AS (
  DELETE FROM sla_breaches b USING unanswerable u
   WHERE b.workspace_id = u.workspace_id AND b.conversation_id = u.id AND b.kind IN ('first_response', 'next_response')
)
UPDATE conversations c SET first_response_due_at = NULL, next_response_due_at = NULL
  FROM unanswerable u
 WHERE c.workspace_id = u.workspace_id AND c.id = u.id
   AND (c.first_response_due_at IS NOT NULL OR c.next_response_due_at IS NOT NULL);`,
  },
];

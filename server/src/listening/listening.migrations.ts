/**
 * Listening: saved queries, the mentions they match, the rollups dashboards read, alerts, and the
 * intent corrections agents make (the per-workspace model learns from them).
 */
import type { Migration } from '../platform/db/migrate.js';
import { backfillHourlyDetails } from './mentions/hourly-details.backfill.js';

export const listeningMigrations: Migration[] = [
  {
    id: 'listening/001-queries-mentions',
    sql: `
CREATE TABLE listening_queries (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  query text NOT NULL CHECK (length(query) BETWEEN 1 AND 10000),
  -- The group the query belongs to; share of voice compares brand against competitor queries.
  kind text NOT NULL CHECK (kind IN ('brand', 'competitor', 'campaign', 'product', 'other')),
  is_active boolean NOT NULL DEFAULT true,
  -- Set when retroactive matching over the stored history has finished.
  backfilled_at timestamptz(3),
  created_by uuid,
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, name)
);

CREATE TABLE mentions (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  query_id uuid NOT NULL,
  message_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  author_identity_id uuid,
  -- Copied from the message and its enrichment so the stream and its filters read one table.
  network text NOT NULL,
  language text,
  sentiment text CHECK (sentiment IN ('positive', 'negative', 'neutral')),
  sentiment_score real,
  intent text,
  influence smallint NOT NULL DEFAULT 0,
  relevance text NOT NULL DEFAULT 'unreviewed' CHECK (relevance IN ('unreviewed', 'relevant', 'irrelevant')),
  sent_at timestamptz(3) NOT NULL,
  matched_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, query_id, message_id),
  CONSTRAINT mentions_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE,
  CONSTRAINT mentions_message FOREIGN KEY (workspace_id, message_id) REFERENCES messages (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX mentions_query_recent ON mentions (workspace_id, query_id, sent_at DESC, id DESC);
CREATE INDEX mentions_recent ON mentions (workspace_id, sent_at DESC, id DESC);
CREATE INDEX mentions_message ON mentions (workspace_id, message_id);
CREATE INDEX mentions_author ON mentions (workspace_id, author_identity_id, sent_at DESC);

-- Hourly counts per query, network and language, kept in the transaction that records the mentions,
-- so dashboards read thousands of rows instead of millions of mentions.
CREATE TABLE mention_rollups (
  workspace_id uuid NOT NULL,
  query_id uuid NOT NULL,
  bucket timestamptz(3) NOT NULL,
  network text NOT NULL,
  language text NOT NULL,
  mentions int NOT NULL,
  positive int NOT NULL,
  negative int NOT NULL,
  neutral int NOT NULL,
  sentiment_sum double precision NOT NULL,
  PRIMARY KEY (workspace_id, query_id, bucket, network, language),
  CONSTRAINT mention_rollups_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);

-- Daily counts of hashtags, entities, keywords and authors per query, for the top-N charts.
CREATE TABLE mention_term_rollups (
  workspace_id uuid NOT NULL,
  query_id uuid NOT NULL,
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hashtag', 'entity', 'keyword', 'author')),
  term text NOT NULL,
  mentions int NOT NULL,
  PRIMARY KEY (workspace_id, query_id, day, kind, term),
  CONSTRAINT mention_term_rollups_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE intent_corrections (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  message_id uuid NOT NULL,
  intent text NOT NULL,
  previous_intent text,
  corrected_by uuid,
  created_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, message_id),
  CONSTRAINT intent_corrections_message FOREIGN KEY (workspace_id, message_id) REFERENCES messages (workspace_id, id) ON DELETE CASCADE
);

-- What the intent model learned from the workspace's corrections; version moves on every correction
-- so pipeline processes reload it only when it changed.
CREATE TABLE intent_models (
  workspace_id uuid PRIMARY KEY,
  version int NOT NULL,
  state jsonb NOT NULL,
  updated_at timestamptz(3) NOT NULL
);

CREATE TABLE listening_alerts (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- What is watched: one query, or every query of a group (kind).
  query_id uuid,
  query_kind text CHECK (query_kind IN ('brand', 'competitor', 'campaign', 'product', 'other')),
  trigger text NOT NULL CHECK (trigger IN ('volume', 'negative', 'keyword')),
  keyword text,
  -- Robust z-score above the seasonal baseline that counts as a spike.
  sensitivity real NOT NULL DEFAULT 3,
  min_mentions int NOT NULL DEFAULT 5,
  cooldown_minutes int NOT NULL DEFAULT 60,
  notify_in_app boolean NOT NULL DEFAULT true,
  notify_emails text[] NOT NULL DEFAULT '{}',
  webhook_url text,
  -- Set by an admin for a webhook receiver on the local network (refused otherwise, like channels).
  allow_private_network boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  last_checked_at timestamptz(3),
  last_fired_at timestamptz(3),
  created_by uuid,
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL,
  PRIMARY KEY (workspace_id, id),
  CHECK ((query_id IS NULL) <> (query_kind IS NULL)),
  CONSTRAINT listening_alerts_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE listening_alert_firings (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  alert_id uuid NOT NULL,
  fired_at timestamptz(3) NOT NULL,
  window_start timestamptz(3) NOT NULL,
  window_end timestamptz(3) NOT NULL,
  expected double precision NOT NULL,
  observed double precision NOT NULL,
  reason text NOT NULL,
  deliveries jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (workspace_id, id),
  CONSTRAINT listening_alert_firings_alert FOREIGN KEY (workspace_id, alert_id) REFERENCES listening_alerts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX listening_alert_firings_recent ON listening_alert_firings (workspace_id, fired_at DESC);
`,
  },
  {
    id: 'listening/002-hourly-volume',
    // Volume and share of voice read one row per query and hour; the network × language rollup is
    // too fine for them at millions of mentions (measured: 326 ms → 10 ms for 30 days at 5M).
    sql: `
CREATE TABLE mention_hourly (
  workspace_id uuid NOT NULL,
  query_id uuid NOT NULL,
  bucket timestamptz(3) NOT NULL,
  mentions int NOT NULL,
  positive int NOT NULL,
  negative int NOT NULL,
  neutral int NOT NULL,
  sentiment_sum double precision NOT NULL,
  PRIMARY KEY (workspace_id, query_id, bucket),
  CONSTRAINT mention_hourly_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);
INSERT INTO mention_hourly (workspace_id, query_id, bucket, mentions, positive, negative, neutral, sentiment_sum)
  SELECT workspace_id, query_id, bucket, sum(mentions), sum(positive), sum(negative), sum(neutral), sum(sentiment_sum)
    FROM mention_rollups GROUP BY 1, 2, 3;
-- Top-N over a date range reads the terms of one kind by day without touching the table.
CREATE INDEX mention_term_rollups_kind_day ON mention_term_rollups (workspace_id, kind, day) INCLUDE (query_id, term, mentions);
`,
  },
  {
    id: 'listening/003-daily-rollups-monthly-terms',
    // Daily charts read whole days from a per-(query, day) volume (24× fewer rows than hourly), and
    // the network × language breakdowns one row per query, day, network and language (the hourly
    // table they replace had one row per 4 mentions at 5M). Top-N charts find their
    // candidates in monthly counts read by rank, then count the candidates exactly by day (see
    // analytics/top-terms.ts), so neither aggregates hundreds of thousands of rows.
    sql: `
CREATE TABLE mention_daily_volume (
  workspace_id uuid NOT NULL,
  query_id uuid NOT NULL,
  day date NOT NULL,
  mentions int NOT NULL,
  positive int NOT NULL,
  negative int NOT NULL,
  neutral int NOT NULL,
  sentiment_sum double precision NOT NULL,
  PRIMARY KEY (workspace_id, query_id, day),
  CONSTRAINT mention_daily_volume_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);
INSERT INTO mention_daily_volume (workspace_id, query_id, day, mentions, positive, negative, neutral, sentiment_sum)
  SELECT workspace_id, query_id, (bucket AT TIME ZONE 'UTC')::date, sum(mentions), sum(positive), sum(negative), sum(neutral),
         sum(sentiment_sum)
    FROM mention_hourly GROUP BY 1, 2, 3;
-- The partial first and last days of a range, over every query.
CREATE INDEX mention_hourly_bucket ON mention_hourly (workspace_id, bucket) INCLUDE (query_id, mentions, positive, negative, neutral, sentiment_sum);

CREATE TABLE mention_daily (
  workspace_id uuid NOT NULL,
  query_id uuid NOT NULL,
  day date NOT NULL,
  network text NOT NULL,
  language text NOT NULL,
  mentions int NOT NULL,
  positive int NOT NULL,
  negative int NOT NULL,
  neutral int NOT NULL,
  sentiment_sum double precision NOT NULL,
  PRIMARY KEY (workspace_id, query_id, day, network, language),
  CONSTRAINT mention_daily_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);
INSERT INTO mention_daily (workspace_id, query_id, day, network, language, mentions, positive, negative, neutral, sentiment_sum)
  SELECT workspace_id, query_id, (bucket AT TIME ZONE 'UTC')::date, network, language, sum(mentions), sum(positive), sum(negative),
         sum(neutral), sum(sentiment_sum)
    FROM mention_rollups GROUP BY 1, 2, 3, 4, 5;
CREATE INDEX mention_daily_day ON mention_daily (workspace_id, day) INCLUDE (query_id, network, language, mentions, positive, negative, neutral);
DROP TABLE mention_rollups;

-- Per month and term, for one query (query_id) and for every query together (query_id NULL): the
-- ranked lists top-N reads first. Counts are exact (bumped with the daily terms), yet only used as
-- upper bounds of a range's count, so a query deleted or regrouped can never make an answer wrong.
CREATE TABLE mention_term_months (
  workspace_id uuid NOT NULL,
  query_id uuid,
  month date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hashtag', 'entity', 'keyword', 'author')),
  term text NOT NULL,
  mentions int NOT NULL,
  CONSTRAINT mention_term_months_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX mention_term_months_key ON mention_term_months (workspace_id, query_id, month, kind, term) NULLS NOT DISTINCT;
CREATE INDEX mention_term_months_rank ON mention_term_months (workspace_id, kind, query_id, month, mentions DESC) INCLUDE (term);
INSERT INTO mention_term_months (workspace_id, query_id, month, kind, term, mentions)
  SELECT workspace_id, query_id, date_trunc('month', day)::date, kind, term, sum(mentions)
    FROM mention_term_rollups GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT workspace_id, NULL, date_trunc('month', day)::date, kind, term, sum(mentions)
    FROM mention_term_rollups GROUP BY 1, 3, 4, 5;
-- The exact count of a few candidate terms over a range of days; top-N no longer scans a kind by day.
DROP INDEX mention_term_rollups_kind_day;
CREATE INDEX mention_term_rollups_term ON mention_term_rollups (workspace_id, kind, term, day) INCLUDE (query_id, mentions);
`,
  },
  {
    id: 'listening/004-ranked-lists-by-scope',
    // \`query_id IS NULL\` is not an equality to the planner, so in one index over both kinds of list
    // the every-query list was not read in count order: each read sorted the whole month's list
    // (172,782 authors a month at 5M). One partial index per kind of list reads either by rank.
    sql: `
DROP INDEX mention_term_months_rank;
CREATE INDEX mention_term_months_rank ON mention_term_months (workspace_id, kind, query_id, month, mentions DESC) INCLUDE (term)
  WHERE query_id IS NOT NULL;
CREATE INDEX mention_term_months_rank_all ON mention_term_months (workspace_id, kind, month, mentions DESC) INCLUDE (term)
  WHERE query_id IS NULL;
`,
  },
  {
    id: 'listening/005-mentions-read-about-subject',
    // A mention read from what its message says about the query's subject (subject-readings.ts) is
    // corrected alone: a message's correction must know which of its mentions carry its own reading.
    sql: `ALTER TABLE mentions ADD COLUMN read_about_subject boolean NOT NULL DEFAULT false;`,
  },
  {
    id: 'listening/006-mentions-stored-at',
    // Keyword alerts count the mentions stored since they last counted (counted_until), whenever they
    // were posted: a feed polled every 15 minutes delivers posts late. The database's clock stamps
    // each mention as it is written, close to its commit. Mentions stored before this keep NULL: they
    // are not new to any alert. Added without a default first, so the table is not rewritten.
    sql: `
ALTER TABLE mentions ADD COLUMN stored_at timestamptz(3);
ALTER TABLE mentions ALTER COLUMN stored_at SET DEFAULT clock_timestamp();
CREATE INDEX mentions_stored ON mentions (workspace_id, stored_at) WHERE stored_at IS NOT NULL;
ALTER TABLE listening_alerts ADD COLUMN counted_until timestamptz(3);
`,
  },
  {
    id: 'listening/007-mention-action-notes',
    // An action that puts a mention on a contact's timeline (make a lead, add as contact) does so
    // once: acting again adds no second note. A row claims the note before it is written; the note's
    // deletion (by hand, or with its contact) frees the claim, so acting again then writes a new one.
    sql: `
CREATE TABLE mention_action_notes (
  workspace_id uuid NOT NULL,
  mention_id uuid NOT NULL,
  action text NOT NULL,
  -- Null only while the note is being written.
  activity_id uuid,
  PRIMARY KEY (workspace_id, mention_id, action),
  CONSTRAINT mention_action_notes_mention FOREIGN KEY (workspace_id, mention_id) REFERENCES mentions (workspace_id, id) ON DELETE CASCADE,
  CONSTRAINT mention_action_notes_activity FOREIGN KEY (workspace_id, activity_id) REFERENCES activities (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX mention_action_notes_activity ON mention_action_notes (workspace_id, activity_id) WHERE activity_id IS NOT NULL;
`,
  },
  {
    id: 'listening/008-mention-stream-filters',
    // The stream filtered by sentiment, intent, channel or language reads the filter's mentions newest
    // first, as the unfiltered stream reads mentions_recent, rather than walking mentions_recent past
    // the newest mentions the filter does not match or, planned without statistics (PGlite has no
    // autovacuum), reading and sorting every match: 0.45-1.0 s a page at 100,000 mentions on PGlite
    // (0.07-0.23 s on PostgreSQL), 1-3 ms through these (see mention-stream.repo.ts).
    sql: `
CREATE INDEX mentions_sentiment_recent ON mentions (workspace_id, sentiment, sent_at DESC, id DESC);
CREATE INDEX mentions_intent_recent ON mentions (workspace_id, intent, sent_at DESC, id DESC);
CREATE INDEX mentions_network_recent ON mentions (workspace_id, network, sent_at DESC, id DESC);
CREATE INDEX mentions_language_recent ON mentions (workspace_id, language, sent_at DESC, id DESC);
`,
  },
  {
    id: 'listening/009-author-engagement',
    // An author's influence reads the likes, shares and replies per post of their mentions. Read from
    // their mentions' messages for each batch the pipeline matches, that took 147 ms per 200 messages
    // at 100,000 mentions on PGlite (even bounded to each author's latest 100); kept per author and
    // query beside the other rollups (a deleted query takes its rows along), it takes 4 ms.
    sql: `
CREATE TABLE mention_author_engagement (
  workspace_id uuid NOT NULL,
  author_identity_id uuid NOT NULL,
  query_id uuid NOT NULL,
  -- The mentions whose post came with like, share and reply counts, and those counts.
  posts int NOT NULL,
  interactions bigint NOT NULL,
  replied_to int NOT NULL,
  shared int NOT NULL,
  PRIMARY KEY (workspace_id, author_identity_id, query_id),
  CONSTRAINT mention_author_engagement_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);
INSERT INTO mention_author_engagement (workspace_id, author_identity_id, query_id, posts, interactions, replied_to, shared)
  SELECT mn.workspace_id, mn.author_identity_id, mn.query_id, count(*),
         sum((m.metrics ->> 'likes')::bigint + (m.metrics ->> 'shares')::bigint + (m.metrics ->> 'replies')::bigint),
         count(*) FILTER (WHERE (m.metrics ->> 'replies')::bigint > 0), count(*) FILTER (WHERE (m.metrics ->> 'shares')::bigint > 0)
    FROM mentions mn JOIN messages m ON m.workspace_id = mn.workspace_id AND m.id = mn.message_id
   WHERE mn.author_identity_id IS NOT NULL AND jsonb_typeof(m.metrics) = 'object'
   GROUP BY 1, 2, 3;
`,
  },
  {
    id: 'listening/010-hourly-details',
    // A range's partial days at its ends were counted from their mentions: up to half a day of them
    // at each end, 1.1 s p99 for top hashtags over 30 days at 5,000,000 mentions (28,000 messages'
    // stored analyses read). Hourly breakdowns and terms leave at most half an hour of mentions per
    // end (see analytics/exact-range.ts). Keyed by query first, as the other rollups are, so deleting
    // a query finds its rows; the terms are also indexed by term, as top-N counts its candidates.
    sql: `
CREATE TABLE mention_hourly_breakdowns (
  workspace_id uuid NOT NULL,
  query_id uuid NOT NULL,
  bucket timestamptz(3) NOT NULL,
  network text NOT NULL,
  language text NOT NULL,
  mentions int NOT NULL,
  positive int NOT NULL,
  negative int NOT NULL,
  neutral int NOT NULL,
  sentiment_sum double precision NOT NULL,
  PRIMARY KEY (workspace_id, query_id, bucket, network, language),
  CONSTRAINT mention_hourly_breakdowns_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE mention_term_hours (
  workspace_id uuid NOT NULL,
  query_id uuid NOT NULL,
  bucket timestamptz(3) NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hashtag', 'entity', 'keyword', 'author')),
  term text NOT NULL,
  mentions int NOT NULL,
  PRIMARY KEY (workspace_id, query_id, bucket, kind, term),
  CONSTRAINT mention_term_hours_query FOREIGN KEY (workspace_id, query_id) REFERENCES listening_queries (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX mention_term_hours_term ON mention_term_hours (workspace_id, kind, term, bucket) INCLUDE (query_id, mentions);
`,
    // Filled by the code that keeps them, the terms read from each message's stored analysis as the
    // pipeline reads them.
    backfill: backfillHourlyDetails,
  },
  {
    id: 'listening/011-unanalysed-and-reviewed-mentions',
    // The stream filtered to mentions whose sentiment was not read (sentiment IS NULL), or to those a
    // reviewer marked relevant or irrelevant. PostgreSQL orders by mentions_sentiment_recent's later
    // columns only after an equality on sentiment, and no index led with relevance, so both walked
    // mentions_recent past every other mention. Both are small: such mentions are the few in languages
    // the scorer does not read, and the few a reviewer marked (mentions arrive unreviewed, so the
    // pipeline's inserts write neither).
    sql: `
CREATE INDEX mentions_unanalysed_recent ON mentions (workspace_id, sent_at DESC, id DESC) WHERE sentiment IS NULL;
CREATE INDEX mentions_reviewed_recent ON mentions (workspace_id, relevance, sent_at DESC, id DESC) WHERE relevance <> 'unreviewed';
`,
  },
];

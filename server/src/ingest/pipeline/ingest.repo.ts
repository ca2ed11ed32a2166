/**
 * The pipeline's SQL. Every write is one statement over arrays (`unnest`), whatever the batch size,
 * and every insert is `ON CONFLICT`-safe, so concurrent batches and replays stay exact. Rows are
 * written in key order so concurrent batches take row locks in the same order.
 */
import { recordset, rowsJson } from '../../platform/db/recordset.js';
import type { Queryable } from '../../platform/db/db.js';
import { keyOf } from './threading.js';

/** Characters of the latest message shown in conversation lists. */
export const PREVIEW_LENGTH = 200;

export interface IdentityRow {
  id: string;
  network: string;
  externalId: string;
  handle: string;
  displayName: string;
  profileUrl: string | null;
  avatarUrl: string | null;
  email: string | null;
  followers: number | null;
  following: number | null;
  postsCount: number | null;
  bio: string | null;
  location: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

const IDENTITY_COLUMNS: [column: string, type: string, field: keyof IdentityRow][] = [
  ['id', 'uuid', 'id'],
  ['network', 'text', 'network'],
  ['external_id', 'text', 'externalId'],
  ['handle', 'text', 'handle'],
  ['display_name', 'text', 'displayName'],
  ['profile_url', 'text', 'profileUrl'],
  ['avatar_url', 'text', 'avatarUrl'],
  ['email', 'text', 'email'],
  ['followers', 'int', 'followers'],
  ['following', 'int', 'following'],
  ['posts_count', 'int', 'postsCount'],
  ['bio', 'text', 'bio'],
  ['location', 'text', 'location'],
  ['first_seen_at', 'timestamptz', 'firstSeenAt'],
  ['last_seen_at', 'timestamptz', 'lastSeenAt'],
];

const PROFILE_COLUMNS = IDENTITY_COLUMNS.slice(3, 13).map(([column]) => column);

/** Profile columns: the fresher sighting wins, and a field the fresher one lacks keeps what was known. */
const PROFILE_UPDATES = PROFILE_COLUMNS.map(
  (column) =>
    `${column} = CASE WHEN u.last_seen_at >= s.last_seen_at THEN COALESCE(u.${column}, s.${column}) ELSE COALESCE(s.${column}, u.${column}) END`,
).join(',\n    ');

/** A sighting changes an identity when it is fresher, earlier, or fills a field that was empty. */
const CHANGES_IDENTITY = [
  'u.last_seen_at > s.last_seen_at',
  'u.first_seen_at < s.first_seen_at',
  ...PROFILE_COLUMNS.map((column) => `(s.${column} IS NULL AND u.${column} IS NOT NULL)`),
].join(' OR ');

const IDENTITIES = recordset(IDENTITY_COLUMNS, 2);
const INSERT_IDENTITIES = `INSERT INTO social_identities (workspace_id, ${IDENTITIES.names})
     SELECT $1, ${IDENTITIES.names} FROM ${IDENTITIES.from} ORDER BY network, external_id
     ON CONFLICT (workspace_id, network, external_id) DO NOTHING
     RETURNING id, network, external_id`;

interface StoredIdentity {
  id: string;
  network: string;
  external_id: string;
}

/**
 * Inserts the identities not stored yet and returns every row's id, with the keys of those that were
 * already there (to refresh later). Stored ones are looked up first, because an insert that meets
 * a row another open transaction has changed waits for that whole transaction, while a read never
 * waits; only authors new to the workspace are inserted. Existing rows are not touched here: a
 * refresh locks the row until commit, and batches sharing authors would otherwise queue behind
 * each other for the whole batch.
 */
export async function insertIdentities(
  tx: Queryable,
  workspaceId: string,
  rows: readonly IdentityRow[],
): Promise<{ ids: StoredIdentity[]; existing: Set<string> }> {
  if (rows.length === 0) return { ids: [], existing: new Set() };
  const stored = await storedIdentities(tx, workspaceId, rows);
  const known = new Set(stored.map((row) => `${row.network}\u0000${row.external_id}`));
  const fresh = rows.filter((row) => !known.has(`${row.network}\u0000${row.externalId}`));
  if (fresh.length === 0) return { ids: stored, existing: new Set(stored.map((row) => row.id)) };
  const { rows: inserted } = await tx.query<StoredIdentity>(INSERT_IDENTITIES, [workspaceId, rowsJson(fresh)]);
  const insertedIds = new Set(inserted.map((row) => row.id));
  // A concurrent batch stored some of these authors between the look-up and the insert.
  const raced = fresh.filter((row) => !insertedIds.has(row.id));
  const theirs = raced.length ? await storedIdentities(tx, workspaceId, raced) : [];
  const existing = [...stored, ...theirs];
  return { ids: [...inserted, ...existing], existing: new Set(existing.map((row) => row.id)) };
}

async function storedIdentities(tx: Queryable, workspaceId: string, rows: readonly IdentityRow[]): Promise<StoredIdentity[]> {
  const { rows: found } = await tx.query<StoredIdentity>(
    `SELECT s.id, s.network, s.external_id FROM social_identities s
      WHERE s.workspace_id = $1 AND (s.network, s.external_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [workspaceId, rows.map((row) => row.network), rows.map((row) => row.externalId)],
  );
  return found;
}

/**
 * Refreshes stored identities from this batch's sightings, only where something changes (a replayed
 * batch writes nothing). A row another batch is refreshing right now is skipped rather than waited
 * for: batches sharing authors would otherwise run one after another, and the skipped sighting is a
 * last-seen time or profile the next batch with that author brings again.
 */
export async function refreshIdentities(tx: Queryable, workspaceId: string, rows: readonly IdentityRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `WITH u AS (SELECT ${IDENTITIES.names} FROM ${IDENTITIES.from}),
     changed AS (
       SELECT s.id FROM social_identities s JOIN u ON s.id = u.id
        WHERE s.workspace_id = $1 AND (${CHANGES_IDENTITY})
        FOR NO KEY UPDATE OF s SKIP LOCKED
     )
     UPDATE social_identities s SET
    ${PROFILE_UPDATES},
    first_seen_at = LEAST(s.first_seen_at, u.first_seen_at),
    last_seen_at = GREATEST(s.last_seen_at, u.last_seen_at)
     FROM u WHERE s.workspace_id = $1 AND s.id = u.id AND s.id IN (SELECT id FROM changed)`,
    [workspaceId, rowsJson(rows)],
  );
}

export async function findChannel(
  tx: Queryable,
  workspaceId: string,
  channelId: string,
): Promise<{ kind: string; teamId: string | null; purpose: 'inbox' | 'listening' } | null> {
  const { rows } = await tx.query<{ kind: string; teamId: string | null; purpose: 'inbox' | 'listening' }>(
    'SELECT kind, team_id AS "teamId", purpose FROM channels WHERE workspace_id = $1 AND id = $2',
    [workspaceId, channelId],
  );
  return rows[0] ?? null;
}

/** External ids (as network, id pairs) already stored, from `pairs`. */
export async function storedMessages(tx: Queryable, workspaceId: string, pairs: readonly [string, string][]) {
  if (pairs.length === 0) return [];
  const { rows } = await tx.query<{ network: string; external_id: string; conversation_id: string }>(
    `SELECT m.network, m.external_id, m.conversation_id FROM messages m
      WHERE m.workspace_id = $1 AND (m.network, m.external_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [workspaceId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return rows;
}

export async function conversationsByKey(tx: Queryable, workspaceId: string, pairs: readonly [string, string][]) {
  if (pairs.length === 0) return [];
  const { rows } = await tx.query<{ id: string; network: string; thread_key: string }>(
    `SELECT c.id, c.network, c.thread_key FROM conversations c
      WHERE c.workspace_id = $1 AND (c.network, c.thread_key) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [workspaceId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return rows;
}

/** The lock class of a thread key being made a conversation (the two-key form, apart from the migrations' one-key lock). */
const CREATING_CONVERSATION = 0x52415043;

/**
 * The conversations a batch is about to create or add to that another uncommitted batch holds: new
 * thread keys it is creating, and stored conversations it is updating. What no one holds is locked
 * for this batch until it commits; nothing here ever waits. The keys are held by an advisory lock on
 * a hash of them: a collision only sets a thread aside for no reason.
 */
export async function conversationsHeldElsewhere(
  tx: Queryable,
  workspaceId: string,
  newThreads: readonly [network: string, threadKey: string][],
  storedIds: readonly string[],
): Promise<{ threads: Set<string>; conversations: Set<string> }> {
  const threads = new Set<string>();
  const conversations = new Set<string>();
  if (newThreads.length === 0 && storedIds.length === 0) return { threads, conversations };
  const { rows } = await tx.query<{ network: string | null; thread_key: string | null; id: string | null }>(
    `WITH held_threads AS (
       SELECT k.network, k.thread_key FROM unnest($2::text[], $3::text[]) AS k(network, thread_key)
        WHERE NOT pg_try_advisory_xact_lock($5, hashtext($1::uuid::text || E'\\n' || k.network || E'\\n' || k.thread_key))
     ), locked AS MATERIALIZED (
       SELECT c.id FROM conversations c
        WHERE c.workspace_id = $1 AND c.id = ANY($4::uuid[]) ORDER BY c.id FOR NO KEY UPDATE SKIP LOCKED
     )
     SELECT network, thread_key, NULL::uuid AS id FROM held_threads
     UNION ALL
     SELECT NULL, NULL, s.id FROM unnest($4::uuid[]) AS s(id) WHERE s.id NOT IN (SELECT id FROM locked)`,
    [workspaceId, newThreads.map((t) => t[0]), newThreads.map((t) => t[1]), storedIds, CREATING_CONVERSATION],
  );
  for (const row of rows) {
    if (row.id) conversations.add(row.id);
    else threads.add(keyOf(row.network!, row.thread_key!));
  }
  return { threads, conversations };
}

export interface ConversationRow {
  id: string;
  network: string;
  threadKey: string;
  subject: string;
  identityId: string | null;
  isPrivate: boolean;
  preview: string;
  messageCount: number;
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
}

const CONVERSATION_COLUMNS: [string, string, keyof ConversationRow][] = [
  ['id', 'uuid', 'id'],
  ['network', 'text', 'network'],
  ['thread_key', 'text', 'threadKey'],
  ['subject', 'text', 'subject'],
  ['identity_id', 'uuid', 'identityId'],
  ['is_private', 'boolean', 'isPrivate'],
  ['preview', 'text', 'preview'],
  ['message_count', 'int', 'messageCount'],
  ['last_message_at', 'timestamptz', 'lastMessageAt'],
  ['last_inbound_at', 'timestamptz', 'lastInboundAt'],
  ['last_outbound_at', 'timestamptz', 'lastOutboundAt'],
];

const CONVERSATIONS = recordset(CONVERSATION_COLUMNS, 6);
const INSERT_CONVERSATIONS = `INSERT INTO conversations (workspace_id, channel_id, team_id, created_at, updated_at, in_inbox, status, resolved_at, ${CONVERSATIONS.names}, contact_id, is_spam)
     SELECT $1, $2, $3, $4, $4, $5, CASE WHEN $7::boolean THEN 'resolved' ELSE 'open' END, CASE WHEN $7::boolean THEN $4::timestamptz END, ${CONVERSATIONS.names},
            (SELECT i.contact_id FROM social_identities i WHERE i.workspace_id = $1 AND i.id = u.identity_id),
            EXISTS (SELECT 1 FROM spam_senders s WHERE s.workspace_id = $1 AND s.identity_id = u.identity_id)
       FROM ${CONVERSATIONS.from} ORDER BY network, thread_key
     ON CONFLICT (workspace_id, network, thread_key) DO NOTHING
     RETURNING id`;

/**
 * Inserts new conversations; returns the ids actually inserted (a concurrent batch may have made one
 * first). A conversation belongs to the contact its customer's identity is linked to from the start:
 * linking only reaches the conversations that exist when it is made. A sender marked as spam starts
 * conversations marked as spam. `resolved` (history) makes them resolved as they are stored.
 */
export async function insertConversations(
  tx: Queryable,
  workspaceId: string,
  scope: { channelId: string | null; teamId: string | null; now: Date; inInbox: boolean; resolved: boolean },
  rows: readonly ConversationRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: inserted } = await tx.query<{ id: string }>(INSERT_CONVERSATIONS, [
    workspaceId,
    scope.channelId,
    scope.teamId,
    scope.now,
    scope.inInbox,
    rowsJson(rows),
    scope.resolved,
  ]);
  return new Set(inserted.map((r) => r.id));
}

export interface MessageRow {
  id: string;
  conversationId: string;
  network: string;
  externalId: string;
  direction: 'in' | 'out';
  authorIdentityId: string | null;
  inReplyToExternalId: string | null;
  title: string | null;
  text: string;
  html: string | null;
  url: string | null;
  language: string | null;
  isPrivate: boolean;
  attachments: readonly unknown[];
  metrics: Readonly<Record<string, unknown>> | null;
  enrichment: Readonly<Record<string, unknown>>;
  sentAt: Date;
  receivedAt: Date;
}

const MESSAGE_COLUMNS: [string, string, keyof MessageRow][] = [
  ['id', 'uuid', 'id'],
  ['conversation_id', 'uuid', 'conversationId'],
  ['network', 'text', 'network'],
  ['external_id', 'text', 'externalId'],
  ['direction', 'text', 'direction'],
  ['author_identity_id', 'uuid', 'authorIdentityId'],
  ['in_reply_to_external_id', 'text', 'inReplyToExternalId'],
  ['title', 'text', 'title'],
  ['text', 'text', 'text'],
  ['html', 'text', 'html'],
  ['url', 'text', 'url'],
  ['language', 'text', 'language'],
  ['is_private', 'boolean', 'isPrivate'],
  ['attachments', 'jsonb', 'attachments'],
  ['metrics', 'jsonb', 'metrics'],
  ['enrichment', 'jsonb', 'enrichment'],
  ['sent_at', 'timestamptz', 'sentAt'],
  ['received_at', 'timestamptz', 'receivedAt'],
];

const MESSAGES = recordset(MESSAGE_COLUMNS, 3);
const INSERT_MESSAGES = `INSERT INTO messages (workspace_id, channel_id, ${MESSAGES.names})
     SELECT $1, $2, ${MESSAGES.names} FROM ${MESSAGES.from} ORDER BY network, external_id
     ON CONFLICT (workspace_id, network, external_id) DO NOTHING
     RETURNING id`;

/** Inserts messages, skipping any stored meanwhile by a concurrent batch; returns the ids inserted. */
export async function insertMessages(
  tx: Queryable,
  workspaceId: string,
  channelId: string | null,
  rows: readonly MessageRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: inserted } = await tx.query<{ id: string }>(INSERT_MESSAGES, [workspaceId, channelId, rowsJson(rows)]);
  return new Set(inserted.map((r) => r.id));
}

export interface ConversationBump {
  id: string;
  count: number;
  lastAt: Date;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  preview: string;
  identityId: string | null;
}

/**
 * Adds new messages to stored conversations. An inbound message reopens a snoozed conversation,
 * and a resolved one when it is newer than the resolution (a backfill of old mail does not); history
 * (`reopen` false) reopens none.
 * GREATEST ignores NULLs, so a batch without inbound messages leaves last_inbound_at as it was.
 * A conversation the business started meets its customer with the first inbound message, and with
 * them the contact their identity is linked to.
 * The rows are locked in id order first, as routing locks them, so the two cannot deadlock.
 */
export async function bumpConversations(
  tx: Queryable,
  workspaceId: string,
  now: Date,
  bumps: readonly ConversationBump[],
  { reopen }: { reopen: boolean },
) {
  if (bumps.length === 0) return;
  await tx.query(
    `WITH u AS (
       SELECT * FROM unnest($3::uuid[], $4::int[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::uuid[])
         AS u(id, count, last_at, last_in, last_out, preview, identity_id)
     ), locked AS MATERIALIZED (
       SELECT c.id FROM conversations c WHERE c.workspace_id = $1 AND c.id IN (SELECT id FROM u) ORDER BY c.id FOR NO KEY UPDATE
     ), reopen AS (
       SELECT c.id FROM conversations c JOIN u ON u.id = c.id
        WHERE $10::boolean AND c.workspace_id = $1 AND c.id IN (SELECT id FROM locked) AND u.last_in IS NOT NULL
          AND (c.status = 'snoozed' OR (c.status = 'resolved' AND u.last_in > COALESCE(c.resolved_at, '-infinity')))
     )
     UPDATE conversations c SET
       message_count = c.message_count + u.count,
       last_message_at = GREATEST(c.last_message_at, u.last_at),
       last_inbound_at = GREATEST(c.last_inbound_at, u.last_in),
       last_outbound_at = GREATEST(c.last_outbound_at, u.last_out),
       preview = CASE WHEN u.last_at >= c.last_message_at THEN u.preview ELSE c.preview END,
       identity_id = COALESCE(c.identity_id, u.identity_id),
       contact_id = CASE WHEN c.identity_id IS NULL AND c.contact_id IS NULL
                         THEN (SELECT i.contact_id FROM social_identities i WHERE i.workspace_id = $1 AND i.id = u.identity_id)
                         ELSE c.contact_id END,
       status = CASE WHEN c.id IN (SELECT id FROM reopen) THEN 'open' ELSE c.status END,
       snoozed_until = CASE WHEN c.id IN (SELECT id FROM reopen) THEN NULL ELSE c.snoozed_until END,
       resolved_at = CASE WHEN c.id IN (SELECT id FROM reopen) THEN NULL ELSE c.resolved_at END,
       updated_at = $2
     FROM u WHERE c.workspace_id = $1 AND c.id = u.id AND c.id IN (SELECT id FROM locked)`,
    [
      workspaceId,
      now,
      bumps.map((b) => b.id),
      bumps.map((b) => b.count),
      bumps.map((b) => b.lastAt),
      bumps.map((b) => b.lastInboundAt),
      bumps.map((b) => b.lastOutboundAt),
      bumps.map((b) => b.preview),
      bumps.map((b) => b.identityId),
      reopen,
    ],
  );
}

/** Recomputes counts, times and preview of conversations from their stored messages (after deletions or a lost race). */
export async function recountConversations(tx: Queryable, workspaceId: string, now: Date, ids: readonly string[]) {
  if (ids.length === 0) return;
  await tx.query(
    `UPDATE conversations c SET
       message_count = s.count,
       last_message_at = COALESCE(s.last_at, c.last_message_at),
       last_inbound_at = s.last_in,
       last_outbound_at = s.last_out,
       preview = COALESCE(s.preview, ''),
       updated_at = $2
     FROM (
       SELECT x.id,
              (SELECT count(*) FROM messages m WHERE m.workspace_id = $1 AND m.conversation_id = x.id)::int AS count,
              (SELECT max(sent_at) FROM messages m WHERE m.workspace_id = $1 AND m.conversation_id = x.id) AS last_at,
              (SELECT max(sent_at) FROM messages m WHERE m.workspace_id = $1 AND m.conversation_id = x.id AND m.direction = 'in') AS last_in,
              (SELECT max(sent_at) FROM messages m WHERE m.workspace_id = $1 AND m.conversation_id = x.id AND m.direction = 'out') AS last_out,
              (SELECT left(m.text, ${PREVIEW_LENGTH}) FROM messages m WHERE m.workspace_id = $1 AND m.conversation_id = x.id
                ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) AS preview
         FROM unnest($3::uuid[]) AS x(id)
     ) s
     WHERE c.workspace_id = $1 AND c.id = s.id`,
    [workspaceId, now, ids],
  );
}

/** Deletes messages by external id; returns what was deleted. */
export async function deleteMessages(tx: Queryable, workspaceId: string, pairs: readonly [string, string][]) {
  if (pairs.length === 0) return [];
  const { rows } = await tx.query<{ id: string; conversation_id: string }>(
    `DELETE FROM messages m
      WHERE m.workspace_id = $1 AND (m.network, m.external_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))
      RETURNING m.id, m.conversation_id`,
    [workspaceId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return rows;
}

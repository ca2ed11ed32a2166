/** SQL for conversations: the inbox list, counts, one conversation and its stored state. */
import { listLimit, sqlLimit } from '../platform/db/limit.js';
import type { Actor, Ctx } from '../platform/context.js';
import type { Queryable } from '../platform/db/db.js';
import { conversationScope } from './conversation.policy.js';
import { shownHandle, shownName } from '../platform/text/identity-handle.js';
import { replyLimitOn, replyUnavailableThrough, type ReplyChannel } from './reply-availability.js';
import type { InstantCursor } from './inbox.cursor.js';
import {
  CONVERSATION_STATUSES,
  VIEWS,
  type Conversation,
  type ConversationCounts,
  type ConversationCountsQuery,
  type ConversationListQuery,
  type ConversationStatus,
  type Priority,
  type SlaClock,
  type View,
} from './conversation.schema.js';

/** The stored columns a use case changes, read with the row locked. */
export interface ConversationState {
  id: string;
  network: string;
  channelId: string | null;
  subject: string;
  status: ConversationStatus;
  snoozedUntil: Date | null;
  priority: Priority;
  assigneeId: string | null;
  teamId: string | null;
  labels: string[];
  isSpam: boolean;
  mergedIntoId: string | null;
  identityId: string | null;
  contactId: string | null;
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
  inInbox: boolean;
  /** When routing first acted on it; routing acts only once. */
  routedAt: Date | null;
}

const STATE = `c.in_inbox AS "inInbox", c.id, c.network, c.channel_id AS "channelId", c.subject, c.status, c.snoozed_until AS "snoozedUntil", c.priority,
  c.assignee_id AS "assigneeId", c.team_id AS "teamId", c.labels, c.is_spam AS "isSpam", c.merged_into_id AS "mergedIntoId",
  c.identity_id AS "identityId", c.contact_id AS "contactId", c.last_message_at AS "lastMessageAt", c.last_inbound_at AS "lastInboundAt",
  c.last_outbound_at AS "lastOutboundAt", c.first_responded_at AS "firstRespondedAt", c.resolved_at AS "resolvedAt", c.created_at AS "createdAt",
  c.routed_at AS "routedAt"`;

/** A snooze whose time has passed counts as open until the wake-up job catches up. */
const EFFECTIVE_STATUS = `CASE WHEN c.status = 'snoozed' AND c.snoozed_until <= now() THEN 'open' ELSE c.status END`;

/** The conversation's channel kind, settings and server's reply limit, null when it has none or it was removed: what decides whether replies can go out, and how long. */
const REPLY_CHANNEL = `(SELECT jsonb_build_object('kind', ch.kind, 'config', ch.config, 'replyLength', ch.reply_length) FROM channels ch WHERE ch.workspace_id = c.workspace_id AND ch.id = c.channel_id)`;

/**
 * A conversation without a subject (its first message had no title and no text: an attachment) is
 * named by the customer's first message: its words, else its first attachment's name. Never by our
 * own reply, which the list would otherwise show in the subject's place as the preview ("hi u3").
 */
const SUBJECT = `CASE WHEN c.subject <> '' THEN c.subject ELSE COALESCE(
    (SELECT COALESCE(NULLIF(left(regexp_replace(btrim(f.text), '\\s+', ' ', 'g'), 200), ''), f.attachments->0->>'name') FROM messages f
      WHERE f.workspace_id = c.workspace_id AND f.conversation_id = c.id AND f.kind = 'message' AND f.direction = 'in'
        AND (btrim(f.text) <> '' OR f.attachments <> '[]')
      ORDER BY f.sent_at, f.id LIMIT 1), '') END`;

const SELECT = `c.id, c.network, c.channel_id AS "channelId", ${REPLY_CHANNEL} AS "replyChannel", ${SUBJECT} AS subject, ${EFFECTIVE_STATUS} AS status, c.snoozed_until AS "snoozedUntil",
  c.priority, c.assignee_id AS "assigneeId", c.team_id AS "teamId", c.labels, c.is_private AS "isPrivate", c.is_spam AS "isSpam",
  c.merged_into_id AS "mergedIntoId", c.preview, c.message_count AS "messageCount", c.last_message_at AS "lastMessageAt",
  c.last_inbound_at AS "lastInboundAt", c.contact_id AS "contactId", ct.display_name AS "contactName", cs.tier AS "contactTier",
  i.id AS "identityId", i.network AS "identityNetwork", ${shownHandle('i')} AS "identityHandle", ${shownName('i')} AS "identityDisplayName",
  i.profile_url AS "identityProfileUrl", i.avatar_url AS "identityAvatarUrl", i.email AS "identityEmail", i.followers AS "identityFollowers",
  c.first_response_due_at AS "firstResponseDueAt", c.next_response_due_at AS "nextResponseDueAt", c.resolution_due_at AS "resolutionDueAt",
  c.first_responded_at AS "firstRespondedAt", c.resolved_at AS "resolvedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

const FROM = `conversations c
  LEFT JOIN social_identities i ON i.workspace_id = c.workspace_id AND i.id = c.identity_id
  LEFT JOIN contacts ct ON ct.workspace_id = c.workspace_id AND ct.id = c.contact_id
  LEFT JOIN contact_scores cs ON cs.workspace_id = c.workspace_id AND cs.contact_id = c.contact_id`;

interface ConversationRow extends Omit<Conversation, 'identity' | 'contact' | 'sla' | 'viewers' | 'replyUnavailable' | 'replyLimit'> {
  replyChannel: ReplyChannel | null;
  contactName: string | null;
  contactTier: string | null;
  identityId: string | null;
  identityNetwork: string;
  identityHandle: string | null;
  identityDisplayName: string | null;
  identityProfileUrl: string | null;
  identityAvatarUrl: string | null;
  identityEmail: string | null;
  identityFollowers: number | null;
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
}

const time = (value: Date | null) => (value ? new Date(value).getTime() : null);
const late = (due: Date | null, doneAt: number | null, now: Date) => due !== null && (doneAt ?? now.getTime()) > new Date(due).getTime();

/**
 * Which clocks ran out: a response or resolution that came after its due time, or none yet and
 * the time has passed. Resolving stops the response clocks.
 */
export function breachedClocks(
  sla: { firstResponseDueAt: Date | null; nextResponseDueAt: Date | null; resolutionDueAt: Date | null },
  done: { firstRespondedAt: Date | null; resolvedAt: Date | null },
  now: Date,
): SlaClock[] {
  const breached: SlaClock[] = [];
  if (late(sla.firstResponseDueAt, time(done.firstRespondedAt) ?? time(done.resolvedAt), now)) breached.push('first_response');
  // A reply clears the next-response clock, so a due time still set is one not met yet.
  if (late(sla.nextResponseDueAt, time(done.resolvedAt), now)) breached.push('next_response');
  if (late(sla.resolutionDueAt, time(done.resolvedAt), now)) breached.push('resolution');
  return breached;
}

function toConversation(row: ConversationRow, now: Date): Conversation {
  const {
    replyChannel,
    contactName,
    contactTier,
    identityId,
    identityNetwork,
    identityHandle,
    identityDisplayName,
    identityProfileUrl,
    identityAvatarUrl,
    identityEmail,
    identityFollowers,
    firstResponseDueAt,
    nextResponseDueAt,
    resolutionDueAt,
    firstRespondedAt,
    resolvedAt,
    ...rest
  } = row;
  return {
    ...rest,
    replyUnavailable: replyUnavailableThrough(rest.channelId, replyChannel),
    replyLimit: replyLimitOn(rest.network, replyChannel),
    identity: identityId
      ? {
          id: identityId,
          network: identityNetwork,
          handle: identityHandle,
          displayName: identityDisplayName,
          profileUrl: identityProfileUrl,
          avatarUrl: identityAvatarUrl,
          email: identityEmail,
          followers: identityFollowers,
        }
      : null,
    contact: rest.contactId && contactName !== null ? { id: rest.contactId, displayName: contactName, tier: contactTier } : null,
    sla: {
      firstResponseDueAt,
      nextResponseDueAt,
      resolutionDueAt,
      firstRespondedAt,
      breached: breachedClocks({ firstResponseDueAt, nextResponseDueAt, resolutionDueAt }, { firstRespondedAt, resolvedAt }, now),
    },
  };
}

export async function findConversation(ctx: Ctx, id: string, db: Queryable = ctx.db): Promise<Conversation | null> {
  const params: unknown[] = [ctx.workspaceId, id];
  const scope = conversationScope(ctx.actor, 'c', params);
  const { rows } = await db.query<ConversationRow>(
    `SELECT ${SELECT} FROM ${FROM} WHERE c.workspace_id = $1 AND c.id = $2 AND ${scope}`,
    params,
  );
  return rows[0] ? toConversation(rows[0], new Date()) : null;
}

/** The stored state, locked for the change (within the caller's record scope). */
export async function lockConversation(tx: Queryable, workspaceId: string, actor: Actor, id: string): Promise<ConversationState | null> {
  const params: unknown[] = [workspaceId, id];
  const scope = conversationScope(actor, 'c', params);
  const { rows } = await tx.query<ConversationState>(
    `SELECT ${STATE} FROM conversations c WHERE c.workspace_id = $1 AND c.id = $2 AND ${scope} FOR NO KEY UPDATE`,
    params,
  );
  return rows[0] ?? null;
}

/** Several conversations locked in id order (so two bulk changes cannot deadlock), within the record scope. */
export async function lockConversations(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  ids: readonly string[],
): Promise<ConversationState[]> {
  const params: unknown[] = [workspaceId, ids];
  const scope = conversationScope(actor, 'c', params);
  const { rows } = await tx.query<ConversationState>(
    `SELECT ${STATE} FROM conversations c WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[]) AND ${scope} ORDER BY c.id FOR NO KEY UPDATE`,
    params,
  );
  return rows;
}

export async function saveConversationState(tx: Queryable, workspaceId: string, state: ConversationState, now: Date): Promise<void> {
  await tx.query(
    `UPDATE conversations SET status = $3, snoozed_until = $4, priority = $5, assignee_id = $6, team_id = $7, labels = $8, is_spam = $9,
            merged_into_id = $10, resolved_at = $11, updated_at = $12
      WHERE workspace_id = $1 AND id = $2`,
    [
      workspaceId,
      state.id,
      state.status,
      state.snoozedUntil,
      state.priority,
      state.assigneeId,
      state.teamId,
      state.labels,
      state.isSpam,
      state.mergedIntoId,
      state.resolvedAt,
      now,
    ],
  );
}

/** The effective status condition: an expired snooze is open, not snoozed. */
function statusCondition(status: ConversationStatus): string {
  if (status === 'open') return `(c.status = 'open' OR (c.status = 'snoozed' AND c.snoozed_until <= now()))`;
  if (status === 'snoozed') return `(c.status = 'snoozed' AND (c.snoozed_until IS NULL OR c.snoozed_until > now()))`;
  return `c.status = '${status}'`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An identity's searchable text: the expression the trigram index `social_identities_search` holds. */
const IDENTITY_TEXT = `(i.display_name || ' ' || i.handle || ' ' || coalesce(i.email, ''))`;

/**
 * A search as the contact's search text has it: its words folded (no case, no accents) and joined
 * by single spaces, as the CRM writes `search_text` (an address in words: "ada analytical example").
 */
function contactSearchWords(q: string): string {
  return q
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/**
 * Conversations whose customer matches: the identity's name, handle or e-mail, or the linked
 * contact's name or e-mails. Each is one uncorrelated subquery, run once through its trigram index
 * (`social_identities_search`, `contacts_trgm`) and probed per conversation as a hashed set.
 */
function customerMatches(q: string, add: AddParam): string[] {
  const conditions = [
    `c.identity_id IN (SELECT i.id FROM social_identities i WHERE i.workspace_id = $1 AND ${IDENTITY_TEXT} ILIKE ${add(`%${escapeLike(q)}%`)})`,
  ];
  const words = contactSearchWords(q);
  if (words) {
    conditions.push(
      `c.contact_id IN (SELECT ct.id FROM contacts ct WHERE ct.workspace_id = $1 AND ct.search_text ILIKE ${add(`%${escapeLike(words)}%`)})`,
    );
  }
  return conditions;
}

/** Appends a value to the query's parameters and returns its placeholder. */
type AddParam = (value: unknown) => string;

function paramsOf(workspaceId: string): { params: unknown[]; add: AddParam } {
  const params: unknown[] = [workspaceId];
  return {
    params,
    add: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/** The conversations of the inbox (not merged away, not only listened to) the actor may see, narrowed by the filters. */
function inboxConditions(ctx: Ctx, query: ConversationCountsQuery, params: unknown[], add: AddParam): string[] {
  const where = [`c.workspace_id = $1`, `c.merged_into_id IS NULL`, 'c.in_inbox', conversationScope(ctx.actor, 'c', params)];
  if (query.network) where.push(`c.network = ${add(query.network)}`);
  if (query.channelId) where.push(`c.channel_id = ${add(query.channelId)}`);
  if (query.identityId) where.push(`c.identity_id = ${add(query.identityId)}`);
  if (query.contactId) where.push(`c.contact_id = ${add(query.contactId)}`);
  if (query.assigneeId) where.push(`c.assignee_id = ${add(query.assigneeId)}`);
  if (query.teamId) where.push(`c.team_id = ${add(query.teamId)}`);
  if (query.label) where.push(`EXISTS (SELECT 1 FROM unnest(c.labels) l WHERE lower(l) = lower(${add(query.label.trim())}))`);
  if (query.priority) where.push(`c.priority = ${add(query.priority)}`);
  if (query.q) {
    const like = add(`%${escapeLike(query.q)}%`);
    const words = add(query.q);
    where.push(`(c.subject ILIKE ${like} OR c.preview ILIKE ${like} OR ${customerMatches(query.q, add).join(' OR ')} OR EXISTS (
      SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
         AND m.search_vector @@ plainto_tsquery('simple', ${words})))`);
  }
  return where;
}

/** The condition of a view; null for All, which holds every conversation. */
function viewCondition(ctx: Ctx, view: View, add: AddParam): string | null {
  if (view === 'mine') return `c.assignee_id = ${add(ctx.actor.userId)}`;
  if (view === 'unassigned') return 'c.assignee_id IS NULL';
  if (view === 'my_teams') return `c.team_id = ANY(${add(ctx.actor.teamIds)}::uuid[])`;
  return null;
}

export async function listConversations(
  ctx: Ctx,
  query: ConversationListQuery,
  after: InstantCursor | null,
  limit: number,
): Promise<{ rows: Conversation[]; hasMore: boolean }> {
  const { params, add } = paramsOf(ctx.workspaceId);
  const where = inboxConditions(ctx, query, params, add);
  where.push(query.spam ? 'c.is_spam' : 'NOT c.is_spam');
  const view = viewCondition(ctx, query.view ?? 'all', add);
  if (view) where.push(view);
  if (query.status) where.push(statusCondition(query.status));
  if (after) where.push(`(c.last_message_at, c.id) < (${add(after.at)}::timestamptz, ${add(after.id)}::uuid)`);
  // A search's or a label's best plan depends on how much it matches.
  const take = listLimit(limit + 1, params, Boolean(query.q || query.label));
  const { rows } = await ctx.db.query<ConversationRow>(
    `SELECT ${SELECT} FROM ${FROM} WHERE ${where.join(' AND ')}
      ORDER BY c.last_message_at DESC, c.id DESC ${take}`,
    params,
  );
  const now = new Date();
  return { rows: rows.slice(0, limit).map((row) => toConversation(row, now)), hasMore: rows.length > limit };
}

/**
 * What each view, status and the spam folder would list with the same filters, in one pass: a
 * view at the query's status, a status in the query's view (spam left out of both, as the list
 * leaves it out), and spam in every view and status, as the spam folder lists it.
 */
export async function countConversations(ctx: Ctx, query: ConversationCountsQuery): Promise<ConversationCounts> {
  const { params, add } = paramsOf(ctx.workspaceId);
  const where = inboxConditions(ctx, query, params, add);
  const inView = (view: View) => viewCondition(ctx, view, add) ?? 'true';
  const atStatus = query.status ? statusCondition(query.status) : 'true';
  const view = inView(query.view ?? 'all');
  const views = VIEWS.map((v) => `count(*) FILTER (WHERE NOT c.is_spam AND ${atStatus} AND ${inView(v)})::int AS ${v}`);
  const statuses = CONVERSATION_STATUSES.map(
    (s) => `count(*) FILTER (WHERE NOT c.is_spam AND ${view} AND ${statusCondition(s)})::int AS ${s}`,
  );
  const { rows } = await ctx.db.query<Record<View | ConversationStatus | 'spam', number>>(
    `SELECT ${[...views, ...statuses].join(',\n            ')},
            count(*) FILTER (WHERE c.is_spam)::int AS spam
       FROM conversations c
      WHERE ${where.join(' AND ')}`,
    params,
  );
  const r = rows[0]!;
  return {
    views: { mine: r.mine, unassigned: r.unassigned, my_teams: r.my_teams, all: r.all },
    statuses: { open: r.open, pending: r.pending, snoozed: r.snoozed, resolved: r.resolved },
    spam: r.spam,
  };
}

/**
 * The labels on the latest labelled conversations a member can see (the `window` most recently
 * active), each once whatever its case (in its most used spelling; capitals first on a tie), most
 * used first: what the label inputs suggest. Counting every conversation read the whole workspace
 * on each label input; the labels in use now are what people pick, and a retired label fades out.
 * The partial index `conversations_labelled` hands over just those conversations, newest first.
 */
export async function labelSuggestions(ctx: Ctx, limit: number, window: number): Promise<{ label: string; count: number }[]> {
  const params: unknown[] = [ctx.workspaceId];
  const scope = conversationScope(ctx.actor, 'c', params);
  const { rows } = await ctx.db.query<{ label: string; count: number }>(
    `SELECT (array_agg(spelling ORDER BY uses DESC, spelling COLLATE "C"))[1] AS label, sum(uses)::int AS count
       FROM (SELECT l AS spelling, count(*) AS uses
               FROM (SELECT c.labels FROM conversations c
                      WHERE c.workspace_id = $1 AND c.labels <> '{}' AND c.merged_into_id IS NULL AND ${scope}
                      ORDER BY c.last_message_at DESC, c.id DESC ${sqlLimit(window)}) latest
               CROSS JOIN LATERAL unnest(latest.labels) AS l
              GROUP BY l) spellings
      GROUP BY lower(spelling)
      ORDER BY count DESC, lower(spelling) ${sqlLimit(limit)}`,
    params,
  );
  return rows;
}

export async function isMember(db: Queryable, workspaceId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
  return rows.length > 0;
}

export async function teamExists(db: Queryable, workspaceId: string, teamId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM teams WHERE workspace_id = $1 AND id = $2', [workspaceId, teamId]);
  return rows.length > 0;
}

export async function memberName(db: Queryable, workspaceId: string, userId: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>(
    'SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.user_id = $2',
    [workspaceId, userId],
  );
  return rows[0]?.name ?? null;
}

export async function moveMessages(tx: Queryable, workspaceId: string, fromId: string, toId: string): Promise<number> {
  const { rowCount } = await tx.query('UPDATE messages SET conversation_id = $3 WHERE workspace_id = $1 AND conversation_id = $2', [
    workspaceId,
    fromId,
    toId,
  ]);
  return rowCount;
}

/** Recounts a conversation's messages and last activity from its rows (after messages moved in or out). */
export async function refreshTotals(tx: Queryable, workspaceId: string, id: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE conversations c
        SET message_count = t.count, last_message_at = COALESCE(t.last, c.last_message_at), last_inbound_at = t.last_in,
            last_outbound_at = t.last_out, preview = COALESCE(t.preview, c.preview), updated_at = $3
       FROM (SELECT count(*) FILTER (WHERE m.kind = 'message')::int AS count,
                    max(m.sent_at) FILTER (WHERE m.kind = 'message') AS last,
                    max(m.sent_at) FILTER (WHERE m.kind = 'message' AND m.direction = 'in') AS last_in,
                    max(m.sent_at) FILTER (WHERE m.kind = 'message' AND m.direction = 'out') AS last_out,
                    (SELECT left(l.text, 200) FROM messages l WHERE l.workspace_id = $1 AND l.conversation_id = $2 AND l.kind = 'message'
                      ORDER BY l.sent_at DESC, l.id DESC LIMIT 1) AS preview
               FROM messages m WHERE m.workspace_id = $1 AND m.conversation_id = $2) t
      WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, id, now],
  );
}

/** Where a merged conversation lives on (following merges of merges); null when it was not merged. */
export async function mergeTarget(db: Queryable, workspaceId: string, id: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `WITH RECURSIVE chain AS (
       SELECT id, merged_into_id, 0 AS depth FROM conversations WHERE workspace_id = $1 AND id = $2
       UNION ALL
       SELECT c.id, c.merged_into_id, chain.depth + 1 FROM conversations c JOIN chain ON c.workspace_id = $1 AND c.id = chain.merged_into_id
        WHERE chain.depth < 20)
     SELECT id FROM chain WHERE merged_into_id IS NULL AND depth > 0`,
    [workspaceId, id],
  );
  return rows[0]?.id ?? null;
}

/** Moves the given messages of one conversation into another (messages of any other conversation stay). */
export async function moveSomeMessages(tx: Queryable, workspaceId: string, fromId: string, toId: string, messageIds: readonly string[]) {
  const { rowCount } = await tx.query(
    'UPDATE messages SET conversation_id = $3 WHERE workspace_id = $1 AND conversation_id = $2 AND id = ANY($4::uuid[])',
    [workspaceId, fromId, toId, messageIds],
  );
  return rowCount;
}

/** A merged conversation stays resolved: new messages of its thread belong to the conversation it went into. */
export async function keepMergedResolved(tx: Queryable, workspaceId: string, id: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE conversations SET status = 'resolved', snoozed_until = NULL, resolved_at = COALESCE(resolved_at, $3)
      WHERE workspace_id = $1 AND id = $2 AND merged_into_id IS NOT NULL`,
    [workspaceId, id, now],
  );
}

/** Brings a listening conversation into the inbox; true when it was not there before. */
export async function bringIntoInbox(tx: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('UPDATE conversations SET in_inbox = true WHERE workspace_id = $1 AND id = $2 AND NOT in_inbox', [
    workspaceId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

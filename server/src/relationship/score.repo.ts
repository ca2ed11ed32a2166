/**
 * SQL for scores and scoring settings, and the facts scores are made of. The facts are a read
 * model over other domains' tables (conversations, messages, mentions, identities, activities):
 * like listening's message facts, it reads them directly through their indexes, because going
 * through those domains' use cases would cost one round trip per contact and per domain, and
 * scoring reads a whole workspace at night. It only reads; those tables stay their domains' to write.
 */
import { systemActor, type Actor } from '../platform/context.js';
import type { Queryable } from '../platform/db/db.js';
import { rowExists, rowsByIds } from '../platform/db/by-primary-key.js';
import { hiddenFromPlanner } from '../platform/db/hidden-from-planner.js';
import { unnestOf } from '../platform/db/unnest.js';
import type { RecordAudience } from '../platform/events/event.js';
import { conversationScope } from '../inbox/index.js';
import type { ContactScore, RelationshipSettings } from './score.schema.js';
import type { ContactFacts, MonetaryRank, Score } from './scoring.js';

export async function findSettings(db: Queryable, workspaceId: string): Promise<RelationshipSettings | null> {
  const { rows } = await db.query<RelationshipSettings>(
    `SELECT weights, monetary_field AS "monetaryField", tiers, quiet_days AS "quietDays", updated_at AS "updatedAt"
       FROM relationship_settings WHERE workspace_id = $1`,
    [workspaceId],
  );
  return rows[0] ?? null;
}

export async function saveSettings(db: Queryable, workspaceId: string, settings: RelationshipSettings): Promise<void> {
  await db.query(
    `INSERT INTO relationship_settings (workspace_id, weights, monetary_field, tiers, quiet_days, updated_at)
     VALUES ($1, $2::jsonb, $3, $4::jsonb, $5, $6)
     ON CONFLICT (workspace_id) DO UPDATE SET weights = EXCLUDED.weights, monetary_field = EXCLUDED.monetary_field,
       tiers = EXCLUDED.tiers, quiet_days = EXCLUDED.quiet_days, updated_at = EXCLUDED.updated_at`,
    [
      workspaceId,
      JSON.stringify(settings.weights),
      settings.monetaryField,
      JSON.stringify(settings.tiers),
      settings.quietDays,
      settings.updatedAt,
    ],
  );
}

export async function findScore(db: Queryable, workspaceId: string, contactId: string): Promise<ContactScore | null> {
  const { rows } = await db.query<ContactScore>(
    `SELECT value_score AS "valueScore", tier, tier_limit AS "tierLimit", health, health_reasons AS "healthReasons", components,
            computed_at AS "computedAt"
       FROM contact_scores WHERE workspace_id = $1 AND contact_id = $2`,
    [workspaceId, contactId],
  );
  return rows[0] ?? null;
}

/** A page of the workspace's contact ids in id order, for the workspace pass. */
export async function contactIdsAfter(db: Queryable, workspaceId: string, afterId: string | null, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM contacts WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
    [workspaceId, afterId, limit],
  );
  return rows.map((r) => r.id);
}

/** The numeric values of the monetary field across the workspace, ascending. */
export async function monetaryValues(db: Queryable, workspaceId: string, field: string): Promise<number[]> {
  const { rows } = await db.query<{ v: number }>(
    `SELECT (custom ->> $2::text)::float8 AS v FROM contacts
      WHERE workspace_id = $1 AND jsonb_typeof(custom -> $2::text) = 'number' ORDER BY 1`,
    [workspaceId, field],
  );
  return rows.map((r) => Number(r.v));
}

/** Where `value` stands among the workspace's values of the field, without reading them all into memory. */
export async function monetaryRank(db: Queryable, workspaceId: string, field: string, value: number): Promise<MonetaryRank> {
  const { rows } = await db.query<MonetaryRank>(
    `SELECT count(*) FILTER (WHERE v < $3)::int AS below, count(*) FILTER (WHERE v = $3)::int AS equal, count(*)::int AS total
       FROM (SELECT (custom ->> $2::text)::float8 AS v FROM contacts
              WHERE workspace_id = $1 AND jsonb_typeof(custom -> $2::text) = 'number') values_`,
    [workspaceId, field, value],
  );
  return rows[0]!;
}

interface FactsRow {
  contactId: string;
  createdAt: Date;
  lifecycleStage: string;
  money: number | null;
  waiting: number;
  resolved90: number;
  lastConversationAt: Date | null;
  messageInbound90: number;
  messageEngagement: number;
  messageLastInbound: Date | null;
  messageNegative30: number;
  messagePositive30: number;
  mentionInbound90: number;
  mentionEngagement: number;
  mentionLast: Date | null;
  mentionNegative30: number;
  mentionPositive30: number;
  activityInbound90: number;
  activityEngagement: number;
  activityLastInbound: Date | null;
  activityLast: Date | null;
  maxFollowers: number | null;
  breaches30: number;
}

const latest = (...dates: (Date | null)[]) =>
  dates.reduce<Date | null>((best, d) => (d && (!best || new Date(d) > best) ? new Date(d) : best), null);

/**
 * Everything scoring needs about a batch of contacts, in one statement. Each part reads through
 * an index on the contact (conversations_contact, social_identities_contact,
 * activities_contact_timeline) and then on the conversation or identity (messages_conversation,
 * mentions_author), bounded to the last year. Conversations (their messages and SLA breaches
 * too) count when `actor` may see them: all of them for the scoring jobs.
 */
export async function contactFacts(
  db: Queryable,
  workspaceId: string,
  contactIds: readonly string[],
  monetaryField: string | null,
  now: Date,
  actor: Actor = systemActor(),
): Promise<(Omit<ContactFacts, 'monetary'> & { money: number | null })[]> {
  const params: unknown[] = [workspaceId, [...new Set(contactIds)], now, monetaryField];
  const visible = conversationScope(actor, 'cv', params);
  const { rows } = await db.query<FactsRow>(
    `SELECT c.id AS "contactId", c.created_at AS "createdAt", c.lifecycle_stage AS "lifecycleStage",
            CASE WHEN $4::text IS NOT NULL AND jsonb_typeof(c.custom -> $4::text) = 'number' THEN (c.custom ->> $4::text)::float8 END AS money,
            conv.waiting, conv.resolved90, conv."lastConversationAt",
            msg.inbound90 AS "messageInbound90", msg.engagement AS "messageEngagement", msg."lastInbound" AS "messageLastInbound",
            msg.negative30 AS "messageNegative30", msg.positive30 AS "messagePositive30",
            mn.inbound90 AS "mentionInbound90", mn.engagement AS "mentionEngagement", mn.last AS "mentionLast",
            mn.negative30 AS "mentionNegative30", mn.positive30 AS "mentionPositive30",
            act.inbound90 AS "activityInbound90", act.engagement AS "activityEngagement", act."lastInbound" AS "activityLastInbound",
            act.last AS "activityLast", idn."maxFollowers", br.breaches30
       FROM ${rowsByIds('contacts', 'c', '$1', '$2')}
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE cv.status <> 'resolved' AND cv.last_inbound_at IS NOT NULL
                                   AND (cv.last_outbound_at IS NULL OR cv.last_outbound_at < cv.last_inbound_at)
                                   AND cv.last_inbound_at < $3::timestamptz - interval '1 day')::int AS waiting,
                count(*) FILTER (WHERE cv.status = 'resolved' AND cv.resolved_at >= $3::timestamptz - interval '90 days')::int AS resolved90,
                max(cv.last_message_at) AS "lastConversationAt"
           FROM conversations cv
          WHERE cv.workspace_id = $1 AND cv.contact_id = c.id AND NOT cv.is_spam AND cv.merged_into_id IS NULL AND ${visible}
       ) conv ON true
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE m.direction = 'in' AND m.sent_at >= $3::timestamptz - interval '90 days')::int AS inbound90,
                -- The customer's own messages: our replies are no evidence of their engagement.
                count(*) FILTER (WHERE m.direction = 'in')::int AS engagement,
                max(m.sent_at) FILTER (WHERE m.direction = 'in') AS "lastInbound",
                count(*) FILTER (WHERE m.direction = 'in' AND m.sent_at >= $3::timestamptz - interval '30 days'
                                   AND m.enrichment #>> '{nlp,sentiment,label}' = 'negative')::int AS negative30,
                count(*) FILTER (WHERE m.direction = 'in' AND m.sent_at >= $3::timestamptz - interval '30 days'
                                   AND m.enrichment #>> '{nlp,sentiment,label}' = 'positive')::int AS positive30
           FROM conversations cv
           JOIN messages m ON m.workspace_id = cv.workspace_id AND m.conversation_id = cv.id
          WHERE cv.workspace_id = $1 AND cv.contact_id = c.id AND NOT cv.is_spam AND m.kind = 'message'
            AND m.sent_at >= $3::timestamptz - interval '365 days' AND ${visible}
       ) msg ON true
       LEFT JOIN LATERAL (
         SELECT count(DISTINCT mn.message_id) FILTER (WHERE mn.sent_at >= $3::timestamptz - interval '90 days')::int AS inbound90,
                count(DISTINCT mn.message_id)::int AS engagement,
                max(mn.sent_at) AS last,
                count(DISTINCT mn.message_id) FILTER (WHERE mn.sentiment = 'negative' AND mn.sent_at >= $3::timestamptz - interval '30 days')::int AS negative30,
                count(DISTINCT mn.message_id) FILTER (WHERE mn.sentiment = 'positive' AND mn.sent_at >= $3::timestamptz - interval '30 days')::int AS positive30
           FROM social_identities i
           JOIN mentions mn ON mn.workspace_id = i.workspace_id AND mn.author_identity_id = i.id
          WHERE i.workspace_id = $1 AND i.contact_id = c.id AND mn.sent_at >= $3::timestamptz - interval '365 days'
            -- A mention in the contact's own conversation is one of their messages, counted above.
            AND NOT EXISTS (SELECT 1 FROM conversations cv WHERE cv.workspace_id = mn.workspace_id AND cv.id = mn.conversation_id AND cv.contact_id = c.id)
       ) mn ON true
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE a.type <> 'note' AND a.direction IS DISTINCT FROM 'out'
                                   AND a.occurred_at >= $3::timestamptz - interval '90 days')::int AS inbound90,
                -- Calls and meetings the customer took part in and e-mails they sent. Notes are ours, whoever
                -- wrote them (a member, or a listening action quoting a post the mentions count already).
                count(*) FILTER (WHERE a.type IN ('call', 'meeting') OR (a.type = 'email' AND a.direction IS DISTINCT FROM 'out'))::int
                  AS engagement,
                max(a.occurred_at) FILTER (WHERE a.type <> 'note' AND a.direction IS DISTINCT FROM 'out') AS "lastInbound",
                max(a.occurred_at) FILTER (WHERE a.type <> 'note') AS last
           FROM activities a
          WHERE a.workspace_id = $1 AND a.contact_id = c.id AND a.type IN ('note', 'call', 'meeting', 'email')
            AND a.occurred_at >= $3::timestamptz - interval '365 days' AND a.occurred_at <= $3
       ) act ON true
       LEFT JOIN LATERAL (
         SELECT max(i.followers) AS "maxFollowers" FROM social_identities i WHERE i.workspace_id = $1 AND i.contact_id = c.id
       ) idn ON true
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS breaches30
           FROM conversations cv
           JOIN sla_breaches b ON b.workspace_id = cv.workspace_id AND b.conversation_id = cv.id
          WHERE cv.workspace_id = $1 AND cv.contact_id = c.id AND b.detected_at >= $3::timestamptz - interval '30 days' AND ${visible}
       ) br ON true`,
    params,
  );
  return rows.map((r) => ({
    contactId: r.contactId,
    createdAt: new Date(r.createdAt),
    lifecycleStage: r.lifecycleStage,
    money: r.money === null ? null : Number(r.money),
    lastInboundAt: latest(r.messageLastInbound, r.mentionLast, r.activityLastInbound),
    lastInteractionAt: latest(r.lastConversationAt, r.mentionLast, r.activityLast),
    inbound90Days: r.messageInbound90 + r.mentionInbound90 + r.activityInbound90,
    engagement365Days: r.messageEngagement + r.mentionEngagement + r.activityEngagement,
    maxFollowers: r.maxFollowers === null ? null : Number(r.maxFollowers),
    negative30Days: r.messageNegative30 + r.mentionNegative30,
    positive30Days: r.messagePositive30 + r.mentionPositive30,
    waitingConversations: r.waiting,
    slaBreaches30Days: r.breaches30,
    resolved90Days: r.resolved90,
  }));
}

/** A contact's scores at a glance: what a change of announces. */
export type ScoreSummary = Pick<Score, 'valueScore' | 'tier' | 'health'>;

/** A scored contact whose value score, tier or health a save changed, with who may see the contact. */
export interface ScoreChange {
  contactId: string;
  before: ScoreSummary;
  after: ScoreSummary;
  audience: RecordAudience;
}

interface SavedScoreRow extends ScoreSummary {
  contactId: string;
  ownerId: string | null;
  teamId: string | null;
  beforeValueScore: number;
  beforeTier: string;
  beforeHealth: number;
}

/**
 * Writes a batch of scores and returns the contacts scored before whose value score, tier or health
 * it changed, in the same statement. A first score is no change: every new contact gets one, and
 * telling of it would add an event to every create and every new sender for pages that show
 * "not scored yet" and ask again on their own: the rows before the write are read in the
 * statement's snapshot, which the upsert's own writes are not part of.
 */
export async function saveScores(
  db: Queryable,
  workspaceId: string,
  scores: readonly (Score & { contactId: string })[],
  computedAt: Date,
): Promise<ScoreChange[]> {
  if (scores.length === 0) return [];
  const rows = scores.map((s) => ({
    contactId: s.contactId,
    valueScore: s.valueScore,
    tier: s.tier,
    tierLimit: s.tierLimit && JSON.stringify(s.tierLimit),
    health: s.health,
    reasons: JSON.stringify(s.healthReasons),
    components: JSON.stringify(s.components),
  }));
  const { params, from, names } = unnestOf(
    [
      ['contact_id', 'uuid', 'contactId'],
      ['value_score', 'int', 'valueScore'],
      ['tier', 'text', 'tier'],
      ['tier_limit', 'jsonb', 'tierLimit'],
      ['health', 'int', 'health'],
      ['health_reasons', 'jsonb', 'reasons'],
      ['components', 'jsonb', 'components'],
    ],
    rows,
    3,
  );
  const workspace = hiddenFromPlanner('$1::uuid');
  // A contact deleted since its facts were read is skipped rather than failing the batch.
  const { rows: saved } = await db.query<SavedScoreRow>(
    `WITH saved AS (
       INSERT INTO contact_scores (workspace_id, computed_at, ${names})
       SELECT $1, $2, ${names} FROM ${from}
        WHERE ${rowExists('contacts', '$1', 'u.contact_id')}
       ON CONFLICT (workspace_id, contact_id) DO UPDATE SET value_score = EXCLUDED.value_score, tier = EXCLUDED.tier,
         tier_limit = EXCLUDED.tier_limit, health = EXCLUDED.health, health_reasons = EXCLUDED.health_reasons, components = EXCLUDED.components,
         computed_at = EXCLUDED.computed_at
       RETURNING contact_id, value_score, tier, health
     )
     SELECT s.contact_id AS "contactId", c.owner_id AS "ownerId", c.team_id AS "teamId",
            s.value_score::int AS "valueScore", s.tier, s.health::int AS health,
            p.value_score::int AS "beforeValueScore", p.tier AS "beforeTier", p.health::int AS "beforeHealth"
       FROM saved s
       JOIN LATERAL (
         SELECT value_score, tier, health FROM contact_scores WHERE workspace_id = ${workspace} AND contact_id = s.contact_id OFFSET 0
       ) p ON (p.value_score, p.tier, p.health) IS DISTINCT FROM (s.value_score, s.tier, s.health)
       CROSS JOIN LATERAL (SELECT owner_id, team_id FROM contacts WHERE workspace_id = ${workspace} AND id = s.contact_id OFFSET 0) c`,
    [workspaceId, computedAt, ...params],
  );
  return saved.map((r) => ({
    contactId: r.contactId,
    before: { valueScore: r.beforeValueScore, tier: r.beforeTier, health: r.beforeHealth },
    after: { valueScore: r.valueScore, tier: r.tier, health: r.health },
    audience: { ownerId: r.ownerId, teamId: r.teamId },
  }));
}

/** The contact a conversation is about, if any: what its events rescore. */
/** The contacts of some conversations (those that have one). */
export async function contactsOfConversations(db: Queryable, workspaceId: string, conversationIds: readonly string[]): Promise<string[]> {
  if (conversationIds.length === 0) return [];
  const { rows } = await db.query<{ contactId: string }>(
    `SELECT DISTINCT contact_id AS "contactId" FROM conversations
      WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND contact_id IS NOT NULL`,
    [workspaceId, conversationIds],
  );
  return rows.map((r) => r.contactId);
}

/** The contacts behind the authors of some mentions. */
export async function contactsOfMentions(db: Queryable, workspaceId: string, mentionIds: readonly string[]): Promise<string[]> {
  if (mentionIds.length === 0) return [];
  const { rows } = await db.query<{ contactId: string }>(
    `SELECT DISTINCT i.contact_id AS "contactId" FROM mentions mn
       JOIN social_identities i ON i.workspace_id = mn.workspace_id AND i.id = mn.author_identity_id
      WHERE mn.workspace_id = $1 AND mn.id = ANY($2::uuid[]) AND i.contact_id IS NOT NULL`,
    [workspaceId, mentionIds],
  );
  return rows.map((r) => r.contactId);
}

/** The workspaces with scores, each found through the primary key of its scores. */
export async function scoredWorkspaces(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT w.id FROM workspaces w WHERE EXISTS (SELECT 1 FROM contact_scores s WHERE s.workspace_id = w.id) ORDER BY w.id`,
  );
  return rows.map((r) => r.id);
}

/** Every workspace with the time zone of its business hours (null when it has none), for the nightly plan. */
export async function workspaceTimeZones(db: Queryable): Promise<{ workspaceId: string; timeZone: string | null }[]> {
  const { rows } = await db.query<{ workspaceId: string; timeZone: string | null }>(
    `SELECT w.id AS "workspaceId", p.business_hours ->> 'timezone' AS "timeZone"
       FROM workspaces w LEFT JOIN sla_policies p ON p.workspace_id = w.id ORDER BY w.id`,
  );
  return rows;
}

/** The type of a contact custom field, to check the monetary field is a number. */
export async function contactFieldType(db: Queryable, workspaceId: string, key: string): Promise<string | null> {
  const { rows } = await db.query<{ type: string }>(
    `SELECT type FROM custom_fields WHERE workspace_id = $1 AND entity = 'contact' AND key = $2`,
    [workspaceId, key],
  );
  return rows[0]?.type ?? null;
}

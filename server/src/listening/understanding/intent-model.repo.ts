/** SQL for what a workspace's intent model learned, and the corrections it learned from. */
import { conversationScope } from '../../inbox/index.js';
import type { Actor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';

export async function modelVersion(db: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await db.query<{ version: number }>('SELECT version FROM intent_models WHERE workspace_id = $1', [workspaceId]);
  return rows[0]?.version ?? 0;
}

export async function loadModel<S>(db: Queryable, workspaceId: string, lock = false): Promise<{ version: number; state: S } | null> {
  const { rows } = await db.query<{ version: number; state: S }>(
    `SELECT version, state FROM intent_models WHERE workspace_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [workspaceId],
  );
  return rows[0] ?? null;
}

export async function saveModel(db: Queryable, workspaceId: string, version: number, state: unknown, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO intent_models (workspace_id, version, state, updated_at) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version, state = excluded.state, updated_at = excluded.updated_at`,
    [workspaceId, version, JSON.stringify(state), at],
  );
}

export interface CorrectedMessage {
  id: string;
  text: string;
  title: string | null;
  enrichment: Record<string, unknown>;
  previousCorrection: string | null;
}

/**
 * An SQL condition true when `actor` may see the message `alias`: a public post listening heard (the
 * mention stream shows every mention to every member), or a message of a conversation within their
 * record scope, by the inbox's rule. Members who see everything get no condition at all.
 */
function visibleTo(actor: Actor, alias: string, params: unknown[]): string {
  const scope = conversationScope(actor, 'cv', params);
  if (scope === 'true') return 'true';
  return `(EXISTS (SELECT 1 FROM mentions mn WHERE mn.workspace_id = ${alias}.workspace_id AND mn.message_id = ${alias}.id)
    OR EXISTS (SELECT 1 FROM conversations cv WHERE cv.workspace_id = ${alias}.workspace_id AND cv.id = ${alias}.conversation_id AND ${scope}))`;
}

/** The message to correct, locked, when `actor` may see it. */
export async function messageToCorrect(
  db: Queryable,
  workspaceId: string,
  actor: Actor,
  messageId: string,
): Promise<CorrectedMessage | null> {
  const params: unknown[] = [workspaceId, messageId];
  const visible = visibleTo(actor, 'm', params);
  const { rows } = await db.query<CorrectedMessage>(
    `SELECT m.id, m.text, m.title, m.enrichment, c.intent AS "previousCorrection"
       FROM messages m LEFT JOIN intent_corrections c ON c.workspace_id = m.workspace_id AND c.message_id = m.id
      WHERE m.workspace_id = $1 AND m.id = $2 AND m.kind = 'message' AND ${visible}
      FOR UPDATE OF m`,
    params,
  );
  return rows[0] ?? null;
}

export async function recordCorrection(
  db: Queryable,
  workspaceId: string,
  row: { id: string; messageId: string; intent: string; previousIntent: string | null; correctedBy: string | null; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO intent_corrections (workspace_id, id, message_id, intent, previous_intent, corrected_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (workspace_id, message_id) DO UPDATE SET intent = excluded.intent, previous_intent = excluded.previous_intent,
       corrected_by = excluded.corrected_by, created_at = excluded.created_at`,
    [workspaceId, row.id, row.messageId, row.intent, row.previousIntent, row.correctedBy, row.at],
  );
}

/** The corrected label becomes the message's intent everywhere it is shown: the message and its mentions. */
/**
 * The corrected intent becomes the message's and that of its mentions that carry the message's
 * reading; a mention read from what the message says about its subject keeps its own. Returns the
 * mentions changed.
 */
export async function applyCorrectedIntent(db: Queryable, workspaceId: string, messageId: string, intent: string): Promise<string[]> {
  await db.query(
    `UPDATE messages SET enrichment = jsonb_set(enrichment, '{nlp,intent}', jsonb_build_object('label', $3::text, 'confidence', 1, 'corrected', true))
      WHERE workspace_id = $1 AND id = $2 AND enrichment ? 'nlp'`,
    [workspaceId, messageId, intent],
  );
  const { rows } = await db.query<{ id: string }>(
    'UPDATE mentions SET intent = $3 WHERE workspace_id = $1 AND message_id = $2 AND NOT read_about_subject RETURNING id',
    [workspaceId, messageId, intent],
  );
  return rows.map((row) => row.id);
}

/** A mention's intent and how it was read, when the mention is the message's. */
export async function mentionIntent(
  db: Queryable,
  workspaceId: string,
  mentionId: string,
  messageId: string,
): Promise<{ intent: string | null; readAboutSubject: boolean } | null> {
  const { rows } = await db.query<{ intent: string | null; readAboutSubject: boolean }>(
    `SELECT intent, read_about_subject AS "readAboutSubject" FROM mentions
      WHERE workspace_id = $1 AND id = $2 AND message_id = $3 FOR UPDATE`,
    [workspaceId, mentionId, messageId],
  );
  return rows[0] ?? null;
}

export async function setMentionIntent(db: Queryable, workspaceId: string, mentionId: string, intent: string): Promise<void> {
  await db.query('UPDATE mentions SET intent = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, mentionId, intent]);
}

/** The latest corrections of messages `actor` may see. */
/**
 * Newest first, after `after` (the last correction of the page before); one more than `limit`, to
 * tell whether a page follows. A message has one correction, so its id orders corrections made at once.
 */
export async function listCorrections(
  db: Queryable,
  workspaceId: string,
  actor: Actor,
  after: { at: string; messageId: string } | null,
  limit: number,
) {
  const params: unknown[] = [workspaceId, limit + 1, after?.at ?? null, after?.messageId ?? null];
  const visible = visibleTo(actor, 'm', params);
  const { rows } = await db.query<{
    messageId: string;
    intent: string;
    previousIntent: string | null;
    correctedBy: string | null;
    createdAt: Date;
  }>(
    `SELECT message_id AS "messageId", intent, previous_intent AS "previousIntent", corrected_by AS "correctedBy", created_at AS "createdAt"
       FROM intent_corrections c
      WHERE c.workspace_id = $1 AND ($3::timestamptz IS NULL OR (c.created_at, c.message_id) < ($3::timestamptz, $4::uuid))
        ${visible === 'true' ? '' : `AND EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.id = c.message_id AND ${visible})`}
      ORDER BY c.created_at DESC, c.message_id DESC LIMIT $2`,
    params,
  );
  return rows;
}

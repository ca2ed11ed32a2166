/** In-app notifications: any domain may notify a member; delivery is live over SSE. */
import type { Ctx } from '../context.js';
import type { Queryable } from '../db/db.js';
import { newId } from '../db/ids.js';
import { recordEvents } from '../events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId, isCursorInstant } from '../http/cursor.js';
import { notFound } from '../http/errors.js';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  subjectType: string | null;
  subjectId: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export interface NewNotification {
  workspaceId: string;
  userId: string;
  kind: string;
  title: string;
  body?: string;
  subjectType?: string;
  subjectId?: string;
  /** The same key for the same user is notified once (e.g. one birthday reminder a year). */
  dedupeKey?: string;
}

export async function notify(db: Queryable, n: NewNotification): Promise<boolean> {
  const id = newId();
  const { rowCount } = await db.query(
    `INSERT INTO notifications (workspace_id, id, user_id, kind, title, body, subject_type, subject_id, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [n.workspaceId, id, n.userId, n.kind, n.title, n.body ?? '', n.subjectType ?? null, n.subjectId ?? null, n.dedupeKey ?? null],
  );
  if (rowCount === 0) return false;
  await recordEvents(db, [
    {
      workspaceId: n.workspaceId,
      type: 'notification.created',
      subjectType: 'notification',
      subjectId: id,
      actorId: null,
      data: {
        id,
        userId: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? '',
        subjectType: n.subjectType ?? null,
        subjectId: n.subjectId ?? null,
      },
    },
  ]);
  return true;
}

const COLUMNS = `id, kind, title, body, subject_type AS "subjectType", subject_id AS "subjectId", read_at AS "readAt", created_at AS "createdAt"`;

/** A page of the member's notifications, newest first, after the one `cursor` names; and how many are unread in all. */
export async function listMyNotifications(ctx: Ctx, unreadOnly: boolean, limit: number, cursor?: string) {
  const after = decodeCursor(cursor);
  if (after && (!isCursorInstant(after.v) || !isCursorId(after.id))) throw cursorNotGivenOut();
  const { rows } = await ctx.db.query<NotificationView>(
    `SELECT ${COLUMNS} FROM notifications
      WHERE workspace_id = $1 AND user_id = $2 AND ($3::boolean = false OR read_at IS NULL)
        AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
      ORDER BY created_at DESC, id DESC LIMIT $6`,
    [ctx.workspaceId, ctx.actor.userId, unreadOnly, after?.v ?? null, after?.id ?? null, limit + 1],
  );
  const { rows: count } = await ctx.db.query<{ unread: number }>(
    'SELECT count(*)::int AS unread FROM notifications WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL',
    [ctx.workspaceId, ctx.actor.userId],
  );
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return {
    data,
    nextCursor: rows.length > limit && last ? encodeCursor({ v: new Date(last.createdAt).toISOString(), id: last.id }) : null,
    unread: count[0]?.unread ?? 0,
  };
}

export async function markRead(ctx: Ctx, id: string | 'all') {
  const { rowCount } = await ctx.db.query(
    `UPDATE notifications SET read_at = now()
      WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3::uuid IS NULL OR id = $3)`,
    [ctx.workspaceId, ctx.actor.userId, id === 'all' ? null : id],
  );
  if (id !== 'all' && rowCount === 0) {
    const { rows } = await ctx.db.query('SELECT 1 FROM notifications WHERE workspace_id = $1 AND user_id = $2 AND id = $3', [
      ctx.workspaceId,
      ctx.actor.userId,
      id,
    ]);
    if (rows.length === 0) throw notFound('Notification');
  }
}

/** The audit log: who changed what and when, with before/after, read from the event outbox. */
import { Type } from 'typebox';
import type { App } from '../http/app-types.js';
import type { AppDeps } from '../module.js';
import { ctxOf } from '../http/ctx.js';
import { DateTime, ERROR_RESPONSES, Page, PageQuery } from '../http/schemas.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor } from '../http/cursor.js';

const AuditEntry = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
  occurredAt: DateTime,
});

export function auditRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Changes in the workspace, newest first',
        querystring: Type.Object(
          {
            ...PageQuery,
            subjectType: Type.Optional(Type.String({ maxLength: 50 })),
            subjectId: Type.Optional(Type.String({ maxLength: 100 })),
            type: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(AuditEntry), ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => {
      const ctx = ctxOf(request, db);
      const { limit = 50, cursor, subjectType, subjectId, type } = request.query;
      const after = decodeCursor(cursor);
      // An event's id, a bigint: anything else failed in the statement.
      if (after && !(Number.isSafeInteger(after.v) && Number(after.v) > 0)) throw cursorNotGivenOut();
      const { rows } = await db.query<Type.Static<typeof AuditEntry>>(
        `SELECT e.id, e.type, e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.actor_id AS "actorId",
                u.name AS "actorName", e.data, e.occurred_at AS "occurredAt"
           FROM events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.workspace_id = $1
            AND ($2::text IS NULL OR e.subject_type = $2)
            AND ($3::text IS NULL OR e.subject_id = $3)
            AND ($4::text IS NULL OR e.type = $4)
            AND ($5::bigint IS NULL OR e.id < $5)
          ORDER BY e.id DESC LIMIT $6`,
        [ctx.workspaceId, subjectType ?? null, subjectId ?? null, type ?? null, after ? Number(after.v) : null, limit + 1],
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { data: page, nextCursor: rows.length > limit && last ? encodeCursor({ v: last.id, id: String(last.id) }) : null };
    },
  );
}

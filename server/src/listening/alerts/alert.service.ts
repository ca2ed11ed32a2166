/** Use cases for alert settings, the alert history, and checking an alert on demand. */
import { ROLE_RANK, type Ctx } from '../../platform/context.js';
import type { Config } from '../../platform/config/config.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { changes, recordEvents } from '../../platform/events/event.js';
import { urlProblems } from '../../channels/index.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId, isCursorInstant } from '../../platform/http/cursor.js';
import { blank, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import type { FieldProblem } from '../../platform/http/errors.js';
import * as repo from './alert.repo.js';
import type { AlertFiring, AlertHistoryQuery, AlertInput, AlertPatch, AlertRow } from './alert.schema.js';
import { checkAlert, historiesAwaited } from './alert-check.js';
import { webhookSecret } from './alert-delivery.js';
import { keywordQuery } from './keyword-match.js';

type AlertSettings = Omit<AlertRow, 'lastCheckedAt' | 'countedUntil' | 'createdBy'>;
export type AlertView = AlertSettings & { awaitingHistoryOf: string[] };

/** What an alert is set to, as its events record it. */
const settings = ({ lastCheckedAt: _c, countedUntil: _u, createdBy: _b, ...rest }: AlertRow): AlertSettings => rest;

/** The alert as shown: its settings and whether it waits for a query's history to be matched. */
async function viewsOf(db: Queryable, workspaceId: string, rows: AlertRow[]): Promise<AlertView[]> {
  const awaited = await historiesAwaited(db, workspaceId, new Date());
  return rows.map((row) => ({ ...settings(row), awaitingHistoryOf: awaited(row) }));
}

async function viewOf(db: Queryable, workspaceId: string, row: AlertRow): Promise<AlertView> {
  return (await viewsOf(db, workspaceId, [row]))[0]!;
}

async function check(ctx: Ctx, db: Queryable, a: AlertRow, before: AlertRow | null): Promise<void> {
  const problems: FieldProblem[] = [];
  // The schema counts characters; a name or keyword of spaces only is stored trimmed, so it is empty.
  if (!a.name) problems.push(blank('name'));
  if (a.keyword === '') problems.push(blank('keyword'));
  if ((a.queryId === null) === (a.queryKind === null))
    problems.push({ field: 'queryId', reason: 'name either one query or one group (queryKind)' });
  if (a.queryId && !(await repo.queryExists(db, ctx.workspaceId, a.queryId)))
    problems.push({ field: 'queryId', reason: 'is not a query of this workspace' });
  if (a.trigger === 'keyword' && a.keyword === null) problems.push({ field: 'keyword', reason: 'is required for a keyword alert' });
  const keyword = a.trigger === 'keyword' && a.keyword ? keywordQuery(a.keyword) : null;
  if (keyword && !keyword.ok) problems.push({ field: 'keyword', reason: keyword.reason });
  // The rule channels follow for their URLs; delivery refuses such an address too, but by then the alert is saved.
  if (a.webhookUrl) problems.push(...urlProblems('webhookUrl', a.webhookUrl, a.allowPrivateNetwork));
  if (!a.notifyInApp && a.notifyEmails.length === 0 && !a.webhookUrl)
    problems.push({ field: 'notifyInApp', reason: 'an alert must go somewhere' });
  if (problems.length) throw invalid(problems);
  if (a.allowPrivateNetwork && !before?.allowPrivateNetwork && ROLE_RANK[ctx.actor.role] < ROLE_RANK.admin) {
    throw forbidden('Only admins may let a webhook reach the local network');
  }
}

function event(ctx: Ctx, type: string, id: string, data: Record<string, unknown>) {
  return { workspaceId: ctx.workspaceId, type, subjectType: 'listening_alert', subjectId: id, actorId: ctx.actor.userId, data };
}

export async function createAlert(ctx: Ctx, db: Db, input: AlertInput): Promise<AlertView> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const row: AlertRow = {
      id: newId(),
      name: input.name.trim(),
      queryId: input.queryId ?? null,
      queryKind: input.queryKind ?? null,
      trigger: input.trigger,
      keyword: input.keyword?.trim() ?? null,
      sensitivity: input.sensitivity ?? 3,
      minMentions: input.minMentions ?? (input.trigger === 'keyword' ? 1 : 5),
      cooldownMinutes: input.cooldownMinutes ?? 60,
      notifyInApp: input.notifyInApp ?? true,
      notifyEmails: input.notifyEmails ?? [],
      webhookUrl: input.webhookUrl ?? null,
      allowPrivateNetwork: input.allowPrivateNetwork ?? false,
      isActive: input.isActive ?? true,
      lastCheckedAt: null,
      countedUntil: null,
      lastFiredAt: null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await check(ctx, tx, row, null);
    await repo.insertAlert(tx, ctx.workspaceId, row);
    await recordEvents(tx, [event(ctx, 'listening_alert.created', row.id, { after: settings(row) })]);
    return viewOf(tx, ctx.workspaceId, row);
  });
}

export async function listAlerts(ctx: Ctx): Promise<AlertView[]> {
  return viewsOf(ctx.db, ctx.workspaceId, await repo.listAlerts(ctx.db, ctx.workspaceId));
}

export async function getAlert(ctx: Ctx, id: string): Promise<AlertView> {
  const row = await repo.findAlert(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound('Alert');
  return viewOf(ctx.db, ctx.workspaceId, row);
}

export async function updateAlert(ctx: Ctx, db: Db, id: string, patch: AlertPatch): Promise<AlertView> {
  return db.transaction(async (tx) => {
    const before = await repo.findAlert(tx, ctx.workspaceId, id);
    if (!before) throw notFound('Alert');
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<AlertRow>;
    const after: AlertRow = {
      ...before,
      ...defined,
      name: (patch.name ?? before.name).trim(),
      keyword: patch.keyword === undefined ? before.keyword : (patch.keyword?.trim() ?? null),
      updatedAt: new Date(),
    };
    await check(ctx, tx, after, before);
    await repo.updateAlert(tx, ctx.workspaceId, after);
    // A paused alert watched nothing: resumed, it counts what is stored from now on, not what came meanwhile.
    if (after.isActive && !before.isActive) await repo.countFrom(tx, ctx.workspaceId, id, after.updatedAt);
    await recordEvents(tx, [event(ctx, 'listening_alert.updated', id, changes(settings(before), settings(after)))]);
    return viewOf(tx, ctx.workspaceId, after);
  });
}

export async function deleteAlert(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await repo.findAlert(tx, ctx.workspaceId, id);
    if (!before || !(await repo.deleteAlert(tx, ctx.workspaceId, id))) throw notFound('Alert');
    await recordEvents(tx, [event(ctx, 'listening_alert.deleted', id, { before: settings(before) })]);
  });
}

export async function listFirings(ctx: Ctx, query: AlertHistoryQuery): Promise<{ data: AlertFiring[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor);
  if (cursor && (!isCursorInstant(cursor.v) || !isCursorId(cursor.id))) throw cursorNotGivenOut();
  const after = cursor ? { at: cursor.v as string, id: cursor.id } : null;
  const rows = await repo.listFirings(ctx.db, ctx.workspaceId, query.alertId ?? null, after, limit);
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return {
    data,
    nextCursor: rows.length > limit && last ? encodeCursor({ v: new Date(last.firedAt).toISOString(), id: last.id }) : null,
  };
}

/** Checks now rather than at the next run; the cool-down still applies, and a spike alert waits for its queries' history. */
export async function checkAlertNow(ctx: Ctx, db: Db, config: Config, id: string) {
  await getAlert(ctx, id);
  const firing = await checkAlert(db, config, ctx.workspaceId, id, new Date());
  // Said as the alert is now: a matching that ended since the check no longer holds it back.
  const alert = await getAlert(ctx, id);
  return { fired: firing !== null, firing, awaitingHistoryOf: firing ? [] : alert.awaitingHistoryOf };
}

export async function alertWebhookSecret(ctx: Ctx, config: Config, id: string): Promise<{ secret: string; header: string }> {
  await getAlert(ctx, id);
  return { secret: webhookSecret(config.secret, id), header: 'X-Rapport-Signature: sha256=<hex HMAC-SHA256 of the body>' };
}

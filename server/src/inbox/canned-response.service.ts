/** Use cases for canned responses: keeping the workspace's reply templates and filling one in. */
import type { Ctx } from '../platform/context.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { newId } from '../platform/db/ids.js';
import { changes, recordEvents, type NewEvent } from '../platform/events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor } from '../platform/http/cursor.js';
import { blank, conflict, type FieldProblem, invalid, notFound, RapportError } from '../platform/http/errors.js';
import * as repo from './canned-response.repo.js';
import type { CannedResponse, CannedResponseInput, CannedResponseListQuery, CannedResponsePatch } from './canned-response.schema.js';
import { findConversation } from './conversation.repo.js';
import { renderTemplate, unknownVariables, TEMPLATE_VARIABLES } from './template.js';

function event(ctx: Ctx, type: string, id: string, data: Record<string, unknown>): NewEvent {
  return { workspaceId: ctx.workspaceId, type, subjectType: 'canned_response', subjectId: id, actorId: ctx.actor.userId, data };
}

async function check(ctx: Ctx, db: Queryable, row: CannedResponse): Promise<void> {
  // The schema counts characters; a name or body of spaces only is still empty.
  const problems: FieldProblem[] = [];
  if (!row.name) problems.push(blank('name'));
  if (!row.body.trim()) problems.push(blank('body'));
  if (problems.length) throw invalid(problems);
  const unknown = unknownVariables(row.body);
  if (unknown.length) {
    throw new RapportError(
      'unknown_variable',
      422,
      `The body uses variables that do not exist; known ones are ${TEMPLATE_VARIABLES.join(', ')}`,
      unknown.map((name) => ({ field: 'body', reason: `{{${name}}} is not a known variable` })),
    );
  }
  if (await repo.shortcutTaken(db, ctx.workspaceId, row.shortcut, row.id)) {
    throw conflict('shortcut_taken', `Another canned response already uses the shortcut ${row.shortcut}`);
  }
}

export async function createCannedResponse(ctx: Ctx, db: Db, input: CannedResponseInput): Promise<CannedResponse> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const row: CannedResponse = {
      id: newId(),
      ...input,
      name: input.name.trim(),
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await check(ctx, tx, row);
    await repo.insertCannedResponse(tx, ctx.workspaceId, row);
    await recordEvents(tx, [event(ctx, 'canned_response.created', row.id, { after: row })]);
    return row;
  });
}

export async function getCannedResponse(ctx: Ctx, id: string): Promise<CannedResponse> {
  const row = await repo.findCannedResponse(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound('Canned response');
  return row;
}

export async function listCannedResponses(ctx: Ctx, query: CannedResponseListQuery) {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  if (after && typeof after.v !== 'string') throw cursorNotGivenOut();
  const result = await repo.listCannedResponses(ctx.db, ctx.workspaceId, query.q, after ? String(after.v) : null, limit);
  const last = result.rows.at(-1);
  return { data: result.rows, nextCursor: result.hasMore && last ? encodeCursor({ v: last.shortcut, id: last.id }) : null };
}

export async function updateCannedResponse(ctx: Ctx, db: Db, id: string, patch: CannedResponsePatch): Promise<CannedResponse> {
  return db.transaction(async (tx) => {
    const before = await repo.findCannedResponse(tx, ctx.workspaceId, id);
    if (!before) throw notFound('Canned response');
    const after: CannedResponse = {
      ...before,
      name: patch.name?.trim() ?? before.name,
      shortcut: patch.shortcut ?? before.shortcut,
      body: patch.body ?? before.body,
      updatedAt: new Date(),
    };
    await check(ctx, tx, after);
    await repo.updateCannedResponse(tx, ctx.workspaceId, after);
    const { updatedAt: _b, ...b } = before;
    const { updatedAt: _a, ...a } = after;
    await recordEvents(tx, [event(ctx, 'canned_response.updated', id, changes(b, a))]);
    return after;
  });
}

export async function deleteCannedResponse(ctx: Ctx, db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await repo.findCannedResponse(tx, ctx.workspaceId, id);
    if (!before) throw notFound('Canned response');
    await repo.deleteCannedResponse(tx, ctx.workspaceId, id);
    await recordEvents(tx, [event(ctx, 'canned_response.deleted', id, { before })]);
  });
}

const firstWord = (name: string | null) => name?.trim().split(/\s+/)[0] ?? null;

/** The template filled in for a conversation; a customer without a contact is named as their channel names them. */
export async function renderCannedResponse(ctx: Ctx, id: string, conversationId: string): Promise<{ text: string }> {
  const template = await getCannedResponse(ctx, id);
  if (!(await findConversation(ctx, conversationId))) throw notFound('Conversation');
  const s = (await repo.templateSources(ctx.db, ctx.workspaceId, conversationId, ctx.actor.userId))!;
  const hasContact = s.contactName !== null;
  const text = renderTemplate(template.body, {
    'contact.firstName': hasContact ? s.contactFirstName : firstWord(s.identityName),
    'contact.lastName': s.contactLastName,
    'contact.name': hasContact ? s.contactName : s.identityName,
    'contact.email': s.contactEmail ?? s.identityEmail,
    'agent.name': s.agentName,
    'agent.firstName': firstWord(s.agentName),
    'agent.email': s.agentEmail,
    'conversation.subject': s.subject,
  });
  return { text };
}

/** Test fixtures for merges: contacts and their history made through the API, and every row that refers to a contact. */
import { expect } from 'vitest';
import { insertConversation } from '../../inbox/testing/conversations.js';
import type { Db } from '../../platform/db/db.js';
import { json, type TestApp } from '../../platform/testing/test-app.js';

export async function postContact(t: TestApp, headers: Record<string, string>, payload: object): Promise<{ id: string }> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers, payload });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response);
}

export async function postNote(t: TestApp, headers: Record<string, string>, contactId: string, body: string): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/activities', headers, payload: { type: 'note', contactId, body } });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response).id;
}

export async function postTask(t: TestApp, headers: Record<string, string>, contactId: string, title: string): Promise<string> {
  const dueAt = new Date(Date.now() + 86_400_000).toISOString();
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/tasks', headers, payload: { title, contactId, dueAt } });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response).id;
}

/** A conversation whose customer identity is linked to the contact, as the pipeline leaves them. */
export async function conversationOf(db: Db, workspaceId: string, contactId: string, subject: string) {
  return insertConversation(db, workspaceId, { subject, contactId, identity: { contactId, email: null } });
}

export async function postCustomField(t: TestApp, headers: Record<string, string>, key: string, type: 'text' | 'number') {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/custom-fields',
    headers,
    payload: { entity: 'contact', key, label: key.toUpperCase(), type },
  });
  expect(response.statusCode, response.body).toBe(201);
}

/** Every row of the workspace in the tables a merge touches, by table and id, as the database returns them. */
export async function contactRows(db: Db, workspaceId: string): Promise<Record<string, Record<string, Record<string, unknown>>>> {
  const tables: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const table of ['contacts', 'activities', 'conversations', 'social_identities']) {
    const { rows } = await db.query<Record<string, unknown> & { id: string }>(
      `SELECT * FROM ${table} WHERE workspace_id = $1 ORDER BY id`,
      [workspaceId],
    );
    tables[table] = Object.fromEntries(rows.map((row) => [row.id, JSON.parse(JSON.stringify(row)) as Record<string, unknown>]));
  }
  return tables;
}

export async function eventsOf(db: Db, workspaceId: string, type: string) {
  const { rows } = await db.query<{ subjectId: string; actorId: string | null; data: Record<string, unknown> }>(
    `SELECT subject_id AS "subjectId", actor_id AS "actorId", data FROM events WHERE workspace_id = $1 AND type = $2 ORDER BY id`,
    [workspaceId, type],
  );
  return rows;
}

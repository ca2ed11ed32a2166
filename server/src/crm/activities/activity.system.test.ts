import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../../modules.js';
import { migrate } from '../../platform/db/migrate.js';
import type { DomainEvent } from '../../platform/events/event.js';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { systemEntryFor } from './activity.system.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;
interface Entry {
  id: string;
  type: string;
  subject: string;
  systemEvent: string | null;
  authorId: string | null;
  companyId: string | null;
  data: Record<string, unknown>;
}

const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function systemEntries(headers: Headers, query: string): Promise<Entry[]> {
  const response = await send(headers, 'GET', `/api/v1/activities?${query}&type=system`);
  expect(response.statusCode, response.body).toBe(200);
  return json<{ data: Entry[] }>(response).data;
}

/**
 * Relays until the workspace has no unrelayed event, then once more: a flush already under way
 * (nudged by an earlier request) resolves before relaying later commits, and awaiting the running
 * flush is what waits for its subscribers.
 */
async function relayAll(workspaceId: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await t.deps.relay.flush();
    const { rows } = await t.db.query('SELECT 1 FROM events WHERE workspace_id = $1 AND NOT relayed LIMIT 1', [workspaceId]);
    if (rows.length === 0) break;
  }
  await t.deps.relay.flush();
}

function event(type: string, data: Record<string, unknown>): DomainEvent {
  return { id: 7, workspaceId: 'w', type, subjectType: 'contact', subjectId: 'c', actorId: null, data, occurredAt: new Date() };
}

describe('system entries on the timeline', () => {
  it('words stage and company changes, and ignores changes that are neither', () => {
    const stage = event('contact.stage_changed', { before: { lifecycleStage: 'lead' }, after: { lifecycleStage: 'customer' } });
    expect(systemEntryFor(stage)).toMatchObject({ subject: 'Lifecycle stage changed from Lead to Customer', companyId: null });
    const joined = event('contact.updated', {
      before: { companyId: null, companyName: null },
      after: { companyId: 'k', companyName: 'Acme' },
    });
    expect(systemEntryFor(joined)).toMatchObject({ subject: 'Joined Acme', companyId: 'k', systemEvent: 'contact.company_changed' });
    const moved = event('contact.updated', {
      before: { companyId: 'k', companyName: 'Acme' },
      after: { companyId: 'm', companyName: 'Beta' },
    });
    expect(systemEntryFor(moved)).toMatchObject({ subject: 'Moved from Acme to Beta', companyId: 'm' });
    const left = event('contact.updated', {
      before: { companyId: 'k', companyName: 'Acme' },
      after: { companyId: null, companyName: null },
    });
    expect(systemEntryFor(left)).toMatchObject({ subject: 'Left Acme', companyId: 'k' });
    expect(systemEntryFor(event('contact.updated', { before: { title: '' }, after: { title: 'CEO' } }))).toBeNull();
    expect(systemEntryFor(event('contact.deleted', { before: {} }))).toBeNull();
  });

  it('records a stage change once, however often its event is delivered', async () => {
    const ws = await buildWorkspace(t.db);
    const contact = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/contacts', { firstName: 'Stage', lifecycleStage: 'lead' }),
    );
    expect((await send(ws.owner.headers, 'PATCH', `/api/v1/contacts/${contact.id}`, { lifecycleStage: 'customer' })).statusCode).toBe(200);
    await relayAll(ws.workspaceId);

    const [entry, ...rest] = await systemEntries(ws.owner.headers, `contactId=${contact.id}`);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      type: 'system',
      systemEvent: 'contact.stage_changed',
      subject: 'Lifecycle stage changed from Lead to Customer',
      authorId: ws.owner.userId,
      data: { before: { lifecycleStage: 'lead' }, after: { lifecycleStage: 'customer' } },
    });

    const { rows } = await t.db.query<{ id: number; occurredAt: Date; data: Record<string, unknown> }>(
      `SELECT id, occurred_at AS "occurredAt", data FROM events WHERE workspace_id = $1 AND type = 'contact.stage_changed'`,
      [ws.workspaceId],
    );
    const delivered = rows[0]!;
    expect(entry!.data.eventId).toBe(String(delivered.id));
    const again: DomainEvent = {
      id: Number(delivered.id),
      workspaceId: ws.workspaceId,
      type: 'contact.stage_changed',
      subjectType: 'contact',
      subjectId: contact.id,
      actorId: ws.owner.userId,
      data: delivered.data,
      occurredAt: delivered.occurredAt,
    };
    await t.deps.bus.publish([again, again]);
    expect(await systemEntries(ws.owner.headers, `contactId=${contact.id}`)).toHaveLength(1);

    expect((await send(ws.owner.headers, 'PATCH', `/api/v1/activities/${entry!.id}`, { subject: 'rewritten' })).statusCode).toBe(403);
    expect((await send(ws.owner.headers, 'DELETE', `/api/v1/activities/${entry!.id}`)).statusCode).toBe(403);
  });

  it('records contacts joining and leaving a company on both timelines', async () => {
    const ws = await buildWorkspace(t.db);
    const acme = json<{ id: string }>(await send(ws.owner.headers, 'POST', '/api/v1/companies', { name: 'Acme' }));
    const contact = json<{ id: string }>(await send(ws.owner.headers, 'POST', '/api/v1/contacts', { firstName: 'Mover' }));
    await send(ws.owner.headers, 'PATCH', `/api/v1/contacts/${contact.id}`, { companyId: acme.id });
    await relayAll(ws.workspaceId);
    await send(ws.owner.headers, 'PATCH', `/api/v1/contacts/${contact.id}`, { companyId: null });
    await relayAll(ws.workspaceId);

    expect((await systemEntries(ws.owner.headers, `contactId=${contact.id}`)).map((e) => e.subject)).toEqual(['Left Acme', 'Joined Acme']);
    expect((await systemEntries(ws.owner.headers, `companyId=${acme.id}`)).map((e) => [e.subject, e.companyId])).toEqual([
      ['Left Acme', acme.id],
      ['Joined Acme', acme.id],
    ]);
  });

  it('writes nothing for a contact deleted before its event arrives', async () => {
    const ws = await buildWorkspace(t.db);
    const contact = json<{ id: string }>(await send(ws.owner.headers, 'POST', '/api/v1/contacts', { firstName: 'Brief' }));
    await send(ws.owner.headers, 'PATCH', `/api/v1/contacts/${contact.id}`, { lifecycleStage: 'customer' });
    await send(ws.owner.headers, 'DELETE', `/api/v1/contacts/${contact.id}`);
    await relayAll(ws.workspaceId);
    const { rows } = await t.db.query('SELECT 1 FROM activities WHERE workspace_id = $1', [ws.workspaceId]);
    expect(rows).toHaveLength(0);
  });

  it('names the stages of entries written before they were named in words, when the migration runs', async () => {
    const all = allMigrations();
    const before = await openFreshDb(all.filter((m) => m.id !== 'crm/082-stage-change-subjects-in-words'));
    try {
      const ws = await buildWorkspace(before);
      const contactId = randomUUID();
      await before.query(`INSERT INTO contacts (workspace_id, id, display_name) VALUES ($1, $2, 'Old Timer')`, [ws.workspaceId, contactId]);
      const entry = (subject: string, systemEvent: string, data: object) =>
        before.query(
          `INSERT INTO activities (workspace_id, id, type, contact_id, subject, occurred_at, system_event, data, created_at, updated_at)
           VALUES ($1, gen_random_uuid(), 'system', $2, $3, now(), $4, $5, now(), now())`,
          [ws.workspaceId, contactId, subject, systemEvent, JSON.stringify(data)],
        );
      const stages = (from: string, to: string) => ({ before: { lifecycleStage: from }, after: { lifecycleStage: to } });
      await entry('Lifecycle stage changed from lead to customer', 'contact.stage_changed', stages('lead', 'customer'));
      await entry('Joined lead', 'contact.company_changed', {});

      expect(await migrate(before, all)).toEqual(['crm/082-stage-change-subjects-in-words']);
      const { rows } = await before.query<{ subject: string }>('SELECT subject FROM activities WHERE workspace_id = $1 ORDER BY 1', [
        ws.workspaceId,
      ]);
      expect(rows.map((r) => r.subject)).toEqual(['Joined lead', 'Lifecycle stage changed from Lead to Customer']);
      expect(systemEntryFor(event('contact.stage_changed', stages('lead', 'customer')))?.subject).toBe(rows[1]!.subject);
    } finally {
      await before.close();
    }
  });
});

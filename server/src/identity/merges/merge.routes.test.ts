import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { contactRows, conversationOf, eventsOf, postContact, postCustomField, postNote, postTask } from './merge-fixtures.js';
import type { ContactMerge, MergePreview, UnmergeResult } from './merge.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

type Headers = Record<string, string>;

async function merge(headers: Headers, payload: object) {
  return t.app.inject({ method: 'POST', url: '/api/v1/contacts/merge', headers, payload });
}

async function unmerge(headers: Headers, mergeId: string) {
  return t.app.inject({ method: 'POST', url: `/api/v1/merges/${mergeId}/unmerge`, headers });
}

async function contact(headers: Headers, id: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${id}`, headers });
  return { status: response.statusCode, body: json<Record<string, unknown>>(response) };
}

/** Two contacts of the same person with overlapping and differing details, and history on both. */
async function duplicatePair(ws: TestWorkspace) {
  const headers = ws.owner.headers;
  await postCustomField(t, headers, 'tier', 'text');
  await postCustomField(t, headers, 'size', 'number');
  const survivor = await postContact(t, headers, {
    firstName: 'Ada',
    lastName: 'Lovelace',
    emails: [{ address: 'ada@example.com' }],
    phones: [{ number: '+44 20 7946 0958' }],
    tags: ['vip'],
    lifecycleStage: 'customer',
    custom: { tier: 'gold' },
  });
  const merged = await postContact(t, headers, {
    firstName: 'Augusta',
    lastName: 'Lovelace',
    title: 'Countess',
    emails: [{ address: 'ADA@example.com', label: 'work' }, { address: 'augusta@home.example' }],
    phones: [{ number: '+44 (20) 7946-0958' }, { number: '+1 555 0100' }],
    socialHandles: [{ network: 'mastodon', handle: '@ada@example.social' }],
    tags: ['VIP', 'poet'],
    importantDates: [{ kind: 'birthday', date: '1815-12-10' }],
    lifecycleStage: 'lead',
    custom: { tier: 'silver', size: 40 },
  });
  const notes = [await postNote(t, headers, merged.id, 'Asked about the engine'), await postTask(t, headers, merged.id, 'Send the notes')];
  const conversation = await conversationOf(t.db, ws.workspaceId, merged.id, 'Engine question');
  const survivorNote = await postNote(t, headers, survivor.id, 'Met at the salon');
  return { survivor, merged, notes, conversation, survivorNote };
}

describe('merge preview', () => {
  it('shows each field’s values, the kept side and why, and the resulting contact', async () => {
    const ws = await buildWorkspace(t.db);
    const { survivor, merged } = await duplicatePair(ws);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/merge-preview?survivorId=${survivor.id}&mergedId=${merged.id}`,
      headers: ws.owner.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = json<MergePreview>(response);
    const byField = Object.fromEntries(preview.fields.map((f) => [f.field, f]));
    expect(byField.firstName).toMatchObject({
      kind: 'single',
      survivorValue: 'Ada',
      mergedValue: 'Augusta',
      pick: 'merged',
      reason: 'newer',
    });
    expect(byField.title).toMatchObject({ pick: 'merged', reason: 'only-one' });
    expect(byField.lifecycleStage).toMatchObject({ pick: 'survivor', reason: 'further-stage' });
    expect(byField.emails).toMatchObject({ kind: 'list', reason: 'union' });
    expect(byField['custom.tier']).toMatchObject({ kind: 'custom', label: 'TIER', pick: 'merged', reason: 'newer' });
    expect(preview.result).toMatchObject({
      id: survivor.id,
      displayName: 'Augusta Lovelace',
      lifecycleStage: 'customer',
      emails: [{ address: 'ada@example.com', label: 'work' }, { address: 'augusta@home.example' }],
      tags: ['vip', 'poet'],
      custom: { tier: 'silver', size: 40 },
    });
  });

  it('is not served for the same contact twice, nor for a contact of another workspace', async () => {
    const ws = await buildWorkspace(t.db);
    const other = await buildWorkspace(t.db);
    const mine = await postContact(t, ws.owner.headers, { firstName: 'Mine' });
    const theirs = await postContact(t, other.owner.headers, { firstName: 'Theirs' });
    const url = (a: string, b: string) => `/api/v1/contacts/merge-preview?survivorId=${a}&mergedId=${b}`;
    expect((await t.app.inject({ method: 'GET', url: url(mine.id, mine.id), headers: ws.owner.headers })).statusCode).toBe(400);
    const foreign = await t.app.inject({ method: 'GET', url: url(mine.id, theirs.id), headers: ws.owner.headers });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Theirs');
  });
});

describe('merge', () => {
  it('moves the merged contact’s history to the survivor, loses no value and records the merge', async () => {
    const ws = await buildWorkspace(t.db);
    const { survivor, merged, notes, conversation, survivorNote } = await duplicatePair(ws);
    const before = await contactRows(t.db, ws.workspaceId);
    const response = await merge(ws.owner.headers, { survivorId: survivor.id, mergedId: merged.id, picks: { firstName: 'survivor' } });
    expect(response.statusCode, response.body).toBe(201);
    const record = json<ContactMerge>(response);
    expect(record).toMatchObject({
      survivorId: survivor.id,
      mergedId: merged.id,
      mergedName: 'Augusta Lovelace',
      picks: { firstName: 'survivor' },
      moved: { activities: 2, conversations: 1, identities: 1 },
      mergedBy: ws.owner.userId,
      unmergedAt: null,
    });

    expect((await contact(ws.owner.headers, merged.id)).status).toBe(404);
    const after = (await contact(ws.owner.headers, survivor.id)).body;
    expect(after).toMatchObject({ firstName: 'Ada', displayName: 'Ada Lovelace', title: 'Countess', lifecycleStage: 'customer' });

    // Every value of both contacts is on the survivor, or kept in the merge record when a pick overrode it.
    const rows = await contactRows(t.db, ws.workspaceId);
    const kept = await t.db.query<{ merged_contact: Record<string, unknown> }>('SELECT merged_contact FROM contact_merges WHERE id = $1', [
      record.id,
    ]);
    const { search_vector: _vector, ...mergedThen } = before.contacts![merged.id]!;
    const asStored = (row: Record<string, unknown>) => ({
      ...row,
      created_at: new Date(row.created_at as string).toISOString(),
      updated_at: new Date(row.updated_at as string).toISOString(),
    });
    expect(asStored(kept.rows[0]!.merged_contact)).toEqual(asStored(mergedThen));
    const survivorRow = rows.contacts![survivor.id]!;
    for (const source of [before.contacts![survivor.id]!, before.contacts![merged.id]!]) {
      for (const email of source.emails as { address: string }[]) {
        expect((survivorRow.emails as { address: string }[]).map((e) => e.address)).toContain(email.address);
      }
      for (const phone of source.phones as { number: string }[]) {
        const digits = (survivorRow.phones as { number: string }[]).map((p) => p.number.replace(/\D/g, ''));
        expect(digits).toContain(phone.number.replace(/\D/g, ''));
      }
      for (const tag of source.tags as string[])
        expect((survivorRow.tags as string[]).map((x) => x.toLowerCase())).toContain(tag.toLowerCase());
      for (const handle of source.social_handles as object[]) expect(survivorRow.social_handles).toContainEqual(handle);
      for (const date of source.important_dates as object[]) expect(survivorRow.important_dates).toContainEqual(date);
      for (const key of Object.keys(source.custom as object)) expect(survivorRow.custom).toHaveProperty(key);
    }
    expect(survivorRow.custom).toEqual({ tier: 'silver', size: 40 });

    for (const id of [...notes, survivorNote]) expect(rows.activities![id]!.contact_id).toBe(survivor.id);
    expect(rows.conversations![conversation.id]!.contact_id).toBe(survivor.id);
    expect(rows.social_identities![conversation.identityId!]!.contact_id).toBe(survivor.id);
    // Moving is not editing: the moved rows keep their own timestamps.
    for (const id of notes) expect(rows.activities![id]!.updated_at).toBe(before.activities![id]!.updated_at);

    const timeline = await t.app.inject({ method: 'GET', url: `/api/v1/activities?contactId=${survivor.id}`, headers: ws.owner.headers });
    expect(timeline.body).toContain('Asked about the engine');

    const [merged_event] = await eventsOf(t.db, ws.workspaceId, 'contact.merged');
    expect(merged_event).toMatchObject({
      subjectId: survivor.id,
      actorId: ws.owner.userId,
      data: { mergeId: record.id, survivorId: survivor.id, mergedId: merged.id },
    });
    expect(merged_event!.data.before).toMatchObject({ title: '', 'custom.tier': 'gold', 'custom.size': null });
    expect(merged_event!.data.after).toMatchObject({ title: 'Countess', 'custom.tier': 'silver', 'custom.size': 40 });
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit-log?subjectId=${survivor.id}`, headers: ws.owner.headers });
    expect(
      json<{ data: { type: string }[] }>(audit)
        .data.map((e) => e.type)
        .slice(0, 2),
    ).toEqual(['contact.merged', 'contact.updated']);

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${survivor.id}/merges`,
      headers: (await ws.member('viewer')).headers,
    });
    expect(history.statusCode).toBe(200);
    expect(json<{ data: ContactMerge[] }>(history).data.map((m) => m.id)).toEqual([record.id]);
  });

  it('closes the duplicate pair it came from, and refuses a pair of other contacts', async () => {
    const ws = await buildWorkspace(t.db);
    const a = await postContact(t, ws.owner.headers, { firstName: 'Grace', lastName: 'Hopper' });
    const b = await postContact(t, ws.owner.headers, { firstName: 'Grace', lastName: 'Hoper' });
    const c = await postContact(t, ws.owner.headers, { firstName: 'Alan' });
    const [left, right] = [a.id, b.id].sort();
    const duplicateId = '0190a0a0-0000-7000-8000-000000000001';
    await t.db.query(
      `INSERT INTO duplicate_candidates (workspace_id, id, kind, left_id, right_id, probability, weight, decision, created_at, updated_at)
       VALUES ($1, $2, 'contact', $3, $4, 0.9, 5, 'review', now(), now())`,
      [ws.workspaceId, duplicateId, left, right],
    );
    const wrongPair = await merge(ws.owner.headers, { survivorId: a.id, mergedId: c.id, duplicateId });
    expect(wrongPair.statusCode).toBe(400);
    expect((await contact(ws.owner.headers, c.id)).status).toBe(200);

    const merged = await merge(ws.owner.headers, { survivorId: a.id, mergedId: b.id, duplicateId });
    expect(merged.statusCode, merged.body).toBe(201);
    const status = async () =>
      (
        await t.db.query<{ status: string }>('SELECT status FROM duplicate_candidates WHERE workspace_id = $1 AND id = $2', [
          ws.workspaceId,
          duplicateId,
        ])
      ).rows[0]!.status;
    expect(await status()).toBe('merged');
    expect((await unmerge(ws.owner.headers, json<ContactMerge>(merged).id)).statusCode).toBe(200);
    expect(await status()).toBe('open');
  });

  it('refuses the same contact twice, missing contacts, unknown picks and viewers, changing nothing', async () => {
    const ws = await buildWorkspace(t.db);
    const a = await postContact(t, ws.owner.headers, { firstName: 'Ada' });
    const b = await postContact(t, ws.owner.headers, { firstName: 'Augusta' });
    const before = await contactRows(t.db, ws.workspaceId);
    expect((await merge(ws.owner.headers, { survivorId: a.id, mergedId: a.id })).statusCode).toBe(400);
    expect((await merge(ws.owner.headers, { survivorId: a.id, mergedId: '0190a0a0-0000-7000-8000-00000000dead' })).statusCode).toBe(404);
    const badPick = await merge(ws.owner.headers, { survivorId: a.id, mergedId: b.id, picks: { emails: 'merged' } });
    expect(badPick.statusCode).toBe(400);
    expect(json<{ errors: { field: string }[] }>(badPick).errors[0]!.field).toBe('picks.emails');
    const viewer = await ws.member('viewer');
    expect((await merge(viewer.headers, { survivorId: a.id, mergedId: b.id })).statusCode).toBe(403);
    expect(await contactRows(t.db, ws.workspaceId)).toEqual(before);
  });

  it('keeps workspaces apart: another workspace’s contacts and merges are not found, and nothing changes', async () => {
    const victim = await buildWorkspace(t.db);
    const intruder = await buildWorkspace(t.db);
    const a = await postContact(t, victim.owner.headers, { firstName: 'Ada' });
    const b = await postContact(t, victim.owner.headers, { firstName: 'Augusta' });
    const c = await postContact(t, victim.owner.headers, { firstName: 'Charles' });
    const mine = await postContact(t, intruder.owner.headers, { firstName: 'Intruder' });
    const done = json<ContactMerge>(await merge(victim.owner.headers, { survivorId: a.id, mergedId: c.id }));
    const before = await contactRows(t.db, victim.workspaceId);

    expect((await merge(intruder.owner.headers, { survivorId: a.id, mergedId: b.id })).statusCode).toBe(404);
    expect((await merge(intruder.owner.headers, { survivorId: mine.id, mergedId: b.id })).statusCode).toBe(404);
    expect((await merge(intruder.owner.headers, { survivorId: b.id, mergedId: mine.id })).statusCode).toBe(404);
    expect((await unmerge(intruder.owner.headers, done.id)).statusCode).toBe(404);
    const history = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${a.id}/merges`, headers: intruder.owner.headers });
    expect(history.statusCode).toBe(404);
    expect(await contactRows(t.db, victim.workspaceId)).toEqual(before);
    expect((await contact(intruder.owner.headers, mine.id)).status).toBe(200);
  });

  it('lets a member limited to their own contacts merge only contacts they own', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const own1 = await postContact(t, limited.headers, { firstName: 'Own', lastName: 'One' });
    const own2 = await postContact(t, limited.headers, { firstName: 'Own', lastName: 'Two' });
    const colleagues = await postContact(t, ws.owner.headers, { firstName: 'Colleague' });
    const before = await contactRows(t.db, ws.workspaceId);
    expect((await merge(limited.headers, { survivorId: own1.id, mergedId: colleagues.id })).statusCode).toBe(404);
    expect((await merge(limited.headers, { survivorId: colleagues.id, mergedId: own1.id })).statusCode).toBe(404);
    const preview = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/merge-preview?survivorId=${own1.id}&mergedId=${colleagues.id}`,
      headers: limited.headers,
    });
    expect(preview.statusCode).toBe(404);
    expect(preview.body).not.toContain('Colleague');
    expect(await contactRows(t.db, ws.workspaceId)).toEqual(before);

    const done = json<ContactMerge>(await merge(limited.headers, { survivorId: own1.id, mergedId: own2.id }));
    // A colleague's merge into a contact the limited member cannot see is neither listed nor undone by them.
    const theirs = json<ContactMerge>(
      await merge(ws.owner.headers, {
        survivorId: colleagues.id,
        mergedId: (await postContact(t, ws.owner.headers, { firstName: 'C2' })).id,
      }),
    );
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${colleagues.id}/merges`, headers: limited.headers })).statusCode,
    ).toBe(404);
    expect((await unmerge(limited.headers, theirs.id)).statusCode).toBe(404);
    expect((await unmerge(limited.headers, done.id)).statusCode).toBe(200);
  });

  it('answers a member the same for a merge or duplicate pair they may not see, whatever its state', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const answer = (response: Awaited<ReturnType<typeof unmerge>>) => {
      const { type, title, status, detail, code, errors } = json<Record<string, unknown>>(response);
      return { statusCode: response.statusCode, type, title, status, detail, code, errors };
    };
    const missing = answer(await unmerge(limited.headers, '0190a0a0-0000-7000-8000-00000000dead'));
    expect(missing.statusCode).toBe(404);

    const colleague = await postContact(t, ws.owner.headers, { firstName: 'Colleague' });
    const theirs = json<ContactMerge>(
      await merge(ws.owner.headers, {
        survivorId: colleague.id,
        mergedId: (await postContact(t, ws.owner.headers, { firstName: 'C2' })).id,
      }),
    );
    expect(answer(await unmerge(limited.headers, theirs.id))).toEqual(missing);
    expect((await unmerge(ws.owner.headers, theirs.id)).statusCode).toBe(200);
    expect(answer(await unmerge(limited.headers, theirs.id))).toEqual(missing);

    // A duplicate pair of contacts the member may not see: open or decided, the merge of their own two says the same.
    const [own1, own2] = [
      await postContact(t, limited.headers, { firstName: 'Own', lastName: 'One' }),
      await postContact(t, limited.headers, { firstName: 'Own', lastName: 'Two' }),
    ];
    const [left, right] = [colleague.id, (await postContact(t, ws.owner.headers, { firstName: 'Colleague' })).id].sort();
    const duplicateId = '0190a0a0-0000-7000-8000-000000000002';
    await t.db.query(
      `INSERT INTO duplicate_candidates (workspace_id, id, kind, left_id, right_id, probability, weight, decision, created_at, updated_at)
       VALUES ($1, $2, 'contact', $3, $4, 0.9, 5, 'review', now(), now())`,
      [ws.workspaceId, duplicateId, left, right],
    );
    const withPair = () => merge(limited.headers, { survivorId: own1.id, mergedId: own2.id, duplicateId });
    const open = answer(await withPair());
    expect(open).toMatchObject({
      statusCode: 400,
      errors: [{ field: 'duplicateId', reason: 'is not an open duplicate pair of these two contacts' }],
    });
    await t.db.query(`UPDATE duplicate_candidates SET status = 'dismissed' WHERE workspace_id = $1 AND id = $2`, [
      ws.workspaceId,
      duplicateId,
    ]);
    expect(answer(await withPair())).toEqual(open);
    expect(answer(await merge(limited.headers, { survivorId: own1.id, mergedId: own2.id, duplicateId: theirs.id }))).toEqual(open);
    expect((await contact(limited.headers, own2.id)).status).toBe(200);
  });

  it('still names the merge to undo first to a member whose merge’s survivor they merged away since', async () => {
    const ws = await buildWorkspace(t.db);
    const limited = await ws.member('agent', { recordScope: 'own' });
    const [a, b, c] = [
      await postContact(t, limited.headers, { firstName: 'Ada' }),
      await postContact(t, limited.headers, { firstName: 'Augusta' }),
      await postContact(t, limited.headers, { firstName: 'Countess' }),
    ];
    const inner = json<ContactMerge>(await merge(limited.headers, { survivorId: b.id, mergedId: c.id }));
    const outer = json<ContactMerge>(await merge(limited.headers, { survivorId: a.id, mergedId: b.id }));
    const refused = await unmerge(limited.headers, inner.id);
    expect(refused.statusCode).toBe(409);
    expect(json<{ code: string; detail: string }>(refused)).toMatchObject({
      code: 'unmerge_order',
      detail: expect.stringContaining(outer.id),
    });
    expect((await unmerge(limited.headers, outer.id)).statusCode).toBe(200);
    expect((await unmerge(limited.headers, inner.id)).statusCode).toBe(200);
  });
});

describe('unmerge', () => {
  it('brings the merged contact and its history back; history added since stays with the survivor', async () => {
    const ws = await buildWorkspace(t.db);
    const { survivor, merged, notes, conversation } = await duplicatePair(ws);
    const before = await contactRows(t.db, ws.workspaceId);
    const done = json<ContactMerge>(await merge(ws.owner.headers, { survivorId: survivor.id, mergedId: merged.id }));
    const later = await postNote(t, ws.owner.headers, survivor.id, 'Written after the merge');

    const response = await unmerge(ws.owner.headers, done.id);
    expect(response.statusCode, response.body).toBe(200);
    const result = json<UnmergeResult>(response);
    expect(result).toMatchObject({ id: done.id, unmergedBy: ws.owner.userId, notRestored: [] });
    expect(result.unmergedAt).not.toBeNull();

    const rows = await contactRows(t.db, ws.workspaceId);
    expect(rows.contacts![merged.id]).toEqual(before.contacts![merged.id]);
    const { updated_at: _a, ...survivorNow } = rows.contacts![survivor.id]!;
    const { updated_at: _b, ...survivorThen } = before.contacts![survivor.id]!;
    expect(survivorNow).toEqual(survivorThen);
    for (const id of notes) expect(rows.activities![id]).toEqual(before.activities![id]);
    expect(rows.conversations![conversation.id]).toEqual(before.conversations![conversation.id]);
    expect(rows.social_identities![conversation.identityId!]).toEqual(before.social_identities![conversation.identityId!]);
    expect(rows.activities![later]!.contact_id).toBe(survivor.id);

    const [event] = await eventsOf(t.db, ws.workspaceId, 'contact.unmerged');
    expect(event).toMatchObject({ subjectId: survivor.id, data: { mergeId: done.id, survivorId: survivor.id, mergedId: merged.id } });
    expect(event!.data.after).toMatchObject({ title: '', 'custom.tier': 'gold' });
    expect(event!.data.before).toMatchObject({ title: 'Countess', 'custom.tier': 'silver' });

    const again = await unmerge(ws.owner.headers, done.id);
    expect(again.statusCode).toBe(409);
    expect(json<{ code: string }>(again).code).toBe('already_unmerged');
    const history = json<{ data: ContactMerge[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${survivor.id}/merges`, headers: ws.owner.headers }),
    );
    expect(history.data[0]).toMatchObject({ id: done.id, unmergedBy: ws.owner.userId });
  });

  it('keeps the survivor’s fields edited since the merge, and names them', async () => {
    const ws = await buildWorkspace(t.db);
    const { survivor, merged } = await duplicatePair(ws);
    const done = json<ContactMerge>(await merge(ws.owner.headers, { survivorId: survivor.id, mergedId: merged.id }));
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${survivor.id}`,
      headers: ws.owner.headers,
      payload: { title: 'Analyst', custom: { tier: 'platinum' } },
    });
    expect(edit.statusCode).toBe(200);
    const result = json<UnmergeResult>(await unmerge(ws.owner.headers, done.id));
    expect(result.notRestored.sort()).toEqual(['custom.tier', 'title']);
    const now = (await contact(ws.owner.headers, survivor.id)).body;
    expect(now).toMatchObject({ title: 'Analyst', firstName: 'Ada', custom: { tier: 'platinum' } });
    expect((now.emails as unknown[]).length).toBe(1);
    expect((await contact(ws.owner.headers, merged.id)).body).toMatchObject({ firstName: 'Augusta', title: 'Countess' });
  });

  it('undoes merges into one survivor newest first, and names the merge to undo first', async () => {
    const ws = await buildWorkspace(t.db);
    const a = await postContact(t, ws.owner.headers, { firstName: 'Ada', emails: [{ address: 'a@example.com' }] });
    const b = await postContact(t, ws.owner.headers, { firstName: 'Augusta', emails: [{ address: 'b@example.com' }] });
    const c = await postContact(t, ws.owner.headers, { firstName: 'Countess', emails: [{ address: 'c@example.com' }] });
    const first = json<ContactMerge>(await merge(ws.owner.headers, { survivorId: a.id, mergedId: b.id }));
    const second = json<ContactMerge>(await merge(ws.owner.headers, { survivorId: a.id, mergedId: c.id }));

    const refused = await unmerge(ws.owner.headers, first.id);
    expect(refused.statusCode).toBe(409);
    expect(json<{ code: string; detail: string }>(refused)).toMatchObject({ code: 'unmerge_order' });
    expect(json<{ detail: string }>(refused).detail).toContain(second.id);

    expect((await unmerge(ws.owner.headers, second.id)).statusCode).toBe(200);
    expect((await unmerge(ws.owner.headers, first.id)).statusCode).toBe(200);
    const emails = (await contact(ws.owner.headers, a.id)).body.emails as { address: string }[];
    expect(emails.map((e) => e.address)).toEqual(['a@example.com']);
  });

  it('refuses to undo a merge whose survivor was itself merged away until that merge is undone', async () => {
    const ws = await buildWorkspace(t.db);
    const a = await postContact(t, ws.owner.headers, { firstName: 'Ada' });
    const b = await postContact(t, ws.owner.headers, { firstName: 'Augusta' });
    const c = await postContact(t, ws.owner.headers, { firstName: 'Countess' });
    const inner = json<ContactMerge>(await merge(ws.owner.headers, { survivorId: b.id, mergedId: c.id }));
    const outer = json<ContactMerge>(await merge(ws.owner.headers, { survivorId: a.id, mergedId: b.id }));
    const refused = await unmerge(ws.owner.headers, inner.id);
    expect(refused.statusCode).toBe(409);
    expect(json<{ detail: string }>(refused).detail).toContain(outer.id);
    expect((await unmerge(ws.owner.headers, outer.id)).statusCode).toBe(200);
    expect((await unmerge(ws.owner.headers, inner.id)).statusCode).toBe(200);
    for (const id of [a.id, b.id, c.id]) expect((await contact(ws.owner.headers, id)).status).toBe(200);
  });
});

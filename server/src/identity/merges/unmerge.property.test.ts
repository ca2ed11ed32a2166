/**
 * Property: for random pairs of contacts with random history and random picks, a merge loses no
 * list entry, and merge followed by unmerge gives back both contacts and every row that refers
 * to them exactly (the survivor's updated_at excepted: it was edited twice).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { contactRows, conversationOf, postContact, postCustomField, postNote, postTask } from './merge-fixtures.js';
import type { ContactMerge } from './merge.schema.js';

const SEED = Number(process.env.MERGE_PROPERTY_SEED ?? 20_240_601);
const RUNS = 12;

/** mulberry32: small, seedable, good enough to vary test data reproducibly. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const some = <T>(items: readonly T[], max: number): T[] => items.filter(() => next() < max / items.length);
  return { next, int, pick, some };
}

const FIRST = ['', 'Ada', 'Augusta', 'Grace', 'Émilie', '李'];
const LAST = ['', 'Lovelace', 'King', 'Hopper', 'du Châtelet'];
const TITLES = ['', 'Countess', 'Mathematician', 'Rear admiral'];
const STAGES = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'advocate', 'churned', 'other'];
const EMAILS = ['ada@example.com', 'ADA@Example.com', 'augusta@home.example', 'grace@navy.example', 'info@shared.example'];
const PHONES = ['+44 20 7946 0958', '+44 (20) 7946-0958', '+1 555 0100', '555-0199'];
const HANDLES = [
  { network: 'mastodon', handle: '@ada@example.social' },
  { network: 'Mastodon', handle: 'ada@example.social', url: 'https://example.social/@ada' },
  { network: 'bluesky', handle: 'ada.example.social' },
];
const TAGS = ['vip', 'VIP', 'poet', 'beta', 'engine'];
const DATES = [
  { kind: 'birthday', date: '1815-12-10' },
  { kind: 'birthday', date: '1815-12-10', label: 'Birthday' },
  { kind: 'custom', date: '1843-09-01', label: 'Notes published' },
  { kind: 'renewal', date: '2030-01-01' },
];
const SINGLE_FIELDS = ['firstName', 'lastName', 'title', 'companyId', 'lifecycleStage', 'address'];

let t: TestApp;
let ws: TestWorkspace;
let companies: string[];

beforeAll(async () => {
  t = await testApp();
  ws = await buildWorkspace(t.db);
  await postCustomField(t, ws.owner.headers, 'tier', 'text');
  await postCustomField(t, ws.owner.headers, 'size', 'number');
  companies = [];
  for (const name of ['Analytical Engines', 'Difference Ltd']) {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/companies', headers: ws.owner.headers, payload: { name } });
    companies.push(json<{ id: string }>(response).id);
  }
});

function randomContact(r: ReturnType<typeof random>) {
  const emails = [...new Map(r.some(EMAILS, 2).map((address) => [address.toLowerCase(), { address }])).values()];
  const custom: Record<string, unknown> = {};
  if (r.next() < 0.6) custom.tier = r.pick(['gold', 'silver', 'bronze']);
  if (r.next() < 0.4) custom.size = r.int(500);
  return {
    firstName: r.pick(FIRST),
    lastName: r.pick(LAST),
    title: r.pick(TITLES),
    emails: emails.length || r.next() < 0.5 ? emails : [{ address: `fallback${r.int(1e6)}@example.com` }],
    phones: r.some(PHONES, 2).map((number) => (r.next() < 0.5 ? { number } : { number, label: 'mobile' })),
    socialHandles: r.some(HANDLES, 1.5),
    tags: r.some(TAGS, 2.5),
    importantDates: r.some(DATES, 1.5),
    lifecycleStage: r.pick(STAGES),
    companyId: r.next() < 0.5 ? r.pick(companies) : null,
    address: r.next() < 0.4 ? { locality: r.pick(['London', 'Arlington']), country: 'UK' } : null,
    custom,
  };
}

async function randomHistory(r: ReturnType<typeof random>, contactId: string) {
  for (let i = r.int(3); i > 0; i--) await postNote(t, ws.owner.headers, contactId, `note ${r.int(1e6)}`);
  if (r.next() < 0.4) await postTask(t, ws.owner.headers, contactId, `task ${r.int(1e6)}`);
  for (let i = r.int(3); i > 0; i--) await conversationOf(t.db, ws.workspaceId, contactId, `conversation ${r.int(1e6)}`);
}

function randomPicks(r: ReturnType<typeof random>, custom: string[]): Record<string, string> {
  const picks: Record<string, string> = {};
  for (const field of [...SINGLE_FIELDS, ...custom]) if (r.next() < 0.3) picks[field] = r.pick(['survivor', 'merged']);
  return picks;
}

function keysOf(list: unknown, key: (item: Record<string, string>) => string): string[] {
  return (list as Record<string, string>[]).map(key);
}

describe('merge then unmerge, on random contacts', () => {
  it(`restores both contacts and every row referring to them exactly (seed ${SEED})`, async () => {
    const r = random(SEED);
    for (let run = 0; run < RUNS; run++) {
      const label = `seed ${SEED}, run ${run}`;
      const survivor = await postContact(t, ws.owner.headers, randomContact(r));
      const merged = await postContact(t, ws.owner.headers, randomContact(r));
      await randomHistory(r, survivor.id);
      await randomHistory(r, merged.id);
      if (r.next() < 0.5) {
        // Either contact may be the more recently updated one.
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/contacts/${survivor.id}`,
          headers: ws.owner.headers,
          payload: { tags: ['touched'] },
        });
      }
      const before = await contactRows(t.db, ws.workspaceId);
      const customKeys = ['custom.tier', 'custom.size'].filter(
        (field) =>
          field.slice(7) in (before.contacts![survivor.id]!.custom as object) ||
          field.slice(7) in (before.contacts![merged.id]!.custom as object),
      );

      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts/merge',
        headers: ws.owner.headers,
        payload: { survivorId: survivor.id, mergedId: merged.id, picks: randomPicks(r, customKeys) },
      });
      expect(response.statusCode, `${label}: ${response.body}`).toBe(201);
      const mergeId = json<ContactMerge>(response).id;

      const during = await contactRows(t.db, ws.workspaceId);
      expect(during.contacts![merged.id], label).toBeUndefined();
      const result = during.contacts![survivor.id]!;
      for (const source of [before.contacts![survivor.id]!, before.contacts![merged.id]!]) {
        const has = (field: string, key: (item: Record<string, string>) => string) =>
          expect(keysOf(result[field], key), `${label}: ${field}`).toEqual(expect.arrayContaining(keysOf(source[field], key)));
        has('emails', (e) => e.address!.toLowerCase());
        has('phones', (p) => p.number!.replace(/\D/g, ''));
        has('social_handles', (h) => `${h.network!.toLowerCase()}:${h.handle!.toLowerCase().replace(/^@/, '')}`);
        has('important_dates', (d) => `${d.kind}|${d.date}`);
        expect(
          (result.tags as string[]).map((tag) => tag.toLowerCase()),
          label,
        ).toEqual(expect.arrayContaining((source.tags as string[]).map((tag) => tag.toLowerCase())));
      }
      const movedIds = (table: 'activities' | 'conversations' | 'social_identities') =>
        Object.values(before[table]!).filter((row) => row.contact_id === merged.id);
      for (const table of ['activities', 'conversations', 'social_identities'] as const) {
        for (const row of movedIds(table)) expect(during[table]![row.id as string]!.contact_id, `${label}: ${table}`).toBe(survivor.id);
      }

      const undone = await t.app.inject({ method: 'POST', url: `/api/v1/merges/${mergeId}/unmerge`, headers: ws.owner.headers });
      expect(undone.statusCode, `${label}: ${undone.body}`).toBe(200);
      const after = await contactRows(t.db, ws.workspaceId);
      const { updated_at: _then, ...survivorThen } = before.contacts![survivor.id]!;
      const { updated_at: _now, ...survivorNow } = after.contacts![survivor.id]!;
      expect(survivorNow, label).toEqual(survivorThen);
      for (const table of Object.keys(before)) {
        for (const [id, row] of Object.entries(before[table]!)) {
          if (id !== survivor.id) expect(after[table]![id], `${label}: ${table} ${id}`).toEqual(row);
        }
      }
      // Rows made since the merge about these two contacts are system timeline entries of their own changes, relayed meanwhile.
      const added = Object.entries(after).flatMap(([table, rows]) =>
        Object.keys(rows)
          .filter((id) => !before[table]![id])
          .map((id) => rows[id]!),
      );
      for (const row of added.filter((r) => r.contact_id === survivor.id || r.contact_id === merged.id))
        expect(row.type, label).toBe('system');
    }
  });
});

/**
 * Bad input, through every API route that needs a signed-in caller: requests made from each
 * route's own schemas with one field hostile at a time (see hostile-input-support.ts), sent by an
 * owner whose workspace has a record of every kind, so path ids name real records. Every answer is
 * below 500; every client error is problem+json with its status, and a validation problem names
 * the field attacked; a refused write leaves no event behind, and a refused create no record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../src/app.js';
import { dropQueuedDeliveries } from '../src/inbox/testing/conversations.js';
import { mastodonStatus } from '../src/ingest/testing/mastodon-statuses.js';
import { resetPassword } from '../src/platform/account/account.service.js';
import { buildWorkspace, testApp, type TestApp, type TestWorkspace } from '../src/platform/testing/test-app.js';
import {
  answerFailures,
  forgedCursors,
  hostileCases,
  validRequest,
  type HostileCase,
  type KnownIds,
  type ValidBody,
} from './hostile-input-support.js';
import { apiRoutes } from './isolation-support.js';
import { seedWorkspaceRecords } from './seed-records.js';

/**
 * The live event stream is left out: a request it accepts stays open for as long as the caller's
 * credentials hold, so no answer would come back to check. Its inputs, the Last-Event-ID header and
 * the lastEventId parameter, are refused when hostile in platform/events/event-stream.test.ts.
 */
const NOT_PROBED = new Set(['GET /api/v1/events']);

/** Routes for a person signed in with a session, not an API token. */
const SESSION_ROUTES = new Set([
  'POST /api/v1/api-tokens',
  'POST /api/v1/members',
  'GET /api/v1/invitations',
  'POST /api/v1/invitations/:id/accept',
  'POST /api/v1/invitations/:id/decline',
  'POST /api/v1/auth/switch-workspace',
  'PUT /api/v1/account/password',
  'POST /api/v1/workspaces',
]);

/** Valid requests a use case still refuses: an imported conversation has no channel to reply through, nor a second one to merge into. */
const REFUSED_VALID = new Set(['POST /api/v1/conversations/:id/replies', 'POST /api/v1/conversations/:id/merge']);

/** The table each kind of record lives in (and which of its rows), by the path segment that names the kind. */
const TABLES: Record<string, string> = {
  'api-tokens': 'api_tokens',
  teams: 'teams',
  notifications: 'notifications',
  'custom-fields': 'custom_fields',
  contacts: 'contacts',
  companies: 'companies',
  activities: `activities WHERE type <> 'task' AND`,
  tasks: `activities WHERE type = 'task' AND`,
  imports: 'imports',
  segments: 'segments',
  duplicates: 'duplicate_candidates',
  identities: 'social_identities',
  merges: 'contact_merges',
  channels: 'channels',
  conversations: 'conversations',
  messages: 'messages',
  'canned-responses': 'canned_responses',
  'routing-rules': 'routing_rules',
  'dead-letters': 'dead_letters',
  queries: 'listening_queries',
  mentions: 'mentions',
  alerts: 'listening_alerts',
  invitations: 'workspace_invitations',
  'intent-corrections': 'intent_corrections',
  members: 'memberships',
};

/** Body fields that refer to a record, and the kind of record they refer to. */
const FIELD_KINDS: Record<string, string> = {
  contactId: 'contacts',
  survivorId: 'contacts',
  companyId: 'companies',
  teamId: 'teams',
  teamIds: 'teams',
  channelId: 'channels',
  channelIds: 'channels',
  conversationId: 'conversations',
  targetId: 'conversations',
  queryId: 'queries',
  mentionId: 'mentions',
  mentions: 'mentions',
  messageId: 'messages',
  identityId: 'identities',
  duplicateId: 'duplicates',
  cannedResponseId: 'canned-responses',
  alertId: 'alerts',
};

const t: TestApp = await testApp();
let ws: TestWorkspace;
let session: Record<string, string>;
let known: KnownIds;
let validBodies: Record<string, ValidBody>;

/** Where the smallest body a route's schema takes is refused by its use case: a body it accepts. */
function bodiesFor(ids: KnownIds): Record<string, ValidBody> {
  const { byKind, byField } = ids;
  return {
    'POST /api/v1/contacts': (tag) => ({ firstName: `Hostile${tag}` }),
    'POST /api/v1/activities': (tag) => ({ type: 'note', body: `Note ${tag}`, contactId: byKind.contacts }),
    'POST /api/v1/imports': (tag) => ({ format: 'csv', fileName: `people${tag}.csv`, content: 'First name\nAda\n' }),
    'PATCH /api/v1/members/:id': () => ({ recordScope: 'all' }),
    'PATCH /api/v1/teams/:id': (tag) => ({ name: `Team ${tag}` }),
    'PATCH /api/v1/custom-fields/:id': (tag) => ({ label: `Tier ${tag}` }),
    'POST /api/v1/segments': (tag) => ({ name: `View ${tag}`, entity: 'contact', filters: segmentFilters(byField) }),
    'PATCH /api/v1/segments/:id': (tag) => ({ name: `View ${tag}`, filters: segmentFilters(byField) }),
    'POST /api/v1/channels': (tag) => ({
      kind: 'rss',
      name: `Feed ${tag}`,
      config: { feedUrl: `https://hostile${tag}.example/feed.xml` },
      status: 'paused',
    }),
    'POST /api/v1/conversations/bulk': () => ({ ids: [byKind.conversations], action: { status: 'open' } }),
    'POST /api/v1/routing-rules': (tag) => ({
      name: `Rule ${tag}`,
      conditions: { keywords: ['rocket'] },
      actions: { addLabels: ['hostile'] },
    }),
    'PUT /api/v1/inbox/sla-policy': () => ({
      firstResponseMinutes: 60,
      nextResponseMinutes: 60,
      resolutionMinutes: 600,
      businessHours: { timezone: 'Europe/Berlin', days: { mon: [['09:00', '17:00']] } },
    }),
    'PUT /api/v1/relationship/settings': () => ({
      weights: { recency: 1, frequency: 1, monetary: 1, engagement: 1, influence: 1 },
      monetaryField: null,
      tiers: [
        { name: 'standard', minScore: 0 },
        { name: 'vip', minScore: 80 },
      ],
      quietDays: 30,
    }),
    'POST /api/v1/listening/alerts': (tag) => ({ name: `Alert ${tag}`, trigger: 'keyword', keyword: 'rocket', queryId: byKind.queries }),
    'POST /api/v1/listening/mentions/bulk': () => ({ ids: [byKind.mentions], relevance: 'relevant' }),
    'POST /api/v1/listening/intent-corrections': () => ({ messageId: byKind.messages, intent: 'praise' }),
    'PUT /api/v1/account/password': (tag) => ({ currentPassword: ws.owner.password, newPassword: `${ws.owner.password}-${tag}` }),
    'POST /api/v1/auth/switch-workspace': () => ({ workspaceId: ws.workspaceId }),
  };
}

/** A saved view's filters, which its use case checks itself: each is attacked like a field. */
const segmentFilters = (byField: Record<string, string>) => ({
  q: 'ada',
  stage: ['lead'],
  tag: ['vip'],
  ownerId: byField.ownerId,
  createdAfter: '2026-01-01T00:00:00Z',
});

async function send(route: RouteInfo, c: HostileCase) {
  const headers = SESSION_ROUTES.has(`${route.method} ${route.url}`) ? session : ws.owner.headers;
  const sending = t.app.inject({
    method: c.method as 'GET',
    url: c.url,
    headers: { ...headers, ...(c.body === undefined ? {} : { 'content-type': c.contentType ?? 'application/json' }) },
    ...(c.body === undefined ? {} : { payload: c.body }),
  });
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${c.method} ${c.url.slice(0, 120)} with ${c.what}: no answer in 15 s`)), 15_000);
  });
  try {
    return await Promise.race([sending, hung]);
  } finally {
    clearTimeout(timer);
  }
}

const rowsOf = (table: string) => (table.endsWith(' AND') ? table : `${table} WHERE`);

async function firstId(sql: string): Promise<string | undefined> {
  const { rows } = await t.db.query<{ id: string }>(sql, [ws.workspaceId]);
  return rows[0]?.id;
}

/** Adds what the shared seed has none of: listening queries, a mention, an alert, an import. */
async function seedListeningAndImports() {
  const post = async (url: string, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url, headers: ws.owner.headers, payload });
    if (response.statusCode >= 300) throw new Error(`seeding ${url} failed: ${response.statusCode} ${response.body}`);
    return JSON.parse(response.body) as { id: string };
  };
  // The first query is the one its routes change (a changed query drops the mentions it no longer matches): not the mention's.
  await post('/api/v1/listening/queries', { name: 'Changed', query: 'nothing', kind: 'brand' });
  const query = await post('/api/v1/listening/queries', { name: 'Rockets', query: 'rocket', kind: 'brand' });
  await post('/api/v1/ingest/files', {
    format: 'mastodon',
    content: `${JSON.stringify(mastodonStatus('hostile-1', { text: 'My rocket is great' }))}\n`,
  });
  await post('/api/v1/listening/alerts', { name: 'Rockets', trigger: 'keyword', keyword: 'rocket', queryId: query.id });
  await post('/api/v1/imports', { format: 'csv', fileName: 'people.csv', content: 'First name,Email\nAda,ada@example.com\n' });
}

/** A new session for the owner, with their password as it was (the password route's accepted cases change it). */
async function signIn(): Promise<Record<string, string>> {
  await resetPassword(t.db, ws.owner.userId, ws.owner.password);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: ws.owner.email, password: ws.owner.password },
  });
  const cookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('rapport_session='));
  if (!cookie) throw new Error(`signing in failed: ${response.statusCode} ${response.body}`);
  return { cookie: cookie.split(';')[0]!, 'x-csrf-token': (JSON.parse(response.body) as { csrfToken: string }).csrfToken };
}

async function knownIds(): Promise<KnownIds> {
  const byKind: Record<string, string> = {};
  for (const [kind, table] of Object.entries(TABLES)) {
    const id = await firstId(
      kind === 'members'
        ? `SELECT user_id::text AS id FROM memberships WHERE workspace_id = $1 AND role = 'agent' LIMIT 1`
        : `SELECT id::text AS id FROM ${rowsOf(table)} workspace_id = $1 ORDER BY id LIMIT 1`,
    );
    if (id) byKind[kind] = id;
  }
  const byField: Record<string, string> = { ownerId: ws.owner.userId, assigneeId: ws.owner.userId, memberIds: ws.owner.userId };
  for (const [field, kind] of Object.entries(FIELD_KINDS)) if (byKind[kind]) byField[field] = byKind[kind];
  const second = await firstId(`SELECT id::text AS id FROM contacts WHERE workspace_id = $1 ORDER BY id DESC LIMIT 1`);
  if (second) byField.mergedId = second;
  return { byKind, byField };
}

/** The workspace's events, and the records of the table a create writes to: what a refused write leaves as they were. */
async function written(route: RouteInfo): Promise<string> {
  const table = route.url.includes(':') ? undefined : TABLES[route.url.split('/').at(-1)!];
  const { rows } = await t.db.query<{ events: string; records: string | null }>(
    `SELECT (SELECT count(*) FROM events WHERE workspace_id = $1)::text AS events,
            ${table ? `(SELECT count(*) FROM ${rowsOf(table)} workspace_id = $1)::text` : 'NULL'} AS records`,
    [ws.workspaceId],
  );
  return JSON.stringify(rows[0]);
}

/** For a list that pages: its second page asked for with cursors forged from the one its first page gave. */
async function cursorCases(route: RouteInfo): Promise<HostileCase[]> {
  const query = (route.schema?.querystring as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  if (route.method !== 'GET' || !('cursor' in query) || !('limit' in query)) return [];
  const valid = validRequest(route, known);
  const url = `${valid.url}${valid.url.includes('?') ? '&' : '?'}limit=1`;
  const first = await send(route, { ...valid, url });
  const given = (JSON.parse(first.body) as { nextCursor?: unknown }).nextCursor;
  // A list with one page gives no cursor: one of the shape most lists give, which the others refuse whole.
  const shaped = Buffer.from(JSON.stringify({ v: '2026-01-01T00:00:00.000Z', id: known.byField.ownerId })).toString('base64url');
  return forgedCursors(typeof given === 'string' ? given : shaped).map(({ what, value }) => ({
    what,
    method: 'GET',
    url: `${url}&cursor=${encodeURIComponent(value)}`,
    fields: ['querystring.cursor', 'cursor'],
  }));
}

/** Reads first, then writes, deletes last (their cases name no real record, so they delete nothing). */
const order = (route: RouteInfo) => (route.method === 'GET' ? 0 : route.method === 'DELETE' ? 2 : 1);

const routes = apiRoutes(t)
  .filter((r) => r.guard !== 'public' && !NOT_PROBED.has(`${r.method} ${r.url}`))
  .sort((a, b) => order(a) - order(b));

beforeAll(async () => {
  ws = await buildWorkspace(t.db);
  await seedWorkspaceRecords(t, ws);
  await seedListeningAndImports();
  await t.deps.relay.flush();
  known = await knownIds();
  validBodies = bodiesFor(known);
});

afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

describe('hostile input', () => {
  it('probes every route that needs a signed-in caller, with real records of every kind', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(Object.keys(TABLES).filter((kind) => !known.byKind[kind])).toEqual(['notifications', 'invitations', 'intent-corrections']);
  });

  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    it(key, { timeout: 120_000 }, async () => {
      const failures: string[] = [];
      // Switching workspaces starts a new session, and a password change needs the password: sign in afresh for each.
      if (SESSION_ROUTES.has(key)) session = await signIn();
      const writes = route.method !== 'GET';
      // The valid request the cases are made from, where it does no harm: its refusal would hide the cases' own.
      if (route.method === 'GET' || route.schema?.body) {
        const valid = await send(route, validRequest(route, known, validBodies[key]));
        if (valid.statusCode >= 400 && !REFUSED_VALID.has(key))
          failures.push(`the valid request answered ${valid.statusCode}: ${valid.body}`);
        if (valid.statusCode < 400 && SESSION_ROUTES.has(key)) session = await signIn();
      }
      if (writes) await t.deps.relay.flush();
      let before = writes ? await written(route) : '';
      for (const c of [...hostileCases(route, known, validBodies[key]), ...(await cursorCases(route))]) {
        const response = await send(route, c);
        failures.push(...answerFailures(c, response).map((f) => `${c.what}: ${f}`));
        if (!writes) continue;
        if (response.statusCode < 400 && SESSION_ROUTES.has(key)) session = await signIn();
        if (response.statusCode < 400) await t.deps.relay.flush();
        const after = await written(route);
        if (response.statusCode >= 400 && after !== before)
          failures.push(`${c.what}: refused (${response.statusCode}) but wrote ${before} → ${after}`);
        before = after;
      }
      expect(failures).toEqual([]);
    });
  }
});

/**
 * Fills a workspace with one record of every kind the API can create, through the API itself, so
 * isolation suites probe real rows. Kinds whose routes are not served are skipped.
 */
import { signedIn, type TestApp, type TestWorkspace } from '../src/platform/testing/test-app.js';
import { insertConversation } from '../src/inbox/testing/conversations.js';
import { mastodonStatus } from '../src/ingest/testing/mastodon-statuses.js';

interface Step {
  url: string;
  payload: (ids: Record<string, string>, tag: string) => object;
  key: string;
  /** Made by the owner signed in: an API token may not make it. */
  signedIn?: true;
}

const STEPS: Step[] = [
  { key: 'team', url: '/api/v1/teams', payload: (_ids, tag) => ({ name: `Team ${tag}` }) },
  { key: 'customField', url: '/api/v1/custom-fields', payload: () => ({ entity: 'contact', key: 'tier', label: 'Tier', type: 'text' }) },
  { key: 'company', url: '/api/v1/companies', payload: (_ids, tag) => ({ name: `Company ${tag}`, domains: [`${tag}.example`] }) },
  {
    key: 'contact',
    url: '/api/v1/contacts',
    payload: (ids, tag) => ({
      firstName: `Secret${tag}`,
      lastName: 'Person',
      emails: [{ address: `${tag}@secret.example` }],
      ...(ids.company ? { companyId: ids.company } : {}),
      custom: { tier: 'gold' },
    }),
  },
  {
    // The same person again, so the full pass (the last step) queues a duplicate pair.
    key: 'duplicateContact',
    url: '/api/v1/contacts',
    payload: (_ids, tag) => ({ firstName: `Secret${tag}`, lastName: 'Person', emails: [{ address: `${tag}@secret.example` }] }),
  },
  { key: 'note', url: '/api/v1/activities', payload: (ids, tag) => ({ type: 'note', contactId: ids.contact, body: `Note ${tag}` }) },
  {
    key: 'task',
    url: '/api/v1/tasks',
    payload: (ids, tag) => ({ title: `Task ${tag}`, contactId: ids.contact, dueAt: new Date(Date.now() + 86400000).toISOString() }),
  },
  // Two contacts of one person, merged: the merge record is what unmerge routes are probed with.
  { key: 'survivor', url: '/api/v1/contacts', payload: (_ids, tag) => ({ firstName: `Survivor${tag}` }) },
  { key: 'duplicate', url: '/api/v1/contacts', payload: (_ids, tag) => ({ firstName: `Duplicate${tag}` }) },
  { key: 'merge', url: '/api/v1/contacts/merge', payload: (ids) => ({ survivorId: ids.survivor, mergedId: ids.duplicate }) },
  {
    key: 'segment',
    url: '/api/v1/segments',
    payload: (_ids, tag) => ({ name: `View ${tag}`, entity: 'contact', filters: { tag: [tag] }, shared: true }),
  },
  {
    key: 'channel',
    url: '/api/v1/channels',
    // Paused, so no poller in the suite ever fetches it.
    payload: (_ids, tag) => ({
      kind: 'rss',
      name: `Feed ${tag}`,
      config: { feedUrl: `https://${tag}.example/feed.xml` },
      status: 'paused',
    }),
  },
  {
    // A conversation, its message and author, and a dead letter (the broken second line).
    key: 'ingest',
    url: '/api/v1/ingest/files',
    payload: (_ids, tag) => ({
      format: 'mastodon',
      content: `${JSON.stringify(mastodonStatus(`toot-${tag}`, { text: `Toot ${tag}` }))}\n{broken ${tag}\n`,
    }),
  },
  { key: 'apiToken', url: '/api/v1/api-tokens', payload: (_ids, tag) => ({ name: `Token ${tag}`, scopes: ['read'] }), signedIn: true },
  {
    key: 'cannedResponse',
    url: '/api/v1/canned-responses',
    payload: (_ids, tag) => ({ name: `Canned ${tag}`, shortcut: `c${tag}`, body: 'Hi' }),
  },
  {
    key: 'routingRule',
    url: '/api/v1/routing-rules',
    payload: (ids, tag) => ({ name: `Rule ${tag}`, conditions: { keywords: [tag] }, actions: { teamId: ids.team, addLabels: [tag] } }),
  },
  { key: 'identityResolve', url: '/api/v1/identity/resolve', payload: () => ({}) },
];

/** Returns strings that only this workspace's records contain (to detect leaks in responses). */
export async function seedWorkspaceRecords(t: TestApp, ws: TestWorkspace): Promise<string[]> {
  const tag = ws.workspaceId.slice(-8);
  const served = new Set(t.routes.map((r) => `${r.method} ${r.url}`));
  const ids: Record<string, string> = {};
  const session = await signedIn(t.app, ws.owner);
  for (const step of STEPS) {
    if (!served.has(`POST ${step.url}`)) continue;
    const headers = step.signedIn ? session : ws.owner.headers;
    const response = await t.app.inject({ method: 'POST', url: step.url, headers, payload: step.payload(ids, tag) });
    if (response.statusCode >= 300) throw new Error(`seeding ${step.url} failed: ${response.statusCode} ${response.body}`);
    ids[step.key] = (JSON.parse(response.body) as { id: string }).id;
  }
  // Conversations arrive through the ingest pipeline, not the API: written as the pipeline stores them.
  const conversation = await insertConversation(t.db, ws.workspaceId, {
    subject: `Conversation ${tag}`,
    messages: [{ text: `Message ${tag}` }],
  });
  const note = await t.app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${conversation.id}/notes`,
    headers: ws.owner.headers,
    payload: { text: `Note on conversation ${tag}` },
  });
  if (note.statusCode >= 300) throw new Error(`seeding a note failed: ${note.statusCode} ${note.body}`);
  await ws.member('agent');
  return [
    `Conversation ${tag}`,
    `Message ${tag}`,
    `Secret${tag}`,
    `${tag}@secret.example`,
    `Company ${tag}`,
    `Note ${tag}`,
    `Task ${tag}`,
    `Toot ${tag}`,
    `Feed ${tag}`,
  ];
}

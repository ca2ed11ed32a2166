/**
 * What identity tests send through the real ingest pipeline: an e-mail from a sender, a Mastodon
 * post by an account, and a helper that lets the app catch up (events relayed, jobs run).
 */
import { expect } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import type { TestApp } from '../../platform/testing/test-app.js';

type Headers = Record<string, string>;

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export function emailFrom(from: string, text = 'Hello, a question about my order.'): { format: 'eml'; content: string } {
  const id = next();
  const content = [
    `From: ${from}`,
    'To: shop@rapport-shop.test',
    `Subject: Question ${id}`,
    `Message-ID: <${id}@mail.test>`,
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
  ].join('\r\n');
  return { format: 'eml', content };
}

export interface MastodonAccount {
  id: string;
  username: string;
  /** "user@host" */
  acct: string;
  displayName: string;
  url: string;
}

export function mastodonPost(account: MastodonAccount, text = 'Loving the new release'): { format: 'mastodon'; content: string } {
  const status = mastodonStatus(`st-${next()}`, { text, createdAt: new Date() });
  status.account = {
    id: account.id,
    username: account.username,
    acct: account.acct,
    display_name: account.displayName,
    url: account.url,
    avatar: `${account.url}/avatar.png`,
    followers_count: 12,
    following_count: 3,
    statuses_count: 40,
    note: '',
  };
  return { format: 'mastodon', content: JSON.stringify(status) };
}

/** Relays committed events and runs the jobs they queued, until nothing is left. */
export async function settle(t: TestApp): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const relayed = await t.deps.relay.flush();
    const ran = await t.jobs.runDue();
    if (relayed === 0 && ran === 0) return;
  }
}

export async function ingest(t: TestApp, headers: Headers, file: { format: string; content: string }): Promise<void> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/files', headers, payload: file });
  expect(response.statusCode, response.body).toBe(200);
  expect(JSON.parse(response.body)).toMatchObject({ ingested: 1 });
  await settle(t);
}

export async function createContact(t: TestApp, headers: Headers, contact: object): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers, payload: contact });
  expect(response.statusCode, response.body).toBe(201);
  await settle(t);
  return (JSON.parse(response.body) as { id: string }).id;
}

export interface IdentityRow {
  id: string;
  contact_id: string | null;
  matched_at: Date | null;
}

export async function identityOf(t: TestApp, workspaceId: string, network: string, handle: string): Promise<IdentityRow> {
  const { rows } = await t.db.query<IdentityRow>(
    'SELECT id, contact_id, matched_at FROM social_identities WHERE workspace_id = $1 AND network = $2 AND lower(handle) = lower($3)',
    [workspaceId, network, handle],
  );
  expect(rows, `identity ${network} ${handle}`).toHaveLength(1);
  return rows[0]!;
}

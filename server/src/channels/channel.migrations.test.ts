/**
 * Upgrading a database whose webhook channels were turned red by refused deliveries: the refusals
 * move to their own count, and the channel's state is what its own work says.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/db/db.js';
import { migrate } from '../platform/db/migrate.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { buildWorkspace } from '../platform/testing/test-app.js';
import { allMigrations } from '../modules.js';
import { findChannelRow } from './channel.repo.js';
import { healthOf } from './health.js';

const REFUSED = 'channels/004-refused-deliveries';

describe('channels/004-refused-deliveries', () => {
  let old: Db;
  afterAll(async () => {
    await old?.close();
  });

  it('moves recorded bad signatures out of the errors and recomputes the error state', async () => {
    old = await openFreshDb(allMigrations().filter((m) => m.id !== REFUSED));
    const ws = await buildWorkspace(old);
    const error = (at: string, code: string, message: string) => ({ at, code, message });
    const insert = (id: string, kind: string, errors: object[], lastErrorAt: string, errorCount: number) =>
      old.query(
        `INSERT INTO channels (workspace_id, id, kind, name, recent_errors, last_error_at, error_count, last_success_at, created_at, updated_at)
         VALUES ($1, $2, $3, 'c', $4::jsonb, $5, $6, '2025-06-01T10:00:00Z', now(), now())`,
        [ws.workspaceId, id, kind, JSON.stringify(errors), lastErrorAt, errorCount],
      );
    const forged = '00000000-0000-4000-8000-000000000001';
    const mixed = '00000000-0000-4000-8000-000000000002';
    const feed = '00000000-0000-4000-8000-000000000003';
    await insert(
      forged,
      'meta',
      [
        error('2025-06-02T10:00:00.000Z', 'bad_signature', 'the x-hub-signature-256 header is missing'),
        error('2025-06-01T12:00:00.000Z', 'bad_signature', 'the x-hub-signature-256 signature does not match the body'),
      ],
      '2025-06-02T10:00:00Z',
      2,
    );
    await insert(
      mixed,
      'webhook',
      [
        error('2025-06-03T10:00:00.000Z', 'bad_signature', 'the x-rapport-signature header is missing'),
        error('2025-06-02T09:00:00.000Z', 'parse_error', 'the body is not JSON'),
      ],
      '2025-06-03T10:00:00Z',
      5,
    );
    await insert(feed, 'rss', [error('2025-06-02T10:00:00.000Z', 'http_status', 'the feed answered 500')], '2025-06-02T10:00:00Z', 1);

    expect(await migrate(old, allMigrations())).toEqual([REFUSED]);

    const health = async (id: string) => healthOf((await findChannelRow(old, ws.workspaceId, id))!, new Date('2025-06-04T00:00:00Z'));
    expect(await health(forged)).toMatchObject({
      state: 'ok',
      errorCount: 0,
      lastErrorAt: null,
      recentErrors: [],
      refusedDeliveries: {
        count: 2,
        lastAt: new Date('2025-06-02T10:00:00Z'),
        recent: [{ message: 'the x-hub-signature-256 header is missing' }, { message: expect.stringMatching(/does not match/) }],
      },
    });
    expect(await health(mixed)).toMatchObject({
      state: 'failing',
      errorCount: 4,
      lastErrorAt: new Date('2025-06-02T09:00:00Z'),
      recentErrors: [{ code: 'parse_error' }],
      refusedDeliveries: { count: 1, recent: [{ code: 'bad_signature' }] },
    });
    expect(await health(feed)).toMatchObject({
      state: 'failing',
      errorCount: 1,
      refusedDeliveries: { count: 0, lastAt: null, recent: [] },
    });
  });
});

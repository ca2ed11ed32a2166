/**
 * A streaming channel whose secrets no longer open (the server secret changed) fails once, with a
 * code that says so, and is not reopened in a loop: only an edit (new secrets) can repair it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { createEventBus } from '../../platform/events/bus.js';
import { createLogger } from '../../platform/observability/logger.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { buildWorkspace } from '../../platform/testing/test-app.js';
import type { IngestPipeline } from '../../ingest/index.js';
import { sealCredentials } from '../channel.credentials.js';
import { findChannelRow } from '../channel.repo.js';
import { createStreamSupervisor } from './streams.js';

// A database of its own: the supervisor opens every workspace's streaming channels.
let db: Db;
beforeAll(async () => {
  db = await openFreshDb();
});
afterAll(async () => {
  await db?.close();
});

const pipeline: IngestPipeline = {
  submit: () => Promise.reject(new Error('nothing should be heard')),
  close: async () => undefined,
};

describe('a stream whose secrets no longer open', () => {
  it('fails the channel once with credentials_unreadable and waits for new secrets', async () => {
    const ws = await buildWorkspace(db);
    const id = newId();
    await db.query(
      `INSERT INTO channels (workspace_id, id, kind, name, config, credentials, created_at, updated_at)
       VALUES ($1, $2, 'bluesky', 'Firehose', $3::jsonb, $4, now(), now())`,
      [
        ws.workspaceId,
        id,
        JSON.stringify({ handle: 'brand.example', keywords: ['rapport'] }),
        sealCredentials('the-previous-server-secret-0123456789', id, { appPassword: 'app-pass' }),
      ],
    );
    const supervisor = createStreamSupervisor({
      db,
      bus: createEventBus(() => undefined),
      secret: 'the-current-server-secret-0123456789',
      log: createLogger('silent'),
      pipeline: () => pipeline,
    });
    try {
      await supervisor.reconcile();
      await expect.poll(async () => Number((await findChannelRow(db, ws.workspaceId, id))!.error_count)).toBe(1);
      // Past the first retry's backoff (2 s): a transient failure would have been tried again by now.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await supervisor.reconcile();
      const row = (await findChannelRow(db, ws.workspaceId, id))!;
      expect(Number(row.error_count)).toBe(1);
      expect(row.recent_errors).toEqual([
        { at: expect.any(String), code: 'credentials_unreadable', message: expect.stringMatching(/enter them again/) },
      ]);
    } finally {
      await supervisor.close();
    }
  });
});

/** The demo workspace seeded into a test database, with its owner's context, as the demo tests read it. */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import { testConfig } from '../platform/testing/test-app.js';
import { seedDemo } from './demo.seed.js';

export async function seededDemo(db: Db): Promise<Ctx> {
  const { workspaceId, ownerId } = await seedDemo(db, testConfig());
  return {
    workspaceId,
    db,
    requestId: 'test',
    actor: { kind: 'user', userId: ownerId, role: 'owner', recordScope: 'all', teamIds: [] },
  };
}

/**
 * The small lists sorted by name — a workspace's members and teams, a person's workspaces — sort as
 * contacts do: accented initials among their letters and either case together. By the database's
 * collation (C in PGlite, C.UTF-8 in a default PostgreSQL) "Élodie" came after "zoe".
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { listMemberships } from '../auth/auth.repo.js';
import { systemActor, type Ctx } from '../context.js';
import { buildWorkspace } from '../testing/test-app.js';
import { sharedTestDb } from '../testing/test-db.js';
import { addMember, createTeam, createWorkspace, listMembers, listTeams } from '../workspaces/workspace.service.js';
import type { Db } from './db.js';

const NAMES = ['zoe', 'Élodie', 'Zoë', 'anna', 'Émile', 'Bob'];
const IN_ORDER = ['anna', 'Bob', 'Élodie', 'Émile', 'zoe', 'Zoë'];
const PASSWORD = 'correct-horse-battery';
const newEmail = () => `${randomBytes(5).toString('hex')}@example.test`;

let db: Db;
beforeAll(async () => {
  db = await sharedTestDb();
});

describe('name order of small lists', () => {
  it('lists members and teams as readers expect', async () => {
    const ws = await buildWorkspace(db);
    const ctx: Ctx = { workspaceId: ws.workspaceId, requestId: 'test', actor: systemActor(), db };
    for (const name of NAMES) {
      await addMember(ctx, db, { email: newEmail(), name, password: PASSWORD, role: 'agent' });
      await createTeam(ctx, db, { name });
    }
    expect((await listMembers(ctx)).map((member) => member.name)).toEqual(['anna', 'Bob', 'Élodie', 'Émile', 'Olive Owner', 'zoe', 'Zoë']);
    expect((await listTeams(ctx)).map((team) => team.name)).toEqual(IN_ORDER);
  });

  it("lists a person's workspaces as readers expect", async () => {
    const owner = { email: newEmail(), name: 'Olive', password: PASSWORD, role: 'owner' as const };
    const workspaces = [];
    for (const name of NAMES) workspaces.push(await createWorkspace(db, { name, owner }));
    expect((await listMemberships(db, workspaces[0]!.ownerId)).map((workspace) => workspace.name)).toEqual(IN_ORDER);
  });
});

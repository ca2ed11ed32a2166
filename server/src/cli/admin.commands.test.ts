import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/db/db.js';
import { createWorkspace } from '../platform/workspaces/workspace.service.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { CliError } from './cli-support.js';
import { Command } from 'commander';
import { registerAdminCommands, userCreateCommand, userPasswordCommand, workspaceCreateCommand } from './admin.commands.js';
import { verifyPassword } from '../platform/crypto/password.js';

// A database of its own: with one workspace, `--workspace` may be left out.
let db: Db;
let workspaceId: string;
beforeAll(async () => {
  db = await openFreshDb();
  ({ workspaceId } = await createWorkspace(db, {
    name: 'Acme Support',
    owner: { email: 'owner@acme.test', name: 'Olive Owner', password: 'correct-horse-battery', role: 'owner' },
  }));
});
afterAll(async () => {
  await db?.close();
});

const valid = { email: 'agent@acme.test', name: 'Alex Agent', password: 'correct-horse-battery', role: 'agent' };

async function users(): Promise<string[]> {
  const { rows } = await db.query<{ email: string }>('SELECT email FROM users ORDER BY email');
  return rows.map((r) => r.email);
}

async function failure(options: Parameters<typeof userCreateCommand>[1]): Promise<string> {
  const error = await userCreateCommand(db, options, () => undefined).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CliError);
  return (error as CliError).message;
}

describe('rapport user create', () => {
  it('refuses options the API would refuse, naming the option, and writes nothing', async () => {
    expect(await failure({ ...valid, email: 'not-an-address' })).toBe('--email must be an e-mail address');
    expect(await failure({ ...valid, password: 'short' })).toMatch(/^--password must be at least 10 characters/);
    expect(await failure({ ...valid, name: '' })).toMatch(/^--name /);
    expect(await failure({ ...valid, role: 'king' })).toBe('--role must be one of: owner, admin, agent, viewer');
    expect(await users()).toEqual(['owner@acme.test']);
  });

  it('names a workspace that does not exist, by id or by anything else, without a database error', async () => {
    expect(await failure({ ...valid, workspace: 'nope' })).toBe('No workspace nope');
    expect(await failure({ ...valid, workspace: '01a24c41-24ae-771a-8d96-54b8eddbb0af' })).toBe(
      'No workspace 01a24c41-24ae-771a-8d96-54b8eddbb0af',
    );
    expect(await users()).toEqual(['owner@acme.test']);
  });

  it('adds the user to the only workspace, and asks which one once there are several', async () => {
    let printed = '';
    await userCreateCommand(db, valid, (text) => void (printed += text));
    expect(printed).toBe(`User agent@acme.test (agent) added to workspace ${workspaceId}.\n`);
    const { rows } = await db.query<{ role: string }>(
      'SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND u.email = $2',
      [workspaceId, 'agent@acme.test'],
    );
    expect(rows).toEqual([{ role: 'agent' }]);

    await createWorkspace(db, {
      name: 'Other',
      owner: { email: 'owner@other.test', name: 'Otto Owner', password: 'correct-horse-battery', role: 'owner' },
    });
    expect(await failure({ ...valid, email: 'viewer@acme.test', role: 'viewer' })).toMatch(/^There are several workspaces; choose one/);
    await userCreateCommand(db, { ...valid, email: 'viewer@acme.test', role: 'viewer', workspace: workspaceId }, () => undefined);
    expect(await users()).toContain('viewer@acme.test');
  });
});

describe('rapport user password', () => {
  it('sets the password of a user who forgot theirs and ends their sessions', async () => {
    const { rows: before } = await db.query<{ id: string; password_hash: string }>(
      "SELECT id, password_hash FROM users WHERE email = 'owner@acme.test'",
    );
    const userId = before[0]!.id;
    await db.query(
      "INSERT INTO sessions (id_hash, workspace_id, user_id, csrf_token, expires_at) VALUES ('forgotten-session', $1, $2, 'x', now() + interval '1 day')",
      [workspaceId, userId],
    );
    let printed = '';
    await userPasswordCommand(db, { email: 'OWNER@acme.test', password: 'a-fresh-start-123' }, (text) => void (printed += text));
    expect(printed).toBe('Password of OWNER@acme.test changed; 1 session ended.\n');
    const { rows: after } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [userId]);
    expect(await verifyPassword('a-fresh-start-123', after[0]!.password_hash)).toBe(true);
    expect(await verifyPassword('correct-horse-battery', after[0]!.password_hash)).toBe(false);
    const { rows: sessions } = await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [userId]);
    expect(sessions).toEqual([]);
  });

  it('refuses an unknown user or a short password, and changes nothing', async () => {
    const hashes = async () => (await db.query('SELECT email, password_hash FROM users ORDER BY email')).rows;
    const unchanged = await hashes();
    const unknown = await userPasswordCommand(db, { email: 'ghost@acme.test', password: 'long-enough-123' }, () => undefined).catch(
      (e: unknown) => e,
    );
    expect((unknown as CliError).message).toBe('No user signs in as ghost@acme.test');
    const short = await userPasswordCommand(db, { email: 'owner@acme.test', password: 'short' }, () => undefined).catch((e: unknown) => e);
    expect((short as CliError).message).toBe('--password must be at least 10 characters');
    expect(await hashes()).toEqual(unchanged);
  });
});

describe('rapport workspace create', () => {
  const workspaceNames = async () =>
    (await db.query<{ name: string }>('SELECT name FROM workspaces ORDER BY name')).rows.map((r) => r.name);

  async function refusal(options: Parameters<typeof workspaceCreateCommand>[1]): Promise<string> {
    const error = await workspaceCreateCommand(db, options, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }

  it('creates a workspace owned by an existing user, printing its id, as the API would', async () => {
    let printed = '';
    await workspaceCreateCommand(db, { name: ' Acme Labs ', owner: 'AGENT@acme.test' }, (text) => void (printed += text));
    const id = /^Workspace ([0-9a-f-]{36}) created: Acme Labs, owned by AGENT@acme\.test\.\n$/.exec(printed)?.[1];
    expect(id, printed).toBeDefined();
    const { rows: members } = await db.query<{ email: string; role: string }>(
      'SELECT u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1',
      [id],
    );
    expect(members).toEqual([{ email: 'agent@acme.test', role: 'owner' }]);
    const { rows: events } = await db.query<{ type: string; data: unknown }>(
      'SELECT e.type, e.data FROM events e WHERE e.workspace_id = $1',
      [id],
    );
    expect(events).toEqual([{ type: 'workspace.created', data: { after: { name: 'Acme Labs' } } }]);
  });

  it('refuses an unknown owner or a bad name in words, and creates nothing', async () => {
    const before = await workspaceNames();
    expect(await refusal({ name: 'Ghost Town', owner: 'ghost@acme.test' })).toBe(
      'No user signs in as ghost@acme.test; add them to a workspace first with rapport user create',
    );
    expect(await refusal({ name: '', owner: 'owner@acme.test' })).toBe('NAME must not be empty');
    expect(await refusal({ name: '   ', owner: 'owner@acme.test' })).toBe('NAME must not be blank');
    expect(await refusal({ name: 'x'.repeat(201), owner: 'owner@acme.test' })).toBe('NAME must be at most 200 characters');
    expect(await workspaceNames()).toEqual(before);
  });

  it('explains itself with --help', () => {
    const program = new Command('rapport');
    registerAdminCommands(program);
    const create = program.commands.find((c) => c.name() === 'workspace')!.commands.find((c) => c.name() === 'create')!;
    const help = create.helpInformation();
    expect(help).toMatch(/Usage: rapport workspace create \[options\] <name>/);
    expect(help).toMatch(/--owner <email>/);
    expect(help).toMatch(/prints its id/);
  });
});

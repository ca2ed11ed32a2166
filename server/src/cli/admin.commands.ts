/** `rapport migrate`, `seed --demo` and `user create`. */
import type { Command } from 'commander';
import { allMigrations } from '../modules.js';
import { openRuntime } from '../platform/runtime.js';
import { inviteMember } from '../platform/workspaces/workspace.service.js';
import { DEMO_OWNER, seedDemo } from '../demo/demo.seed.js';
import { systemActor, type Role } from '../platform/context.js';
import { fail, withRuntime } from './cli-support.js';

export function registerAdminCommands(program: Command) {
  program
    .command('migrate')
    .description('Apply database migrations (also done on every start)')
    .action(async () => {
      const runtime = await openRuntime(allMigrations(), { ...process.env, LOG_LEVEL: 'warn' });
      await runtime.db.close();
      process.stdout.write('Database is up to date.\n');
    });

  program
    .command('seed')
    .description('Create sample data')
    .requiredOption('--demo', 'create the demo workspace with realistic sample records')
    .action(() =>
      withRuntime(async ({ db }) => {
        const { workspaceId } = await seedDemo(db);
        process.stdout.write(`Demo workspace ${workspaceId} created. Sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}\n`);
      }),
    );

  const user = program.command('user').description('Manage users');
  user
    .command('create')
    .description('Add a user to a workspace (creates the user if the e-mail is new)')
    .requiredOption('--email <email>', 'e-mail address used to sign in')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--password <password>', 'at least 10 characters')
    .option('--role <role>', 'owner, admin, agent or viewer', 'agent')
    .option('--workspace <id>', 'workspace id (default: the only or the first workspace)')
    .action((options: { email: string; name: string; password: string; role: string; workspace?: string }) =>
      withRuntime(async ({ db }) => {
        if (!['owner', 'admin', 'agent', 'viewer'].includes(options.role))
          fail(`--role must be owner, admin, agent or viewer, got "${options.role}"`);
        const { rows } = await db.query<{ id: string }>(
          'SELECT id FROM workspaces WHERE ($1::uuid IS NULL OR id = $1) ORDER BY created_at LIMIT 1',
          [options.workspace ?? null],
        );
        const workspaceId = rows[0]?.id;
        if (!workspaceId)
          fail(
            options.workspace
              ? `No workspace ${options.workspace}`
              : 'No workspace exists yet; run `rapport seed --demo` or start the server first',
          );
        const member = await inviteMember({ workspaceId, actor: systemActor(), db, requestId: 'cli' }, db, {
          email: options.email,
          name: options.name,
          password: options.password,
          role: options.role as Role,
        });
        process.stdout.write(`User ${member.email} (${member.role}) added to workspace ${workspaceId}.\n`);
      }),
    );
}

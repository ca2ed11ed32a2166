/** `rapport migrate`, `seed --demo`, `user create`, `user password` and `workspace create`. */
import type { Command } from 'commander';
import { allMigrations } from '../modules.js';
import { openRuntime } from '../platform/runtime.js';
import type { Db } from '../platform/db/db.js';
import { bodyProblems } from '../platform/http/validation.js';
import { addMember, createWorkspaceFor } from '../platform/workspaces/workspace.service.js';
import { findUserIdByEmail } from '../platform/workspaces/workspace.repo.js';
import { resetPassword } from '../platform/account/account.service.js';
import { NewMemberBody, NewWorkspaceBody } from '../platform/workspaces/workspace.schema.js';
import { DEMO_OWNER, seedDemo } from '../demo/demo.seed.js';
import { systemActor, type Role } from '../platform/context.js';
import { fail, type Print, print, resolveWorkspace, withRuntime } from './cli-support.js';

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
      withRuntime(async ({ db, config }) => {
        const { workspaceId } = await seedDemo(db, config);
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
    .option('--workspace <id>', 'workspace id or slug (default: the only workspace)')
    .action((options: UserCreateOptions) => withRuntime(({ db }) => userCreateCommand(db, options)));
  user
    .command('password')
    .description("Set a user's password (for one who forgot theirs); every session of theirs ends")
    .requiredOption('--email <email>', 'the e-mail address the user signs in with')
    .option('--password <password>', 'at least 10 characters; left out, the first line of standard input (kept out of shell history)')
    .action((options: UserPasswordOptions) =>
      withRuntime(async ({ db }) => userPasswordCommand(db, { ...options, password: options.password ?? (await firstLineOfStdin()) })),
    );

  const workspace = program.command('workspace').description('Manage workspaces');
  workspace
    .command('create')
    .description('Create a workspace owned by an existing user, who can then switch to it from the account menu; prints its id')
    .argument('<name>', 'the workspace’s name, 1 to 200 characters')
    .requiredOption('--owner <email>', 'the e-mail address its owner signs in with (an existing user)')
    .action((name: string, options: { owner: string }) =>
      withRuntime(({ db }) => workspaceCreateCommand(db, { name, owner: options.owner })),
    );
}

/**
 * `rapport workspace create`: the name is checked as the API checks it. The operator is not held to
 * the number of workspaces a person may create through the API.
 */
export async function workspaceCreateCommand(db: Db, options: { name: string; owner: string }, out: Print = print): Promise<void> {
  const problems = bodyProblems(NewWorkspaceBody, { name: options.name });
  if (problems.length) fail(problems.map((p) => `NAME ${p.reason}`).join('\n'));
  if (!options.name.trim()) fail('NAME must not be blank');
  const ownerId = await findUserIdByEmail(db, options.owner);
  if (!ownerId) fail(`No user signs in as ${options.owner}; add them to a workspace first with rapport user create`);
  const created = await createWorkspaceFor(db, { name: options.name, ownerId });
  out(`Workspace ${created.id} created: ${created.name}, owned by ${options.owner}.\n`);
}

interface UserPasswordOptions {
  email: string;
  password?: string;
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** `rapport user password`: a server administrator's way back in for a user who forgot their password. */
export async function userPasswordCommand(db: Db, options: { email: string; password: string }, out: Print = print): Promise<void> {
  if (options.password.length < 10) fail('--password must be at least 10 characters');
  const userId = await findUserIdByEmail(db, options.email);
  if (!userId) fail(`No user signs in as ${options.email}`);
  const { sessionsEnded } = await resetPassword(db, userId, options.password);
  out(`Password of ${options.email} changed; ${sessionsEnded} session${sessionsEnded === 1 ? '' : 's'} ended.\n`);
}

interface UserCreateOptions {
  email: string;
  name: string;
  password: string;
  role: string;
  workspace?: string;
}

/** `rapport user create`: the options are checked as the API checks a new member, before anything is written. */
export async function userCreateCommand(db: Db, options: UserCreateOptions, out: Print = print): Promise<void> {
  const member = { email: options.email, name: options.name, password: options.password, role: options.role };
  const problems = bodyProblems(NewMemberBody, member);
  if (problems.length) fail(problems.map((p) => `--${p.field.replace(/^body\./, '')} ${p.reason}`).join('\n'));
  const workspaceId = await resolveWorkspace(db, options.workspace);
  const added = await addMember({ workspaceId, actor: systemActor(), db, requestId: 'cli' }, db, {
    ...member,
    role: member.role as Role,
  });
  out(`User ${added.email} (${added.role}) added to workspace ${workspaceId}.\n`);
}

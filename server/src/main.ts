/** The `rapport` command line: one entry point for the server, workers and admin tasks. */
import 'dotenv/config';
import { Command } from 'commander';
import { serve } from './cli/serve.js';
import { registerAdminCommands } from './cli/admin.commands.js';
import { registerDataCommands } from './cli/data.commands.js';
import { registerIngestCommand } from './cli/ingest.command.js';
import { registerAnalyzeCommand } from './cli/analyze.command.js';
import { registerQueryCommand } from './cli/query.command.js';
import { registerIdentityCommand } from './cli/identity.command.js';
import { describeError } from './cli/cli-support.js';

const program = new Command().name('rapport').description('Rapport — the self-hostable social CRM').showHelpAfterError();

program
  .command('serve')
  .description('Start the server (migrates the database; creates the demo workspace on first start)')
  .option('--no-demo', 'do not create the demo workspace when the database is empty')
  .action((options: { demo: boolean }) => serve(options));

registerAdminCommands(program);
registerDataCommands(program);
registerIngestCommand(program);
registerAnalyzeCommand(program);
registerQueryCommand(program);
registerIdentityCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`rapport: ${describeError(error)}\n`);
  process.exit(1);
});

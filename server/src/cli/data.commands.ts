/**
 * Data commands: `rapport import contacts`, `rapport import companies`, `rapport export`,
 * `rapport backup` and `rapport restore`. The actions take the database and an output function, so tests run them
 * against the test database without spawning a process.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Argument, Option, type Command } from 'commander';
import type { Db } from '../platform/db/db.js';
import { systemActor, type Ctx } from '../platform/context.js';
import { writeBackup } from '../platform/backup/backup.writer.js';
import { restoreBackup } from '../platform/backup/backup.restore.js';
import { importInto, previewImport } from '../crm/imports/import.service.js';
import {
  MAX_REPORTED_ERRORS,
  type CompanyImportReport,
  type ImportFormat,
  type ImportReport,
  type ImportTarget,
} from '../crm/imports/import.schema.js';
import { exportCompanies, exportContacts } from '../crm/exports/export.service.js';
import type { ExportFormat } from '../crm/exports/export.schema.js';
import { fail, type Print, print, resolveWorkspace, withRuntime } from './cli-support.js';

const cliCtx = (db: Db, workspaceId: string): Ctx => ({ workspaceId, actor: systemActor(), db, requestId: 'cli' });

function formatOf(file: string, given: string | undefined): ImportFormat {
  if (given) return given as ImportFormat;
  const ext = path.extname(file).toLowerCase();
  if (['.csv', '.tsv', '.txt'].includes(ext)) return 'csv';
  if (['.vcf', '.vcard'].includes(ext)) return 'vcard';
  if (ext === '.json') return 'json';
  return fail(`Cannot tell the format of ${file} from its extension; pass --format csv, vcard or json`);
}

function parseMap(pairs: readonly string[]): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    if (eq <= 0) fail(`--map takes COLUMN=FIELD (e.g. "E-mail=email"), got "${pair}"`);
    mapping[pair.slice(0, eq)] = pair.slice(eq + 1) || null;
  }
  return mapping;
}

export interface ImportCommandOptions {
  format?: string;
  map?: string[];
  partial?: boolean;
  workspace?: string;
}

/** How a company the file names was found, in the words of the command's report. */
const FOUND_BY = { id: 'its id', domain: 'its domain', name: 'its name' } as const;

/** The first of the rows that updated a company, each with the company, how it was found and what changed. */
function printUpdates(report: CompanyImportReport, out: Print): void {
  if (report.updates.length === 0) return;
  const first = report.updated > report.updates.length ? ` (the first ${report.updates.length.toLocaleString('en')})` : '';
  out(`Companies updated${first}:
`);
  for (const update of report.updates) {
    const changed = update.changed.length ? `: ${update.changed.join(', ')}` : '; nothing changed';
    const by = update.matchedBy === 'id' ? FOUND_BY.id : `${FOUND_BY[update.matchedBy]} ${update.value}`;
    out(`  row ${update.row}, ${update.company} (found by ${by})${changed}
`);
  }
}

/** What was done beyond importing the records: the companies a contacts import created, or a companies import's new and updated. */
function summary(target: ImportTarget, report: ImportReport): string {
  if (target === 'contacts') return report.companiesCreated ? `; ${report.companiesCreated} companies created` : '';
  return report.imported ? `: ${report.companiesCreated} created, ${(report as CompanyImportReport).updated} updated` : '';
}

export async function importCommand(
  db: Db,
  file: string,
  options: ImportCommandOptions,
  out: Print = print,
  target: ImportTarget = 'contacts',
): Promise<void> {
  const format = formatOf(file, options.format);
  if (target === 'companies' && format !== 'csv') fail(`Companies are imported from CSV files; ${path.basename(file)} is not one`);
  const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) =>
    fail(`Cannot read ${file}: ${error.code ?? error.message}`),
  );
  const ctx = cliCtx(db, await resolveWorkspace(db, options.workspace));
  let mapping: Record<string, string | null> | undefined;
  if (options.map?.length) {
    const preview = await previewImport(ctx, format, content, target);
    mapping = { ...preview.suggestedMapping, ...parseMap(options.map) };
  }
  const report = await importInto(target)(ctx, db, { format, content, mapping, allowPartial: options.partial ?? false });
  // A JSON file has no rows: its contacts are named by their position in the array.
  const unit = format === 'json' ? 'contact' : 'row';
  for (const error of report.errors) out(`  ${unit} ${error.row}, ${error.field}: ${error.reason}\n`);
  if (report.rejected > report.errors.length) out(`  … and more; ${report.rejected} ${unit}s were rejected in all\n`);
  if (report.status === 'failed') {
    fail(
      `${report.rejected} of ${report.total} ${unit}s were rejected, so nothing was imported. Fix them, or pass --partial to import the valid ${unit}s.`,
    );
  }
  out(
    `Imported ${report.imported} of ${report.total} ${target} from ${path.basename(file)}` +
      summary(target, report) +
      (report.rejected ? `; ${report.rejected} rejected` : '') +
      '.\n',
  );
  if (target === 'companies') printUpdates(report as CompanyImportReport, out);
  // What the imported rows held that their records went without: said, never dropped unsaid.
  if (report.skipped.length) {
    const first = report.skipped.length >= MAX_REPORTED_ERRORS ? ` (the first ${MAX_REPORTED_ERRORS.toLocaleString('en')})` : '';
    out(`Values not imported${first}:\n`);
    for (const value of report.skipped) out(`  ${unit} ${value.row}, ${value.field}: ${value.reason}\n`);
  }
}

/** Writes chunks to a stream, waiting when it is full. */
async function pump(chunks: AsyncIterable<string>, stream: Writable): Promise<void> {
  for await (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

async function toFileOrStdout(file: string | undefined, work: (stream: Writable) => Promise<void>): Promise<void> {
  if (!file) return work(process.stdout);
  const stream = createWriteStream(file);
  await once(stream, 'open').catch((error: NodeJS.ErrnoException) => fail(`Cannot write ${file}: ${error.code ?? error.message}`));
  try {
    await work(stream);
  } finally {
    stream.end();
    await once(stream, 'close');
  }
}

export async function exportCommand(
  db: Db,
  what: 'contacts' | 'companies',
  options: { format?: string; out?: string; workspace?: string },
) {
  const format = (options.format ?? (options.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv')) as ExportFormat;
  const ctx = cliCtx(db, await resolveWorkspace(db, options.workspace));
  const chunks = what === 'contacts' ? await exportContacts(ctx, format, {}) : await exportCompanies(ctx, format, {});
  await toFileOrStdout(options.out, (stream) => pump(chunks, stream));
}

export async function backupCommand(db: Db, file: string, options: { workspace?: string }, out: Print = print) {
  const workspaceId = await resolveWorkspace(db, options.workspace);
  let trailer: Awaited<ReturnType<typeof writeBackup>> | undefined;
  await toFileOrStdout(file === '-' ? undefined : file, async (stream) => {
    trailer = await writeBackup(db, workspaceId, async (chunk) => {
      if (!stream.write(chunk)) await once(stream, 'drain');
    });
  });
  const rows = Object.values(trailer!.rows).reduce((a, b) => a + b, 0);
  if (file !== '-') out(`Backed up workspace ${workspaceId}: ${rows} rows in ${Object.keys(trailer!.rows).length} tables to ${file}.\n`);
}

export async function restoreCommand(db: Db, file: string, options: { replace?: boolean }, out: Print = print) {
  await stat(file).catch((error: NodeJS.ErrnoException) => fail(`Cannot read ${file}: ${error.code ?? error.message}`));
  const lines = () => createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const restored = await restoreBackup(db, lines, { replace: options.replace ?? false });
  const rows = Object.values(restored.rows).reduce((a, b) => a + b, 0);
  const renumbered = Object.entries(restored.renumbered).map(([serial, count]) => `${count} ${serial.split('.')[0]}`);
  const note = renumbered.length ? ` Ids already used here were given new numbers: ${renumbered.join(', ')}.` : '';
  out(`Restored workspace ${restored.workspaceId}: ${rows} rows.${note}\n`);
}

export function registerDataCommands(program: Command) {
  const imports = program.command('import').description('Import records from files');
  imports
    .command('contacts')
    .description('Import contacts from a CSV or vCard file, or a JSON file `rapport export` wrote; all rows or none unless --partial')
    .argument('<file>', 'a .csv, .vcf or .json file')
    .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'vcard', 'json']))
    .option(
      '--map <column=field...>',
      'map a column to a contact field, e.g. --map "E-mail=email" "Org=company" (others use the suggested mapping)',
    )
    .option('--partial', 'import the valid rows even when some are rejected')
    .option('--workspace <id>', 'workspace id (default: the only workspace)')
    .action((file: string, options: ImportCommandOptions) => withRuntime(({ db }) => importCommand(db, file, options)));
  imports
    .command('companies')
    .description(
      'Import companies from a CSV file; a row whose id, domain or (without a domain) name finds a company updates it; all rows or none unless --partial',
    )
    .argument('<file>', 'a .csv file')
    .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(['csv']))
    .option(
      '--map <column=field...>',
      'map a column to a company field, e.g. --map "Website=domains" "Employees=size" (others use the suggested mapping)',
    )
    .option('--partial', 'import the valid rows even when some are rejected')
    .option('--workspace <id>', 'workspace id (default: the only workspace)')
    .action((file: string, options: ImportCommandOptions) => withRuntime(({ db }) => importCommand(db, file, options, print, 'companies')));

  program
    .command('export')
    .description('Export contacts or companies as CSV or JSON')
    .addArgument(new Argument('<what>', 'what to export').choices(['contacts', 'companies']))
    .addOption(new Option('--format <format>', 'csv or json (default: from --out, else csv)').choices(['csv', 'json']))
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--workspace <id>', 'workspace id (default: the only workspace)')
    .action((what: 'contacts' | 'companies', options: { format?: string; out?: string; workspace?: string }) =>
      withRuntime(({ db }) => exportCommand(db, what, options)),
    );

  program
    .command('backup')
    .description('Write one workspace, with its members, to a backup file (JSON lines)')
    .argument('<file>', 'where to write the backup ("-" for standard output)')
    .option('--workspace <id>', 'workspace id (default: the only workspace)')
    .action((file: string, options: { workspace?: string }) => withRuntime(({ db }) => backupCommand(db, file, options)));

  program
    .command('restore')
    .description('Recreate a workspace from a backup file, keeping its ids (event and job numbers already used here get new ones)')
    .argument('<file>', 'a file written by `rapport backup`')
    .option('--replace', 'overwrite the workspace when it exists here')
    .action((file: string, options: { replace?: boolean }) => withRuntime(({ db }) => restoreCommand(db, file, options)));
}

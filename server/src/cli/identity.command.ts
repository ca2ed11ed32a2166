/**
 * `rapport identity resolve` runs the full identity-resolution pass and prints its counts;
 * `rapport identity duplicates` prints the contact pairs of the review queue (or the groups they
 * form) as CSV or JSON, for review outside the app. The actions take the database and an output
 * function, so tests run them against the test database without spawning a process.
 */
import { Option, type Command } from 'commander';
import { clustersOf, contactPairPages, resolveWorkspace, type ExportedPair } from '../identity/index.js';
import { systemActor } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import { csvLines } from '../platform/text/csv.js';
import { type Print, print, resolveWorkspace as workspaceNamed, withRuntime } from './cli-support.js';

const STATUSES = ['open', 'merged', 'linked', 'dismissed'] as const;

export interface DuplicatesOptions {
  format: 'csv' | 'json';
  clusters?: boolean;
  status: (typeof STATUSES)[number];
  workspace?: string;
}

export async function identityResolveCommand(db: Db, options: { workspace?: string }, out: Print = print): Promise<void> {
  const workspaceId = await workspaceNamed(db, options.workspace);
  const summary = await resolveWorkspace({ workspaceId, actor: systemActor(), db, requestId: 'cli' }, db);
  out(
    [
      `Resolved ${summary.contacts} contacts in ${(summary.durationMs / 1000).toFixed(1)} s:`,
      `  ${summary.candidatePairs} pairs compared, ${summary.linkPairs} likely duplicates and ${summary.reviewPairs} to review, in ${summary.clusters} groups`,
      `  ${summary.identitiesMatched} identities matched, ${summary.identitiesLinked} of them linked to a contact`,
      '',
    ].join('\n'),
  );
}

const evidenceText = (pair: ExportedPair) =>
  pair.evidence.map((item) => `${item.field}=${item.level}(${item.weight >= 0 ? '+' : ''}${item.weight})`).join(';');

const PAIR_HEADER = ['left_id', 'left_name', 'right_id', 'right_name', 'probability', 'weight', 'decision', 'evidence'];
const CLUSTER_HEADER = ['cluster', 'contact_id', 'name', 'emails'];

function pairCsv(pair: ExportedPair): unknown[] {
  return [pair.leftId, pair.leftName, pair.rightId, pair.rightName, pair.probability, pair.weight, pair.decision, evidenceText(pair)];
}

function pairJson(pair: ExportedPair) {
  const { id: _id, leftEmails: _l, rightEmails: _r, ...shown } = pair;
  return shown;
}

export async function identityDuplicatesCommand(db: Db, options: DuplicatesOptions, out: Print = print): Promise<void> {
  const workspaceId = await workspaceNamed(db, options.workspace);
  const pages = contactPairPages(db, workspaceId, options.status);
  if (options.clusters) {
    // Groups need every pair first; the pairs of one workspace's queue fit in memory.
    const pairs: ExportedPair[] = [];
    for await (const page of pages) pairs.push(...page);
    const members = clustersOf(pairs);
    if (options.format === 'json') out(JSON.stringify(members) + '\n');
    else out(csvLines([CLUSTER_HEADER, ...members.map((m) => [m.cluster, m.contactId, m.name, m.emails.join(';')])]));
    return;
  }
  if (options.format === 'csv') {
    out(csvLines([PAIR_HEADER]));
    for await (const page of pages) out(csvLines(page.map(pairCsv)));
    return;
  }
  // JSON written as it is read: one array, a page of pairs at a time.
  let first = true;
  out('[');
  for await (const page of pages) {
    for (const pair of page) {
      out((first ? '' : ',') + JSON.stringify(pairJson(pair)));
      first = false;
    }
  }
  out(']\n');
}

export function registerIdentityCommand(program: Command) {
  const identity = program.command('identity').description('Identity resolution: find duplicate contacts, link identities');
  identity
    .command('resolve')
    .description('Run the full pass: fit the model on all contacts, queue likely duplicates, match every unmatched identity')
    .option('--workspace <id|slug>', 'workspace id or slug (default: the only workspace)')
    .action((options: { workspace?: string }) => withRuntime(({ db }) => identityResolveCommand(db, options)));
  identity
    .command('duplicates')
    .description('Print the contact pairs of the duplicate review queue with their scores and evidence, or the groups they form')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--clusters', 'one row per contact with its group number (groups are joined through the pairs), instead of pairs')
    .addOption(new Option('--status <status>', 'pairs with this status').choices(STATUSES).default('open'))
    .option('--workspace <id|slug>', 'workspace id or slug (default: the only workspace)')
    .action((options: DuplicatesOptions) => withRuntime(({ db }) => identityDuplicatesCommand(db, options)));
}

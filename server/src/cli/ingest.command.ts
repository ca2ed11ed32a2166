/**
 * `rapport ingest FILE…`: recorded channel data (feeds, mailboxes, API captures) into a workspace
 * through the ingest pipeline, or with `--dry-run` parsed to normalised JSON Lines without a
 * database. Every batch is committed before it is counted, so an interrupted ingest is resumed by
 * running the same command again: what was stored is reported as duplicates, nothing is doubled.
 *
 * A file is a record of the past, so by default it is ingested as history (`--as history`): its
 * conversations are resolved, routed to no one, on no SLA clock and announced to no one, so a mailbox
 * imported on moving to Rapport does not fill the inbox with hundreds of conversations breaching
 * their targets. `--as new` takes the messages as arrivals, as a channel's own sync would.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { FORMAT_NAMES, FORMATS, detectFormat, isFormatName, parseFile, type FormatName, type ParseResult } from '../channels/index.js';
import type { Db } from '../platform/db/db.js';
import { systemActor } from '../platform/context.js';
import type { IngestReport } from '../ingest/index.js';
import { enricherRegistry, storedMessagesSteps } from '../ingest/index.js';
import { batchFromParse, checkChannel } from '../ingest/files/file-ingest.service.js';
import { INGEST_AS, type IngestAs } from '../ingest/files/file-ingest.schema.js';
import { addReports, createInProcessPipeline, emptyReport, splitBatch } from '../ingest/transport/in-process.js';
import { DEFAULT_STREAM } from '../ingest/transport/stream-name.js';
import type { Runtime } from '../platform/runtime.js';
import { fail, type Print, resolveWorkspace, wholeNumber, withRuntime } from './cli-support.js';

/** Largest file taken: the parsers' own input limit, so a file is refused before it is read. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const SHOWN_REJECTIONS = 20;

export interface IngestCommandOptions {
  format?: string;
  workspace?: string;
  channel?: string;
  /** Default `history`. */
  as?: IngestAs;
  dryRun?: boolean;
}

interface Streams {
  out: Print;
  /** Progress and dry-run summaries, kept off standard output. */
  err: Print;
}

const processStreams: Streams = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

async function readInput(file: string, given: string | undefined): Promise<{ format: FormatName; content: Buffer }> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => fail(`Cannot read ${file}: ${error.code ?? error.message}`));
  if (!info.isFile()) fail(`${file} is not a file`);
  if (info.size > MAX_FILE_BYTES) {
    fail(
      `${file} is ${mib(info.size)}, more than the limit of ${mib(MAX_FILE_BYTES)}; split it (mbox and JSON Lines files split at message boundaries)`,
    );
  }
  const content = await readFile(file);
  const format = given ?? detectFormat(path.basename(file), content);
  if (!format) fail(`Cannot tell the format of ${file}; pass --format (${FORMAT_NAMES.join(', ')})`);
  if (!isFormatName(format)) fail(`Unknown format "${format}"; known: ${FORMAT_NAMES.join(', ')}`);
  return { format, content };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function parse(file: string, options: IngestCommandOptions) {
  const { format, content } = await readInput(file, options.format);
  const parsed = await parseFile(format, content, { receivedAt: new Date(), maxInputBytes: MAX_FILE_BYTES });
  return { format, content, parsed };
}

function describeRejections(file: string, parsed: ParseResult, out: Print) {
  const errors = parsed.rejected.filter((r) => r.code !== 'not-a-message');
  for (const rejection of errors.slice(0, SHOWN_REJECTIONS)) {
    const where = rejection.line !== undefined ? `line ${rejection.line}` : rejection.index !== null ? `item ${rejection.index}` : 'file';
    out(`  ${path.basename(file)}, ${where}: ${rejection.code}: ${rejection.reason}\n`);
  }
  if (errors.length > SHOWN_REJECTIONS) out(`  … and ${errors.length - SHOWN_REJECTIONS} more rejected in ${path.basename(file)}\n`);
}

/** Parses only, writing each normalised message as one JSON line; no database is opened. */
export async function dryRunCommand(files: readonly string[], options: IngestCommandOptions, streams: Streams = processStreams) {
  for (const file of files) {
    const { format, parsed } = await parse(file, options);
    for (const message of parsed.messages) streams.out(JSON.stringify(message) + '\n');
    describeRejections(file, parsed, streams.err);
    streams.err(
      `${path.basename(file)} (${format}): ${parsed.messages.length} messages, ${parsed.profiles.length} profiles, ` +
        `${parsed.deletions.length} deletions, ${parsed.rejected.filter((r) => r.code !== 'not-a-message').length} rejected\n`,
    );
  }
}

export async function ingestCommand(
  db: Db,
  files: readonly string[],
  options: IngestCommandOptions,
  streams: Streams = processStreams,
): Promise<IngestReport> {
  const workspaceId = await resolveWorkspace(db, options.workspace);
  const ctx = { workspaceId, actor: systemActor(), db, requestId: 'cli' };
  const history = (options.as ?? 'history') === 'history';
  const pipeline = createInProcessPipeline(db, { enrichers: () => enricherRegistry.list(), steps: () => storedMessagesSteps.list() });
  let total = emptyReport();
  try {
    for (const file of files) {
      const { format, content, parsed } = await parse(file, options);
      await checkChannel(ctx, format, options.channel);
      // The text of the file is only kept for dead letters, so only decoded when there are some.
      const failing = parsed.rejected.some((r) => r.code !== 'not-a-message');
      const batch = batchFromParse(
        { workspaceId, channelId: options.channel ?? null, kind: 'file', history },
        parsed,
        failing ? content.toString('utf8') : '',
      );
      const { parts, deletions } = splitBatch(batch, 1_000);
      let committed = 0;
      let report = emptyReport();
      const name = path.basename(file);
      await Promise.all(
        parts.map(async (part) => {
          const committedPart = await pipeline.submit(part);
          report = addReports(report, committedPart);
          committed += part.messages.length;
          if (parts.length > 1) streams.err(`${name}: ${committed} of ${parsed.messages.length} messages committed\n`);
        }),
      );
      if (deletions) report = addReports(report, await pipeline.submit(deletions));
      describeRejections(file, parsed, streams.out);
      streams.out(
        `${name} (${FORMATS[format].description}): ${report.ingested} ingested, ${report.duplicates} duplicates, ` +
          `${report.rejected} rejected, ${conversationsCreated(report, history)}` +
          (report.deleted ? `, ${report.deleted} deleted` : '') +
          '.\n',
      );
      total = addReports(total, report);
    }
  } finally {
    await pipeline.close();
  }
  if (files.length > 1) {
    streams.out(
      `${files.length} files: ${total.ingested} ingested, ${total.duplicates} duplicates, ${total.rejected} rejected, ` +
        `${conversationsCreated(total, history)}.\n`,
    );
  }
  return total;
}

/** Says where the conversations went: history's are resolved, so nobody looks for them in the open inbox. */
const conversationsCreated = (report: IngestReport, history: boolean) =>
  `${report.conversationsCreated} conversations created` + (history && report.conversationsCreated ? ' (resolved, as history)' : '');

/** Consumes the NATS ingest stream until SIGINT or SIGTERM, then finishes the batch in hand and stops. */
export async function workerCommand(
  { config, db, log }: Runtime,
  options: { stream?: string; concurrency?: number },
  streams: Streams = processStreams,
) {
  if (!config.natsUrl) fail('rapport worker consumes the NATS ingest stream; set NATS_URL (without it the server ingests in process)');
  const stream = options.stream ?? DEFAULT_STREAM;
  // The NATS clients load for the worker only, not for every command.
  const { startIngestWorker } = await import('../ingest/transport/nats.js');
  const worker = await startIngestWorker(db, {
    url: config.natsUrl,
    stream,
    concurrency: options.concurrency ?? config.ingestConcurrency ?? undefined,
    enrichers: enricherRegistry.list(),
    steps: storedMessagesSteps.list(),
    onEnricherError: (enricher, error) => log.warn({ err: error, enricher }, 'enricher failed; message stored without it'),
    onCommitted: (report) => log.info({ report }, 'batch committed'),
    onError: (error) => log.error({ err: error }, 'batch failed; it will be redelivered'),
  });
  streams.err(`Worker consuming ${stream} from ${config.natsUrl}.\n`);
  await new Promise<void>((resolve) => {
    // Kept, not once: a signal repeated by whatever passes signals on must not end the batch in hand.
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
    void worker.done.then(resolve);
  });
  await worker.stop();
  streams.err('Worker stopped.\n');
}

export function registerIngestCommand(program: Command) {
  program
    .command('worker')
    .description('Consume the NATS ingest stream (NATS_URL): ingest each batch, acknowledge it once committed')
    .option('--stream <name>', `JetStream stream (default ${DEFAULT_STREAM})`)
    .option('--concurrency <n>', 'batches committing at once (default RAPPORT_INGEST_CONCURRENCY, else 1)', wholeNumber(1, 32))
    .action((options: { stream?: string; concurrency?: number }) => withRuntime((runtime) => workerCommand(runtime, options)));

  program
    .command('ingest')
    .description('Ingest recorded channel data (feeds, mailboxes, API captures) into a workspace; safe to run again')
    .argument('<files...>', `files of at most ${mib(MAX_FILE_BYTES)} each`)
    .addOption(new Option('--format <format>', 'the files’ format (default: detected from each file)').choices([...FORMAT_NAMES]))
    .option('--workspace <id>', 'workspace id (default: the only workspace)')
    .option('--channel <id>', 'file the messages under this channel (its team gets the conversations)')
    .addOption(
      new Option(
        '--as <kind>',
        'history: the past, its conversations resolved, routed to no one, on no SLA clock; new: arrivals to answer, routed and on the clock',
      )
        .choices([...INGEST_AS])
        .default('history'),
    )
    .option('--dry-run', 'only parse, writing the normalised messages as JSON Lines to standard output; no database')
    .action((files: string[], options: IngestCommandOptions) =>
      options.dryRun ? dryRunCommand(files, options) : withRuntime(async ({ db }) => void (await ingestCommand(db, files, options))),
    );
}

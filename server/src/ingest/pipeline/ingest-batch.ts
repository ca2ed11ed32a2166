/**
 * The pipeline core: one batch in, one transaction out (two beside a concurrent batch, see the end
 * of this comment), in two stages. `readBatch` needs no lock and
 * no earlier batch: it validates, deduplicates within the batch, enriches, and stores the authors
 * new to the workspace, committed at once. `commitBatch` then deduplicates against what is stored,
 * and in one transaction refreshes the known authors, threads into conversations, stores the
 * messages in bulk, runs the stored-message steps, dead-letters what was refused and records the
 * events. A transport may read the next batch while this one commits: reading is mostly CPU
 * (enrichment) and the commit mostly database, so the two overlap. A source acknowledged after the
 * commit resolves can never lose a message, and one redelivered changes nothing.
 *
 * New authors are committed before the batch because concurrent batches meet the same new author
 * (a poster in two feeds, a thread's participants): inserted inside the batch, its row would make
 * every other batch with that author wait for this whole batch to commit. An author whose batch
 * then fails is an identity without messages yet; the redelivery finds it.
 *
 * Deduplication against stored messages stays in the commit stage: it also finds where the
 * messages replied to live, and a reply to a message of the batch committing just before must see
 * that message stored.
 *
 * A batch committing beside another (two workers) holds back the conversations the other holds and
 * commits their messages in a second transaction once it is done (`holdBackHeldThreads`).
 */
import { setImmediate } from 'node:timers/promises';
import { messageProblem, type Author, type NormalisedMessage } from '../../channels/index.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents, type NewEvent } from '../../platform/events/event.js';
import { invalid } from '../../platform/http/errors.js';
import { insertDeadLetters, type NewDeadLetter, type WrittenDeadLetter } from '../dead-letters/dead-letter.repo.js';
import type { IngestBatch, IngestReport } from '../ingest.contract.js';
import { enrich, type Enricher } from './enrichers.js';
import type { StoredMessage, StoredMessagesStep } from './stored-message-steps.js';
import * as repo from './ingest.repo.js';
import { startStepTimer, type StepTimer, type StepTimings } from './step-timer.js';
import { keyOf, planThreads, threadLookups, type ThreadPlan } from './threading.js';

export interface IngestOptions {
  enrichers?: readonly Enricher[];
  onEnricherError?: (enricher: string, error: unknown) => void;
  /** Run on the inserted messages before the batch commits. */
  steps?: readonly StoredMessagesStep[];
  /** Told where each committed batch's time went, per step, the commit included. */
  onTimings?: (timings: StepTimings) => void;
}

/** Dead-letter payloads are cut to this many bytes of UTF-8. */
export const MAX_DEAD_LETTER_PAYLOAD = 64 * 1024;
const SUBJECT_LENGTH = 120;
const ATTEMPTS = 4;
/** Messages enriched between two turns of the event loop: about 2 ms of work. */
const ENRICH_SLICE = 64;

/**
 * How far ahead of the clock a message may say it was sent. Sources' clocks drift a little; a date
 * further ahead is a wrong clock or a hostile sender, and kept as it is it would pin its
 * conversation above every other in the inbox (ordered by last message) and start SLA clocks from
 * a time that never comes.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** The message as it is stored: a sending time ahead of the clock becomes the time it was received. */
function withinClock(message: NormalisedMessage, now: Date): NormalisedMessage {
  if (message.sentAt.getTime() <= now.getTime() + MAX_CLOCK_SKEW_MS) return message;
  const received = message.receivedAt && message.receivedAt.getTime() <= now.getTime() ? message.receivedAt : now;
  return { ...message, sentAt: received };
}

/** The time between reading a batch and starting its commit: waiting for the batch ahead (not work). */
export const QUEUED_STEP = 'queued';

export async function ingestBatch(db: Db, batch: IngestBatch, options: IngestOptions = {}): Promise<IngestReport> {
  return commitBatch(db, await readBatch(db, batch, options), options);
}

/** A batch checked, enriched and with its authors stored: what its commit needs from the first stage. */
export interface ReadBatch {
  batch: IngestBatch;
  channel: Awaited<ReturnType<typeof repo.findChannel>>;
  deadLetters: NewDeadLetter[];
  /** Repeats within the batch. */
  duplicates: number;
  /** Valid messages, one per (network, external id). */
  unique: Map<string, NormalisedMessage>;
  /** What the enrichers said of each unique message, by the same key. */
  enrichments: Map<string, Record<string, unknown>>;
  identities: Map<string, string>;
  toRefresh: repo.IdentityRow[];
  timer: StepTimer;
}

export async function readBatch(db: Db, batch: IngestBatch, options: IngestOptions = {}): Promise<ReadBatch> {
  const timer = startStepTimer();
  const { workspaceId, channelId } = batch.source;
  const channel = channelId ? await repo.findChannel(db, workspaceId, channelId) : null;
  if (channelId && !channel) throw invalid([{ field: 'channelId', reason: 'is not a channel of this workspace' }]);

  const deadLetters = parserDeadLetters(batch);
  const unique = new Map<string, NormalisedMessage>();
  let duplicates = 0;
  const readAt = new Date();
  for (const message of batch.messages) {
    const problem = messageProblem(message);
    if (problem) deadLetters.push(deadLetter('invalid', problem, null, JSON.stringify(message), messageKey(message)));
    else if (unique.has(keyOf(message.channel, message.externalId))) duplicates++;
    else unique.set(keyOf(message.channel, message.externalId), withinClock(message, readAt));
  }
  timer.lap('validate');

  const enrichers = options.enrichers ?? [];
  const onEnricherError = options.onEnricherError ?? (() => undefined);
  // A model learned meanwhile is read by the next batch; enrichment needs no lock, so it runs outside the transaction.
  for (const enricher of unique.size ? enrichers : []) await enricher.prepare?.(db, workspaceId);
  const enrichments = new Map<string, Record<string, unknown>>();
  let sinceYield = 0;
  for (const [key, message] of unique) {
    enrichments.set(key, enrich(message, { workspaceId }, enrichers, onEnricherError));
    // A batch's enrichment is tens of milliseconds of CPU; in slices, the batch committing meanwhile is not held up by it.
    if (++sinceYield === ENRICH_SLICE) {
      sinceYield = 0;
      await setImmediate();
    }
  }
  timer.lap('enrich');

  const { identities, toRefresh } = await storeAuthors(db, workspaceId, [...unique.values()], batch, new Date());
  timer.lap('insert-identities');
  return { batch, channel, deadLetters, duplicates, unique, enrichments, identities, toRefresh, timer };
}

/** What became of each message of a committed batch, for a batch made of several submissions to report each its own. */
export interface CommitOutcome {
  report: IngestReport;
  /** The (network, external id) keys (`keyOf`) of the messages stored. */
  stored: ReadonlySet<string>;
  /** The key of the first message of each conversation the batch created. */
  startedConversations: ReadonlySet<string>;
}

/** Stores a read batch in one transaction; a deadlock with a concurrent batch retries the whole commit. */
export async function commitBatch(db: Db, read: ReadBatch, options: IngestOptions = {}): Promise<IngestReport> {
  return (await commitBatchOutcome(db, read, options)).report;
}

/** `commitBatch`, with what became of each message. */
export async function commitBatchOutcome(db: Db, read: ReadBatch, options: IngestOptions = {}): Promise<CommitOutcome> {
  const { timer } = read;
  timer.lap(QUEUED_STEP);
  const first = await commitPass(db, read, options, true);
  let outcome = first.outcome;
  if (first.heldBack.length) {
    // By now the batch holding them has usually committed; if not, this small part waits for it.
    const rest = await commitPass(db, heldBackPart(read, first.heldBack), options, false);
    outcome = joinOutcomes(outcome, rest.outcome);
  }
  options.onTimings?.(timer.timings);
  return outcome;
}

interface PassResult {
  outcome: CommitOutcome;
  /** Messages of conversations another uncommitted batch held, left for a second transaction. */
  heldBack: NormalisedMessage[];
}

/** One transaction; a deadlock with a concurrent batch retries it whole. */
async function commitPass(db: Db, read: ReadBatch, options: IngestOptions, mayHoldBack: boolean): Promise<PassResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await compareWithStored(db, read);
      read.timer.lap('deduplicate');
      const result = await db.transaction((tx) => ingestInTransaction(tx, read, stored, options, read.timer, mayHoldBack));
      read.timer.lap('commit');
      return result;
    } catch (error) {
      // Concurrent batches touching the same identities and conversations can deadlock; the loser retries whole.
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}

/** The held-back messages as a batch of their own: checked, enriched, authors stored and refreshed already. */
function heldBackPart(read: ReadBatch, messages: readonly NormalisedMessage[]): ReadBatch {
  return {
    ...read,
    batch: { source: read.batch.source, messages: [] },
    deadLetters: [],
    duplicates: 0,
    unique: new Map(messages.map((m) => [keyOf(m.channel, m.externalId), m])),
    toRefresh: [],
  };
}

function joinOutcomes(a: CommitOutcome, b: CommitOutcome): CommitOutcome {
  return {
    report: {
      received: a.report.received + b.report.received,
      ingested: a.report.ingested + b.report.ingested,
      duplicates: a.report.duplicates + b.report.duplicates,
      rejected: a.report.rejected + b.report.rejected,
      conversationsCreated: a.report.conversationsCreated + b.report.conversationsCreated,
      deleted: (a.report.deleted ?? 0) + (b.report.deleted ?? 0),
    },
    stored: new Set([...a.stored, ...b.stored]),
    startedConversations: new Set([...a.startedConversations, ...b.startedConversations]),
  };
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** The batch against what is stored: the messages new to the workspace, and where the ones replied to live. */
interface StoredPart {
  duplicates: number;
  /** New messages, in thread order. */
  fresh: NormalisedMessage[];
  lookups: ReturnType<typeof threadLookups>;
  stored: Awaited<ReturnType<typeof repo.storedMessages>>;
}

async function compareWithStored(db: Db, read: ReadBatch): Promise<StoredPart> {
  const unique = new Map(read.unique);
  let duplicates = read.duplicates;
  // One look-up answers both questions: which messages are stored already, and where the ones replied to live.
  const lookups = threadLookups([...unique.values()]);
  const known = new Map(
    [...unique.values()].map((m): [string, [string, string]] => [keyOf(m.channel, m.externalId), [m.channel, m.externalId]]),
  );
  for (const pair of lookups.replies) known.set(keyOf(...pair), pair);
  const stored = await repo.storedMessages(db, read.batch.source.workspaceId, [...known.values()]);
  for (const row of stored) if (unique.delete(keyOf(row.network, row.external_id))) duplicates++;
  const fresh = [...unique.values()].sort(threadOrder);
  return { duplicates, fresh, lookups, stored };
}

async function ingestInTransaction(
  tx: Queryable,
  read: ReadBatch,
  storedPart: StoredPart,
  options: IngestOptions,
  timer: StepTimer,
  mayHoldBack: boolean,
): Promise<PassResult> {
  timer.lap('begin');
  const { batch, channel, deadLetters, enrichments, identities, toRefresh } = read;
  const { workspaceId, channelId } = batch.source;
  const now = new Date();
  const { lookups, stored } = storedPart;
  let { duplicates } = storedPart;
  const inInbox = (batch.source.purpose ?? channel?.purpose ?? 'inbox') === 'inbox';
  const history = batch.source.history === true;
  const identityOf = (m: NormalisedMessage) => identities.get(keyOf(m.channel, m.author.externalId)) ?? null;

  const byKey = await repo.conversationsByKey(tx, workspaceId, lookups.keys);
  const threads = planThreads(storedPart.fresh, {
    conversationByKey: new Map(byKey.map((c) => [keyOf(c.network, c.thread_key), c.id])),
    conversationByMessage: new Map(stored.map((m) => [keyOf(m.network, m.external_id), m.conversation_id])),
  });
  // Deletions apply after this batch's inserts; held-back messages would be inserted after them.
  const { plan, fresh, heldBack } = await holdBackHeldThreads(
    tx,
    workspaceId,
    threads,
    storedPart.fresh,
    mayHoldBack && !batch.deletions?.length,
  );

  const planned = plan.created.map((c) => ({ ...summarise(c.messages, identityOf), id: c.id, network: c.network, threadKey: c.threadKey }));
  const createdIds = await repo.insertConversations(
    tx,
    workspaceId,
    { channelId, teamId: channel?.teamId ?? null, now, inInbox, resolved: history },
    planned.map((c) => ({
      ...c,
      messageCount: c.count,
      lastMessageAt: c.lastAt,
      lastInboundAt: c.lastInboundAt,
      lastOutboundAt: c.lastOutboundAt,
    })),
  );
  // A concurrent batch created some of these conversations first: use theirs.
  const raced = planned.filter((c) => !createdIds.has(c.id));
  const remap = new Map<string, string>();
  if (raced.length) {
    const theirs = await repo.conversationsByKey(
      tx,
      workspaceId,
      raced.map((c) => [c.network, c.threadKey]),
    );
    const byThread = new Map(theirs.map((c) => [keyOf(c.network, c.thread_key), c.id]));
    for (const c of raced) remap.set(c.id, byThread.get(keyOf(c.network, c.threadKey))!);
  }
  const conversationIds = plan.conversationIds.map((id) => remap.get(id) ?? id);
  timer.lap('thread');

  const freshEnrichments = fresh.map((m) => enrichments.get(keyOf(m.channel, m.externalId))!);
  const rows = fresh.map((m, i) => messageRow(m, conversationIds[i]!, identityOf(m), freshEnrichments[i]!, now));
  const inserted = await repo.insertMessages(tx, workspaceId, channelId, rows);
  duplicates += rows.length - inserted.size;
  timer.lap('insert-messages');
  const storedNow: StoredMessage[] = [];
  rows.forEach((row, i) => {
    if (inserted.has(row.id)) {
      storedNow.push({
        id: row.id,
        conversationId: row.conversationId,
        authorIdentityId: row.authorIdentityId,
        message: fresh[i]!,
        enrichment: freshEnrichments[i]!,
      });
    }
  });

  const added = new Map<string, { messages: NormalisedMessage[]; ids: string[] }>();
  rows.forEach((row, i) => {
    if (!inserted.has(row.id)) return;
    const entry = added.get(row.conversationId) ?? { messages: [], ids: [] };
    entry.messages.push(fresh[i]!);
    entry.ids.push(row.id);
    added.set(row.conversationId, entry);
  });
  const plannedCount = new Map(planned.map((c) => [c.id, c.count]));
  const bumps: repo.ConversationBump[] = [];
  const recount: string[] = [];
  for (const [id, entry] of added) {
    if (!createdIds.has(id)) bumps.push({ id, ...summarise(entry.messages, identityOf) });
    else if (entry.messages.length !== plannedCount.get(id)) recount.push(id);
  }
  await repo.bumpConversations(tx, workspaceId, now, bumps, { reopen: !history });

  const deleted = await repo.deleteMessages(
    tx,
    workspaceId,
    (batch.deletions ?? []).map((d) => [d.channel, d.externalId]),
  );
  const emptied = new Map<string, string[]>();
  for (const row of deleted) emptied.set(row.conversation_id, [...(emptied.get(row.conversation_id) ?? []), row.id]);
  await repo.recountConversations(tx, workspaceId, now, [...new Set([...recount, ...emptied.keys()])]);
  timer.lap('update-conversations');

  await repo.refreshIdentities(tx, workspaceId, toRefresh);
  timer.lap('refresh-identities');
  for (const step of storedNow.length ? (options.steps ?? []) : []) {
    await step.run(tx, workspaceId, storedNow);
    timer.lap(`step:${step.name}`);
  }
  const written = await insertDeadLetters(tx, workspaceId, { channelId, kind: batch.source.kind, occurredAt: now }, deadLetters);
  await recordEvents(tx, [
    ...events(workspaceId, channelId, channel?.teamId ?? null, inInbox, planned, createdIds, added, emptied),
    ...deadLetterEvents(workspaceId, channelId, written),
  ]);
  timer.lap('dead-letters-and-events');

  const report = {
    received: inserted.size + duplicates + deadLetters.length,
    ingested: inserted.size,
    duplicates,
    rejected: deadLetters.length,
    conversationsCreated: createdIds.size,
    deleted: deleted.length,
  };
  return {
    outcome: {
      report,
      stored: new Set(storedNow.map((m) => keyOf(m.message.channel, m.message.externalId))),
      startedConversations: new Set(
        plan.created.filter((c) => createdIds.has(c.id)).map((c) => keyOf(c.messages[0]!.channel, c.messages[0]!.externalId)),
      ),
    },
    heldBack,
  };
}

/**
 * Concurrent batches (two NATS workers, or two in flight in process) often touch the same threads: a
 * reply in one to a thread the other is creating, new messages in both for one conversation. Waiting
 * for the other batch there would hold this whole batch until the other commits, so the two run one
 * after the other; instead the messages of the conversations the other holds are held back for a
 * second, small transaction, and the rest of the batch commits alongside it. Every other
 * conversation is locked here, so holding back happens only at this point.
 */
async function holdBackHeldThreads(
  tx: Queryable,
  workspaceId: string,
  plan: ThreadPlan,
  fresh: NormalisedMessage[],
  mayHoldBack: boolean,
): Promise<{ plan: ThreadPlan; fresh: NormalisedMessage[]; heldBack: NormalisedMessage[] }> {
  const creating = new Set(plan.created.map((c) => c.id));
  const held = await repo.conversationsHeldElsewhere(
    tx,
    workspaceId,
    plan.created.map((c) => [c.network, c.threadKey]),
    [...new Set(plan.conversationIds.filter((id) => !creating.has(id)))],
  );
  const heldIds = new Set(held.conversations);

  for (const c of plan.created) if (held.threads.has(keyOf(c.network, c.threadKey))) heldIds.add(c.id);
  if (!mayHoldBack || heldIds.size === 0) return { plan, fresh, heldBack: [] };
  const kept = fresh.map((_, i) => !heldIds.has(plan.conversationIds[i]!));
  return {
    plan: {
      conversationIds: plan.conversationIds.filter((_, i) => kept[i]),
      created: plan.created.filter((c) => !heldIds.has(c.id)),
    },
    fresh: fresh.filter((_, i) => kept[i]),
    heldBack: fresh.filter((_, i) => !kept[i]),
  };
}

/** Oldest first, so a root in the batch is threaded before its replies; the id breaks ties stably. */
function threadOrder(a: NormalisedMessage, b: NormalisedMessage): number {
  return a.sentAt.getTime() - b.sentAt.getTime() || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);
}

interface Summary {
  subject: string;
  identityId: string | null;
  isPrivate: boolean;
  preview: string;
  count: number;
  lastAt: Date;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
}

/** What a run of messages (in thread order) contributes to their conversation. */
function summarise(messages: readonly NormalisedMessage[], identityOf: (m: NormalisedMessage) => string | null): Summary {
  const first = messages[0]!;
  const latest = messages.reduce((a, b) => (b.sentAt >= a.sentAt ? b : a));
  const lastOf = (direction: 'in' | 'out') =>
    messages.filter((m) => m.direction === direction).reduce<Date | null>((at, m) => (at && at >= m.sentAt ? at : m.sentAt), null);
  const firstInbound = messages.find((m) => m.direction === 'in');
  return {
    subject: clean(first.title?.trim() || first.text.slice(0, SUBJECT_LENGTH)),
    identityId: firstInbound ? identityOf(firstInbound) : null,
    isPrivate: first.isPrivate,
    preview: clean((latest.text || latest.title || '').slice(0, repo.PREVIEW_LENGTH)),
    count: messages.length,
    lastAt: latest.sentAt,
    lastInboundAt: lastOf('in'),
    lastOutboundAt: lastOf('out'),
  };
}

/** PostgreSQL text cannot hold NUL; sources occasionally send one. */
function clean(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

function cleanOrNull(text: string | undefined): string | null {
  return text === undefined ? null : clean(text);
}

function messageRow(
  m: NormalisedMessage,
  conversationId: string,
  authorIdentityId: string | null,
  enrichment: Record<string, unknown>,
  now: Date,
): repo.MessageRow {
  return {
    id: newId(),
    conversationId,
    network: m.channel,
    externalId: m.externalId,
    direction: m.direction,
    authorIdentityId,
    inReplyToExternalId: m.inReplyToExternalId ?? null,
    title: cleanOrNull(m.title),
    text: clean(m.text),
    html: cleanOrNull(m.html),
    url: m.url ?? null,
    language: m.language ?? null,
    isPrivate: m.isPrivate,
    attachments: m.attachments,
    metrics: m.metrics ?? null,
    enrichment,
    sentAt: m.sentAt,
    receivedAt: m.receivedAt ?? now,
  };
}

/**
 * One identity row per author, merged across the batch in time order: the latest sighting's
 * fields win and fields it lacks come from earlier ones. Profiles count as seen now. New authors
 * are inserted at once; known ones are refreshed at the end of the transaction (`toRefresh`).
 */
async function storeAuthors(
  tx: Queryable,
  workspaceId: string,
  messages: readonly NormalisedMessage[],
  batch: IngestBatch,
  now: Date,
): Promise<{ identities: Map<string, string>; toRefresh: repo.IdentityRow[] }> {
  const sightings: { network: string; author: Author; at: Date }[] = [
    ...messages.map((m) => ({ network: m.channel, author: m.author, at: m.sentAt })),
    ...(batch.profiles ?? []).map((p) => ({ network: p.channel, author: p.author, at: now })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const merged = new Map<string, repo.IdentityRow>();
  for (const { network, author, at } of sightings) {
    const key = keyOf(network, author.externalId);
    const before = merged.get(key);
    merged.set(key, {
      id: before?.id ?? newId(),
      network,
      externalId: author.externalId,
      handle: clean(author.handle),
      displayName: clean(author.displayName),
      profileUrl: author.profileUrl ?? before?.profileUrl ?? null,
      avatarUrl: author.avatarUrl ?? before?.avatarUrl ?? null,
      email: author.email ?? before?.email ?? null,
      followers: author.followers ?? before?.followers ?? null,
      following: author.following ?? before?.following ?? null,
      postsCount: author.postsCount ?? before?.postsCount ?? null,
      bio: cleanOrNull(author.bio) ?? before?.bio ?? null,
      location: cleanOrNull(author.location) ?? before?.location ?? null,
      firstSeenAt: before?.firstSeenAt ?? at,
      lastSeenAt: at,
    });
  }
  const { ids, existing } = await repo.insertIdentities(tx, workspaceId, [...merged.values()]);
  const identities = new Map(ids.map((row) => [keyOf(row.network, row.external_id), row.id]));
  const toRefresh = [...merged.entries()].map(([key, row]) => ({ ...row, id: identities.get(key)! })).filter((row) => existing.has(row.id));
  return { identities, toRefresh };
}

function cut(payload: string): { payload: string; payloadTruncated: boolean } {
  const text = clean(payload);
  if (text.length * 3 <= MAX_DEAD_LETTER_PAYLOAD || Buffer.byteLength(text) <= MAX_DEAD_LETTER_PAYLOAD) {
    return { payload: text, payloadTruncated: false };
  }
  // Cutting mid-character leaves a replacement character at the end; drop it.
  const kept = Buffer.from(text)
    .subarray(0, MAX_DEAD_LETTER_PAYLOAD)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return { payload: kept, payloadTruncated: true };
}

function deadLetter(code: string, reason: string, format: string | null, payload: string, itemKey: string | null): NewDeadLetter {
  return { id: newId(), code, reason: clean(reason), format, ...cut(payload), itemKey };
}

/** A refused message is the same one again when its network and id are; its JSON also holds when it was read. */
function messageKey(message: NormalisedMessage): string | null {
  const { channel, externalId } = message as Partial<NormalisedMessage>;
  return typeof channel === 'string' && typeof externalId === 'string' ? `message ${channel} ${clean(externalId)}` : null;
}

/**
 * Parser rejections, except items that are valid but not messages (a like, a follow). A rejection
 * that names its line keeps just that line (a JSON Lines record), so its replay is that item alone;
 * otherwise the whole payload, which deduplication makes safe to replay.
 */
function parserDeadLetters(batch: IngestBatch): NewDeadLetter[] {
  const payload = batch.payload ?? '';
  let lines: string[] | null = null;
  const format = batch.payload === undefined ? null : (batch.source.format ?? null);
  return (batch.rejected ?? [])
    .filter((r) => r.code !== 'not-a-message')
    .map((r) => {
      let item = payload;
      if (r.line !== undefined && batch.payload !== undefined) {
        lines ??= payload.split(/\r?\n/);
        item = lines[r.line - 1] ?? payload;
      }
      // The position tells apart two items of one payload refused for the same reason.
      return deadLetter(r.code, r.reason, format, item, r.index === null ? null : `item ${r.index}\u001f${item}`);
    });
}

/** So an open dead-letter list shows a new or returning item without a reload. */
function deadLetterEvents(workspaceId: string, channelId: string | null, written: readonly WrittenDeadLetter[]): NewEvent[] {
  return written.map((d) => ({
    workspaceId,
    type: d.repeated ? 'dead_letter.repeated' : 'dead_letter.recorded',
    subjectType: 'dead_letter',
    subjectId: d.id,
    actorId: null,
    data: { channelId, code: d.code, occurrences: d.occurrences },
  }));
}

function events(
  workspaceId: string,
  channelId: string | null,
  teamId: string | null,
  inInbox: boolean,
  planned: readonly (Summary & { id: string; network: string; threadKey: string })[],
  createdIds: ReadonlySet<string>,
  added: ReadonlyMap<string, { messages: NormalisedMessage[]; ids: string[] }>,
  emptied: ReadonlyMap<string, string[]>,
): NewEvent[] {
  const event = (type: string, subjectId: string, data: Record<string, unknown>): NewEvent => ({
    workspaceId,
    type,
    subjectType: 'conversation',
    subjectId,
    actorId: null,
    data,
  });
  const list: NewEvent[] = [];
  for (const c of planned) {
    if (!createdIds.has(c.id)) continue;
    list.push(
      event('conversation.created', c.id, {
        network: c.network,
        channelId,
        threadKey: c.threadKey,
        subject: c.subject,
        identityId: c.identityId,
        teamId,
        isPrivate: c.isPrivate,
        inInbox,
      }),
    );
  }
  for (const [id, entry] of added) {
    list.push(
      event('conversation.messages_added', id, {
        messageIds: entry.ids,
        count: entry.ids.length,
        lastMessageAt: entry.messages.reduce((at, m) => (m.sentAt > at ? m.sentAt : at), entry.messages[0]!.sentAt),
        inbound: entry.messages.some((m) => m.direction === 'in'),
        // The answers among them, which the inbox counts as responses: the rest it need not read for that.
        outboundMessageIds: entry.ids.filter((_, i) => entry.messages[i]!.direction === 'out'),
      }),
    );
  }
  for (const [id, messageIds] of emptied) list.push(event('conversation.messages_deleted', id, { messageIds, count: messageIds.length }));
  return list;
}

/**
 * What the pipeline takes and what it reports: the contract between the ingest domain and every
 * producer of messages (connectors' polls and streams, webhooks, `rapport ingest`, replays).
 */
import type { Deletion, FormatName, NormalisedMessage, ProfileRecord, Rejection } from '../channels/index.js';

export type IngestSourceKind = 'poll' | 'webhook' | 'file' | 'stream' | 'replay';

export interface IngestSource {
  workspaceId: string;
  /** The configured channel the messages came through; null for a file ingest without one. */
  channelId: string | null;
  kind: IngestSourceKind;
  format?: FormatName;
  /** Overrides the channel's purpose: a listening source's conversations stay out of the inbox. */
  purpose?: 'inbox' | 'listening';
  /**
   * The messages are the past (an import of a mailbox or another tool's export), not arrivals: the
   * conversations they start are resolved, and no conversation they add to reopens. The inbox routes
   * no resolved conversation and runs no SLA clock on one, so history opens nothing, starts no clock
   * and tells no one, and still lands on its customers' timelines.
   */
  history?: boolean;
}

export interface IngestBatch {
  source: IngestSource;
  messages: readonly NormalisedMessage[];
  /** Items the parser refused; each becomes a dead letter with its reason. */
  rejected?: readonly Rejection[];
  /** Author profiles met outside messages: they refresh (or create) social identities. */
  profiles?: readonly ProfileRecord[];
  /** Messages the source says are gone: deleted, and their conversations recounted. */
  deletions?: readonly Deletion[];
  /** The raw payload the batch was parsed from, kept on dead letters so they can be replayed. */
  payload?: string;
}

/** `received` = `ingested` + `duplicates` + `rejected`; skipped non-messages (a like, a follow) are not counted. */
export interface IngestReport {
  received: number;
  ingested: number;
  duplicates: number;
  rejected: number;
  conversationsCreated: number;
  /** Stored messages removed because the source deleted them; the pipeline always reports it, other reporters may leave it out. */
  deleted?: number;
}

export interface IngestPipeline {
  /** Resolves once the batch is committed (or durably queued, with NATS): only then may a source be acknowledged. */
  submit(batch: IngestBatch): Promise<IngestReport>;
  close(): Promise<void>;
}

/**
 * The one interface every connector implements, and the shared error codes providers' failures are
 * normalised to. A connector knows its network's protocol; it knows nothing of the database: the
 * channel service and the sync jobs decide retries, backoff, cursors and health from these results.
 */
import type { Static, TSchema } from 'typebox';
import type { ChannelKind, Deletion, FormatName, NormalisedMessage, ProfileRecord, Rejection } from './index.js';
import type { NetPolicy } from './net/address-policy.js';
import type { ReplyLength } from './connectors/reply-length.js';

/**
 * Why a connector call failed. `transient` failures (timeouts, 5xx, 429, refused connections) are
 * worth retrying; the others need someone to change the channel's settings or credentials.
 */
export const CONNECTOR_ERROR_CODES = [
  'http_status',
  'timeout',
  'network',
  'ssrf_refused',
  'too_large',
  'parse_error',
  'auth_failed',
  'bad_signature',
  'not_configured',
  'credentials_unreadable',
  'unsupported',
  'rejected',
] as const;
export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly transient = false,
    /** The provider's HTTP status, when there was one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

/** Anything thrown inside a connector, as a ConnectorError (unknown errors count as network trouble). */
export function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  return new ConnectorError('network', error instanceof Error ? error.message : String(error), true);
}

/** A channel as a connector sees it: settings and opened credentials, never the database row. */
export interface ConnectorChannel<Config = unknown, Credentials = unknown> {
  id: string;
  workspaceId: string;
  kind: ChannelKind;
  name: string;
  config: Config;
  /** Null when the channel has none stored. */
  credentials: Credentials | null;
  net: NetPolicy;
}

export interface Capabilities {
  pull: boolean;
  webhook: boolean;
  stream: boolean;
  reply: boolean;
}

/** The longest reply a channel's own server takes, as it says; it may differ from its network's usual one. */
export interface ServerReplyLength extends ReplyLength {
  /** How long the server counts any link (Mastodon's `characters_reserved_per_url`), when it says. */
  urlLength?: number;
}

export interface TestResult {
  ok: boolean;
  message: string;
}

/** A batch of parsed messages, ready for the ingest pipeline. */
export interface ReceivedBatch {
  format?: FormatName;
  messages: readonly NormalisedMessage[];
  rejected: readonly Rejection[];
  profiles?: readonly ProfileRecord[];
  deletions?: readonly Deletion[];
  /** The raw payload, kept on dead letters so they can be replayed. */
  payload?: string;
}

export interface PullResult {
  /** Null when the source had nothing new (a 304). */
  batch: ReceivedBatch | null;
  /** The resume point to store; replaces the previous cursor. */
  nextCursor: Record<string, unknown>;
  /** More is waiting beyond what one pull takes. */
  more?: boolean;
}

/** A webhook delivery exactly as it arrived: the signature covers these bytes, not a re-serialisation. */
export interface WebhookRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | undefined>;
  rawBody: Buffer;
}

/** What a webhook receiver answers: a handshake's echo, or a verified batch to ingest. */
export type WebhookOutcome =
  { kind: 'handshake'; contentType: string; body: string | Record<string, unknown> } | { kind: 'batch'; batch: ReceivedBatch };

/** A reply an agent wrote, with what the channel needs to thread it. */
export interface OutboundReply {
  messageId: string;
  text: string;
  html?: string | null;
  /** The conversation's subject, for e-mail. */
  subject: string;
  /** The customer: their id on the network, and address for e-mail. */
  recipient: { externalId: string; handle?: string | null; email?: string | null; displayName?: string | null };
  /** The message answered, and the thread's earlier ids oldest first (e-mail References). */
  inReplyToExternalId: string | null;
  threadExternalIds: readonly string[];
  threadKey: string;
  /** A direct message rather than a public post: answered privately. */
  isPrivate: boolean;
}

/** Where a stream hands what it hears. */
export interface StreamSink {
  /** A batch heard on the stream and the cursor to resume from after it; resolves once committed. */
  emit(batch: ReceivedBatch, cursor: Record<string, unknown>): Promise<void>;
  /** The source announced news (IMAP IDLE, a streaming notification): pull now instead of at the next interval. */
  wake(): void;
  /** A stream error worth showing in the channel's health; the supervisor reconnects with backoff. */
  fail(error: ConnectorError): void;
}

export interface StreamHandle {
  close(): Promise<void>;
}

export interface Connector<C extends TSchema = TSchema, K extends TSchema = TSchema> {
  kind: ChannelKind;
  configSchema: C;
  /** What the channel's sealed credentials hold; never returned by the API, except those below. */
  credentialsSchema: K;
  /** Credentials that are not secret (a user name), shown to admins so an edit can show what it keeps. */
  shownCredentials?: readonly string[];
  capabilities: Capabilities;
  /**
   * What a channel's settings still lack to send replies, in words (the generic webhook replies only
   * to a configured endpoint); null, or absent, when `capabilities.reply` is the whole answer.
   */
  replySetupMissing?(config: Static<C>): string | null;
  /** The network's longest reply, as it counts; absent: no limit (e-mail). A sandbox for the network takes it too. */
  replyLength?: ReplyLength;
  /**
   * The longest reply this channel's own server takes, when the server says (a Mastodon instance
   * sets its own; 500 is only the default); null when it does not say. Asked when the channel is
   * tested and once a day while it syncs, and kept on the channel for its conversations.
   */
  serverReplyLength?(channel: ConnectorChannel<Static<C>, Static<K>>): Promise<ServerReplyLength | null>;
  /** How often a pulling channel is polled when its settings name no `pollSeconds`. */
  defaultPollSeconds?: number;
  /** Settings a field-level check cannot express (a reachable URL, a matching pair); empty when fine. */
  checkConfig?(config: Static<C>): { field: string; reason: string }[];
  test(channel: ConnectorChannel<Static<C>, Static<K>>): Promise<TestResult>;
  pull?(channel: ConnectorChannel<Static<C>, Static<K>>, cursor: Record<string, unknown>, now: Date): Promise<PullResult>;
  /** Verifies and parses a delivery; throws ConnectorError('bad_signature') when it is not authentic. */
  receiveWebhook?(channel: ConnectorChannel<Static<C>, Static<K>>, request: WebhookRequest, now: Date): Promise<WebhookOutcome>;
  sendReply?(channel: ConnectorChannel<Static<C>, Static<K>>, reply: OutboundReply): Promise<{ externalId: string }>;
  /**
   * Opens a long-lived connection (a firehose, IMAP IDLE, a streaming API) from the stored cursor.
   * The stream supervisor keeps one per active channel of a streaming kind and reopens it when it ends.
   */
  stream?(channel: ConnectorChannel<Static<C>, Static<K>>, cursor: Record<string, unknown>, sink: StreamSink): Promise<StreamHandle>;
}

/** Keeps a connector's own config and credential types while it is stored beside the others. */
export function defineConnector<C extends TSchema, K extends TSchema>(connector: Connector<C, K>): Connector<C, K> {
  return connector;
}

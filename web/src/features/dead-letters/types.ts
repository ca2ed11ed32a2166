/** Dead letters: items the ingest pipeline refused, kept with the reason so they can be replayed. */
export interface DeadLetter {
  id: string;
  channelId: string | null;
  source: 'poll' | 'webhook' | 'file' | 'stream' | 'replay';
  format: string | null;
  code: string;
  reason: string;
  /** In the list only on some servers; always in the single dead letter. */
  payload?: string;
  payloadTruncated: boolean;
  /** When it first arrived. */
  occurredAt: string;
  /** When it last arrived: a retried delivery or a feed read again counts on the same dead letter. */
  lastSeenAt: string;
  occurrences: number;
  replayedAt: string | null;
  replayCount: number;
  resolved: boolean;
}

/** What a replay did: the pipeline's report, and why items still fail (empty when all were taken). */
export interface ReplayOutcome {
  deadLetter: DeadLetter;
  report: { received: number; ingested: number; duplicates: number; rejected: number; conversationsCreated: number };
  problems: { code: string; reason: string }[];
}

/** What the list is narrowed to; each left out means any. */
export interface DeadLetterFilters {
  channelId?: string;
  /** malformed, invalid, too-large or empty. */
  code?: string;
  resolved?: boolean;
}

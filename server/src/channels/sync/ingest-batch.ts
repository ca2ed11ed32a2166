/** A connector's batch, addressed to the pipeline as coming from one channel. */
import type { IngestBatch, IngestSourceKind } from '../../ingest/ingest.contract.js';
import type { ReceivedBatch } from '../connector.js';
import type { ChannelRow } from '../channel.repo.js';

export function toIngestBatch(row: Pick<ChannelRow, 'workspace_id' | 'id'>, kind: IngestSourceKind, batch: ReceivedBatch): IngestBatch {
  return {
    source: { workspaceId: row.workspace_id, channelId: row.id, kind, ...(batch.format ? { format: batch.format } : {}) },
    messages: batch.messages,
    rejected: batch.rejected,
    ...(batch.profiles?.length ? { profiles: batch.profiles } : {}),
    ...(batch.deletions?.length ? { deletions: batch.deletions } : {}),
    ...(batch.payload !== undefined ? { payload: batch.payload } : {}),
  };
}

/**
 * The newest message's time, for the channel's "last item" in its health. A source whose clock runs
 * ahead (or that lies) cannot make its last item lie in the future: the pipeline stores such a
 * message at the time it arrived, and so does this.
 */
export function newestSentAt(batch: ReceivedBatch, now = new Date()): Date | null {
  if (batch.messages.length === 0) return null;
  const newest = batch.messages.reduce((at, m) => Math.max(at, m.sentAt.getTime()), -Infinity);
  return new Date(Math.min(newest, now.getTime()));
}

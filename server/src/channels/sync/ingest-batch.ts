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

/** The newest message's time, for the channel's "last item" in its health. */
export function newestSentAt(batch: ReceivedBatch): Date | null {
  if (batch.messages.length === 0) return null;
  return new Date(Math.max(...batch.messages.map((m) => m.sentAt.getTime())));
}

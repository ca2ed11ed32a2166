/** Ingesting a recorded file (an export, a capture, a mailbox) into a workspace through the pipeline. */
import { FORMATS, channelNetwork, parseFile, type ChannelKind, type FormatName, type ParseResult } from '../../channels/index.js';
import type { Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/http/errors.js';
import type { IngestBatch, IngestPipeline, IngestReport, IngestSource } from '../ingest.contract.js';
import { channelSettings } from '../dead-letters/dead-letter.repo.js';
import type { IngestAs } from './file-ingest.schema.js';

/** The batch a parsed file becomes; the content is kept so its rejections can be replayed. */
export function batchFromParse(source: Omit<IngestSource, 'format'>, parsed: ParseResult, content: string): IngestBatch {
  return {
    source: { ...source, format: parsed.format },
    messages: parsed.messages,
    profiles: parsed.profiles,
    deletions: parsed.deletions,
    rejected: parsed.rejected,
    payload: content,
  };
}

/**
 * A channel given must be this workspace's and carry the network the format's messages belong to:
 * its kind's, or for a sandbox channel the network it stands in for.
 */
export async function checkChannel(ctx: Ctx, format: FormatName, channelId: string | undefined): Promise<void> {
  if (!channelId) return;
  const channel = await channelSettings(ctx.db, ctx.workspaceId, channelId);
  if (!channel) throw invalid([{ field: 'channelId', reason: 'is not a channel of this workspace' }]);
  const kind = channel.kind as ChannelKind;
  const network = channelNetwork(kind, channel.config);
  if (network !== FORMATS[format].channel) {
    const what = kind === 'sandbox' ? `a sandbox channel for ${network ?? 'no network'}` : `a ${kind} channel`;
    throw invalid([{ field: 'channelId', reason: `is ${what}; ${format} files hold ${FORMATS[format].channel} messages` }]);
  }
}

export async function ingestFile(
  ctx: Ctx,
  pipeline: IngestPipeline,
  input: { format: FormatName; content: string; channelId?: string; as?: IngestAs },
): Promise<Required<IngestReport>> {
  await checkChannel(ctx, input.format, input.channelId);
  const parsed = await parseFile(input.format, input.content, { receivedAt: new Date() });
  const report = await pipeline.submit(
    batchFromParse(
      { workspaceId: ctx.workspaceId, channelId: input.channelId ?? null, kind: 'file', history: input.as === 'history' },
      parsed,
      input.content,
    ),
  );
  return { ...report, deleted: report.deleted ?? 0 };
}

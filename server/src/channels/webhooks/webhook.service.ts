/**
 * Receiving a webhook delivery: find the channel, let its connector verify and parse the raw
 * bytes, hand the batch to the pipeline and note it in the channel's health. A delivery that fails
 * verification is refused and counted as a refused delivery, apart from the channel's errors (the
 * URL is public: a stranger must not make a working channel look broken), and nothing of it is
 * kept; refusals are tallied and written in bulk (refusal-tally.ts). A verified delivery that
 * cannot be read is dead-lettered and acknowledged, so the sender does not retry it forever. A
 * channel that cannot check deliveries at all (no secret, or secrets sealed under another server
 * secret) fails on its own account, noted at most once a minute however often the sender knocks.
 * A paused channel answers handshakes and checks signatures as ever, but takes no delivery in: it
 * asks the sender to deliver again later.
 */
import { RapportError, notFound } from '../../platform/http/errors.js';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/observability/logger.js';
import type { IngestPipeline, IngestReport } from '../../ingest/index.js';
import { asConnectorError, type ConnectorError, type WebhookRequest } from '../connector.js';
import { connectorFor } from '../registry.js';
import { connectorChannel } from '../channel.service.js';
import * as repo from '../channel.repo.js';
import type { ChannelRow } from '../channel.repo.js';
import { newestSentAt, toIngestBatch } from '../sync/ingest-batch.js';
import type { RefusalTally } from './refusal-tally.js';

export interface WebhookDeps {
  db: Db;
  secret: string;
  log: Logger;
  pipeline: () => IngestPipeline;
  refusals: RefusalTally;
}

/** A channel that cannot check deliveries notes it again only after this long: every retry is the same news. */
const SAME_FAILURE_MS = 60_000;

/** How long a sender is asked to wait before it delivers to a paused channel again. */
export const PAUSED_RETRY_AFTER_SECONDS = 300;

/**
 * An authentic delivery to a paused channel: 503 with Retry-After, so the sender keeps it and
 * delivers it again once the channel is resumed. A 404 made senders such as Meta give up on it and,
 * after enough of them, turn the subscription off.
 */
export class ChannelPaused extends RapportError {
  readonly retryAfterSeconds = PAUSED_RETRY_AFTER_SECONDS;
  constructor() {
    super('channel_paused', 503, 'The channel is paused: deliver again later; it takes deliveries in once it is resumed.');
  }
}

export type WebhookAnswer =
  { kind: 'handshake'; contentType: string; body: string | Record<string, unknown> } | { kind: 'report'; report: IngestReport };

const asChannelError = (failure: ConnectorError, now: Date) => ({
  at: now.toISOString(),
  code: failure.code,
  message: failure.message.slice(0, 500),
});

async function recordFailure(deps: WebhookDeps, row: ChannelRow, failure: ConnectorError, now: Date) {
  deps.log.warn({ channelId: row.id, workspaceId: row.workspace_id, code: failure.code, err: failure.message }, 'webhook delivery failed');
  await repo.recordSyncFailure(deps.db, row.workspace_id, row.id, { error: asChannelError(failure, now) });
}

/** The channel's own failure to check deliveries, unless the same one was noted within the minute. */
async function recordStandingFailure(deps: WebhookDeps, row: ChannelRow, failure: ConnectorError, now: Date) {
  const latest = row.recent_errors[0];
  if (latest?.code === failure.code && now.getTime() - Date.parse(latest.at) < SAME_FAILURE_MS) return;
  await recordFailure(deps, row, failure, now);
}

function refuse(deps: WebhookDeps, row: ChannelRow, failure: ConnectorError, now: Date): never {
  deps.refusals.note(row.workspace_id, row.id, asChannelError(failure, now));
  throw new RapportError('bad_signature', 401, `The delivery was refused: ${failure.message}`);
}

/** Counted with the refused deliveries (tallied, never a write per request): a paused channel is not failing. */
function holdBack(deps: WebhookDeps, row: ChannelRow, now: Date): never {
  deps.refusals.note(row.workspace_id, row.id, {
    at: now.toISOString(),
    code: 'channel_paused',
    message: 'the channel is paused: the sender was asked to deliver again later',
  });
  throw new ChannelPaused();
}

/** The channel as its connector sees it; secrets that no longer open fail the channel, and the sender is asked to come back. */
async function openChannel(deps: WebhookDeps, row: ChannelRow, now: Date) {
  try {
    return connectorChannel(row, deps.secret);
  } catch (error) {
    const failure = asConnectorError(error);
    if (failure.code !== 'credentials_unreadable') throw error;
    await recordStandingFailure(deps, row, failure, now);
    // 503: senders retry later, and the deliveries they hold arrive once an admin enters the secrets again.
    throw new RapportError(
      'credentials_unreadable',
      503,
      'The channel cannot check deliveries now: its secrets can no longer be read. Try again later.',
    );
  }
}

export async function receiveDelivery(
  deps: WebhookDeps,
  channelId: string,
  request: WebhookRequest,
  now = new Date(),
): Promise<WebhookAnswer> {
  const row = await repo.findChannelForWebhook(deps.db, channelId);
  const connector = row && connectorFor(row.kind);
  if (!row || !connector?.receiveWebhook) throw notFound('Channel');
  const channel = await openChannel(deps, row, now);
  let outcome;
  try {
    outcome = await connector.receiveWebhook(channel, request, now);
  } catch (error) {
    const failure = asConnectorError(error);
    if (failure.code === 'unsupported') throw notFound('Webhook handshake');
    if (failure.code === 'bad_signature') return refuse(deps, row, failure, now);
    if (failure.code === 'not_configured') {
      // Without its secret the channel cannot take in anything, signed or not: its own fault.
      await recordStandingFailure(deps, row, failure, now);
      throw new RapportError('bad_signature', 401, 'The delivery could not be verified: the channel has no secret to check it with');
    }
    if (failure.code !== 'parse_error') throw error;
    if (row.status === 'paused') return holdBack(deps, row, now);
    await recordFailure(deps, row, failure, now);
    const report = await deps.pipeline().submit(
      toIngestBatch(row, 'webhook', {
        messages: [],
        rejected: [{ index: null, code: 'malformed', reason: failure.message }],
        payload: request.rawBody.toString('utf8'),
      }),
    );
    return { kind: 'report', report };
  }
  // A handshake takes nothing in, and X turns off a webhook whose repeated CRC checks go unanswered: paused, it is still answered.
  if (outcome.kind === 'handshake') return outcome;
  if (row.status === 'paused') return holdBack(deps, row, now);
  const report = await deps.pipeline().submit(toIngestBatch(row, 'webhook', outcome.batch));
  await repo.recordSyncSuccess(deps.db, row.workspace_id, row.id, {
    at: now,
    itemsIn: report.ingested,
    lastItemAt: report.ingested > 0 ? newestSentAt(outcome.batch) : null,
  });
  return { kind: 'report', report };
}

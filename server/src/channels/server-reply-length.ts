/**
 * Asking a channel's own server how long a reply may be, and keeping the answer on the channel for
 * its conversations: a Mastodon instance sets its own limit, and holding its replies to Mastodon's
 * default would refuse ones the instance takes (or, on a smaller one, let through ones it refuses).
 * Asked when the channel is tested, and by the poller when the last answer is a day old.
 */
import type { Queryable } from '../platform/db/db.js';
import { asConnectorError, type Connector, type ConnectorChannel, type ServerReplyLength } from './connector.js';
import { recordServerReplyLength, type ChannelRow } from './channel.repo.js';

const ASK_AGAIN_MS = 24 * 3600 * 1000;

/** Whether the poller should ask: the connector can, and the server was not asked in the last day. */
export function serverReplyLengthDue(connector: Connector, row: Pick<ChannelRow, 'reply_length_checked_at'>, now: Date): boolean {
  if (!connector.serverReplyLength) return false;
  const asked = row.reply_length_checked_at;
  return asked === null || now.getTime() - new Date(asked).getTime() >= ASK_AGAIN_MS;
}

/**
 * Asks and keeps the answer (null: the server does not say, so the network's usual limit holds).
 * When the server cannot be asked the last answer stays, and the failure is thrown; either way it
 * is asked again a day later, not at every poll.
 */
export async function askServerReplyLength(
  db: Queryable,
  connector: Connector,
  row: Pick<ChannelRow, 'workspace_id' | 'id'>,
  channel: ConnectorChannel,
  now: Date,
): Promise<ServerReplyLength | null> {
  if (!connector.serverReplyLength) return null;
  let replyLength: ServerReplyLength | null;
  try {
    replyLength = await connector.serverReplyLength(channel);
  } catch (error) {
    await recordServerReplyLength(db, row.workspace_id, row.id, { at: now });
    throw asConnectorError(error);
  }
  await recordServerReplyLength(db, row.workspace_id, row.id, { at: now, replyLength });
  return replyLength;
}

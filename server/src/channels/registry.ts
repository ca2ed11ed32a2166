/**
 * The connectors this server can run, by channel kind. A new network is one connector file and one
 * entry here; nothing else in the domain names a network.
 */
import type { ChannelKind } from './index.js';
import type { Connector } from './connector.js';
import { blueskyConnector } from './connectors/bluesky/bluesky.connector.js';
import { emailConnector } from './connectors/email/email.connector.js';
import { mastodonConnector } from './connectors/mastodon/mastodon.connector.js';
import { metaConnector } from './connectors/meta/meta.connector.js';
import { rssConnector } from './connectors/rss/rss.connector.js';
import { sandboxConnector } from './connectors/sandbox/sandbox.connector.js';
import { webhookConnector } from './connectors/webhook/webhook.connector.js';
import { xConnector } from './connectors/x/x.connector.js';

const CONNECTORS: readonly Connector[] = [
  rssConnector,
  emailConnector,
  mastodonConnector,
  metaConnector,
  xConnector,
  webhookConnector,
  blueskyConnector,
  sandboxConnector,
];

const byKind = new Map<ChannelKind, Connector>(CONNECTORS.map((c) => [c.kind, c]));

/** Kinds the poller claims. */
export const PULLING_KINDS = CONNECTORS.filter((c) => c.capabilities.pull).map((c) => c.kind);
/** Kinds that keep a connection open (a firehose, IMAP IDLE). */
export const STREAMING_KINDS = CONNECTORS.filter((c) => c.stream).map((c) => c.kind);

export function connectorFor(kind: ChannelKind): Connector | null {
  return byKind.get(kind) ?? null;
}

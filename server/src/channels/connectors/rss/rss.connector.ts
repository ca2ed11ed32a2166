/**
 * RSS, Atom and JSON Feed polling. Polite by construction: conditional GETs (ETag and
 * Last-Modified are kept in the channel cursor, so an unchanged feed costs the publisher a 304)
 * and an interval of at least a minute. Entries are deduplicated by id/link in the pipeline.
 */
import { Type } from 'typebox';
import { defineConnector, type PullResult } from '../../connector.js';
import { expectSuccess, safeFetch } from '../../net/safe-fetch.js';
import { AllowPrivateNetwork, HttpUrl, USER_AGENT, parsePayload, urlProblems } from '../shared.js';

export const MIN_POLL_SECONDS = 60;
export const DEFAULT_POLL_SECONDS = 900;

const RssConfig = Type.Object(
  {
    feedUrl: HttpUrl,
    pollSeconds: Type.Optional(Type.Integer({ minimum: MIN_POLL_SECONDS, maximum: 86_400, description: 'Default 900' })),
    allowPrivateNetwork: AllowPrivateNetwork,
  },
  { additionalProperties: false },
);

const FEED_FORMATS = ['rss', 'atom', 'jsonfeed'] as const;
const ACCEPT = 'application/atom+xml, application/rss+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, */*;q=0.5';

interface FeedCursor {
  etag?: string;
  lastModified?: string;
}

function feedCursor(cursor: Record<string, unknown>): FeedCursor {
  return {
    ...(typeof cursor.etag === 'string' ? { etag: cursor.etag } : {}),
    ...(typeof cursor.lastModified === 'string' ? { lastModified: cursor.lastModified } : {}),
  };
}

export const rssConnector = defineConnector({
  kind: 'rss',
  configSchema: RssConfig,
  credentialsSchema: Type.Object({}, { additionalProperties: false }),
  capabilities: { pull: true, webhook: false, stream: false, reply: false },
  defaultPollSeconds: DEFAULT_POLL_SECONDS,

  checkConfig: (config) => urlProblems('config.feedUrl', config.feedUrl, config.allowPrivateNetwork),

  async test(channel) {
    const response = await safeFetch(channel.config.feedUrl, channel.net, { headers: { 'user-agent': USER_AGENT, accept: ACCEPT } });
    expectSuccess(response, 'The feed');
    const batch = await parsePayload(response.body, FEED_FORMATS, { fileName: new URL(response.url).pathname, receivedAt: new Date() });
    return { ok: true, message: `Found ${batch.messages.length} entries in this ${batch.format} feed.` };
  },

  async pull(channel, cursor, now): Promise<PullResult> {
    const previous = feedCursor(cursor);
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT };
    if (previous.etag) headers['if-none-match'] = previous.etag;
    if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
    const response = await safeFetch(channel.config.feedUrl, channel.net, { headers });
    if (response.status === 304) return { batch: null, nextCursor: { ...previous } };
    expectSuccess(response, 'The feed');
    const batch = await parsePayload(response.body, FEED_FORMATS, { fileName: new URL(response.url).pathname, receivedAt: now });
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return { batch, nextCursor: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) } };
  },
});

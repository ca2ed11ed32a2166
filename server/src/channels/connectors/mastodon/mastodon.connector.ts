/**
 * Mastodon over its REST API: polls the home timeline, notifications (mentions, DMs) and hashtag
 * timelines, each resumed from its own `min_id` so a busy stretch is read page by page, oldest
 * first, without gaps; replies are statuses with `in_reply_to_id`, sent with the message id as
 * Mastodon's Idempotency-Key so a retried delivery never posts twice. The instance's own reply
 * limit is read from its instance document.
 */
import { Type, type Static } from 'typebox';
import { ConnectorError, defineConnector, type ConnectorChannel, type PullResult, type ReceivedBatch } from '../../connector.js';
import { openEventStream, type EventStream } from '../../net/event-stream.js';
import { expectSuccess, safeFetch } from '../../net/safe-fetch.js';
import { AllowPrivateNetwork, HttpUrl, USER_AGENT, parsePayload, urlProblems } from '../shared.js';
import { INSTANCE_PATHS, instanceReplyLength } from './mastodon-instance.js';

export const MASTODON_SOURCES = ['home', 'notifications'] as const;
/** Streaming events that mean a timeline the channel reads has something new. */
const NEWS = new Set(['update', 'notification', 'status.update', 'conversation']);

/** Mastodon's largest page. */
const PAGE = 40;

const MastodonConfig = Type.Object(
  {
    instanceUrl: HttpUrl,
    sources: Type.Array(Type.Enum(MASTODON_SOURCES), { uniqueItems: true, maxItems: MASTODON_SOURCES.length }),
    hashtags: Type.Optional(
      Type.Array(
        Type.String({ pattern: '^[\\p{L}\\p{N}_]{1,100}$', patternReason: 'must be a hashtag of letters, digits and _, without the #' }),
        { maxItems: 20, uniqueItems: true },
      ),
    ),
    pollSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 86_400, description: 'Default 120' })),
    allowPrivateNetwork: AllowPrivateNetwork,
  },
  { additionalProperties: false },
);
const MastodonCredentials = Type.Object({ accessToken: Type.String({ minLength: 1, maxLength: 4_096 }) }, { additionalProperties: false });

type Channel = ConnectorChannel<Static<typeof MastodonConfig>, Static<typeof MastodonCredentials>>;

function endpoint(channel: Channel, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, channel.config.instanceUrl.replace(/\/?$/, '/'));
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

function headers(channel: Channel): Record<string, string> {
  if (!channel.credentials) throw new ConnectorError('not_configured', 'The channel has no access token');
  return { authorization: `Bearer ${channel.credentials.accessToken}`, 'user-agent': USER_AGENT, accept: 'application/json' };
}

/** Each timeline the channel reads, under the cursor key its `min_id` is kept at. */
interface Timeline {
  key: string;
  path: string;
  query: Record<string, string>;
}

function timelines(channel: Channel): Timeline[] {
  const list = channel.config.sources.map((source): Timeline =>
    source === 'home'
      ? { key: 'home', path: 'api/v1/timelines/home', query: {} }
      : { key: 'notifications', path: 'api/v1/notifications', query: { 'types[]': 'mention' } },
  );
  for (const tag of channel.config.hashtags ?? [])
    list.push({ key: `tag:${tag}`, path: `api/v1/timelines/tag/${encodeURIComponent(tag)}`, query: {} });
  return list;
}

/** An instance document that is not JSON (a proxy's error page) says nothing. */
function documentOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Mastodon ids are decimal strings that grow with time; longer means newer. */
function newerId(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a > b ? a : b;
}

function idsOf(body: Buffer): string[] {
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  if (!Array.isArray(parsed)) throw new ConnectorError('parse_error', 'Mastodon answered something other than a list');
  return parsed.flatMap((item) =>
    item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : [],
  );
}

export const mastodonConnector = defineConnector({
  kind: 'mastodon',
  configSchema: MastodonConfig,
  credentialsSchema: MastodonCredentials,
  capabilities: { pull: true, webhook: false, stream: true, reply: true },
  // Mastodon's default, until the instance says its own (serverReplyLength).
  replyLength: { max: 500, counting: 'mastodon' },
  defaultPollSeconds: 120,

  checkConfig: (config) => [
    ...urlProblems('config.instanceUrl', config.instanceUrl, config.allowPrivateNetwork),
    // With nothing to read the channel would be "healthy" forever and never bring a message.
    ...(config.sources.length || config.hashtags?.length
      ? []
      : [{ field: 'config.sources', reason: 'choose at least one timeline to read, or a hashtag to follow' }]),
  ],

  async test(channel) {
    const response = await safeFetch(endpoint(channel, 'api/v1/accounts/verify_credentials'), channel.net, { headers: headers(channel) });
    expectSuccess(response, 'Mastodon');
    const account = JSON.parse(response.body.toString('utf8')) as { acct?: string };
    return { ok: true, message: `Signed in as @${account.acct ?? 'unknown'}.` };
  },

  async serverReplyLength(channel) {
    for (const path of INSTANCE_PATHS) {
      const response = await safeFetch(endpoint(channel, path), channel.net, { headers: headers(channel) });
      // A server before Mastodon 4 has no v2 document; one with neither does not say.
      if (response.status === 404 || response.status === 410) continue;
      expectSuccess(response, 'Mastodon');
      const limit = instanceReplyLength(documentOf(response.body));
      if (limit) return limit;
    }
    return null;
  },

  async pull(channel, cursor, now): Promise<PullResult> {
    const next: Record<string, unknown> = { ...cursor };
    const batches: ReceivedBatch[] = [];
    for (const timeline of timelines(channel)) {
      const since = typeof cursor[timeline.key] === 'string' ? (cursor[timeline.key] as string) : undefined;
      // The first read takes the latest page only: a new channel does not backfill a whole timeline.
      const query = { ...timeline.query, limit: String(PAGE), ...(since ? { min_id: since } : {}) };
      const response = await safeFetch(endpoint(channel, timeline.path, query), channel.net, { headers: headers(channel) });
      expectSuccess(response, 'Mastodon');
      const ids = idsOf(response.body);
      if (ids.length === 0) continue;
      batches.push(await parsePayload(response.body, ['mastodon'], { receivedAt: now }));
      next[timeline.key] = ids.reduce<string | undefined>(newerId, since);
    }
    if (batches.length === 0) return { batch: null, nextCursor: next };
    return {
      batch: {
        format: 'mastodon',
        messages: batches.flatMap((b) => b.messages),
        rejected: batches.flatMap((b) => b.rejected),
        ...(batches.length === 1 && batches[0]!.payload !== undefined ? { payload: batches[0]!.payload } : {}),
      },
      nextCursor: next,
    };
  },

  /**
   * The streaming API announces new statuses and notifications as they happen; each announcement
   * wakes the poller, which reads from its cursors, so streamed and polled reads are one code path.
   */
  async stream(channel, _cursor, sink) {
    const streams = channel.config.sources.length ? ['user'] : [];
    for (const tag of channel.config.hashtags ?? []) streams.push(`hashtag?tag=${encodeURIComponent(tag)}`);
    const opened: EventStream[] = [];
    try {
      for (const name of streams) {
        opened.push(
          await openEventStream(endpoint(channel, `api/v1/streaming/${name}`), channel.net, headers(channel), {
            onEvent: (event) => {
              if (NEWS.has(event)) sink.wake();
            },
            onEnd: (error) => sink.fail(error),
          }),
        );
      }
    } catch (error) {
      await Promise.all(opened.map((s) => s.close()));
      throw error;
    }
    return { close: async () => void (await Promise.all(opened.map((s) => s.close()))) };
  },

  async sendReply(channel, reply) {
    if (!reply.inReplyToExternalId) throw new ConnectorError('rejected', 'A Mastodon reply needs the status it answers');
    const mention = reply.recipient.handle ? `@${reply.recipient.handle.replace(/^@/, '')} ` : '';
    const text = reply.text.startsWith(mention.trim()) ? reply.text : mention + reply.text;
    const response = await safeFetch(endpoint(channel, 'api/v1/statuses'), channel.net, {
      method: 'POST',
      headers: { ...headers(channel), 'content-type': 'application/json', 'idempotency-key': reply.messageId },
      // A direct message stays direct; a public thread is answered without flooding followers' timelines.
      body: JSON.stringify({
        status: text,
        in_reply_to_id: reply.inReplyToExternalId,
        visibility: reply.isPrivate ? 'direct' : 'unlisted',
      }),
    });
    expectSuccess(response, 'Mastodon');
    const status = JSON.parse(response.body.toString('utf8')) as { id?: unknown };
    if (typeof status.id !== 'string') throw new ConnectorError('parse_error', 'Mastodon did not return the new status id');
    return { externalId: status.id };
  },
});

/**
 * Bluesky: listens to the Jetstream firehose for posts by chosen accounts or saying chosen words,
 * and replies through the account's PDS over the AT Protocol, signed in with an app password.
 * With only accounts to follow, Jetstream itself filters (wantedDids); with keywords, every post
 * on the network passes by and the channel keeps the ones that match.
 */
import { Type, type Static } from 'typebox';
import { defineConnector, type ConnectorChannel } from '../../connector.js';
import { AllowPrivateNetwork, HttpUrl, privateHostProblems, urlProblems } from '../shared.js';
import { POST_COLLECTION } from './bluesky-post.js';
import { MAX_GRAPHEMES, sendBlueskyReply } from './bluesky-reply.js';
import { createSession, DEFAULT_SERVICE_URL } from './bluesky-xrpc.js';
import { jetstreamFilter } from './jetstream-filter.js';
import { openJetstream } from './jetstream-stream.js';

export const DEFAULT_JETSTREAM_URL = 'wss://jetstream2.us-east.bsky.network/subscribe';
/** How far before the stored cursor a reconnect resumes: events that were in flight are heard again, and deduplicated. */
const REPLAY_US = 5_000_000;

const BlueskyConfig = Type.Object(
  {
    jetstreamUrl: Type.Optional(
      Type.String({ minLength: 6, maxLength: 2048, description: `A Jetstream subscribe URL; default ${DEFAULT_JETSTREAM_URL}` }),
    ),
    serviceUrl: Type.Optional({ ...HttpUrl, description: `The account's PDS, for sign-in and replies; default ${DEFAULT_SERVICE_URL}` }),
    handle: Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{1,251}[A-Za-z0-9]$',
      patternReason: 'must be a handle such as name.bsky.social, without the @',
      description: 'The account handle, without the @',
    }),
    keywords: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', patternReason: 'must not be blank' }), {
        maxItems: 50,
        uniqueItems: true,
        description: 'Words or phrases; a post saying any of them is kept (case does not matter)',
      }),
    ),
    accounts: Type.Optional(
      Type.Array(Type.String({ pattern: '^did:[a-z]{1,32}:[A-Za-z0-9._:%-]{1,200}$', patternReason: 'must be a DID such as did:plc:…' }), {
        maxItems: 100,
        uniqueItems: true,
        description: 'DIDs of accounts whose every post is kept',
      }),
    ),
    allowPrivateNetwork: AllowPrivateNetwork,
  },
  { additionalProperties: false },
);
const BlueskyCredentials = Type.Object({ appPassword: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });

type Config = Static<typeof BlueskyConfig>;
type Channel = ConnectorChannel<Config, Static<typeof BlueskyCredentials>>;

/** The subscribe URL for the channel, resuming a little before `cursor` when there is one. */
export function subscribeUrl(config: Config, cursor: Record<string, unknown>): URL {
  const url = new URL(config.jetstreamUrl ?? DEFAULT_JETSTREAM_URL);
  url.searchParams.set('wantedCollections', POST_COLLECTION);
  if (!config.keywords?.length) for (const did of config.accounts ?? []) url.searchParams.append('wantedDids', did);
  if (typeof cursor.timeUs === 'number' && Number.isSafeInteger(cursor.timeUs) && cursor.timeUs > REPLAY_US)
    url.searchParams.set('cursor', String(cursor.timeUs - REPLAY_US));
  return url;
}

function jetstreamUrlProblems(value: string | undefined, allowPrivateNetwork: boolean): { field: string; reason: string }[] {
  if (value === undefined) return [];
  try {
    const url = new URL(value);
    if (url.protocol === 'wss:' || url.protocol === 'ws:') {
      if (url.username || url.password) return [{ field: 'config.jetstreamUrl', reason: 'must not carry credentials' }];
      return privateHostProblems('config.jetstreamUrl', url.hostname, allowPrivateNetwork);
    }
  } catch {
    return [{ field: 'config.jetstreamUrl', reason: 'must be a URL' }];
  }
  return [{ field: 'config.jetstreamUrl', reason: 'must be a wss:// (or ws://) URL' }];
}

export const blueskyConnector = defineConnector({
  kind: 'bluesky',
  configSchema: BlueskyConfig,
  credentialsSchema: BlueskyCredentials,
  capabilities: { pull: false, webhook: false, stream: true, reply: true },
  replyLength: { max: MAX_GRAPHEMES, counting: 'graphemes' },

  checkConfig: (config) => [
    ...jetstreamUrlProblems(config.jetstreamUrl, config.allowPrivateNetwork === true),
    ...urlProblems('config.serviceUrl', config.serviceUrl, config.allowPrivateNetwork),
    ...(config.keywords?.length || config.accounts?.length
      ? []
      : [{ field: 'config.keywords', reason: 'name at least one keyword or account to listen for' }]),
  ],

  async test(channel: Channel) {
    const session = await createSession(channel);
    return { ok: true, message: `Signed in as @${session.handle}.` };
  },

  stream: (channel: Channel, cursor, sink) =>
    openJetstream({ url: subscribeUrl(channel.config, cursor), net: channel.net, keep: jetstreamFilter(channel.config).keep }, sink),

  sendReply: (channel: Channel, reply) => sendBlueskyReply(channel, reply),
});

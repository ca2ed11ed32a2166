/**
 * Replying on Bluesky: a new `app.bsky.feed.post` record in the channel account's repository whose
 * `reply` names the thread's root and the post answered, each by URI and CID. The record key is
 * derived from the reply's message id, so a delivery retried after a lost answer finds the post it
 * already wrote instead of posting twice.
 */
import { createHash } from 'node:crypto';
import { ConnectorError, type OutboundReply } from '../../connector.js';
import { isObject, path, str } from '../../parsing/json.js';
import { graphemeCount } from '../reply-length.js';
import { POST_COLLECTION, splitPostUri } from './bluesky-post.js';
import { withSession, xrpcGet, xrpcPost, type Session, type XrpcChannel } from './bluesky-xrpc.js';

/** Bluesky's limits on a post's text. */
export const MAX_GRAPHEMES = 300;
const MAX_BYTES = 3_000;

const SORTABLE_BASE32 = '234567abcdefghijklmnopqrstuvwxyz';
const UUID_V7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A TID (the record key Bluesky posts use: microseconds since the epoch and a 10-bit clock id, in
 * sortable base32) that is the same on every attempt at one reply. Its time is the message id's own
 * (UUIDv7 ids carry their creation millisecond); the rest comes from a hash of the id.
 */
export function replyRecordKey(messageId: string): string {
  const hash = createHash('sha256').update(messageId).digest();
  const v7 = UUID_V7.exec(messageId);
  const millis = v7 ? parseInt(v7[1]! + v7[2]!, 16) : Date.now();
  const micros = BigInt(millis) * 1000n + BigInt(hash.readUInt16BE(0) % 1000);
  let value = (micros << 10n) | BigInt(hash.readUInt16BE(2) & 0x3ff);
  let key = '';
  for (let i = 0; i < 13; i++) {
    key = SORTABLE_BASE32[Number(value & 31n)]! + key;
    value >>= 5n;
  }
  return key;
}

interface StrongRef {
  uri: string;
  cid: string;
}

function strongRef(value: unknown): StrongRef | null {
  const uri = str(path(value, 'uri'));
  const cid = str(path(value, 'cid'));
  return uri && cid && splitPostUri(uri) ? { uri, cid } : null;
}

/** The post answered and its thread's root, from the AppView's copy of the post. */
async function threadRefs(channel: XrpcChannel, session: Session, parentUri: string): Promise<{ root: StrongRef; parent: StrongRef }> {
  const { status, body } = await xrpcGet(channel, session, 'app.bsky.feed.getPosts', { uris: parentUri }, 'Bluesky');
  const post = status === 200 && Array.isArray(body.posts) ? body.posts.find((p) => isObject(p) && p.uri === parentUri) : undefined;
  const parent = strongRef(post);
  if (!parent) throw new ConnectorError('rejected', 'The post replied to is gone from Bluesky (deleted, or its author blocks us)');
  return { parent, root: strongRef(path(post, 'record', 'reply', 'root')) ?? parent };
}

export async function sendBlueskyReply(channel: XrpcChannel, reply: OutboundReply): Promise<{ externalId: string }> {
  // Jetstream carries public posts only; a private conversation must never be answered in public.
  if (reply.isPrivate) throw new ConnectorError('unsupported', 'Bluesky direct messages cannot be answered from Rapport yet');
  const text = reply.text.trim();
  if (!text) throw new ConnectorError('rejected', 'A Bluesky reply needs some text');
  const length = graphemeCount(text);
  if (length > MAX_GRAPHEMES || Buffer.byteLength(text) > MAX_BYTES)
    throw new ConnectorError('rejected', `Bluesky posts are at most ${MAX_GRAPHEMES} characters; this reply has ${length}`);
  const parentUri = reply.inReplyToExternalId ?? reply.threadKey;
  if (!splitPostUri(parentUri)) throw new ConnectorError('rejected', 'A Bluesky reply needs the post it answers');
  const rkey = replyRecordKey(reply.messageId);

  return withSession(channel, async (session) => {
    const existing = await xrpcGet(
      channel,
      session,
      'com.atproto.repo.getRecord',
      { repo: session.did, collection: POST_COLLECTION, rkey },
      'Bluesky',
    );
    if (existing.status === 200 && typeof existing.body.uri === 'string') return { externalId: existing.body.uri };
    const refs = await threadRefs(channel, session, parentUri);
    const created = await xrpcPost(
      channel,
      session,
      'com.atproto.repo.createRecord',
      {
        repo: session.did,
        collection: POST_COLLECTION,
        rkey,
        record: { $type: POST_COLLECTION, text, createdAt: new Date().toISOString(), reply: refs },
      },
      'Bluesky',
    );
    if (typeof created.uri !== 'string') throw new ConnectorError('parse_error', 'Bluesky did not return the new post’s URI');
    return { externalId: created.uri };
  });
}

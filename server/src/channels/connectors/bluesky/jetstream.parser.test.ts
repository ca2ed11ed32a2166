import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../testing/corpora.js';
import { parseJetstream } from './jetstream.parser.js';

const GOLDEN = corpusFile('bluesky', 'jetstream__subscribe__testdata__golden_v1.jsonl');
const CAPTURE = corpusFile('bluesky', 'indigo__automod__capture__testdata__capture_atprotocom.json');

const event = (commit: Record<string, unknown>, did = 'did:plc:abc123'): string =>
  JSON.stringify({ did, time_us: 1_700_000_000_000_000, kind: 'commit', commit: { rev: 'r', rkey: '3k', ...commit } });

describe('Jetstream', () => {
  it('reads a post create with its reply root and parent URIs', () => {
    const { messages } = parseJetstream(GOLDEN);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'bluesky',
      externalId: 'at://did:plc:q235v55g5unth4zjjdpacfdr/app.bsky.feed.post/3mmoojp4cd223',
      inReplyToExternalId: 'at://did:plc:j76trmiofvaxxpvx2vnb2vwf/app.bsky.feed.post/3mmojbrjwbs26',
      rootExternalId: 'at://did:plc:j76trmiofvaxxpvx2vnb2vwf/app.bsky.feed.post/3mmojbrjwbs26',
      threadKey: 'at://did:plc:j76trmiofvaxxpvx2vnb2vwf/app.bsky.feed.post/3mmojbrjwbs26',
      text: 'Try RSV for a good time !!',
      language: 'en',
      sentAt: new Date('2026-05-25T14:23:28.757Z'),
      receivedAt: new Date('2026-05-25T14:23:29.157Z'),
      url: 'https://bsky.app/profile/did:plc:q235v55g5unth4zjjdpacfdr/post/3mmoojp4cd223',
      author: { externalId: 'did:plc:q235v55g5unth4zjjdpacfdr', handle: 'did:plc:q235v55g5unth4zjjdpacfdr' },
      raw: { format: 'jetstream', index: 1, line: 2 },
    });
  });

  it('skips likes, reposts, follows, other lexicons and account events by name, and reads profile updates', () => {
    const { rejected, profiles } = parseJetstream(GOLDEN);
    expect(rejected.map((r) => `${r.line} ${r.reason}`)).toEqual([
      '1 app.bsky.feed.like create: not a post',
      '3 app.bsky.feed.repost create: not a post',
      '4 app.bsky.graph.follow create: not a post',
      '6 org.hypercerts.claim.activity delete: not a post',
      '7 place.stream.broadcast.origin update: not a post',
      '8 identity event without a handle',
      '9 account event: account state, not a message',
      '10 app.bsky.graph.block create: not a post',
    ]);
    expect(rejected.every((r) => r.code === 'not-a-message')).toBe(true);
    expect(profiles[0]!.author).toMatchObject({
      externalId: 'did:plc:o6t5vwyr7ae73foww7bgye4r',
      displayName: 'Multiversal Lokis Unit🔞',
      avatarUrl:
        'https://cdn.bsky.app/img/avatar/plain/did:plc:o6t5vwyr7ae73foww7bgye4r/bafkreieajxclqzwk2mczx7hxmoboqpuiveqlbm35gsda5xlaqfmlryu4ri@jpeg',
    });
  });

  it('turns a post delete into a deletion and images into attachment metadata', () => {
    const lines = [
      event({ operation: 'delete', collection: 'app.bsky.feed.post', rkey: 'gone1' }),
      event({
        operation: 'create',
        collection: 'app.bsky.feed.post',
        rkey: 'img1',
        record: {
          $type: 'app.bsky.feed.post',
          text: 'look',
          createdAt: '2024-01-01T00:00:00Z',
          embed: {
            $type: 'app.bsky.embed.images',
            images: [{ alt: 'a dog', image: { $type: 'blob', ref: { $link: 'bafkreiabcdefghij' }, mimeType: 'image/png', size: 42 } }],
          },
        },
      }),
    ].join('\n');
    const { deletions, messages } = parseJetstream(lines);
    expect(deletions).toEqual([
      {
        channel: 'bluesky',
        externalId: 'at://did:plc:abc123/app.bsky.feed.post/gone1',
        deletedAt: new Date(1_700_000_000_000),
        raw: { format: 'jetstream', index: 0, line: 1 },
      },
    ]);
    expect(messages[0]!.attachments).toEqual([
      {
        name: 'a dog',
        contentType: 'image/png',
        size: 42,
        url: 'https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:abc123/bafkreiabcdefghij@jpeg',
      },
    ]);
    expect(messages[0]!.threadKey).toBe('at://did:plc:abc123/app.bsky.feed.post/img1');
  });

  it('reads an account capture: the profile, and posts with expanded link facets', () => {
    const { messages, profiles } = parseJetstream(CAPTURE);
    expect(profiles[0]!.author).toMatchObject({
      externalId: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
      handle: 'atproto.com',
      displayName: 'AT Protocol Developers',
      followers: 47411,
      following: 16,
      postsCount: 86,
    });
    expect(messages).toHaveLength(20);
    expect(messages.filter((m) => m.inReplyToExternalId)).toHaveLength(8);
    const yep = messages.find((m) => m.externalId.endsWith('/3kfdp7rlxtg27'))!;
    expect(yep.text).toBe('yep! https://atproto.com/community/quick-start');
    expect(yep.author).toMatchObject({ handle: 'atproto.com', profileUrl: 'https://bsky.app/profile/atproto.com' });
    expect(messages[0]).toMatchObject({
      externalId: 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kftldxbvq22p',
      inReplyToExternalId: 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kftlbujmfk24',
      rootExternalId: 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kftlbujmfk24',
      sentAt: new Date('2023-12-06T00:21:07.723Z'),
    });
  });

  it('rejects bad lines and events without stopping', () => {
    const lines = [
      event({
        operation: 'create',
        collection: 'app.bsky.feed.post',
        rkey: 'ok',
        record: { text: 'fine', createdAt: '2024-01-01T00:00:00Z' },
      }),
      '{"did": "nope"',
      '{"kind":"commit"}',
    ].join('\n');
    const result = parseJetstream(lines);
    expect(result.messages).toHaveLength(1);
    expect(result.rejected).toMatchObject([
      { index: null, line: 2, code: 'malformed' },
      { index: 1, line: 3, code: 'invalid', reason: 'not a Jetstream event: expected did, time_us and kind' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../testing/corpora.js';
import { parseMastodon } from './mastodon.parser.js';

const file = (name: string): Buffer => corpusFile('mastodon', name);

const status = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  created_at: '2024-01-02T03:04:05.000Z',
  in_reply_to_id: null,
  visibility: 'public',
  content: `<p>status ${id}</p>`,
  account: { id: '7', username: 'ann', acct: 'ann', display_name: 'Ann', url: 'https://social.example/@ann' },
  media_attachments: [],
  ...extra,
});

describe('Mastodon', () => {
  it('reads a streaming update: the payload is a JSON-encoded status with its reply link', () => {
    const { messages } = parseMastodon(file('tootsdk__streaming_update.json'));
    expect(messages[0]).toMatchObject({
      channel: 'mastodon',
      externalId: '108913983692647032',
      inReplyToExternalId: '108913981098896721',
      url: 'https://example.com/@testperson/108913983628474640',
      language: 'en',
      sentAt: new Date('2022-08-30T21:38:22Z'),
      isPrivate: false,
      metrics: { likes: 0, shares: 0, replies: 0 },
      author: {
        externalId: '1081104',
        handle: 'testperson@example.com',
        displayName: 'TestPerson',
        profileUrl: 'https://example.com/@testperson',
        followers: 150,
        following: 216,
        postsCount: 2447,
        location: 'Exemplia (CET: UTC+1 or CEST: UTC+2)',
      },
    });
    expect(messages[0]!.text).toMatch(/^Lorem ipsum dolor sit amet, .* commodo consequat\. 😂$/);
    expect(messages[0]!.html).toMatch(/^<p>Lorem ipsum/);
    // A reply outside its context: the parent is known, the thread root is not.
    expect(messages[0]!.threadKey).toBeUndefined();
  });

  it('turns a streaming delete into a deletion', () => {
    expect(parseMastodon(file('tootsdk__streaming_delete.json')).deletions).toEqual([
      { channel: 'mastodon', externalId: '106692867363994015', raw: { format: 'mastodon', index: 0 } },
    ]);
  });

  it('reads a status: content warning as title, full local handle, counts', () => {
    const [message] = parseMastodon(file('mastodonkit__StatusWithoutNull.json')).messages;
    expect(message).toMatchObject({
      externalId: '1',
      inReplyToExternalId: '32',
      title: "Let's keep his a secret!",
      language: 'fr',
      text: "This is a very very long status message posted on Mastodon. OK, not that long because I'm lazy and don't want to type a long fixture.",
      author: { handle: 'ornithocoder@mastodon.technology', displayName: 'Ornitho Coder' },
      metrics: { likes: 1, shares: 0, replies: 420 },
    });
  });

  it('names the root of every status of a context', () => {
    const context = {
      ancestors: [status('10'), status('11', { in_reply_to_id: '10' })],
      descendants: [status('13', { in_reply_to_id: '12' })],
    };
    const { messages } = parseMastodon(JSON.stringify(context));
    expect(messages.map((m) => [m.externalId, m.inReplyToExternalId, m.rootExternalId, m.threadKey, m.raw.index])).toEqual([
      ['10', undefined, undefined, '10', 0],
      ['11', '10', '10', '10', 1],
      ['13', '12', '10', '10', 2],
    ]);
  });

  it('reads notifications: a favourite is about the channel’s own status, a mention is a message to it', () => {
    const favourite = parseMastodon(file('mastodonkit__Notification.json'));
    expect(favourite.messages[0]).toMatchObject({ externalId: '1', direction: 'out' });
    expect(favourite.profiles[0]!.author).toMatchObject({ externalId: '1', displayName: 'Ornithologist Coder' });

    const mention = {
      id: '99',
      type: 'mention',
      created_at: '2024-01-02T03:04:05.000Z',
      account: status('x').account,
      status: status('20'),
    };
    const follow = { id: '98', type: 'follow', created_at: '2024-01-02T03:04:05.000Z', account: status('x').account };
    const result = parseMastodon(JSON.stringify([mention, follow]));
    expect(result.messages.map((m) => [m.externalId, m.direction])).toEqual([['20', 'in']]);
    expect(result.rejected).toEqual([{ index: 1, code: 'not-a-message', reason: 'follow notification: an interaction, not a message' }]);
  });

  it('reads accounts as profiles', () => {
    const { profiles, messages } = parseMastodon(file('tootsdk__account_mastodon_official.json'));
    expect(messages).toEqual([]);
    expect(profiles[0]!.author).toEqual({
      externalId: '13179',
      handle: 'Mastodon@mastodon.social',
      displayName: 'Mastodon',
      profileUrl: 'https://mastodon.social/@Mastodon',
      avatarUrl: 'https://files.mastodon.social/accounts/avatars/000/013/179/original/b4ceb19c9c54ec7e.png',
      followers: 814295,
      following: 3,
      postsCount: 262,
      bio: 'Free, open-source decentralized social media platform.',
    });
  });

  it('reads direct conversations as private threads and raw server-sent events', () => {
    const dm = [{ id: '55', unread: true, accounts: [], last_status: status('30', { visibility: 'direct' }) }];
    expect(parseMastodon(JSON.stringify(dm)).messages[0]).toMatchObject({
      externalId: '30',
      isPrivate: true,
      threadKey: 'conversation:55',
    });

    const sse = [
      ':thump',
      'event: update',
      `data: ${JSON.stringify(status('40'))}`,
      '',
      'event: delete',
      'data: 41',
      '',
      'event: filters_changed',
      'data: ',
      '',
    ].join('\n');
    const result = parseMastodon(sse);
    expect(result.messages.map((m) => [m.externalId, m.raw.line])).toEqual([['40', 2]]);
    expect(result.deletions.map((d) => d.externalId)).toEqual(['41']);
    expect(result.rejected).toEqual([
      { index: 2, line: 8, code: 'not-a-message', reason: 'streaming event "filters_changed" carries no message' },
    ]);
  });

  it('keeps media as attachment metadata and boosts as the booster’s message with the boosted text', () => {
    const media = [{ id: 'm1', type: 'image', url: 'https://files.example/a.png', description: 'A cat' }];
    const boost = status('60', { content: '', reblog: status('59', { media_attachments: media }) });
    const [message] = parseMastodon(JSON.stringify(boost)).messages;
    expect(message).toMatchObject({
      externalId: '60',
      text: 'status 59',
      attachments: [{ name: 'A cat', contentType: 'image/png', url: 'https://files.example/a.png' }],
    });
  });

  it('rejects statuses it cannot use and JSON that is not Mastodon, saying why', () => {
    const result = parseMastodon(JSON.stringify([status('70', { created_at: 'soon' }), { hello: 'world' }, 5]));
    expect(result.rejected).toEqual([
      { index: 0, code: 'invalid', reason: 'status has no valid created_at' },
      { index: 1, code: 'invalid', reason: 'not a Mastodon status, notification, context, conversation, account or streaming event' },
      { index: 2, code: 'invalid', reason: 'item is not a JSON object' },
    ]);
    expect(parseMastodon(file('tootsdk__tag.json')).rejected[0]!.code).toBe('not-a-message');
    const others = [
      { id: '1', following: true, followed_by: false },
      { error: 'Record not found' },
      { accounts: null, statuses: null, hashtags: null },
    ];
    expect(parseMastodon(JSON.stringify(others)).rejected.map((r) => `${r.code}: ${r.reason}`)).toEqual([
      'not-a-message: relationship: not a message',
      'not-a-message: API error: not a message',
      'empty: search results hold no statuses or accounts',
    ]);
  });
});

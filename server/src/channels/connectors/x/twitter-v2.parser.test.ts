import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../testing/corpora.js';
import { parseTwitterV2 } from './twitter-v2.parser.js';

const file = (name: string): Buffer => corpusFile('twitter-v2', name);

describe('X API v2', () => {
  it('reads a retweet with its author from includes.users, rebuilding the text from the retweeted tweet', () => {
    const { messages } = parseTwitterV2(file('twarc-csv__two_tweets.jsonl'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'twitter',
      externalId: '1394735776701816833',
      threadKey: '1394735776701816833',
      text: 'RT @bibaigna96: #POIUYTREWQ',
      sentAt: new Date('2021-05-18T19:24:56Z'),
      url: 'https://x.com/LachiVeronica/status/1394735776701816833',
      metrics: { likes: 0, shares: 1, replies: 0 },
      author: {
        externalId: '1379899464345923590',
        handle: 'LachiVeronica',
        displayName: 'Veronica Lachi',
        followers: 0,
        following: 4,
        postsCount: 2,
      },
      raw: { format: 'twitter-v2', index: 0 },
    });
    // "und" (undetermined) is not a language.
    expect(messages[0]!.language).toBeUndefined();
  });

  it('reads a search page: replies link to their parent and conversation root, retweets get their full text', () => {
    const { messages } = parseTwitterV2(file('twarc-csv__brexit.jsonl'));
    expect(messages).toHaveLength(100);
    const reply = messages.find((m) => m.externalId === '1440716745577140229')!;
    expect(reply).toMatchObject({
      inReplyToExternalId: '1440621713281093641',
      rootExternalId: '1440621713281093641',
      threadKey: '1440621713281093641',
      author: { handle: 'calin_a' },
      attachments: [
        { name: '16_1440716736051830786', contentType: 'video/mp4', url: 'https://pbs.twimg.com/tweet_video_thumb/E_50PPpUYAIE3uX.jpg' },
      ],
    });
    // The media link is an attachment, not text.
    expect(reply.text).not.toContain('https://t.co/');
    const retweet = messages.find((m) => m.externalId === '1440716856763977732')!;
    expect(retweet.text).toBe(
      "RT @carolJhedges: . #BorisJohnson has revealed his favourite bottle of wine, Tignanello costs £180\nHe's happy to see the £20 taken from your #UniversalCredit\nSTILL feel 'levelled up'?\nSTILL think he cares about your life?\nStill, he 'got #Brexit done' eh?\n\n#brexit #JohnsonOut #BorisTheLiar",
    );
    const quote = messages.find((m) => m.externalId === '1440715975020584960')!;
    expect(quote.text).toMatch(/^And @AngelaRayner & #NicolaSturgeon blame #Brexit/);
  });

  it('keeps the best video variant as the attachment', () => {
    const [message] = parseTwitterV2(file('twarc-csv__media_tweet.jsonl')).messages;
    expect(message).toMatchObject({
      text: "She's GOING with it! 🐍",
      attachments: [
        {
          name: '7_1558552952549277696',
          contentType: 'video/mp4',
          url: 'https://video.twimg.com/ext_tw_video/1558552952549277696/pu/vid/1280x720/WiZrNZKT2lMzK5zA.mp4?tag=12',
        },
      ],
      metrics: { likes: 93, shares: 13, replies: 3 },
    });
  });

  it('skips counts and list pages as a whole, with what they are', () => {
    expect(parseTwitterV2(file('twarc-csv__counts.jsonl')).rejected).toEqual([
      { index: 0, code: 'not-a-message', reason: 'tweet counts: a volume figure, not a tweet (169 in the page)' },
    ]);
    expect(parseTwitterV2(file('twarc-csv__lists.jsonl')).rejected.map((r) => r.reason)).toEqual([
      'list metadata, not a tweet (4 in the page)',
      'list metadata, not a tweet (2 in the page)',
    ]);
  });

  it('reads flattened tweets, single-tweet pages, DM events, user lookups and partial errors', () => {
    const lines = [
      JSON.stringify({
        id: '1',
        text: 'flat &lt;3 https://t.co/a',
        created_at: '2023-01-01T00:00:00.000Z',
        conversation_id: '1',
        author: { id: '9', username: 'flat', name: 'Flat' },
        entities: { urls: [{ url: 'https://t.co/a', expanded_url: 'https://example.org/a' }] },
      }),
      JSON.stringify({
        data: { id: '2', text: 'single', created_at: '2023-01-01T00:00:00.000Z', author_id: '8' },
        includes: { users: [{ id: '8', username: 'solo', name: 'Solo' }] },
      }),
      JSON.stringify({
        data: [
          {
            id: '3',
            event_type: 'MessageCreate',
            text: 'hi there',
            created_at: '2023-01-02T00:00:00.000Z',
            sender_id: '8',
            dm_conversation_id: '8-9',
          },
          { id: '4', event_type: 'ParticipantsJoin' },
        ],
        includes: { users: [{ id: '8', username: 'solo', name: 'Solo' }] },
      }),
      JSON.stringify({ data: [{ id: '8', username: 'solo', name: 'Solo', location: 'Mars', public_metrics: { followers_count: 3 } }] }),
      JSON.stringify({
        errors: [{ resource_type: 'tweet', resource_id: '5', detail: 'Could not find tweet with ids: [5].', title: 'Not Found Error' }],
      }),
    ].join('\n');
    const result = parseTwitterV2(lines);
    expect(result.messages.map((m) => [m.externalId, m.text, m.author.handle, m.isPrivate, m.threadKey])).toEqual([
      ['1', 'flat <3 https://example.org/a', 'flat', false, '1'],
      ['2', 'single', 'solo', false, '2'],
      ['3', 'hi there', 'solo', true, 'dm:8-9'],
    ]);
    expect(result.profiles[0]!.author).toMatchObject({ externalId: '8', handle: 'solo', location: 'Mars', followers: 3 });
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'DM ParticipantsJoin event',
      'API error for tweet 5: Could not find tweet with ids: [5].',
    ]);
  });

  it('reads twarc-flattened retweets (the reference carries the retweeted tweet) and compliance deletions', () => {
    const flat = {
      id: '10',
      text: 'RT @orig: the start of a long te…',
      created_at: '2021-04-08T19:34:16.000Z',
      author_id: '2',
      author: { id: '2', username: 'sharer', name: 'Sharer' },
      referenced_tweets: [{ type: 'retweeted', id: '9', text: 'the start of a long text, and its end', author_id: '1' }],
      attachments: { media: [{}] },
    };
    const compliance = [
      { id: '11', action: 'delete', created_at: '2019-09-06T17:25:54.667Z', reason: 'protected' },
      { id: '12', action: 'scrub_geo', created_at: '2019-09-06T17:25:54.667Z' },
    ];
    const result = parseTwitterV2([flat, ...compliance].map((line) => JSON.stringify(line)).join('\n'));
    expect(result.messages[0]).toMatchObject({
      externalId: '10',
      text: 'RT @orig: the start of a long text, and its end',
      attachments: [],
    });
    expect(result.deletions).toEqual([
      {
        channel: 'twitter',
        externalId: '11',
        deletedAt: new Date('2019-09-06T17:25:54.667Z'),
        raw: { format: 'twitter-v2', index: 1, line: 2 },
      },
    ]);
    expect(result.rejected).toEqual([{ index: 2, line: 3, code: 'not-a-message', reason: 'compliance scrub_geo record' }]);
  });

  it('rejects tweets missing what a message needs', () => {
    const page = {
      data: [
        { id: '1', text: 'no date', author_id: '2' },
        { id: '3', text: 'no author', created_at: '2023-01-01T00:00:00Z' },
      ],
    };
    expect(parseTwitterV2(page).rejected.map((r) => r.reason)).toEqual([
      'tweet has no valid created_at (request tweet.fields=created_at)',
      'tweet has no author_id (request tweet.fields=author_id)',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../testing/corpora.js';
import { parseReddit } from './reddit.parser.js';

const file = (name: string): Buffer => corpusFile('reddit', name);

describe('Reddit', () => {
  it('reads a post page with its nested comment tree: parents, thread, order', () => {
    const { messages } = parseReddit(file('go-reddit__post__post.json'));
    expect(messages.map((m) => [m.externalId, m.inReplyToExternalId, m.rootExternalId, m.threadKey, m.raw.index])).toEqual([
      ['t3_testpost', undefined, undefined, 't3_testpost', 0],
      ['t1_testc1', 't3_testpost', 't3_testpost', 't3_testpost', 1],
      ['t1_testc2', 't1_testc1', 't3_testpost', 't3_testpost', 2],
    ]);
    expect(messages[0]).toMatchObject({
      channel: 'reddit',
      title: 'Test',
      text: 'Hello',
      html: '<!-- SC_OFF --><div class="md"><p>Hello</p>\n</div><!-- SC_ON -->',
      url: 'https://www.reddit.com/r/test/comments/testpost/test/',
      sentAt: new Date('2020-07-18T10:26:07Z'),
      author: { externalId: 'testuser', handle: 'testuser', profileUrl: 'https://www.reddit.com/user/testuser/' },
    });
  });

  it('reads listings of posts: self text, link posts, scores', () => {
    const { messages } = parseReddit(file('go-reddit__subreddit__posts.json'));
    expect(messages[0]).toMatchObject({ externalId: 't3_agi5zf', text: 'test', metrics: { likes: 253, shares: 7, replies: 1634 } });
    expect(messages[1]).toMatchObject({ externalId: 't3_hyhquk', title: 'Veggies', text: 'https://i.imgur.com/LrN2mPw.jpg' });
  });

  it('reads the inbox: private messages thread on their first message, comment replies on their post', () => {
    const { messages } = parseReddit(file('go-reddit__message__inbox.json'));
    expect(messages[0]).toMatchObject({
      externalId: 't1_g1xi2m9',
      inReplyToExternalId: 't3_hs03f3',
      rootExternalId: 't3_hs03f3',
      threadKey: 't3_hs03f3',
      isPrivate: false,
      text: 'u/testuser2 hello',
    });
    expect(messages[1]).toMatchObject({
      externalId: 't4_qwki97',
      inReplyToExternalId: 't4_qwki4m',
      rootExternalId: 't4_qwkhao',
      threadKey: 't4_qwkhao',
      title: 're: test',
      isPrivate: true,
      sentAt: new Date(1597709813000),
    });
    expect(parseReddit(file('go-reddit__message__inbox.json'), { self: ['testuser1'] }).messages.every((m) => m.direction === 'out')).toBe(
      true,
    );
  });

  it('reads users as profiles and skips subreddits', () => {
    expect(parseReddit(file('go-reddit__user__get.json')).profiles[0]!.author).toMatchObject({
      externalId: 'Test_User',
      handle: 'Test_User',
    });
    expect(parseReddit(file('go-reddit__subreddit__about.json')).rejected).toEqual([
      { index: 0, code: 'not-a-message', reason: 'subreddit r/golang: a community, not a message' },
    ]);
  });

  it('rejects deleted authors and walks 10,000 levels of replies without recursion', () => {
    // Built as text: JSON.stringify itself recurses and would overflow on this depth.
    const open = (depth: number): string =>
      `{"kind":"Listing","data":{"children":[{"kind":"t1","data":{"name":"t1_c${depth}","author":"deep","body":"c${depth}","created_utc":1600000000,` +
      `"parent_id":"${depth === 0 ? 't3_root' : `t1_c${depth - 1}`}","link_id":"t3_root","replies":`;
    let tree = '';
    for (let depth = 0; depth < 10_000; depth++) tree += open(depth);
    tree += '""' + '}}]}}'.repeat(10_000);
    const deleted = { kind: 't1', data: { name: 't1_x', author: '[deleted]', body: '[removed]', created_utc: 1600000000 } };
    const result = parseReddit(`[${tree},${JSON.stringify(deleted)}]`);
    expect(result.messages).toHaveLength(10_000);
    expect(result.messages[9_999]).toMatchObject({ externalId: 't1_c9999', inReplyToExternalId: 't1_c9998', rootExternalId: 't3_root' });
    expect(result.rejected).toEqual([{ index: 10_000, code: 'invalid', reason: 'author deleted: nothing to attribute the message to' }]);
  });
});

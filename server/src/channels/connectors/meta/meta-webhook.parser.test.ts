import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../testing/corpora.js';
import { parseMetaWebhook } from './meta-webhook.parser.js';

const file = (name: string): Buffer => corpusFile('meta-webhooks', name);

describe('Meta webhooks', () => {
  it('reads a Messenger message: mid, text, millisecond timestamp, page-scoped sender, DM thread', () => {
    const { messages } = parseMetaWebhook(file('botbuilder__RequestResponse.json'));
    expect(messages[0]).toMatchObject({
      channel: 'meta',
      externalId: 'Q3znCzp31iKkarGcToiQWSJGtmSVjUPs7GtwB7WEjVRcg9MxG8TT09Z0wimdrcCHxQCRpMSKZcHBthhqXsonoA',
      threadKey: 'facebook:123123123:123123123',
      text: 'asd',
      sentAt: new Date(1570649960249),
      isPrivate: true,
      direction: 'in',
      author: { externalId: '123123123', handle: '123123123', displayName: '123123123' },
    });
    expect(messages[0]!.author.profileUrl).toBeUndefined();
  });

  it('reads a postback as what the person chose', () => {
    const { messages } = parseMetaWebhook(file('botbuilder__PayloadWithPostBack.json'));
    expect(messages[0]).toMatchObject({ externalId: 'm_1457764197618:41d102a3e1ae206a38', text: 'title' });
  });

  it('reads echoes as outgoing, replies, attachments, receipts, deletions and Instagram DMs', () => {
    const delivery = {
      object: 'instagram',
      entry: [
        {
          id: 'IG1',
          time: 1700000000000,
          messaging: [
            {
              sender: { id: 'IG1' },
              recipient: { id: 'U1' },
              timestamp: 1700000000000,
              message: { mid: 'm1', text: 'Hello from us', is_echo: true },
            },
            {
              sender: { id: 'U1' },
              recipient: { id: 'IG1' },
              timestamp: 1700000001000,
              message: {
                mid: 'm2',
                text: 'Thanks',
                reply_to: { mid: 'm1' },
                attachments: [{ type: 'image', payload: { url: 'https://cdn.example/p.jpg' } }],
              },
            },
            { sender: { id: 'U1' }, recipient: { id: 'IG1' }, timestamp: 1700000002000, read: { watermark: 1 } },
            { sender: { id: 'U1' }, recipient: { id: 'IG1' }, timestamp: 1700000003000, message: { mid: 'm2', is_deleted: true } },
          ],
        },
      ],
    };
    const result = parseMetaWebhook(JSON.stringify(delivery));
    expect(result.messages.map((m) => [m.externalId, m.direction, m.threadKey, m.inReplyToExternalId])).toEqual([
      ['m1', 'out', 'instagram:IG1:U1', undefined],
      ['m2', 'in', 'instagram:IG1:U1', 'm1'],
    ]);
    expect(result.messages[1]!.attachments).toEqual([{ name: 'p.jpg', contentType: 'image/jpeg', url: 'https://cdn.example/p.jpg' }]);
    expect(result.rejected).toEqual([{ index: 2, code: 'not-a-message', reason: 'messaging read event: not a message' }]);
    expect(result.deletions).toMatchObject([{ externalId: 'm2', deletedAt: new Date(1700000003000), raw: { index: 3 } }]);
  });

  it('reads Page feed comments and Instagram comments from changes[]', () => {
    const page = {
      object: 'page',
      entry: [
        {
          id: 'P1',
          time: 1700000000,
          changes: [
            {
              field: 'feed',
              value: {
                item: 'comment',
                verb: 'add',
                post_id: 'P1_10',
                comment_id: '10_20',
                parent_id: 'P1_10',
                from: { id: 'U9', name: 'Una' },
                message: 'Great!',
                created_time: 1700000100,
              },
            },
            { field: 'feed', value: { item: 'reaction', verb: 'add', post_id: 'P1_10', reaction_type: 'like' } },
            { field: 'feed', value: { item: 'comment', verb: 'remove', post_id: 'P1_10', comment_id: '10_21', created_time: 1700000200 } },
          ],
        },
      ],
    };
    const instagram = {
      object: 'instagram',
      entry: [
        {
          id: 'IG1',
          time: 1700000300,
          changes: [
            { field: 'comments', value: { id: 'c1', text: 'Nice pic', from: { id: 'U7', username: 'ursula' }, media: { id: 'M1' } } },
          ],
        },
      ],
    };
    const result = parseMetaWebhook([JSON.stringify(page), JSON.stringify(instagram)].join('\n'));
    expect(result.messages).toMatchObject([
      {
        externalId: '10_20',
        threadKey: 'P1_10',
        rootExternalId: 'P1_10',
        inReplyToExternalId: 'P1_10',
        text: 'Great!',
        sentAt: new Date(1700000100000),
        isPrivate: false,
        author: { externalId: 'U9', displayName: 'Una' },
      },
      {
        externalId: 'c1',
        threadKey: 'M1',
        rootExternalId: 'M1',
        text: 'Nice pic',
        sentAt: new Date(1700000300000),
        author: { handle: 'ursula', profileUrl: 'https://www.instagram.com/ursula/' },
      },
    ]);
    expect(result.rejected.map((r) => r.reason)).toEqual(['feed reaction add: not a message']);
    expect(result.deletions.map((d) => d.externalId)).toEqual(['10_21']);
  });

  it('reads Graph API objects, and rejects those without an author', () => {
    const [message] = parseMetaWebhook(
      file('graph-api-responses/python-facebook__facebook__apidata__messages__message_info.json'),
    ).messages;
    expect(message).toMatchObject({
      externalId: 'm_ToF35NI1OImBjyUIgplSaBMylUFmkYY4bHogy9C1otLISU6SGhccB5NK-THX_W4EdVQiKVv5SgCW9m-_C78mRA',
      isPrivate: true,
      text: '',
      sentAt: new Date('2021-07-23T09:50:48Z'),
      author: { externalId: '2711636948859886', displayName: 'Kun Liu' },
      attachments: [{ name: 'image-651143212510248', contentType: 'image/jpeg', size: 54542 }],
    });
    // The proxy address Meta puts in from.email is not the person's.
    expect(message!.author.email).toBeUndefined();
    expect(
      parseMetaWebhook(file('graph-api-responses/python-facebook__facebook__apidata__comments__comment_info.json')).rejected[0]!.reason,
    ).toBe('Graph API object without an author (request the from or username field)');
  });

  it('refuses other webhook objects and non-webhook JSON', () => {
    expect(parseMetaWebhook('{"object":"whatsapp_business_account","entry":[]}').rejected[0]!.reason).toBe(
      'webhook for object "whatsapp_business_account" is not supported',
    );
    expect(parseMetaWebhook('{"foo":1}').rejected[0]!.reason).toBe('not a Meta webhook delivery ({object, entry}) or Graph API object');
  });
});

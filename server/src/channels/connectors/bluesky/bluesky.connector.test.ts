import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../platform/db/ids.js';
import type { ConnectorChannel, ConnectorError, ReceivedBatch, StreamHandle, StreamSink } from '../../connector.js';
import { CAPTURE_DID, likeEvent, postEvent, startJetstreamServer, type JetstreamTestServer } from '../../testing/jetstream-server.js';
import { blueskyConnector, subscribeUrl } from './bluesky.connector.js';
import { replyRecordKey } from './bluesky-reply.js';
import { jetstreamFilter } from './jetstream-filter.js';
import { openJetstream } from './jetstream-stream.js';

type Channel = Parameters<typeof blueskyConnector.test>[0];

interface Heard {
  batches: ReceivedBatch[];
  cursors: number[];
  failures: ConnectorError[];
  sink: StreamSink;
}

function listener(emit?: (batch: ReceivedBatch) => Promise<void>): Heard {
  const heard: Heard = {
    batches: [],
    cursors: [],
    failures: [],
    sink: {
      async emit(batch, cursor) {
        await emit?.(batch);
        heard.batches.push(batch);
        heard.cursors.push(cursor.timeUs as number);
      },
      wake: () => undefined,
      fail: (error) => void heard.failures.push(error),
    },
  };
  return heard;
}

const ids = (heard: Heard) => heard.batches.flatMap((b) => b.messages.map((m) => m.externalId));
const T0 = 1_779_800_000_000_000;
const DID = (n: number) => `did:plc:customer${String(n).padStart(17, '0')}`;

describe('Bluesky connector (against a local Jetstream and PDS serving recorded payloads)', () => {
  let server: JetstreamTestServer;
  let channel: Channel;
  const handles: StreamHandle[] = [];

  beforeAll(async () => {
    server = await startJetstreamServer();
    channel = {
      id: 'c1',
      workspaceId: 'w1',
      kind: 'bluesky',
      name: 'Bluesky',
      config: { jetstreamUrl: server.jetstreamUrl, serviceUrl: server.url, handle: server.handle, keywords: ['rapport', 'customer love'] },
      credentials: { appPassword: server.appPassword },
      net: { allowPrivateNetwork: true },
    } satisfies ConnectorChannel as Channel;
  });
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await server?.close();
  });

  async function stream(ch: Channel, cursor: Record<string, unknown>, heard: Heard): Promise<StreamHandle> {
    const handle = await blueskyConnector.stream!(ch, cursor, heard.sink);
    handles.push(handle);
    return handle;
  }

  it('needs a keyword or an account, and a WebSocket URL for Jetstream', () => {
    const check = blueskyConnector.checkConfig!;
    expect(check({ handle: 'a.bsky.social' })).toEqual([{ field: 'config.keywords', reason: expect.stringContaining('at least one') }]);
    expect(check({ handle: 'a.bsky.social', accounts: [CAPTURE_DID], jetstreamUrl: 'https://jetstream.example/subscribe' })).toEqual([
      { field: 'config.jetstreamUrl', reason: 'must be a wss:// (or ws://) URL' },
    ]);
    expect(check({ handle: 'a.bsky.social', keywords: ['rapport'] })).toEqual([]);
  });

  it('matches keywords as whole words and phrases, in any case', () => {
    const filter = jetstreamFilter({ keywords: ['rapport', 'customer love', 'c++'] });
    const says = (text: string, rkey = newRkey()) => filter.keep(postEvent({ did: DID(1), rkey, text, timeUs: T0 }));
    expect(says('We use RAPPORT at work')).toBe(true);
    expect(says('Rapport, finally!')).toBe(true);
    expect(says('so much Customer\n love')).toBe(true);
    expect(says('learning C++ today')).toBe(true);
    expect(says('a rapportage of the week')).toBe(false);
    expect(says('customers lovely')).toBe(false);
    expect(filter.keep(likeEvent(DID(1), T0))).toBe(false);
  });

  it('asks Jetstream for posts only, for the accounts when there are no keywords, from a little before the cursor', () => {
    const url = subscribeUrl({ handle: 'a.bsky.social', accounts: [CAPTURE_DID, DID(2)] }, { timeUs: T0 });
    expect(url.searchParams.getAll('wantedCollections')).toEqual(['app.bsky.feed.post']);
    expect(url.searchParams.getAll('wantedDids')).toEqual([CAPTURE_DID, DID(2)]);
    expect(url.searchParams.get('cursor')).toBe(String(T0 - 5_000_000));
    // With keywords, posts by anyone may match, so Jetstream must not narrow by account.
    const both = subscribeUrl({ handle: 'a.bsky.social', accounts: [CAPTURE_DID], keywords: ['x'] }, {});
    expect(both.searchParams.getAll('wantedDids')).toEqual([]);
    expect(both.searchParams.has('cursor')).toBe(false);
  });

  it('keeps the posts that say a keyword, with their deletions, and hands back the cursor', async () => {
    const heard = listener();
    await stream(channel, {}, heard);
    await expect.poll(() => server.openConnections()).toBe(1);
    server.publish(
      postEvent({ did: DID(1), rkey: '3mmkeyword0001', text: 'Rapport answered me within minutes', timeUs: T0 + 1 }),
      postEvent({ did: DID(2), rkey: '3mmkeyword0002', text: 'nothing to see', timeUs: T0 + 2 }),
      likeEvent(DID(3), T0 + 3),
      postEvent({ did: DID(4), rkey: '3mmkeyword0003', text: 'all that CUSTOMER LOVE', timeUs: T0 + 4 }),
      {
        ...postEvent({ did: DID(1), rkey: '3mmkeyword0001', text: '', timeUs: T0 + 5 }),
        commit: { operation: 'delete', collection: 'app.bsky.feed.post', rkey: '3mmkeyword0001', rev: 'x' },
      },
      {
        ...postEvent({ did: DID(2), rkey: '3mmkeyword0002', text: '', timeUs: T0 + 6 }),
        commit: { operation: 'delete', collection: 'app.bsky.feed.post', rkey: '3mmkeyword0002', rev: 'y' },
      },
      postEvent({ did: DID(5), rkey: '3mmkeyword0004', text: 'still nothing', timeUs: T0 + 7 }),
    );
    await expect.poll(() => heard.batches.flatMap((b) => b.deletions ?? []).length).toBe(1);
    await expect.poll(() => heard.cursors.at(-1)).toBe(T0 + 7);
    expect(ids(heard)).toEqual([`at://${DID(1)}/app.bsky.feed.post/3mmkeyword0001`, `at://${DID(4)}/app.bsky.feed.post/3mmkeyword0003`]);
    const first = heard.batches.flatMap((b) => b.messages)[0]!;
    expect(first).toMatchObject({ channel: 'bluesky', text: 'Rapport answered me within minutes', author: { externalId: DID(1) } });
    expect(heard.batches.flatMap((b) => b.deletions ?? []).map((d) => d.externalId)).toEqual([
      `at://${DID(1)}/app.bsky.feed.post/3mmkeyword0001`,
    ]);
    expect(heard.batches.every((b) => b.format === 'jetstream' && b.rejected.length === 0)).toBe(true);
    expect(heard.failures).toEqual([]);
  });

  it('follows accounts through wantedDids, replaying the recorded posts from the cursor', async () => {
    const heard = listener();
    const capture = server.history.filter((e) => e.did === CAPTURE_DID).map((e) => Number(e.time_us));
    const from = Math.min(...capture) + 5_000_000;
    await stream({ ...channel, config: { ...channel.config, keywords: undefined, accounts: [CAPTURE_DID] } }, { timeUs: from }, heard);
    await expect.poll(() => ids(heard).length).toBe(20);
    const query = server.subscriptions.at(-1)!;
    expect(query.getAll('wantedDids')).toEqual([CAPTURE_DID]);
    expect(query.get('cursor')).toBe(String(from - 5_000_000));
    expect(new Set(ids(heard).map((id) => id.split('/')[2]))).toEqual(new Set([CAPTURE_DID]));
    const reply = heard.batches.flatMap((b) => b.messages).find((m) => m.externalId.endsWith('/3kftldxbvq22p'))!;
    expect(reply.inReplyToExternalId).toBe(`at://${CAPTURE_DID}/app.bsky.feed.post/3kftlbujmfk24`);
    expect(Math.max(...heard.cursors)).toBe(Math.max(...capture));
  });

  it('resumes after a reconnect from the stored cursor, hearing only the last few seconds again', async () => {
    const heard = listener();
    const at = (s: number) => T0 + 100_000_000 + s * 1_000_000;
    server.publish(
      postEvent({ did: DID(6), rkey: '3mmresume00001', text: 'rapport one', timeUs: at(0) }),
      postEvent({ did: DID(6), rkey: '3mmresume00002', text: 'rapport two', timeUs: at(20) }),
      postEvent({ did: DID(6), rkey: '3mmresume00003', text: 'rapport three', timeUs: at(23) }),
    );
    await stream(channel, { timeUs: at(20) }, heard);
    await expect
      .poll(() => ids(heard))
      .toEqual([`at://${DID(6)}/app.bsky.feed.post/3mmresume00002`, `at://${DID(6)}/app.bsky.feed.post/3mmresume00003`]);
    expect(heard.cursors.at(-1)).toBe(at(23));
  });

  it('ends with a transient failure when Jetstream drops the connection', async () => {
    const heard = listener();
    await stream(channel, {}, heard);
    await expect.poll(() => server.openConnections()).toBeGreaterThan(0);
    server.disconnectAll();
    await expect.poll(() => heard.failures.length).toBe(1);
    expect(heard.failures[0]).toMatchObject({ code: 'network', transient: true, message: expect.stringContaining('1001') });
  });

  it('stops reading while the sink is busy, emits bounded batches one at a time, and loses nothing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inFlight = 0;
    let overlapped = false;
    const heard = listener(async () => {
      if (++inFlight > 1) overlapped = true;
      await gate;
      inFlight--;
    });
    const handle = await openJetstream(
      {
        url: subscribeUrl({ ...channel.config, jetstreamUrl: server.jetstreamUrl }, {}),
        net: channel.net,
        keep: jetstreamFilter({ keywords: ['rapport'] }).keep,
      },
      heard.sink,
      { batchSize: 10, flushMs: 20, maxPending: 50, checkpointMs: 500, pingMs: 60_000 },
    );
    handles.push(handle);
    await expect.poll(() => server.openConnections()).toBeGreaterThan(0);
    const start = T0 + 500_000_000;
    for (let i = 0; i < 200; i++)
      server.publish(postEvent({ did: DID(7), rkey: `3mmpress${String(i).padStart(6, '0')}`, text: `rapport #${i}`, timeUs: start + i }));
    // 40 MB of posts the channel does not want: a socket still read would take them all; a paused one leaves them queued at the server.
    const filler = 'lorem ipsum '.repeat(850);
    for (let i = 0; i < 4_000; i++)
      server.publish(postEvent({ did: DID(8), rkey: `3mmfill${String(i).padStart(7, '0')}`, text: filler, timeUs: start + 1_000 + i }));
    await expect.poll(() => server.bufferedAmount(), { timeout: 10_000 }).toBeGreaterThan(10_000_000);
    release();
    await expect.poll(() => ids(heard).length, { timeout: 20_000 }).toBe(200);
    // Once the kept posts are in, the cursor alone moves on past the rest.
    await expect.poll(() => heard.cursors.at(-1), { timeout: 20_000 }).toBe(start + 1_000 + 3_999);
    expect(heard.batches.at(-1)!.messages).toEqual([]);
    expect(overlapped).toBe(false);
    expect(Math.max(...heard.batches.map((b) => b.messages.length))).toBeLessThanOrEqual(10);
    expect(ids(heard)).toEqual(
      Array.from({ length: 200 }, (_, i) => `at://${DID(7)}/app.bsky.feed.post/3mmpress${String(i).padStart(6, '0')}`),
    );
    expect(heard.cursors).toEqual([...heard.cursors].sort((a, b) => a - b));
  }, 40_000);

  it('refuses private addresses unless the channel allows them', async () => {
    const closed = { ...channel, net: { allowPrivateNetwork: false } };
    await expect(blueskyConnector.stream!(closed, {}, listener().sink)).rejects.toMatchObject({ code: 'ssrf_refused' });
    await expect(blueskyConnector.test(closed)).rejects.toMatchObject({ code: 'ssrf_refused' });
    await expect(
      blueskyConnector.sendReply!(closed, {
        messageId: newId(),
        text: 'hi',
        subject: '',
        recipient: { externalId: CAPTURE_DID },
        inReplyToExternalId: `at://${CAPTURE_DID}/app.bsky.feed.post/3kftldxbvq22p`,
        threadExternalIds: [],
        threadKey: `at://${CAPTURE_DID}/app.bsky.feed.post/3kftlbujmfk24`,
        isPrivate: false,
      }),
    ).rejects.toMatchObject({ code: 'ssrf_refused' });
  });

  it('tests the connection by signing in with the app password', async () => {
    expect(await blueskyConnector.test(channel)).toEqual({ ok: true, message: `Signed in as @${server.handle}.` });
    await expect(blueskyConnector.test({ ...channel, credentials: { appPassword: 'wrong-pass-word' } })).rejects.toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('Invalid identifier or password'),
    });
  });

  describe('replies', () => {
    const parent = `at://${CAPTURE_DID}/app.bsky.feed.post/3kftldxbvq22p`;
    const root = `at://${CAPTURE_DID}/app.bsky.feed.post/3kftlbujmfk24`;
    const reply = (text: string, messageId = newId(), inReplyTo = parent) => ({
      messageId,
      text,
      subject: '',
      recipient: { externalId: CAPTURE_DID, handle: 'atproto.com' },
      inReplyToExternalId: inReplyTo,
      threadExternalIds: [root, parent],
      threadKey: root,
      isPrivate: false,
    });

    it('posts a record naming the thread root and the post answered, by URI and CID', async () => {
      const messageId = newId();
      const sent = await blueskyConnector.sendReply!(channel, reply('Thanks for the pointer!', messageId));
      expect(sent.externalId).toBe(`at://${server.did}/app.bsky.feed.post/${replyRecordKey(messageId)}`);
      const input = server.created.at(-1)!.input as Record<string, unknown>;
      expect(input).toEqual({
        repo: server.did,
        collection: 'app.bsky.feed.post',
        rkey: replyRecordKey(messageId),
        record: {
          $type: 'app.bsky.feed.post',
          text: 'Thanks for the pointer!',
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          reply: {
            root: { uri: root, cid: 'bafyreiheaai2dcnd676fwxbpoozzu7rzin4gwswls2bob6noi24t5okxcq' },
            parent: { uri: parent, cid: 'bafyreih22okgdungwln2lwqt2kd4dd2ynzx3fyy3yefh5koocpizlngqfq' },
          },
        },
      });
      // A retried delivery finds the post it already wrote.
      const created = server.created.length;
      expect(await blueskyConnector.sendReply!(channel, reply('Thanks for the pointer!', messageId))).toEqual(sent);
      expect(server.created.length).toBe(created);
    });

    it('answers a thread root as both root and parent', async () => {
      await blueskyConnector.sendReply!(channel, reply('Welcome!', newId(), root));
      const record = (server.created.at(-1)!.input as { record: { reply: unknown } }).record;
      const ref = { uri: root, cid: 'bafyreiheaai2dcnd676fwxbpoozzu7rzin4gwswls2bob6noi24t5okxcq' };
      expect(record.reply).toEqual({ root: ref, parent: ref });
    });

    it('keeps its session, and signs in again once the PDS lets it expire', async () => {
      const signIns = () => server.calls.filter((c) => c.includes('createSession')).length;
      const before = signIns();
      await blueskyConnector.sendReply!(channel, reply('One'));
      expect(signIns()).toBe(before);
      server.expireSessions();
      await blueskyConnector.sendReply!(channel, reply('Two'));
      expect(signIns()).toBe(before + 1);
    });

    it('refuses text over 300 characters, and posts that are gone', async () => {
      await expect(blueskyConnector.sendReply!(channel, reply('👍🏽'.repeat(301)))).rejects.toMatchObject({ code: 'rejected' });
      expect(await blueskyConnector.sendReply!(channel, reply('👍🏽'.repeat(300)))).toMatchObject({ externalId: expect.any(String) });
      await expect(
        blueskyConnector.sendReply!(channel, reply('Hello?', newId(), `at://${DID(9)}/app.bsky.feed.post/3mmgone000001`)),
      ).rejects.toMatchObject({ code: 'rejected', message: expect.stringContaining('gone') });
    });

    it('refuses to answer a private conversation in public', async () => {
      await expect(blueskyConnector.sendReply!(channel, { ...reply('Our order number is 42'), isPrivate: true })).rejects.toMatchObject({
        code: 'unsupported',
      });
    });

    it('reports a wrong app password as an authentication failure', async () => {
      await expect(
        blueskyConnector.sendReply!({ ...channel, id: 'c2', credentials: { appPassword: 'wrong-pass-word' } }, reply('Hi')),
      ).rejects.toMatchObject({ code: 'auth_failed' });
    });
  });
});

let rkeys = 0;
function newRkey(): string {
  return `3mmfilter${String(rkeys++).padStart(5, '0')}`;
}

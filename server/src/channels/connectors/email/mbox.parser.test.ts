import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../testing/corpora.js';
import { parseMbox, splitMbox } from './mbox.parser.js';

const mbox = Buffer.concat([
  Buffer.from('From jdoe@machine.example Fri Nov 21 09:55:06 1997\n'),
  corpusFile('email', 'mail__rfc2822__example01.eml'),
  Buffer.from('\nFrom mary@example.net Fri Nov 21 10:01:10 1997\n'),
  corpusFile('email', 'mail__rfc2822__example06.eml'),
  Buffer.from('>From the archive: a quoted line\n'),
  Buffer.from('\nFrom jdoe@machine.example Fri Nov 21 11:00:00 1997\n'),
  corpusFile('email', 'mail__rfc2822__example07.eml'),
]);

describe('mbox', () => {
  it('splits a mailbox at its envelope lines and threads the messages', async () => {
    const { messages, rejected } = await parseMbox(mbox);
    expect(rejected).toEqual([]);
    expect(messages.map((m) => [m.externalId, m.inReplyToExternalId, m.threadKey, m.raw.index])).toEqual([
      ['1234@local.machine.example', undefined, '1234@local.machine.example', 0],
      ['3456@example.net', '1234@local.machine.example', '1234@local.machine.example', 1],
      ['abcd.1234@local.machine.tld', '3456@example.net', '1234@local.machine.example', 2],
    ]);
    expect(messages.every((m) => m.raw.format === 'mbox')).toBe(true);
  });

  it('unescapes ">From " body lines and does not split on them', async () => {
    expect(splitMbox(mbox)).toHaveLength(3);
    const { messages } = await parseMbox(mbox);
    expect(messages[1]!.text).toBe('This is a reply to your hello.\nFrom the archive: a quoted line');
  });

  it('reports a bad message by its position and keeps going', async () => {
    const broken = Buffer.concat([Buffer.from('From x Fri Nov 21 09:55:06 1997\nthis is no e-mail\n\n'), mbox]);
    const { messages, rejected } = await parseMbox(broken);
    expect(messages).toHaveLength(3);
    expect(rejected).toEqual([{ index: 0, code: 'malformed', reason: 'not an e-mail: it does not start with header fields' }]);
    expect((await parseMbox('')).rejected).toEqual([{ index: null, code: 'empty', reason: 'the mailbox has no messages' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../testing/corpora.js';
import { parseEml } from './eml.parser.js';

const mail = (name: string): Buffer => corpusFile('email', name);

describe('e-mail (eml)', () => {
  it('threads replies by Message-ID, In-Reply-To and References (RFC 2822 A.2)', async () => {
    const hello = (await parseEml(mail('mail__rfc2822__example01.eml'))).messages[0]!;
    const reply = (await parseEml(mail('mail__rfc2822__example06.eml'))).messages[0]!;
    const replyToReply = (await parseEml(mail('mail__rfc2822__example07.eml'))).messages[0]!;
    expect(hello).toMatchObject({
      channel: 'email',
      externalId: '1234@local.machine.example',
      threadKey: '1234@local.machine.example',
      author: {
        externalId: 'jdoe@machine.example',
        handle: 'jdoe@machine.example',
        displayName: 'John Doe',
        email: 'jdoe@machine.example',
      },
      title: 'Saying Hello',
      text: 'This is a message just to say hello.\nSo, "Hello".',
      sentAt: new Date('1997-11-21T15:55:06Z'),
      isPrivate: true,
      direction: 'in',
    });
    expect(hello.inReplyToExternalId).toBeUndefined();
    expect(reply).toMatchObject({
      externalId: '3456@example.net',
      inReplyToExternalId: '1234@local.machine.example',
      rootExternalId: '1234@local.machine.example',
      threadKey: '1234@local.machine.example',
      author: { displayName: 'Mary Smith', email: 'mary@example.net' },
    });
    expect(replyToReply).toMatchObject({
      externalId: 'abcd.1234@local.machine.tld',
      inReplyToExternalId: '3456@example.net',
      rootExternalId: '1234@local.machine.example',
      threadKey: '1234@local.machine.example',
    });
  });

  it('reads the envelope line, the top Received stamp, encoded-word subjects and attachments as metadata', async () => {
    const { messages } = await parseEml(mail('mail__attachment_emails__attachment_pdf.eml'));
    expect(messages[0]).toMatchObject({
      externalId: 'xxxx@xxxx.com',
      title: 'Another PDF with 🎉 Unicode chars in it 🍿',
      author: { displayName: 'Test Tester', email: 'xxxx@xxxx.com' },
      sentAt: new Date('2005-05-10T17:26:39Z'),
      receivedAt: new Date('2005-05-10T17:26:50Z'),
      attachments: [{ name: 'broken.pdf', contentType: 'application/pdf', size: 1026 }],
    });
    expect(messages[0]!.text).toBe(
      'Just attaching another PDF, here, to see what the message looks like,\nand to see if I can figure out what is going wrong here.',
    );
  });

  it('names inline parts without a filename by their Content-ID', async () => {
    const { messages } = await parseEml(mail('mail__mime_emails__raw_email12.eml'));
    expect(messages[0]!.attachments).toEqual([{ name: 'inline-qbFGyPQAS8', contentType: 'image/jpeg', size: 227 }]);
  });

  it('keeps the HTML alternative as html and the plain part as text', async () => {
    const { messages } = await parseEml(mail('talon__standard_replies__gmail.eml'));
    expect(messages[0]!.text).toBe('Hello\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Megan One <xxx@gmail.com> wrote:\n\n> Hi');
    expect(messages[0]!.html).toContain('<div class="gmail_quote">');
  });

  it('reads a reply that has In-Reply-To but no References as a link to its parent only', async () => {
    const { messages } = await parseEml(mail('talon__standard_replies__yahoo.eml'));
    expect(messages[0]).toMatchObject({ inReplyToExternalId: '1333374262.7063.15.camel@mg5', sentAt: new Date('2012-04-02T13:45:30Z') });
    expect(messages[0]!.threadKey).toBeUndefined();
    expect(messages[0]!.rootExternalId).toBeUndefined();
  });

  it('rejects a message without sender or date, and accepts an undated one given receivedAt', async () => {
    expect((await parseEml(mail('mailparser__mixed.eml'))).rejected).toEqual([
      { index: 0, code: 'invalid', reason: 'the message has no valid From (or Sender, Reply-To) address' },
    ]);
    const receivedAt = new Date('2013-02-20T10:00:00Z');
    const { messages } = await parseEml(mail('mailparser__nested.eml'), { receivedAt });
    expect(messages[0]).toMatchObject({
      sentAt: receivedAt,
      receivedAt,
      author: { email: 'u@example.com' },
      text: 'Dear Sir,\n\nGood evening.\n\nThe footer',
    });
    // No Message-ID: a content hash stands in, the same on every import.
    expect(messages[0]!.externalId).toMatch(/^generated:/);
    expect((await parseEml(mail('mailparser__nested.eml'), { receivedAt })).messages[0]!.externalId).toBe(messages[0]!.externalId);
  });

  it('takes the author from Sender when From is missing', async () => {
    const raw = 'Sender: List Bot <bot@lists.example>\r\nDate: Mon, 2 Apr 2012 06:45:30 -0700\r\nMessage-ID: <l@x>\r\n\r\nhello';
    expect((await parseEml(raw)).messages[0]!.author).toEqual({
      externalId: 'bot@lists.example',
      handle: 'bot@lists.example',
      displayName: 'List Bot',
      email: 'bot@lists.example',
    });
  });

  it('marks messages from the channel’s own address as outgoing', async () => {
    const { messages } = await parseEml(mail('mail__rfc2822__example06.eml'), { self: ['MARY@example.net'] });
    expect(messages[0]!.direction).toBe('out');
  });

  it('decodes declared charsets and repairs UTF-8 mislabelled as Latin-1', async () => {
    const head =
      'From: =?ISO-8859-1?Q?J=F6rg?= <j@example.org>\r\nDate: Mon, 2 Apr 2012 06:45:30 -0700\r\nMessage-ID: <c@x>\r\nSubject: =?UTF-8?B?w6l0w6k=?=\r\n';
    const latin1 = Buffer.concat([
      Buffer.from(`${head}Content-Type: text/plain; charset=iso-8859-1\r\n\r\n`),
      Buffer.from('Grüße', 'latin1'),
    ]);
    expect((await parseEml(latin1)).messages[0]).toMatchObject({ text: 'Grüße', title: 'été', author: { displayName: 'Jörg' } });
    const mislabelled = Buffer.concat([
      Buffer.from(`${head}Content-Type: text/plain; charset=iso-8859-1\r\n\r\n`),
      Buffer.from('Grüße ✓', 'utf8'),
    ]);
    expect((await parseEml(mislabelled)).messages[0]!.text).toBe('Grüße ✓');
    const bogus = Buffer.concat([
      Buffer.from(`${head}Content-Type: text/plain; charset=x-no-such-charset\r\n\r\n`),
      Buffer.from('plain ascii', 'utf8'),
    ]);
    expect((await parseEml(bogus)).messages[0]!.text).toBe('plain ascii');
  });

  it('keeps script in html only, never in text', async () => {
    const raw = [
      'From: a@example.org',
      'Date: Mon, 2 Apr 2012 06:45:30 -0700',
      'Message-ID: <s@x>',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><body><p>Click</p><script>fetch("//evil")</script><img src=x onerror="alert(1)"></body></html>',
    ].join('\r\n');
    const message = (await parseEml(raw)).messages[0]!;
    expect(message.html).toContain('<script>fetch("//evil")</script>');
    expect(message.text).toBe('Click');
  });

  it('rejects what is not an e-mail', async () => {
    expect((await parseEml('')).rejected).toEqual([{ index: 0, code: 'empty', reason: 'the message is empty' }]);
    expect((await parseEml('{"json": true}')).rejected[0]).toMatchObject({
      code: 'malformed',
      reason: 'not an e-mail: it does not start with header fields',
    });
    expect((await parseEml(Buffer.from([0, 1, 2, 255, 254, 10, 13]))).rejected[0]).toMatchObject({ code: 'malformed' });
  });
});

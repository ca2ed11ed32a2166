/**
 * One RFC 5322 message to a normalised message. MIME (nested multiparts, transfer encodings,
 * charsets, encoded words, attachments) is mailparser's job: it is the maintained parser of the
 * Nodemailer project and handles the encodings real mail uses. Threading comes from Message-ID,
 * In-Reply-To and References; dates are read from the raw headers here, because mailparser answers
 * "now" for a Date header it cannot read, and a parser must not depend on the clock.
 */
import type { AddressObject, EmailAddress, ParsedMail } from 'mailparser';
import type { Attachment } from '../../message.schema.js';
import { parseDate } from '../../parsing/dates.js';
import type { ResultCollector } from '../../parsing/parse-result.js';
import { htmlToText, normaliseLine, normaliseText, repairMojibake } from '../../parsing/text.js';
import { cleanId, generatedId, languageTag } from '../../parsing/values.js';

/** A field name, a colon: the first line of any message that has headers. RFC 5322 allows any
 * printable name; real ones are letters, digits and hyphens, which tells mail from JSON or prose. */
export const HEADER_LINE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,75}:/;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** The mbox envelope line ("From sender date") some .eml files still start with. */
export function splitEnvelope(bytes: Buffer): { envelopeDate?: Date; message: Buffer } {
  if (bytes.subarray(0, 5).toString('latin1') !== 'From ') return { message: bytes };
  const end = bytes.indexOf(0x0a);
  const line = bytes.subarray(0, end < 0 ? bytes.length : end).toString('latin1');
  // The date is whatever follows the sender; asctime form ("Tue May 10 11:28:07 2005") in practice.
  const envelopeDate = parseDate(line.replace(/^From\s+\S+\s+/, '').trim());
  return { envelopeDate, message: end < 0 ? Buffer.alloc(0) : bytes.subarray(end + 1) };
}

export async function addEmail(collector: ResultCollector, bytes: Buffer, index: number): Promise<void> {
  const { envelopeDate, message } = splitEnvelope(bytes);
  const firstLine = message.subarray(0, 200).toString('latin1').replace(/^\s+/, '');
  if (!firstLine) {
    collector.reject(index, 'empty', 'the message is empty');
    return;
  }
  if (!HEADER_LINE.test(firstLine)) {
    collector.reject(index, 'malformed', 'not an e-mail: it does not start with header fields');
    return;
  }
  const cut = missingClosingBoundary(message);
  if (cut) {
    collector.reject(index, 'malformed', cut);
    return;
  }
  // The MIME parser (~36 MB resident) loads with the first e-mail read, not with every server.
  const { simpleParser } = await import('mailparser');
  let mail: ParsedMail;
  try {
    mail = await simpleParser(message, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      keepCidLinks: true,
    });
  } catch (error) {
    collector.reject(index, 'malformed', `MIME could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  toMessage(collector, mail, index, envelopeDate);
}

function toMessage(collector: ResultCollector, mail: ParsedMail, index: number, envelopeDate: Date | undefined): void {
  const sender = senderOf(mail);
  if (!sender?.address) {
    collector.reject(index, 'invalid', 'the message has no valid From (or Sender, Reply-To) address');
    return;
  }
  const address = sender.address;
  const received = receivedDate(mail);
  const sentAt = parseDate(header(mail, 'date')) ?? envelopeDate ?? received ?? collector.receivedAt;
  if (!sentAt) {
    collector.reject(index, 'invalid', 'the message has no readable Date header, envelope or Received date');
    return;
  }
  const html = typeof mail.html === 'string' ? mail.html : undefined;
  const text = mail.text ? normaliseText(repairMojibake(mail.text)) : html ? htmlToText(html) : '';
  const subject = mail.subject ? normaliseLine(repairMojibake(mail.subject)) : undefined;
  const references = messageIds(mail.references);
  const inReplyTo = messageIds(mail.inReplyTo)[0];
  const externalId = messageIds(mail.messageId)[0] ?? generatedId(address, header(mail, 'date'), subject, text);
  // The first References entry is the thread's first message; with only In-Reply-To the root is
  // unknown and the pipeline follows the chain.
  const root = references[0];
  collector.message(
    {
      channel: 'email',
      externalId,
      threadKey: root ?? (inReplyTo ? undefined : externalId),
      inReplyToExternalId: inReplyTo ?? references[references.length - 1],
      rootExternalId: root !== externalId ? root : undefined,
      author: {
        externalId: address.toLowerCase(),
        handle: address,
        displayName: normaliseLine(repairMojibake(sender.name ?? '')) || address,
        // The sender's address is the identity this channel answers to.
        email: address,
      },
      text,
      html,
      title: subject || undefined,
      language: languageTag(header(mail, 'content-language')?.split(',')[0]),
      sentAt,
      receivedAt: received ?? envelopeDate,
      isPrivate: true,
      attachments: mail.attachments.slice(0, 1_000).map((a, i): Attachment => ({
        name: a.filename
          ? normaliseLine(a.filename, 1_024) || `attachment-${i + 1}`
          : a.cid
            ? `inline-${a.cid}`.slice(0, 1_024)
            : `attachment-${i + 1}`,
        contentType: a.contentType || 'application/octet-stream',
        size: a.size,
      })),
    },
    index,
  );
}

/**
 * A multipart message ends with "--boundary--"; without it the file was cut short and the last part
 * (often the text, or an attachment's size) is incomplete. Only the top-level boundary is checked.
 */
function missingClosingBoundary(message: Buffer): string | null {
  const headerEnd = message.indexOf('\n\n') >= 0 ? message.indexOf('\n\n') : message.indexOf('\r\n\r\n');
  const head = message
    .subarray(0, headerEnd < 0 ? Math.min(message.length, 65_536) : headerEnd)
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ');
  const contentType = /^content-type:\s*multipart\/[^\n]*/im.exec(head)?.[0];
  const boundary = contentType ? /boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(contentType) : null;
  const name = boundary?.[1] ?? boundary?.[2];
  if (!name) return null;
  return message.includes(`--${name}--`, 0, 'latin1') ? null : 'the message is cut off: its closing MIME boundary is missing';
}

/** The author: From, else Sender, else Reply-To (some gateways and list servers drop From). */
function senderOf(mail: ParsedMail): EmailAddress | undefined {
  const sender = mail.headers.get('sender');
  const candidates = [mail.from, isAddressObject(sender) ? sender : undefined, mail.replyTo];
  for (const object of candidates) {
    const found = object?.value.find((a) => a.address && ADDRESS.test(a.address));
    if (found) return found;
  }
  return undefined;
}

function isAddressObject(value: unknown): value is AddressObject {
  return typeof value === 'object' && value !== null && Array.isArray((value as AddressObject).value);
}

/** The raw value of the first header with this name, unfolded. */
function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line
    ? line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim()
    : undefined;
}

/** The top Received header is the receiving server's own stamp: when the message arrived. */
function receivedDate(mail: ParsedMail): Date | undefined {
  const line = mail.headerLines.find((h) => h.key === 'received')?.line;
  if (!line) return undefined;
  const stamp = line.slice(line.lastIndexOf(';') + 1);
  return parseDate(stamp.replace(/\r?\n[ \t]+/g, ' '));
}

/** Message ids without angle brackets, in order, from a header value or mailparser's list. */
function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const bracketed = [...text.matchAll(/<([^<>\s]{1,998})>/g)].map((m) => m[1]!);
  const ids = bracketed.length > 0 ? bracketed : text.split(/\s+/).filter((t) => t.includes('@'));
  return ids.map((id) => cleanId(id)).filter((id): id is string => id !== undefined);
}

/**
 * E-mail channels. Mail comes in over IMAP, read by UID from where the last poll stopped (and
 * announced at once by IDLE while a watch is open); replies go out over SMTP, threaded the way mail
 * clients expect: a fresh Message-ID, In-Reply-To naming the customer's message and References
 * carrying the thread, and "Re:" on the subject.
 */
import { randomUUID } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { ConnectorError, defineConnector, type ConnectorChannel, type OutboundReply } from '../../connector.js';
import { OneOf } from '../../../platform/http/schemas.js';
import { AllowPrivateNetwork, privateHostProblems } from '../shared.js';
import { parseFile } from '../../formats.js';
import type { Rejection } from '../../index.js';
import { connectionProblem } from '../../net/connection-failure.js';
import { judgedAddress } from '../../net/judged-address.js';
import { openImap, readNewMail, watchMailbox, type ImapAccount, type ImapCursor } from './imap-mailbox.js';
import { SMTP_SECURITY, smtpError, smtpTransport, type SmtpServer } from './smtp.sender.js';

/** Messages taken per poll: a full mailbox is read over several polls, in bounded memory. */
const MAIL_PER_POLL = 200;

const Address = Type.String({
  minLength: 3,
  maxLength: 320,
  pattern: '^[^\\s@<>]+@[^\\s@<>]+$',
  patternReason: 'must be an e-mail address',
});

const EmailConfig = Type.Object(
  {
    address: Address,
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Shown as the sender; default the channel name' })),
    smtp: Type.Object(
      {
        host: Type.String({ minLength: 1, maxLength: 253 }),
        port: Type.Integer({ minimum: 1, maximum: 65_535 }),
        security: OneOf(SMTP_SECURITY, { description: 'tls (port 465), starttls (587) or none (a local relay)' }),
      },
      { additionalProperties: false },
    ),
    imap: Type.Optional(
      Type.Object(
        {
          host: Type.String({ minLength: 1, maxLength: 253 }),
          port: Type.Integer({ minimum: 1, maximum: 65_535 }),
          security: OneOf(SMTP_SECURITY, { description: 'tls (port 993), starttls (143) or none (a local server)' }),
          mailbox: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Default INBOX' })),
        },
        { additionalProperties: false },
      ),
    ),
    allowPrivateNetwork: AllowPrivateNetwork,
  },
  { additionalProperties: false },
);

const EmailCredentials = Type.Object(
  {
    imapUser: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
    imapPassword: Type.Optional(Type.String({ maxLength: 1000 })),
    smtpUser: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
    smtpPassword: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

const bracketed = (id: string) => `<${id}>`;

export function replySubject(subject: string): string {
  const trimmed = subject.trim();
  if (/^re:/i.test(trimmed)) return trimmed;
  return trimmed ? `Re: ${trimmed}` : 'Re: your message';
}

function server(
  config: { smtp: Omit<SmtpServer, 'user' | 'password'> },
  credentials: { smtpUser?: string; smtpPassword?: string } | null,
): SmtpServer {
  return { ...config.smtp, user: credentials?.smtpUser, password: credentials?.smtpPassword };
}

type EmailChannel = ConnectorChannel<Static<typeof EmailConfig>, Static<typeof EmailCredentials>>;

function imapAccount(channel: EmailChannel): ImapAccount | null {
  const imap = channel.config.imap;
  if (!imap) return null;
  return {
    host: imap.host,
    port: imap.port,
    security: imap.security,
    user: channel.credentials?.imapUser ?? channel.config.address,
    password: channel.credentials?.imapPassword ?? '',
    mailbox: imap.mailbox ?? 'INBOX',
  };
}

function imapFailure(error: unknown, host: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const { authenticationFailed } = error as { authenticationFailed?: boolean };
  if (authenticationFailed) return new ConnectorError('auth_failed', 'the IMAP server refused the login');
  return new ConnectorError('network', `could not talk to the IMAP server: ${connectionProblem(host, error).reason}`, true);
}

async function imapSession(channel: EmailChannel, account: ImapAccount) {
  try {
    return await openImap(account, (host) => judgedAddress(host, channel.net));
  } catch (error) {
    throw imapFailure(error, account.host);
  }
}

function imapCursor(cursor: Record<string, unknown>): ImapCursor {
  return {
    ...(typeof cursor.uidValidity === 'string' ? { uidValidity: cursor.uidValidity } : {}),
    ...(typeof cursor.lastUid === 'number' ? { lastUid: cursor.lastUid } : {}),
  };
}

export const emailConnector = defineConnector({
  kind: 'email',
  configSchema: EmailConfig,
  credentialsSchema: EmailCredentials,
  capabilities: { pull: true, webhook: false, stream: false, reply: true },
  shownCredentials: ['imapUser', 'smtpUser'],
  defaultPollSeconds: 60,

  checkConfig: (config) => [
    ...(config.imap ? privateHostProblems('config.imap.host', config.imap.host, config.allowPrivateNetwork === true) : []),
    ...privateHostProblems('config.smtp.host', config.smtp.host, config.allowPrivateNetwork === true),
  ],

  async pull(channel, cursor, now) {
    const account = imapAccount(channel);
    // A send-only mailbox has nothing to read.
    if (!account) return { batch: null, nextCursor: cursor };
    const client = await imapSession(channel, account);
    try {
      const read = await readNewMail(client, account.mailbox, imapCursor(cursor), MAIL_PER_POLL);
      const nextCursor = { ...read.cursor };
      if (read.mails.length === 0) return { batch: null, nextCursor };
      const messages = [];
      const rejected: Rejection[] = [];
      for (const [index, mail] of read.mails.entries()) {
        const parsed = await parseFile('eml', mail.raw, { receivedAt: now });
        messages.push(...parsed.messages);
        rejected.push(...parsed.rejected.map((r) => ({ ...r, index, reason: `UID ${mail.uid}: ${r.reason}` })));
      }
      return { batch: { format: 'eml', messages, rejected }, nextCursor, more: read.more };
    } finally {
      await client.logout().catch(() => undefined);
    }
  },

  /** IMAP IDLE: the server announces new mail, and the poller reads it at once rather than at the next interval. */
  async stream(channel, _cursor, sink) {
    const account = imapAccount(channel);
    if (!account) return { close: async () => undefined };
    try {
      return await watchMailbox(
        account,
        (host) => judgedAddress(host, channel.net),
        () => sink.wake(),
        (error) => sink.fail(new ConnectorError('network', `the IMAP connection dropped: ${error.message}`, true)),
      );
    } catch (error) {
      throw imapFailure(error, account.host);
    }
  },

  async test(channel) {
    const account = imapAccount(channel);
    if (account) {
      const client = await imapSession(channel, account);
      try {
        const status = await client.status(account.mailbox, { messages: true }).catch(() => false as const);
        if (!status || status.messages === undefined)
          throw new ConnectorError('not_configured', `the mailbox ${account.mailbox} was not found`);
      } finally {
        await client.logout().catch(() => undefined);
      }
    }
    const transport = await smtpTransport(server(channel.config, channel.credentials), channel.net);
    try {
      await transport.verify();
    } catch (error) {
      throw smtpError(error, channel.config.smtp.host);
    } finally {
      transport.close();
    }
    return {
      ok: true,
      message:
        (account ? `The IMAP server ${account.host} let us read ${account.mailbox}; the` : 'The') +
        ` SMTP server ${channel.config.smtp.host} accepted the connection${channel.credentials?.smtpUser ? ' and the login' : ''}.`,
    };
  },

  async sendReply(channel, reply: OutboundReply) {
    const to = reply.recipient.email;
    if (!to) throw new ConnectorError('not_configured', 'the customer has no e-mail address to reply to');
    const domain = channel.config.address.split('@')[1]!;
    const messageId = `${randomUUID()}@${domain}`;
    const transport = await smtpTransport(server(channel.config, channel.credentials), channel.net);
    try {
      await transport.sendMail({
        from: { name: channel.config.displayName ?? channel.name, address: channel.config.address },
        to: reply.recipient.displayName ? { name: reply.recipient.displayName, address: to } : to,
        subject: replySubject(reply.subject),
        text: reply.text,
        ...(reply.html ? { html: reply.html } : {}),
        messageId: bracketed(messageId),
        ...(reply.inReplyToExternalId ? { inReplyTo: bracketed(reply.inReplyToExternalId) } : {}),
        ...(reply.threadExternalIds.length ? { references: reply.threadExternalIds.map(bracketed).join(' ') } : {}),
      });
    } catch (error) {
      throw smtpError(error, channel.config.smtp.host);
    } finally {
      transport.close();
    }
    // Stored without brackets, as the e-mail parser stores Message-IDs, so the copy that comes back is known.
    return { externalId: messageId };
  },
});

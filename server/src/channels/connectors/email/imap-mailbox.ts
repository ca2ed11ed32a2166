/**
 * Reading a mailbox over IMAP: new messages since the last UID we took, resumable across restarts
 * by (UIDVALIDITY, last UID), and a watcher that uses IDLE (imapflow idles on its own whenever the
 * connection is quiet) to learn of new mail at once. The raw messages go to the eml parser.
 */
import type { ImapFlow, ImapFlowOptions } from 'imapflow';

export interface ImapAccount {
  host: string;
  port: number;
  /** tls: TLS from the first byte (993); starttls: upgrade required (143); none: plain, for a local server only. */
  security: 'tls' | 'starttls' | 'none';
  user: string;
  password: string;
  mailbox: string;
}

/** Where reading resumes. A new UIDVALIDITY means the server renumbered: read again from the start. */
export interface ImapCursor {
  uidValidity?: string;
  lastUid?: number;
}

export interface RawMail {
  uid: number;
  raw: Buffer;
}

export interface ImapReadResult {
  mails: RawMail[];
  cursor: ImapCursor;
  /** More mail waits beyond `limit`. */
  more: boolean;
}

/**
 * Resolves the host to the address to connect to, refusing what it must (private networks,
 * unless allowed). The connection goes to that address, so a DNS answer cannot change between
 * check and use; the name is kept for TLS.
 */
export type HostResolver = (host: string) => Promise<string>;

async function clientFor(account: ImapAccount, address: string): Promise<ImapFlow> {
  const options: ImapFlowOptions = {
    host: address,
    port: account.port,
    secure: account.security === 'tls',
    // Credentials never cross the wire in clear unless the admin chose a plain local server.
    doSTARTTLS: account.security === 'starttls' ? true : account.security === 'none' ? false : undefined,
    servername: account.host,
    auth: { user: account.user, pass: account.password },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 5 * 60_000,
  };
  // Loaded with the first mailbox opened (~25 MB resident): a server without e-mail channels never pays for it.
  const { ImapFlow } = await import('imapflow');
  return new ImapFlow(options);
}

export async function openImap(account: ImapAccount, resolve: HostResolver): Promise<ImapFlow> {
  const client = await clientFor(account, await resolve(account.host));
  // Errors after connect surface on the next command; without a listener they would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Takes up to `limit` messages after the cursor, oldest first. */
export async function readNewMail(client: ImapFlow, mailbox: string, cursor: ImapCursor, limit: number): Promise<ImapReadResult> {
  const lock = await client.getMailboxLock(mailbox, { readOnly: true });
  try {
    // A mailbox that stayed selected only learns of new mail from the server's untagged updates.
    await client.noop();
    const opened = client.mailbox;
    if (!opened) throw new Error(`mailbox ${mailbox} could not be opened`);
    const uidValidity = String(opened.uidValidity);
    const from = uidValidity === cursor.uidValidity ? (cursor.lastUid ?? 0) + 1 : 1;
    const next: ImapCursor = { uidValidity, lastUid: uidValidity === cursor.uidValidity ? (cursor.lastUid ?? 0) : 0 };
    if (opened.exists === 0) return { mails: [], cursor: next, more: false };
    // "n:*" always names the newest message, even below n, so the UIDs are filtered as well.
    const uids = ((await client.search({ uid: `${from}:*` }, { uid: true })) || []).filter((uid) => uid >= from).sort((a, b) => a - b);
    const batch = uids.slice(0, limit);
    const mails: RawMail[] = [];
    if (batch.length) {
      for await (const message of client.fetch(batch.join(','), { uid: true, source: true }, { uid: true })) {
        if (message.source) mails.push({ uid: message.uid, raw: message.source });
      }
      mails.sort((a, b) => a.uid - b.uid);
      next.lastUid = batch[batch.length - 1]!;
    }
    return { mails, cursor: next, more: uids.length > batch.length };
  } finally {
    lock.release();
  }
}

export interface MailboxWatch {
  close(): Promise<void>;
}

/**
 * Keeps a connection open on the mailbox and calls `onNewMail` when the server announces new
 * messages (IDLE). Mail that came while nobody watched is the poller's to find. Reading is left to the caller, on its own connection, so
 * one code path takes mail whether it was announced or polled.
 */
export async function watchMailbox(
  account: ImapAccount,
  resolve: HostResolver,
  onNewMail: () => void,
  onClose: (error: Error) => void = () => undefined,
): Promise<MailboxWatch> {
  const client = await openImap(account, resolve);
  await client.mailboxOpen(account.mailbox, { readOnly: true });
  client.on('exists', () => onNewMail());
  let closing = false;
  client.on('close', () => {
    if (!closing) onClose(new Error('the server closed the connection'));
  });
  void client.idle().catch(() => undefined);
  return {
    async close() {
      closing = true;
      await client.logout().catch(() => client.close());
    },
  };
}

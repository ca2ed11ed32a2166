/**
 * A real IMAP server for the e-mail tests: Dovecot from Debian, started in the foreground with the
 * repository's config (test/dovecot/dovecot.conf) in a throw-away folder on a free loopback port.
 * Messages reach a mailbox through IMAP APPEND, the way a delivery agent's result looks to a client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';

const CONFIG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/dovecot/dovecot.conf');
const DOVECOT = '/usr/sbin/dovecot';
const NOBODY = { uid: 65534, gid: 65534 };

export interface TestMailbox {
  user: string;
  password: string;
}

export interface Dovecot {
  host: string;
  port: number;
  /** Delivers a raw RFC 5322 message into the user's INBOX. */
  deliver(mailbox: TestMailbox, raw: string | Buffer): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, process: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null)
      throw new Error(`dovecot exited with ${process.exitCode}: ${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('dovecot did not start listening within 10 s');
}

/** Dovecot rereads its user file only when its mtime (in seconds) changes, so every user is known at start. */
export async function startDovecot(mailboxes: readonly TestMailbox[]): Promise<Dovecot> {
  if (!existsSync(DOVECOT)) throw new Error('The e-mail tests need Dovecot: apt-get install dovecot-imapd');
  const root = mkdtempSync(path.join(os.tmpdir(), 'rapport-dovecot-'));
  chmodSync(root, 0o755);
  const port = await freePort();
  mkdirSync(path.join(root, 'mail'));
  if (process.getuid?.() === 0) chownSync(path.join(root, 'mail'), NOBODY.uid, NOBODY.gid);
  writeFileSync(path.join(root, 'users'), mailboxes.map((m) => `${m.user}:{PLAIN}${m.password}\n`).join(''));
  const config = path.join(root, 'dovecot.conf');
  writeFileSync(config, readFileSync(CONFIG, 'utf8').replaceAll('@ROOT@', root).replaceAll('@PORT@', String(port)));
  const child = spawn(DOVECOT, ['-F', '-c', config], { stdio: 'ignore' });
  await waitForPort(port, child, path.join(root, 'dovecot.log'));

  const dovecot: Dovecot = {
    host: '127.0.0.1',
    port,
    async deliver(mailbox, raw) {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: false,
        auth: { user: mailbox.user, pass: mailbox.password },
        logger: false,
      });
      await client.connect();
      try {
        await client.append('INBOX', raw);
      } finally {
        await client.logout();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  return dovecot;
}

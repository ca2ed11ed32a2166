/**
 * Sending mail over SMTP with nodemailer. The server's name is resolved and judged by the channel's
 * address policy first, and the connection goes to the address judged (TLS still checks the
 * certificate against the name), so a name cannot be re-pointed at an intranet host in between.
 */
import { isIP } from 'node:net';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { ConnectorError } from '../../connector.js';
import type { NetPolicy } from '../../net/address-policy.js';
import { connectionProblem } from '../../net/connection-failure.js';
import { judgedAddress } from '../../net/judged-address.js';

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export interface SmtpServer {
  host: string;
  port: number;
  /** tls: TLS from the first byte (465); starttls: upgrade required (587); none: plain, for a local relay only. */
  security: SmtpSecurity;
  user?: string;
  password?: string;
}

const TIMEOUT_MS = 15_000;

export async function smtpTransport(server: SmtpServer, policy: NetPolicy) {
  const address = await judgedAddress(server.host, policy);
  const options: SMTPTransport.Options = {
    host: address,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    tls: isIP(server.host) ? {} : { servername: server.host },
    auth: server.user ? { user: server.user, pass: server.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  };
  // Loaded with the first e-mail channel's use, as the IMAP and MIME libraries: a server without one never pays for them.
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport(options);
}

/** SMTP failures in the shared codes: 4xx replies and dropped connections are worth retrying, 5xx are not. */
export function smtpError(error: unknown, host: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const { code, responseCode, message } = error as { code?: string; responseCode?: number; message?: string };
  const text = message ?? String(error);
  if (code === 'EAUTH') return new ConnectorError('auth_failed', `the SMTP server refused the login: ${text}`);
  if (responseCode !== undefined)
    return new ConnectorError('rejected', `the SMTP server answered ${responseCode}: ${text}`, responseCode < 500);
  if (code === 'ETIMEDOUT') return new ConnectorError('timeout', `the SMTP server did not answer in time`, true);
  return new ConnectorError('network', `could not talk to the SMTP server: ${connectionProblem(host, error, TIMEOUT_MS).reason}`, true);
}

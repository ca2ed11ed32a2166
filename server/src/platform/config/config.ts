/**
 * Runtime configuration: read once from the environment (and `.env`), validated at start so a
 * bad variable stops the server with a message that names it, instead of failing later.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import ipaddr from 'ipaddr.js';

export interface Config {
  host: string;
  port: number;
  baseUrl: string;
  databaseUrl: string | null;
  /** Connections to PostgreSQL this process keeps at most; null: twice the cores plus one. */
  databasePoolSize: number | null;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  secret: string;
  cookieSecure: boolean;
  /**
   * Which peers may say, in `X-Forwarded-For` and `X-Forwarded-Proto`, whom they forward for: none
   * (false), all (true), or the listed addresses and ranges. Fastify's `trustProxy`.
   */
  trustProxy: boolean | string[];
  natsUrl: string | null;
  /** The server's own mail relay (alerts, notifications by e-mail); channels keep their own SMTP settings. */
  smtpUrl: string | null;
  mailFrom: string;
  maxBodyBytes: number;
  loginRateLimitPerMinute: number;
  jobPollMs: number;
  /** Ingest batches committing at once in this process (the in-process pipeline or a worker); null: the transport's default. */
  ingestConcurrency: number | null;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** The names proxy-addr (Fastify's `trustProxy`) gives to ranges of addresses. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const v4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!v4 && !ipaddr.IPv6.isValid(address)) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}

/**
 * Forwarded headers are anyone's to write: trusted from every peer, they let a client pick the
 * address the sign-in limit counts against. So none is trusted unless the operator says which proxies
 * stand in front.
 */
function trustedProxies(env: Env, name: string): Config['trustProxy'] {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return false;
  if (['true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isAddressOrRange(entry));
  if (bad !== undefined) {
    throw new ConfigError(
      name,
      `must be false, true, or a comma-separated list of addresses and CIDR ranges (or loopback, linklocal, uniquelocal); "${bad}" is none of these`,
    );
  }
  return entries;
}

/**
 * The secret encrypts channel credentials and signs cookies. When none is given, one is made on
 * first start and kept in the data directory so restarts keep sessions and credentials readable.
 */
function resolveSecret(env: Env, dataDir: string): string {
  const given = env.RAPPORT_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new ConfigError('RAPPORT_SECRET', 'must be at least 32 characters');
    return given;
  }
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1';
  const baseUrl = url(env, 'RAPPORT_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const dataDir = path.resolve(env.RAPPORT_DATA_DIR && env.RAPPORT_DATA_DIR !== '' ? env.RAPPORT_DATA_DIR : './data');
  return {
    host,
    port,
    baseUrl,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: env.DATABASE_POOL_SIZE ? integer(env, 'DATABASE_POOL_SIZE', 1, 2, 500) : null,
    dataDir,
    logLevel,
    secret: resolveSecret(env, dataDir),
    cookieSecure: boolean(env, 'RAPPORT_COOKIE_SECURE', baseUrl.startsWith('https:')),
    trustProxy: trustedProxies(env, 'RAPPORT_TRUST_PROXY'),
    natsUrl: url(env, 'NATS_URL', ['nats:', 'tls:']),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.RAPPORT_MAIL_FROM && env.RAPPORT_MAIL_FROM !== '' ? env.RAPPORT_MAIL_FROM : 'Rapport <rapport@localhost>',
    maxBodyBytes: integer(env, 'RAPPORT_MAX_BODY_BYTES', 1_048_576, 1024, 1_073_741_824),
    loginRateLimitPerMinute: integer(env, 'RAPPORT_LOGIN_RATE_LIMIT', 10, 1, 100_000),
    jobPollMs: integer(env, 'RAPPORT_JOB_POLL_MS', 1000, 10, 3_600_000),
    ingestConcurrency: env.RAPPORT_INGEST_CONCURRENCY ? integer(env, 'RAPPORT_INGEST_CONCURRENCY', 1, 1, 32) : null,
  };
}

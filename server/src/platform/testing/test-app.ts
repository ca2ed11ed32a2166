/**
 * Builds a real app over the test database, and factories for the things most tests need: a
 * workspace with members of each role, signed in through API tokens.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type Built } from '../../app.js';
import { modules } from '../../modules.js';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../observability/logger.js';
import type { RecordScope, Role } from '../context.js';
import type { Db } from '../db/db.js';
import { createWorkspace, addMember } from '../workspaces/workspace.service.js';
import { createApiToken } from '../auth/token.service.js';
import { systemActor } from '../context.js';
import { sharedTestDb } from './test-db.js';

export interface TestApp extends Built {
  db: Db;
}

let cached: Promise<TestApp> | null = null;

export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    RAPPORT_SECRET: 'test-secret-test-secret-test-secret-0123',
    RAPPORT_DATA_DIR: '/tmp/rapport-test-data',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    RAPPORT_LOGIN_RATE_LIMIT: '1000',
    ...overrides,
  });
}

/**
 * A separate app over the shared test database, for tests that change config or listen on a port,
 * or over `db` (another server's database).
 */
export async function buildTestApp(configOverrides: Record<string, string> = {}, db?: Db): Promise<Built> {
  db ??= await sharedTestDb();
  const config = testConfig(configOverrides);
  return buildApp({ config, db, log: createLogger(config.logLevel), modules, webDir: null });
}

/** The worker's shared app (no background loops: tests flush events and run jobs inline). */
export function testApp(): Promise<TestApp> {
  cached ??= (async () => {
    const db = await sharedTestDb();
    const config = testConfig();
    const built = await buildApp({ config, db, log: createLogger(config.logLevel), modules, webDir: null });
    await built.app.ready();
    return { ...built, db };
  })();
  return cached;
}

export interface Member {
  userId: string;
  email: string;
  password: string;
  token: string;
  headers: Record<string, string>;
}

export interface TestWorkspace {
  workspaceId: string;
  owner: Member;
  /** Adds a member with `role` (and record scope) and returns them signed in with a token. */
  member(role: Role, options?: { recordScope?: RecordScope; scopes?: ('read' | 'write')[] }): Promise<Member>;
}

function unique() {
  return randomBytes(5).toString('hex');
}

async function tokenFor(db: Db, workspaceId: string, userId: string, role: Role, recordScope: RecordScope, scopes: ('read' | 'write')[]) {
  const created = await createApiToken(
    { workspaceId, db, requestId: 'test', actor: { kind: 'user', userId, role, recordScope, teamIds: [] } },
    { name: 'test', scopes },
  );
  return created.token;
}

/** A new workspace with an owner; every test builds its own. */
export async function buildWorkspace(db: Db): Promise<TestWorkspace> {
  const password = 'correct-horse-battery';
  const ownerEmail = `owner-${unique()}@example.test`;
  const { workspaceId, ownerId } = await createWorkspace(db, {
    name: `Test ${unique()}`,
    owner: { email: ownerEmail, name: 'Olive Owner', password, role: 'owner' },
  });
  const ownerToken = await tokenFor(db, workspaceId, ownerId, 'owner', 'all', ['read', 'write']);
  return {
    workspaceId,
    owner: { userId: ownerId, email: ownerEmail, password, token: ownerToken, headers: { authorization: `Bearer ${ownerToken}` } },
    async member(role, options = {}) {
      const email = `${role}-${unique()}@example.test`;
      const recordScope = options.recordScope ?? 'all';
      const member = await addMember({ workspaceId, db, requestId: 'test', actor: systemActor() }, db, {
        email,
        name: `${role} ${unique()}`,
        password,
        role,
        recordScope,
      });
      const token = await tokenFor(db, workspaceId, member.id, role, recordScope, options.scopes ?? ['read', 'write']);
      return { userId: member.id, email, password, token, headers: { authorization: `Bearer ${token}` } };
    },
  };
}

/**
 * The member signed in through the API as a person is, for what an API token may not do: the
 * headers a browser would send, the session cookie and the CSRF token writes echo.
 */
export async function signedIn(app: Built['app'], member: Pick<Member, 'email' | 'password'>): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: member.email, password: member.password },
  });
  const cookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('rapport_session='));
  if (!cookie) throw new Error(`signing in failed: ${response.statusCode} ${response.body}`);
  return { cookie: cookie.split(';')[0]!, 'x-csrf-token': json<{ csrfToken: string }>(response).csrfToken };
}

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

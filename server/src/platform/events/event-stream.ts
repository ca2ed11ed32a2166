/**
 * One member's open event stream. Live events pass one gate: while the replay after the client's
 * last event runs, or the member's credentials are being resolved again, they wait in order behind
 * it. So nothing is written that the check would have stopped, and nothing is skipped or written
 * twice between the replay and live.
 */
import type { Queryable } from '../db/db.js';
import type { Principal } from '../auth/principal.js';
import type { EventBus } from './bus.js';
import type { DomainEvent } from './event.js';
import { findEventsAfter, findLastEventId } from './event.repo.js';
import { refetchMessage, streamMessage } from './stream-message.js';

/** At most this many missed events are replayed; past it the client is told to refetch instead. */
export const REPLAY_LIMIT = 1000;
const HEARTBEAT_MS = 25_000;

export interface EventStreamConnection {
  write(chunk: string): void;
  end(): void;
}

export interface EventStreamOptions {
  db: Queryable;
  bus: EventBus;
  principal: Principal;
  /** The id of the last event the client received (`Last-Event-ID`): what follows it is replayed first. */
  afterId: string | null;
  /** Resolves the stream's credentials again: null once they no longer hold. */
  resolvePrincipal(): Promise<Principal | null>;
  /** Listens for dropped credentials (a revoked token, a sign-out, a member changed or removed); returns unsubscribe. */
  onCredentialsDropped(listener: () => void): () => void;
  /**
   * How often the credentials are resolved again anyway, through the principal cache: catches what
   * no listener hears (an expired session, a change made by another server or the command line).
   */
  recheckMs: number;
  onError(error: unknown): void;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Whether the member still has the access the stream was opened with. Any change of role, record
 * scope, teams or token scopes closes the stream rather than re-filtering it in place: the client
 * reconnects (resuming by replay from its last event id), and the guard, the replay and every filter
 * of the new stream are decided afresh from the new access, so nothing decided under the old one can
 * linger, however the rules of what a member receives grow.
 */
function sameAccess(a: Principal, b: Principal): boolean {
  return (
    a.userId === b.userId &&
    a.workspaceId === b.workspaceId &&
    a.role === b.role &&
    a.recordScope === b.recordScope &&
    sameSet(a.teamIds, b.teamIds) &&
    sameSet(a.scopes, b.scopes)
  );
}

/** Opens the stream on `connection`; returns what closes it (when the client goes). */
export function openEventStream(connection: EventStreamConnection, options: EventStreamOptions): () => void {
  const { principal, db } = options;
  let closed = false;
  let holds = 0;
  let gate: Promise<void> = Promise.resolve();
  const waiting: DomainEvent[] = [];
  // Replayed events may arrive live too (relayed while the replay read them): each is written once.
  const replayed = new Set<number>();
  let recheckWaiting = false;

  function write(chunk: string) {
    if (!closed) connection.write(chunk);
  }

  function send(event: DomainEvent) {
    if (replayed.has(event.id)) return;
    const message = streamMessage(principal, event);
    if (message) write(message);
  }

  /** Runs `work` after the work held before it, and holds live events back until all of it is done. */
  function hold(work: () => Promise<void>) {
    holds += 1;
    gate = gate.then(async () => {
      try {
        if (!closed) await work();
      } catch (error) {
        options.onError(error);
        close();
      } finally {
        holds -= 1;
        if (holds === 0) for (const event of waiting.splice(0)) send(event);
      }
    });
  }

  async function replay(afterId: string) {
    const missed = await findEventsAfter(db, principal.workspaceId, afterId, REPLAY_LIMIT + 1);
    if (missed.length > REPLAY_LIMIT) {
      const last = (await findLastEventId(db, principal.workspaceId)) ?? missed.at(-1)!.id;
      write(refetchMessage(principal.workspaceId, last, new Date()));
      return;
    }
    for (const event of missed) {
      replayed.add(event.id);
      const message = streamMessage(principal, event);
      if (message) write(message);
    }
  }

  function recheck() {
    // A check that has not started yet answers for every drop before it starts; one under way may
    // have read the credentials before the latest drop, so another follows it.
    if (recheckWaiting) return;
    recheckWaiting = true;
    hold(async () => {
      recheckWaiting = false;
      const current = await options.resolvePrincipal();
      if (!current || !sameAccess(principal, current)) close();
    });
  }

  // Subscribed before the replay reads: an event published earlier was committed earlier, so the
  // replay finds it, and one published later waits behind the replay.
  const unsubscribe = options.bus.subscribe('*', (event) => {
    if (closed || event.workspaceId !== principal.workspaceId) return;
    if (holds > 0) waiting.push(event);
    else send(event);
  });
  // Routes announce a drop straight after the change commits, before the relay (which must ask the
  // database first) can publish the change's events: the check is queued in front of them.
  const stopListening = options.onCredentialsDropped(recheck);
  const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
  const rechecks = setInterval(recheck, options.recheckMs);
  if (options.afterId !== null) {
    const afterId = options.afterId;
    hold(() => replay(afterId));
  }

  function close() {
    if (closed) return;
    closed = true;
    waiting.length = 0;
    unsubscribe();
    stopListening();
    clearInterval(heartbeat);
    clearInterval(rechecks);
    connection.end();
  }
  return close;
}

/**
 * A Jetstream subscription as a channel stream: reads events off the WebSocket, keeps what the
 * channel's filter wants, and hands the kept events to the sink in small batches with the cursor
 * (`time_us`) to resume from. While the sink is still committing, kept events queue up to a bound;
 * past it the socket stops being read, so TCP pushes back on Jetstream instead of memory growing.
 * Any close or error ends the stream through `sink.fail`: the supervisor reconnects from the last
 * committed cursor, and the replay that follows is deduplicated by the pipeline.
 */
import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import WebSocket, { type RawData } from 'ws';
import { isObject } from '../../parsing/json.js';
import { asConnectorError, ConnectorError, type ReceivedBatch, type StreamHandle, type StreamSink } from '../../connector.js';
import { connectionFailure } from '../../net/connection-failure.js';
import { judgedAddress } from '../../net/judged-address.js';
import type { NetPolicy } from '../../net/address-policy.js';
import { parsePayload, USER_AGENT } from '../shared.js';

export interface JetstreamSubscription {
  /** The subscribe URL with its query (wantedCollections, wantedDids, cursor). */
  url: URL;
  net: NetPolicy;
  keep(event: unknown): boolean;
}

export interface StreamTuning {
  /** Most events in one batch. */
  batchSize: number;
  /** How long a kept event waits for its batch to fill. */
  flushMs: number;
  /** Kept events queued behind a slow sink before the socket is paused. */
  maxPending: number;
  /** How often, with nothing kept, the cursor alone is committed, so a reconnect does not replay hours of firehose. */
  checkpointMs: number;
  /** Ping interval; a connection that answered nothing for a whole interval is dead. */
  pingMs: number;
}

export const DEFAULT_TUNING: StreamTuning = { batchSize: 100, flushMs: 200, maxPending: 1_000, checkpointMs: 30_000, pingMs: 30_000 };

const HANDSHAKE_MS = 15_000;
/** Jetstream events are a few kilobytes; anything near this is not one. */
const MAX_EVENT_BYTES = 1024 * 1024;

interface Pending {
  line: string;
  timeUs: number;
}

/** A lookup that answers only the address already judged, whatever the socket asks for. */
function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return (_hostname, options, callback) => {
    if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, [{ address, family }]);
    callback(null, address, family);
  };
}

/**
 * A socket to the judged address of the host; the URL keeps its name for TLS and the Host header.
 * It is returned before it opens, so the caller listens before the first event can arrive.
 */
async function dial(url: URL, net: NetPolicy): Promise<WebSocket> {
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    throw new ConnectorError('not_configured', 'the Jetstream URL must start with wss://');
  const address = await judgedAddress(url.hostname.replace(/^\[|\]$/g, ''), net);
  return new WebSocket(url, {
    handshakeTimeout: HANDSHAKE_MS,
    maxPayload: MAX_EVENT_BYTES,
    perMessageDeflate: false,
    followRedirects: false,
    headers: { 'user-agent': USER_AGENT },
    lookup: pinnedLookup(address),
  });
}

function opened(socket: WebSocket, url: URL): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('unexpected-response', (_request, response) => {
      const status = response.statusCode ?? 0;
      response.resume();
      reject(new ConnectorError('http_status', `Jetstream answered ${status}`, status === 429 || status >= 500, status));
      socket.terminate();
    });
    socket.once('error', (error) => reject(connectionFailure(url.host, error)));
  });
}

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}

export async function openJetstream(
  subscription: JetstreamSubscription,
  sink: StreamSink,
  tuning: StreamTuning = DEFAULT_TUNING,
): Promise<StreamHandle> {
  const socket = await dial(subscription.url, subscription.net);
  const pending: Pending[] = [];
  let newestUs: number | null = null;
  let committedUs: number | null = null;
  let lastEmitAt = Date.now();
  let emitting: Promise<void> | null = null;
  let paused = false;
  let answered = true;
  /** Until the socket opens, a failure rejects `openJetstream` instead of reaching the sink. */
  let live = false;
  let ended = false;
  const timers: NodeJS.Timeout[] = [];

  const end = (error: ConnectorError | null) => {
    if (ended) return;
    ended = true;
    for (const timer of timers) clearInterval(timer);
    socket.removeAllListeners('message');
    if (socket.readyState === WebSocket.OPEN) socket.close(1000);
    else socket.terminate();
    if (error && live) sink.fail(error);
  };

  const due = () => pending.length > 0 || (newestUs !== null && newestUs !== committedUs && Date.now() - lastEmitAt >= tuning.checkpointMs);

  const emitNext = async () => {
    const batch = pending.splice(0, tuning.batchSize);
    // The cursor may pass what was read but not kept, never what is still queued.
    const cursorUs = pending.length === 0 ? newestUs! : batch.at(-1)!.timeUs;
    const received: ReceivedBatch =
      batch.length > 0
        ? await parsePayload(batch.map((p) => p.line).join('\n'), ['jetstream'], { receivedAt: new Date() })
        : { format: 'jetstream', messages: [], rejected: [] };
    await sink.emit(received, { timeUs: cursorUs });
    committedUs = cursorUs;
    lastEmitAt = Date.now();
  };

  const flush = () => {
    if (emitting || ended || !due()) return;
    emitting = emitNext().then(
      () => {
        emitting = null;
        if (paused && pending.length < tuning.maxPending / 2) {
          paused = false;
          socket.resume();
        }
        if (pending.length >= tuning.batchSize) flush();
      },
      (error: unknown) => {
        emitting = null;
        end(asConnectorError(error));
      },
    );
  };

  socket.on('message', (data, isBinary) => {
    answered = true;
    if (isBinary) return;
    const line = text(data);
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      // One unreadable event of the firehose is not the channel's business.
      return;
    }
    if (!isObject(event) || typeof event.time_us !== 'number') return;
    newestUs = Math.max(newestUs ?? 0, event.time_us);
    if (!subscription.keep(event)) return;
    pending.push({ line: line.replace(/\n/g, ' '), timeUs: event.time_us });
    if (pending.length >= tuning.maxPending && !paused) {
      paused = true;
      socket.pause();
    }
    if (pending.length >= tuning.batchSize) flush();
  });
  socket.on('pong', () => (answered = true));
  socket.on('close', (code, reason) =>
    end(
      new ConnectorError(
        'network',
        `Jetstream closed the connection (${code}${reason.length ? `: ${reason.toString('utf8')}` : ''})`,
        true,
      ),
    ),
  );
  socket.on('error', (error) => end(new ConnectorError('network', `the Jetstream connection failed: ${error.message}`, true)));

  try {
    await opened(socket, subscription.url);
  } catch (error) {
    end(null);
    throw error;
  }
  if (ended) throw new ConnectorError('network', 'Jetstream closed the connection as it opened', true);
  live = true;
  timers.push(setInterval(flush, tuning.flushMs));
  timers.push(
    setInterval(() => {
      // A paused socket reads no pongs; silence then is ours, not the server's.
      if (!answered && !paused) return end(new ConnectorError('timeout', `Jetstream sent nothing for ${tuning.pingMs} ms`, true));
      answered = false;
      socket.ping();
    }, tuning.pingMs),
  );

  return {
    async close() {
      end(null);
      await emitting;
      if (socket.readyState !== WebSocket.CLOSED) {
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => socket.terminate(), 2_000);
          socket.once('close', () => {
            clearTimeout(force);
            resolve();
          });
        });
      }
    },
  };
}

/**
 * The server's side of the embedded database's thread (pglite-engine.worker.ts): sends wire-protocol
 * messages, gets PostgreSQL's raw replies back. PostgreSQL's WebAssembly runs on that thread, so on
 * two cores the server's JavaScript and the database's work run side by side instead of in turn.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleThread } from '../threads/module-thread.js';

export interface EngineSettings {
  /** null keeps everything in memory (tests). */
  dataDir: string | null;
}

export type EngineRequest =
  | { id: number; op: 'protocol'; bytes: Uint8Array }
  | { id: number; op: 'copy'; bytes: Uint8Array; file: Uint8Array }
  | { id: number; op: 'close' };

export type EngineReply = { id: number; bytes: Uint8Array } | { id: number; failure: string };

/** Each kind of request before it is numbered. */
type Unnumbered<Kind> = Kind extends EngineRequest ? Omit<Kind, 'id'> : never;
type Request = Unnumbered<EngineRequest>;

interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

export class EngineStoppedError extends Error {
  constructor(reason: string) {
    super(`the embedded database stopped: ${reason}`);
    this.name = 'EngineStoppedError';
  }
}

function startThread(settings: EngineSettings): Worker {
  // The thread's own objects are replies on their way out: a small young generation is plenty, where
  // V8's default lets it grow to 48 MB of resident memory before collecting.
  return startModuleThread(import.meta.url, 'pglite-engine.worker', {
    workerData: settings,
    resourceLimits: { maxYoungGenerationSizeMb: 6 },
  });
}

export interface PgliteEngine {
  /** Runs wire-protocol messages; resolves with the raw reply. */
  run(bytes: Uint8Array): Promise<Uint8Array>;
  /** Runs a COPY … FROM '/dev/blob' statement's messages with `file` as the blob. */
  copy(bytes: Uint8Array, file: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Bytes whose whole buffer can be handed to the thread (a view into a shared buffer is copied first). */
function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

export async function startPgliteEngine(settings: EngineSettings): Promise<PgliteEngine> {
  const worker = startThread(settings);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: EngineStoppedError | null = null;

  const opened = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  });

  function settle(reply: EngineReply): void {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    // The thread keeps the process alive only while an answer is awaited: an open database alone
    // must not stop a command from exiting.
    if (pending.size === 0) worker.unref();
    if ('failure' in reply) waiting.reject(new Error(reply.failure));
    else waiting.resolve(reply.bytes);
  }

  function stop(reason: string): void {
    stopped ??= new EngineStoppedError(reason);
    for (const waiting of pending.values()) waiting.reject(stopped);
    pending.clear();
  }

  worker.on('message', settle);
  worker.on('error', (error) => stop(error.message));
  worker.on('exit', (code) => stop(`its thread exited (code ${code})`));

  function send(request: Request, transfer: ArrayBuffer[]): Promise<Uint8Array> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    if (pending.size === 0) worker.ref();
    return new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  try {
    await opened;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.unref();

  return {
    run(bytes) {
      const message = owned(bytes);
      return send({ op: 'protocol', bytes: message }, [message.buffer as ArrayBuffer]);
    },
    copy(bytes, file) {
      const message = owned(bytes);
      const blob = owned(file);
      return send({ op: 'copy', bytes: message, file: blob }, [message.buffer as ArrayBuffer, blob.buffer as ArrayBuffer]);
    },
    async close() {
      if (stopped) return;
      await send({ op: 'close' }, []);
      await worker.terminate();
    },
  };
}

/**
 * The embedded database's own thread: PGlite opened here, running the wire-protocol messages the
 * server's thread sends and answering with PostgreSQL's raw reply. Everything else (statements,
 * parameters, parsing rows, errors, transactions) stays on the server's thread (pglite.ts), so this
 * thread spends its time in PostgreSQL alone while the server's thread serves other requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import type { EngineReply, EngineRequest, EngineSettings } from './pglite-engine.js';
import { joinBytes } from './bytes.js';

// PostgreSQL's WebAssembly is compiled straight to optimised code, each function on its first call.
// By default V8 compiles baseline code first and re-compiles what gets hot in the background: two
// copies of the hot functions, and compiler memory the allocator keeps, ~70 MB more resident memory
// at 100k contacts (crm bench: 287 against 366 MB at rest), and no faster. The price: the first
// calls of each function compile longer. The flag is the process's, set before the module compiles.
setFlagsFromString('--no-liftoff');

const settings = workerData as EngineSettings;
const port = parentPort!;

function reply(message: EngineReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

const opened = PGlite.create({
  ...(settings.dataDir ? { dataDir: settings.dataDir } : {}),
  extensions: { pg_trgm, unaccent, fuzzystrmatch },
  // PGlite's WebAssembly memory never shrinks, and the buffer cache is most of what it holds. Pages
  // it misses are read from the operating system's cache of the data directory, which is not the
  // server's memory. At 100k contacts 16 MB against 32 MB: 25-29 MB less resident at rest, lists
  // and searches as fast (each within the runs' noise, crm bench loads on the kept database).
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
});

/**
 * PostgreSQL's reply, copied out of the WebAssembly memory as it is written. Not `execProtocolRaw`:
 * its default receiver also parses every message and keeps it in a list that only PGlite's own
 * query methods clear (a process measured at 786 MB after a minute of lists).
 */
async function execute(pglite: PGlite, message: Uint8Array): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  // The data directory is written through (NodeFS, or memory in tests): no sync to the file system is due.
  await pglite.execProtocolRawStream(message, { syncToFs: false, onRawData: (chunk) => chunks.push(chunk.slice()) });
  return chunks.length === 1 ? chunks[0]! : joinBytes(chunks);
}

async function handle(request: EngineRequest, pglite: PGlite): Promise<Uint8Array> {
  switch (request.op) {
    case 'protocol':
      return execute(pglite, request.bytes);
    case 'copy':
      // COPY … FROM '/dev/blob' reads the file PGlite holds for the statement.
      await pglite._handleBlob(new Blob([request.file as Uint8Array<ArrayBuffer>]));
      try {
        return await execute(pglite, request.bytes);
      } finally {
        await pglite._cleanupBlob();
      }
    case 'close':
      await pglite.close();
      return new Uint8Array(0);
  }
}

function failure(id: number, error: unknown): EngineReply {
  return { id, failure: error instanceof Error ? error.message : String(error) };
}

// One request at a time, in the order sent: the server's thread holds PGlite's one session.
let queue: Promise<void> = opened.then(
  () => reply({ id: 0, bytes: new Uint8Array(0) }),
  (error: unknown) => reply(failure(0, error)),
);

port.on('message', (request: EngineRequest) => {
  queue = queue.then(async () => {
    try {
      const bytes = await handle(request, await opened);
      reply({ id: request.id, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      reply(failure(request.id, error));
    }
    if (request.op === 'close') port.close();
  });
});

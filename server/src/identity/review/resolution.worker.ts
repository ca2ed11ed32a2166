/** The thread `resolveOnThread` starts: one `resolveAll` over the records it was given, its resolution posted back. */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveAll, type PersonRecord, type ResolveOptions } from '../matching/index.js';

const { records, options } = workerData as { records: PersonRecord[]; options: ResolveOptions };
parentPort!.postMessage(resolveAll(records, options));

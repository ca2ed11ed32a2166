/**
 * `resolveAll` on a thread of its own. It is seconds of JavaScript at a hundred thousand contacts:
 * on the caller's thread it held the server's event loop for all of them (a pass started through
 * the API answered nothing else meanwhile), and the full pass could not write the arrival index
 * while it ran. A thread lets the two run side by side on two cores.
 */
import type { PersonRecord, Resolution, ResolveOptions } from '../matching/index.js';
import { startModuleThread } from '../../platform/threads/module-thread.js';

export function resolveOnThread(records: readonly PersonRecord[], options: ResolveOptions = {}): Promise<Resolution> {
  return new Promise((resolve, reject) => {
    const thread = startModuleThread(import.meta.url, 'resolution.worker', { workerData: { records, options } });
    let resolution: Resolution | null = null;
    thread.once('message', (message: Resolution) => {
      resolution = message;
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (resolution) resolve(resolution);
      else reject(new Error(`the resolution thread stopped (exit code ${code}) without a resolution`));
    });
  });
}

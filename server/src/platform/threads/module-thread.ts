/**
 * Starts a worker thread on a module beside the caller's: the compiled `.js` in the built server,
 * or, run from the TypeScript sources (tests, `tsx`), the `.ts` loaded through tsx, since a thread
 * does not inherit its process's loader hooks. No command-line options are passed on (`--input-type`
 * of `node -e`, say, is refused by a thread).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `callerUrl` is the caller's `import.meta.url`; `name` the module's file name without its extension. */
export function startModuleThread(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const settings = { ...options, execArgv: [] };
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), settings);
  const script = new URL(`./${name}.ts`, callerUrl).href;
  // tsx's module API as an ES module (what `import 'tsx/esm/api'` resolves to; a require resolves its CommonJS twin).
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}))`;
  return new Worker(bootstrap, { ...settings, eval: true });
}

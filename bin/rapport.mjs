#!/usr/bin/env node
// Runs the compiled CLI when built, otherwise the TypeScript sources through tsx in a child process.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'server', 'main.js');
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  // tsx's loader in the child itself (not tsx's own launcher, a process more): a signal sent to this
  // process reaches the server in one step.
  const loader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(root, 'server', 'src', 'main.ts'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  child.on('error', (error) => {
    process.stderr.write(`rapport: could not start ${process.execPath}: ${error.message}\n`);
    process.exit(1);
  });
  // A process manager stops this process, not the child it cannot see: pass the signal on, let the
  // child end as it would, then end the same way. Ctrl-C in a terminal signals the whole foreground
  // group, so the child hears it twice; the server and the worker stop once all the same.
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (signal === null) process.exit(code ?? 1);
    // Ended by a signal: end by the same one, so whoever started this sees what happened to the command.
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(name, forward);
    process.kill(process.pid, signal);
  });
}

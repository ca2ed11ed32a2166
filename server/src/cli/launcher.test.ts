/**
 * bin/rapport.mjs without a build runs the sources in a child process. Run from a copy beside a
 * stand-in for the CLI, so what is tested is the launcher: a signal sent to it reaches the child,
 * and it ends as the child did.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../platform/testing/temp-dirs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** TypeScript, so it runs only through tsx; ends with 3 on SIGTERM, by default on SIGINT, with 7 when told to fail. */
const STAND_IN = `
const [command, ...rest]: string[] = process.argv.slice(2);
if (command === 'fail') process.exit(7);
process.on('SIGTERM', () => process.exit(3));
process.stdout.write(\`ready \${process.pid} \${[command, ...rest].join(' ')}\\n\`);
setInterval(() => undefined, 1000);
`;

function launcherCopy(): string {
  const root = tempDir('rapport-launcher-');
  mkdirSync(path.join(root, 'bin'));
  mkdirSync(path.join(root, 'server', 'src'), { recursive: true });
  copyFileSync(path.join(ROOT, 'bin', 'rapport.mjs'), path.join(root, 'bin', 'rapport.mjs'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  writeFileSync(path.join(root, 'server', 'src', 'main.ts'), STAND_IN);
  return root;
}

/** Children seen running: a launcher that lost one must not leave it behind after the tests. */
const children: number[] = [];
afterAll(() => {
  for (const pid of children) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  removeTempDirs();
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the launcher; resolves with the child's pid once it runs, and with how the launcher ended. */
function launch(root: string, args: string[]) {
  const launcher = spawn(process.execPath, [path.join(root, 'bin', 'rapport.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const ready = new Promise<{ pid: number; args: string }>((resolve) =>
    launcher.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^ready (\d+) (.*)$/m.exec(output);
      if (!match) return;
      children.push(Number(match[1]));
      resolve({ pid: Number(match[1]), args: match[2]! });
    }),
  );
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    launcher.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { launcher, ready, ended };
}

describe('bin/rapport.mjs without a build', () => {
  const root = launcherCopy();

  it('passes SIGTERM on to the command it runs, and exits with its code', { timeout: 30_000 }, async () => {
    const { launcher, ready, ended } = launch(root, ['serve', '--no-demo']);
    const child = await ready;
    expect(child.args).toBe('serve --no-demo');
    launcher.kill('SIGTERM');
    expect(await ended).toEqual({ code: 3, signal: null });
    expect(isRunning(child.pid)).toBe(false);
  });

  it('ends by the signal that ended the command', { timeout: 30_000 }, async () => {
    const { launcher, ready, ended } = launch(root, ['serve']);
    const child = await ready;
    launcher.kill('SIGINT');
    expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
    expect(isRunning(child.pid)).toBe(false);
  });

  it("exits with the command's own exit code", { timeout: 30_000 }, async () => {
    expect(await launch(root, ['fail']).ended).toEqual({ code: 7, signal: null });
  });
});

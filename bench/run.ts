/**
 * `npm run bench -- <suite> [options]`: runs one benchmark suite. A suite registers itself by
 * living at `bench/<name>/<name>.bench.ts` and exporting `suite` (see lib/suite.ts), so adding
 * one needs no change here.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBenchOptions, USAGE } from './lib/options.js';
import type { BenchSuite } from './lib/suite.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function suiteFile(name: string): string {
  return path.join(here, name, `${name}.bench.ts`);
}

function availableSuites(): string[] {
  return readdirSync(here, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(suiteFile(entry.name)))
    .map((entry) => entry.name)
    .sort();
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const suites = availableSuites();
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\nSuites: ${suites.join(', ')}\n`);
    return name ? 0 : 2;
  }
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !suites.includes(name)) {
    process.stderr.write(`bench: unknown suite "${name}"; available: ${suites.join(', ')}\n`);
    return 2;
  }
  const options = parseBenchOptions(rest);
  const { suite } = (await import(pathToFileURL(suiteFile(name)).href)) as { suite: BenchSuite };
  const ok = await suite.run(options);
  return ok || !options.strict ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

/**
 * `npm run eval [-- <suite>…]`: measures the quality of Rapport's text understanding against labelled
 * sets and prints Markdown for docs/quality.md. A suite registers itself by living at
 * `eval/<name>/<name>.eval.ts` and exporting `suite` (see lib/suite.ts), so adding one needs no change here.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EvalSuite } from './lib/suite.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function suiteFile(name: string): string {
  return path.join(here, name, `${name}.eval.ts`);
}

function availableSuites(): string[] {
  return readdirSync(here, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(suiteFile(entry.name)))
    .map((entry) => entry.name)
    .sort();
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2);
  const suites = availableSuites();
  if (requested.includes('--help') || requested.includes('-h')) {
    process.stdout.write(`Usage: npm run eval [-- <suite>…]\nSuites: ${suites.join(', ')}\n`);
    return 0;
  }
  const unknown = requested.filter((name) => !suites.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`eval: unknown suite "${unknown.join('", "')}"; available: ${suites.join(', ')}\n`);
    return 2;
  }
  for (const name of requested.length > 0 ? requested : suites) {
    const { suite } = (await import(pathToFileURL(suiteFile(name)).href)) as { suite: EvalSuite };
    const started = performance.now();
    const section = await suite.run();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${section.trimEnd()}\n\n`);
    process.stderr.write(`eval: ${suite.name} took ${seconds.toFixed(1)} s\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

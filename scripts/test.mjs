#!/usr/bin/env node
// `npm test`: type check, lint, the server suite on PGlite and on PostgreSQL, then the browser
// journeys against a freshly built app. Ends with one "N passed, N failed" line for all suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;

function step(title, command, args, env = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stdout.write(`\n✗ ${title} failed\n`);
    return false;
  }
  return true;
}

function vitest(title, project, env = {}) {
  mkdirSync('.tmp', { recursive: true });
  const report = `.tmp/vitest-${title.replace(/\W+/g, '-')}.json`;
  rmSync(report, { force: true });
  const ok = step(
    title,
    npx,
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    if (summary.numTotalTests === 0) {
      process.stdout.write(`✗ ${title} ran no test\n`);
      return false;
    }
  }
  return ok;
}

const only = process.argv[2];
const results = [];
if (!only || only === 'static') {
  results.push(step('type check', 'npm', ['run', '--silent', 'typecheck']));
  results.push(step('lint', 'npm', ['run', '--silent', 'lint']));
}
if (!only || only === 'web') results.push(vitest('web unit tests', 'web'));
if (!only || only === 'server') {
  results.push(ensureDebianPackage('/usr/sbin/dovecot', 'dovecot-imapd'));
  results.push(vitest('server suite on PGlite', 'server', { RAPPORT_TEST_DB: 'pglite' }));
  if (process.env.RAPPORT_SKIP_POSTGRES === '1') process.stdout.write('\n(server suite on PostgreSQL skipped: RAPPORT_SKIP_POSTGRES=1)\n');
  else results.push(vitest('server suite on PostgreSQL', 'server', { RAPPORT_TEST_DB: 'postgres' }));
}
/**
 * The suites run real peers from Debian's packages: Dovecot (IMAP) for the e-mail tests, Chromium
 * for the browser journeys. Install them when we can (root with apt), else say how.
 */
function ensureDebianPackage(binary, pkg) {
  if (existsSync(binary)) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    return (
      step(`install ${pkg} (apt-get update)`, 'apt-get', ['update', '-qq']) &&
      step(`install ${pkg}`, 'apt-get', ['install', '-y', '-qq', pkg], { DEBIAN_FRONTEND: 'noninteractive' })
    );
  }
  process.stdout.write(`\n✗ No ${binary}: install Debian's ${pkg} package\n`);
  return false;
}

if (!only || only === 'e2e') {
  results.push(ensureDebianPackage(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium'));
  results.push(step('build', 'npm', ['run', '--silent', 'build']));
  results.push(vitest('browser journeys', 'e2e'));
}

const ok = results.every(Boolean);
process.stdout.write(`\n${ok ? 'All checks passed' : 'Some checks failed'}.\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(ok ? 0 : 1);

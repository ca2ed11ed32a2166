import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NO_PRETENURING, stopPretenuring } from './pretenuring.js';

/**
 * In a fresh Node process: results (an array of rows) first kept by the thousand, as bulk work
 * keeps them, then made and dropped one at a time, as requests make them; prints the bytes young
 * collections promoted during the second phase (V8's own trace); with `stop`, under the flag
 * `stopPretenuring` sets. Plain JavaScript: run through tsx, the script's literals were never pretenured.
 */
function promotedMb(stop: boolean): number {
  const script = `
    ${stop ? `(await import('node:v8')).setFlagsFromString(${JSON.stringify(NO_PRETENURING)});` : ''}
    function result(size, key) { const rows = []; for (let i = 0; i < size; i++) rows.push({ text: 'row ' + i + ' ' + key, values: [i] }); return rows; }
    let kept = []; for (let i = 0; i < 20000; i++) kept.push(result(20, i)); kept = null;
    console.log('SHORT-LIVED');
    let rows = 0; for (let i = 0; i < 200000; i++) rows += result(20, i).length;
    console.log('END ' + rows);`;
  const trace = execFileSync(process.execPath, ['--trace-gc-nvp', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const shortLived = trace.slice(trace.indexOf('SHORT-LIVED'), trace.indexOf('END '));
  const promoted = [...shortLived.matchAll(/gc=s .*?promoted=(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
  return promoted / 1e6;
}

/**
 * V8 12.4 (Node 22) takes this flag only on the command line: set at run time it changed nothing
 * there (young collections promoted 8-19 MB with it and without it, 5-9 MB with the flag given to
 * `node`; Node 20 41 → 12 MB, Node 24 51 → 1 MB). On Node 22 the setting is a no-op.
 */
const takesTheFlagAtRunTime = process.versions.node.split('.')[0] !== '22';

/**
 * Node 20's V8 pretenures the literal in every run (36-46 MB promoted in six runs), Node 24.22's in
 * about one run in six (0.1-51 MB): where it did not, there is nothing for the setting to stop.
 */
const PRETENURED_MB = 10;

describe('stopPretenuring', () => {
  it.skipIf(!takesTheFlagAtRunTime)(
    'lets young collections copy far less once bulk work has made a literal pretenured',
    (context) => {
      const pretenured = promotedMb(false);
      if (pretenured <= PRETENURED_MB) context.skip();
      const stopped = promotedMb(true);
      expect(stopped).toBeLessThan(pretenured * 0.5);
    },
    60_000,
  );

  it("leaves an operator's own setting alone", () => {
    expect(stopPretenuring(['--allocation-site-pretenuring'], '')).toBe(false);
    expect(stopPretenuring([], '--max-old-space-size=512 --no-allocation_site_pretenuring')).toBe(false);
  });
});

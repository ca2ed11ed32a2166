import { Readable, PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkQueries, MAX_LINE_LENGTH, type QueryVerdict } from './query-check.js';

async function check(chunks: string[]) {
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const summary = await checkQueries(Readable.from(chunks.map((c) => Buffer.from(c))), output);
  const verdicts = written
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as QueryVerdict);
  return { summary, verdicts };
}

describe('checkQueries', () => {
  it('checks plain lines, numbered from 1, skipping blank ones', async () => {
    const { summary, verdicts } = await check(['apple OR pear\n\n(apple\r\nab* x']);
    expect(verdicts).toEqual([
      { id: 1, ok: true },
      { id: 3, ok: false, error: expect.stringContaining('never closed') as string, position: 0 },
      { id: 4, ok: true, warnings: [{ message: expect.stringContaining('ab*') as string, position: 0 }] },
    ]);
    expect(summary).toEqual({ checked: 3, invalid: 1 });
  });

  it('reads JSON lines with their ids, and tells a {Exact} query from JSON', async () => {
    const { verdicts } = await check([
      '{"id": "brand", "query": "rapport OR rap*"}\n',
      '{Apple} OR pear\n',
      '{"id": 7, "query": "NOT x"}\n',
      '{"id": "broken", "query": \n',
      '{"id": "no-query"}\n',
    ]);
    expect(verdicts.map((v) => [v.id, v.ok])).toEqual([
      ['brand', true],
      [2, true],
      [7, false],
      [4, false],
      ['no-query', false],
    ]);
    expect(verdicts[3]!.error).toMatch(/^Line 4 is not valid JSON/);
    expect(verdicts[4]!.error).toContain('without a string "query"');
  });

  it('reassembles lines split across chunks, including multi-byte characters', async () => {
    const bytes = Buffer.from('café OR thé\n');
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString()));
    await checkQueries(Readable.from([bytes.subarray(0, 4), bytes.subarray(4, 13), bytes.subarray(13)]), output);
    expect(written).toBe('{"id":1,"ok":true}\n');
  });

  it('reports a line longer than the bound without holding it, and goes on', async () => {
    const long = 'a'.repeat(MAX_LINE_LENGTH / 4);
    const { verdicts } = await check([long, long, long, long, long, '\napple\n']);
    expect(verdicts).toEqual([
      { id: 1, ok: false, error: `Line 1 is longer than ${MAX_LINE_LENGTH} characters` },
      { id: 2, ok: true },
    ]);
  });
});

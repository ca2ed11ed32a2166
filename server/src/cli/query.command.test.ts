import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { queryCheckCommand, registerQueryCommand } from './query.command.js';

async function run(input: string) {
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const code = await queryCheckCommand(Readable.from([Buffer.from(input)]), output);
  return { code, lines: written.split('\n').filter(Boolean) };
}

describe('rapport query check', () => {
  it('exits 0 when every query is valid', async () => {
    const { code, lines } = await run('rapport OR "social crm"\n{"id":"c","query":"competitor* AND NOT jobs"}\n');
    expect(code).toBe(0);
    expect(lines).toEqual(['{"id":1,"ok":true}', '{"id":"c","ok":true}']);
  });

  it('exits 1 when some query is invalid, still checking all of them', async () => {
    const { code, lines } = await run('apple AND\npear\n');
    expect(code).toBe(1);
    expect(lines.map((line) => (JSON.parse(line) as { ok: boolean }).ok)).toEqual([false, true]);
  });

  it('registers "query check" on the program', () => {
    const program = new Command();
    registerQueryCommand(program);
    const query = program.commands.find((command) => command.name() === 'query');
    expect(query?.commands.map((command) => command.name())).toEqual(['check']);
  });
});

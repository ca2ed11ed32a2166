import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze.command.js';

async function run(lines: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const refused = await analyzeCommand({
    input: Readable.from([lines.join('\n')]),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return {
    refused,
    results: out
      .join('')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
    err: err.join(''),
  };
}

describe('rapport analyze', () => {
  it('writes one JSON line per input line with sentiment, language, intent and entities', async () => {
    const { refused, results } = await run([
      JSON.stringify({ id: 'a', text: 'I absolutely love the new Acme rocket, best purchase ever! 😍' }),
      JSON.stringify({ id: 7, text: 'El servicio de atención al cliente es terrible y nadie responde.' }),
    ]);
    expect(refused).toBe(0);
    expect(results).toHaveLength(2);
    expect(Object.keys(results[0]!).sort()).toEqual(['entities', 'id', 'intent', 'language', 'sentiment']);
    expect(results[0]).toMatchObject({ id: 'a', language: 'en', sentiment: { label: 'positive' } });
    // Sentiment reads English: a Spanish complaint is not analysed rather than passing for neutral.
    expect(results[1]).toMatchObject({ id: 7, language: 'es', sentiment: { score: null, label: null } });
    const score = (results[0]!.sentiment as { score: number }).score;
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeLessThanOrEqual(1);
  });

  it('reports bad lines with their number on standard error and goes on', async () => {
    const { refused, results, err } = await run([
      'not json',
      JSON.stringify({ id: 'x' }),
      '[1]',
      '',
      JSON.stringify({ id: 'ok', text: '' }),
    ]);
    expect(refused).toBe(3);
    expect(err).toMatch(/line 1: not JSON/);
    expect(err).toMatch(/line 2: "text" must be a string/);
    expect(err).toMatch(/line 3: not a JSON object/);
    expect(results).toEqual([expect.objectContaining({ id: 'ok', sentiment: { score: 0, label: 'neutral' }, language: 'und' })]);
  });
});

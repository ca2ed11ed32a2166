/**
 * `rapport analyze`: JSON Lines `{"id", "text"}` in on standard input, JSON Lines `{"id",
 * "sentiment": {"score", "label"}, "language", "intent", "entities"}` out, one line per line and
 * streaming, with the built-in models and no database (batch analysis of exports; quality runs).
 * A line that is not such an object is reported on standard error with its number and skipped.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { Print } from './cli-support.js';

/** Longer lines are refused rather than buffered: a text is capped at 100,000 characters anyway. */
export const MAX_LINE = 1_000_000;

export interface AnalyzeStreams {
  input: Readable;
  out: Print;
  err: Print;
}

function problem(line: string): string | { id: unknown; text: string } {
  if (line.length > MAX_LINE) return `longer than ${MAX_LINE} characters`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return '"text" must be a string';
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string or a number';
  return { id: id ?? null, text };
}

/** Returns how many lines were refused. */
export async function analyzeCommand({ input, out, err }: AnalyzeStreams): Promise<number> {
  // The models load for this command only (as for the server: with the first text), before the
  // lines are read: a line emitted while this waited would be lost to the loop below.
  const { analyzeText } = await import('../nlp/analyze.js');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  let refused = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    const item = problem(line);
    if (typeof item === 'string') {
      refused++;
      err(`line ${number}: ${item}; skipped\n`);
      continue;
    }
    const result = analyzeText(item.text);
    out(
      JSON.stringify({
        id: item.id,
        sentiment: { score: result.sentiment.score, label: result.sentiment.label },
        language: result.language.code,
        intent: result.intent.label,
        entities: result.entities,
      }) + '\n',
    );
  }
  return refused;
}

export function registerAnalyzeCommand(program: Command) {
  program
    .command('analyze')
    .description('Analyse JSON Lines {"id","text"} from standard input: sentiment, language, intent and entities as JSON Lines')
    .action(async () => {
      const refused = await analyzeCommand({
        input: process.stdin,
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
      if (refused) process.exitCode = 1;
    });
}

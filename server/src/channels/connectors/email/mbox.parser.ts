/**
 * The `mbox` format: messages one after another, each starting with a "From sender date" line
 * (mboxo/mboxrd, as Thunderbird, mutt and Google Takeout write it). Body lines that began with
 * "From " were escaped as ">From "; mboxrd escapes ">From " again, so one ">" is removed from every
 * ">…>From " line.
 */
import { parseDate } from '../../parsing/dates.js';
import { ResultCollector, type ParseOptions, type ParseResult, type ParserInput } from '../../parsing/parse-result.js';
import { addEmail } from './email-message.js';
import { emailBytes } from './eml.parser.js';

export async function parseMbox(input: ParserInput, options?: ParseOptions): Promise<ParseResult> {
  const collector = new ResultCollector('mbox', options);
  const bytes = emailBytes(input, collector, options);
  if (!bytes) return collector.result;
  const messages = splitMbox(bytes);
  for (const [index, message] of messages.entries()) await addEmail(collector, message, index);
  if (messages.length === 0) collector.reject(null, 'empty', 'the mailbox has no messages');
  return collector.result;
}

/**
 * Splits at "From " lines that start the file, follow a blank line, or end in a date; a body line
 * that merely starts with "From " (unescaped by a careless writer) is neither.
 */
export function splitMbox(bytes: Buffer): Buffer[] {
  // Latin-1 maps each byte to one character and back, so offsets and bytes survive the round trip.
  const text = bytes.toString('latin1');
  const starts: number[] = [];
  const separator = /^From [^\r\n]*/gm;
  let match: RegExpExecArray | null;
  while ((match = separator.exec(text)) !== null) {
    const at = match.index;
    const previousBlank = at === 0 || /\n\r?\n$/.test(text.slice(Math.max(0, at - 3), at));
    if (previousBlank || parseDate(match[0].replace(/^From\s+\S+\s+/, '').trim())) starts.push(at);
  }
  if (starts[0] !== 0 && text.trim()) starts.unshift(0);
  const messages: Buffer[] = [];
  starts.forEach((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    if (!chunk.trim()) return;
    messages.push(Buffer.from(chunk.replace(/^>(>*From )/gm, '$1'), 'latin1'));
  });
  return messages;
}

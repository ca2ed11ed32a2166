/** The `eml` format: one RFC 5322 message (MIME or plain), as saved by mail clients. */
import { isBytes, tooLarge } from '../../parsing/input.js';
import { ResultCollector, type ParseOptions, type ParseResult, type ParserInput } from '../../parsing/parse-result.js';
import { addEmail } from './email-message.js';

export async function parseEml(input: ParserInput, options?: ParseOptions): Promise<ParseResult> {
  const collector = new ResultCollector('eml', options);
  const bytes = emailBytes(input, collector, options);
  if (bytes) await addEmail(collector, bytes, 0);
  return collector.result;
}

/** Mail is bytes: a string is taken as already-decoded text and re-encoded as UTF-8. */
export function emailBytes(input: ParserInput, collector: ResultCollector, options: ParseOptions | undefined): Buffer | null {
  if (typeof input !== 'string' && !isBytes(input)) {
    collector.reject(null, 'malformed', 'an e-mail must be given as text or bytes');
    return null;
  }
  const oversize = tooLarge(input, options);
  if (oversize) {
    collector.reject(null, 'too-large', oversize);
    return null;
  }
  return typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

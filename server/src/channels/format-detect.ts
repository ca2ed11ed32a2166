/**
 * Guessing a recorded file's format from its content, with the file name as the tie-breaker. The
 * content decides because names lie: reddit's ".rss" is Atom, a saved API response is ".json"
 * whatever it holds. Returns null rather than a guess when nothing fits.
 */
import { HEADER_LINE } from './connectors/email/email-message.js';
import type { FormatName } from './message.schema.js';
import { decodeUtf8 } from './parsing/input.js';
import { isObject, readJson, str, type JsonObject } from './parsing/json.js';

/** Enough of the head to see a root element or a first JSON line; a detector reads no more. */
const HEAD = 64 * 1024;

export function detectFormat(fileName: string, content: string | Uint8Array): FormatName | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const head = headText(content);
  const start = head.trimStart();
  if (start.startsWith('<')) return xmlFormat(start) ?? (extension === 'atom' ? 'atom' : extension === 'rss' ? 'rss' : null);
  if (start.startsWith('{') || start.startsWith('['))
    return jsonFormat(content) ?? (extension === 'json' && /jsonfeed/i.test(fileName) ? 'jsonfeed' : null);
  if (/^(?:event|data):/.test(start)) return 'mastodon';
  return mailFormat(start, extension);
}

function headText(content: string | Uint8Array): string {
  if (typeof content === 'string') return content.slice(0, HEAD).replace(/^\uFEFF/, '');
  return decodeUtf8(content.subarray(0, HEAD));
}

/** The first element after the prolog (declaration, comments, processing instructions, doctype). */
function xmlFormat(head: string): FormatName | null {
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i.exec(head);
  const root = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/.exec(head.slice(prolog?.[0].length ?? 0))?.[1];
  if (!root) return null;
  const local = root.slice(root.indexOf(':') + 1);
  if (local === 'feed') return 'atom';
  if (local === 'rss' || local === 'RDF' || local === 'channel') return 'rss';
  return null;
}

/** The first JSON value in the file: the first line when it is complete JSON (JSON Lines), else the whole document. */
function jsonFormat(content: string | Uint8Array): FormatName | null {
  const text = typeof content === 'string' ? content : decodeUtf8(content);
  const newline = text.indexOf('\n');
  const sample = tryJson(newline < 0 ? text : text.slice(0, newline)) ?? readJson(text).records[0]?.value;
  const first = Array.isArray(sample) ? sample[0] : sample;
  return isObject(first) ? classify(first) : null;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function classify(value: JsonObject): FormatName | null {
  if (/jsonfeed\.org/i.test(str(value.version) ?? '') || (Array.isArray(value.items) && typeof value.title === 'string')) return 'jsonfeed';
  if (typeof value.object === 'string' && Array.isArray(value.entry)) return 'meta-webhook';
  if (
    typeof value.kind === 'string' &&
    (value.kind === 'Listing' || /^t[1-6]$/.test(value.kind) || value.kind === 'more') &&
    'data' in value
  )
    return 'reddit';
  if (typeof value.did === 'string' && 'time_us' in value) return 'jetstream';
  if (isObject(value.accountMeta) && Array.isArray(value.postRecords)) return 'jetstream';
  if (
    '__twarc' in value ||
    'includes' in value ||
    (('data' in value || 'errors' in value) && ('meta' in value || 'matching_rules' in value))
  )
    return 'twitter-v2';
  if (Array.isArray(value.data) && 'paging' in value) return 'meta-webhook';
  if (isMastodon(value)) return 'mastodon';
  if (typeof value.id === 'string' && typeof value.text === 'string' && ('author_id' in value || 'conversation_id' in value))
    return 'twitter-v2';
  if (typeof value.id === 'string' && 'created_time' in value) return 'meta-webhook';
  if (Array.isArray(value.data) && isObject(value.data[0]) && typeof value.data[0].text === 'string') return 'twitter-v2';
  return null;
}

function isMastodon(value: JsonObject): boolean {
  if (isObject(value.account) && ('content' in value || 'type' in value)) return true;
  if (typeof value.acct === 'string' && typeof value.username === 'string') return true;
  if (Array.isArray(value.ancestors) || Array.isArray(value.descendants)) return true;
  if (typeof value.event === 'string' && 'payload' in value) return true;
  return typeof value.name === 'string' && Array.isArray(value.history);
}

/** "From sender date" then headers is a mailbox; headers alone are one message. */
function mailFormat(head: string, extension: string): FormatName | null {
  if (extension === 'mbox') return 'mbox';
  const lines = head.split(/\r?\n/, 3);
  const headerLine = (line: string | undefined): boolean => line !== undefined && HEADER_LINE.test(line);
  // An envelope line starts both a mailbox and some saved messages; a second one means several messages.
  if (/^From \S/.test(lines[0] ?? '') && headerLine(lines[1])) return /\n\r?\nFrom \S/.test(head) ? 'mbox' : 'eml';
  if (headerLine(lines[0])) return 'eml';
  return extension === 'eml' ? 'eml' : null;
}

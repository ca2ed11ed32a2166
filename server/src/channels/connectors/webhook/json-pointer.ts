/** RFC 6901 JSON Pointers: how a generic webhook's settings say where each field of a delivery is. */
import { Type } from 'typebox';

export const JsonPointer = Type.String({
  maxLength: 500,
  pattern: '^(/([^~/]|~[01])*)*$',
  patternReason: 'must be a JSON Pointer: empty, or starting with / (e.g. /message/text)',
  description: 'A JSON Pointer (RFC 6901), e.g. /message/text; empty for the whole value',
});

/** The value at `pointer` in `document`, or undefined when the path does not exist. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * Lone surrogates: half of a UTF-16 pair, which a JavaScript string (and a JSON escape) can hold
 * but which is no text. UTF-8 cannot encode one, and PostgreSQL refuses it inside jsonb.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** U+FFFD in place of each lone surrogate, as encoding the text to UTF-8 does. */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATES, '\ufffd');
}

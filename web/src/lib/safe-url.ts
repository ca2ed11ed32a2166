/** Links built from stored data: only http(s) URLs may become links, anything else stays text. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function isHttpUrl(value: string): boolean {
  return httpUrl(value) !== null;
}

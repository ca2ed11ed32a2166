/**
 * How many contacts the list holds, as far as it knows. The list API pages without a total (a count
 * of every match would cost as much as reading them): past the pages loaded, it says "more than".
 */
export function contactCountText(loaded: number, hasMore: boolean): string {
  if (hasMore) return `More than ${loaded.toLocaleString()} contacts`;
  return loaded === 1 ? '1 contact' : `${loaded.toLocaleString()} contacts`;
}

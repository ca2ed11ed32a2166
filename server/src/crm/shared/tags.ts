/**
 * Tags are case-insensitive, as in every CRM users know: "VIP" and "vip" are one tag, a record
 * keeps it once (in the spelling it was first given), and a filter by either finds it. Filters
 * compare the tags' keys (`tag_keys`, migration crm/080), which an index on each table holds.
 */

/** Tags trimmed, blank ones dropped, each kept once whatever its case (the first spelling wins). */
export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.map((t) => t.trim()).filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

/** An SQL condition: the record under `alias` carries every tag in `tags` (whatever their case). */
export function hasTags(alias: string, tags: readonly string[], params: unknown[]): string {
  params.push(tags);
  return `tag_keys(${alias}.tags) @> tag_keys($${params.length}::text[])`;
}

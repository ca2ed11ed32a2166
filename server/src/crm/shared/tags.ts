/**
 * Tags are case-insensitive, as in every CRM users know: "VIP" and "vip" are one tag, a record
 * keeps it once (in the spelling it was first given), and a filter by either finds it. Filters
 * compare the tags' keys (`tag_keys`, migrations crm/080 and crm/081), which an index on each
 * table holds.
 */

/**
 * A tag's key, as the database's `tag_key` makes it: lower-cased by Unicode's rules (ICU's root
 * locale there, the same as JavaScript's), with the dot that "İ" leaves on its "i" dropped.
 */
export function tagKey(tag: string): string {
  return tag.toLowerCase().replaceAll('i\u0307', 'i');
}

/** Tags trimmed, blank ones dropped, each kept once whatever its case (the first spelling wins). */
export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.map((t) => t.trim()).filter((t) => t && !seen.has(tagKey(t)) && seen.add(tagKey(t)));
}

/** An SQL condition: the record under `alias` carries every tag in `tags` (whatever their case). */
export function hasTags(alias: string, tags: readonly string[], params: unknown[]): string {
  params.push(tags);
  return `tag_keys(${alias}.tags) @> tag_keys($${params.length}::text[])`;
}

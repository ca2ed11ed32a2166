/**
 * Lists sorted by name sort as people read names, not by code point: "Élodie" among the E's,
 * "Ørjan" among the O's, "anna" beside "Anna", on every engine and whatever collation the database
 * was created with (PGlite's is C, which put every accented initial after Z). The key is the name
 * lower-cased and compared by ICU's root locale (the rules common to most languages). Contacts,
 * companies, segments, members, teams and a person's workspaces all sort by it; the indexes behind
 * name-sorted pages hold the same key (migration crm/083), while the small lists sort without one.
 */

/**
 * The sort key of the name in `column`, as SQL. Lower-cased by ICU as JavaScript's `toLowerCase`
 * does, so a key made in JavaScript (a company cursor) compares as the database's own.
 */
export function nameKey(column: string): string {
  return `lower(${column} COLLATE "und-x-icu")`;
}

/**
 * The places of a parsed JSON body, for the checks that name the field they refuse. A loop, not
 * recursion, and each place's path built only when asked for: a body may nest as deep as its size
 * allows (a megabyte of `[`), past the call stack, and a path copied at every level costs the square
 * of the depth.
 */
export interface JsonPlace {
  /** The key or array index that leads here from the parent; null for the body itself. */
  key: string | null;
  value: unknown;
  parent: JsonPlace | null;
  /** 0 for the body, 1 for its top-level fields. */
  depth: number;
}

/** The dotted path (`emails.0.label`) of a place; `body` for the body itself. */
export function pathOf(place: JsonPlace): string {
  const keys: string[] = [];
  for (let at: JsonPlace | null = place; at?.key != null; at = at.parent) keys.push(at.key);
  return keys.length ? keys.reverse().join('.') : 'body';
}

/**
 * The first place of `body`, in document order and each place before what it holds, for which
 * `found` is true, or null. What a place for which `opaque` is true holds is not visited.
 */
export function findPlace(
  body: unknown,
  found: (place: JsonPlace) => boolean,
  opaque: (place: JsonPlace) => boolean = () => false,
): JsonPlace | null {
  const pending: JsonPlace[] = [{ key: null, value: body, parent: null, depth: 0 }];
  for (let place = pending.pop(); place; place = pending.pop()) {
    if (found(place)) return place;
    const { value } = place;
    if (value === null || typeof value !== 'object' || opaque(place)) continue;
    const depth = place.depth + 1;
    // Pushed last to first, so the first comes off first.
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ key: String(i), value: value[i], parent: place, depth });
    } else {
      const fields = value as Record<string, unknown>;
      const keys = Object.keys(fields);
      for (let i = keys.length - 1; i >= 0; i--) pending.push({ key: keys[i]!, value: fields[keys[i]!], parent: place, depth });
    }
  }
  return null;
}

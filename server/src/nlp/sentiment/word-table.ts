/**
 * An open-addressing hash table from words to what the scorer knows about them, probed with a span
 * of the message itself (start and end offsets): looking up a word costs no string allocation, and
 * a word the table lacks (most words) is rejected at its first empty slot. This is what lets
 * sentiment keep up with the ingest pipeline.
 */

const EMPTY = -1;
/** Bits in the filter of present hashes: 32 kB, a few per word, so most absent words are turned away by it. */
const FILTER_BITS = 18;
const CURLY_APOSTROPHE = 0x2019;
const APOSTROPHE = 0x27;
const FNV_PRIME = 0x01000193;

/** Where the hash of a word starts, before `foldedHashStep` is applied to each of its code units. */
export const FOLDED_HASH_START = 0x811c9dc5 | 0;

/** ASCII capitals to lower case, and the typographic apostrophe to the straight one. */
function folded(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  return code === CURLY_APOSTROPHE ? APOSTROPHE : code;
}

/**
 * One step of the hash `findFolded` expects, for `code` already folded (ASCII lower case, straight
 * apostrophe): a tokeniser hashes each word while reading it, instead of reading it again to look it up.
 */
export function foldedHashStep(hash: number, foldedCode: number): number {
  return Math.imul(hash ^ foldedCode, FNV_PRIME);
}

export class WordTable<Value> {
  private readonly keys: string[] = [];
  private readonly values: Value[] = [];
  /**
   * Pairs per slot: the key's index (or EMPTY), then its full hash, compared before the key itself
   * so that a probe past another word's slot reads no string.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /**
   * One bit per value of a hash's top bits, set for the keys' hashes. Most words of a message are not
   * in the table, and this small array (which stays in cache) says so without reading the slots.
   */
  private readonly present = new Uint32Array(1 << (FILTER_BITS - 5));

  constructor(entries: ReadonlyMap<string, Value>) {
    let size = 16;
    while (size < entries.size * 3) size *= 2;
    this.slots = new Int32Array(size * 2).fill(EMPTY);
    this.mask = size - 1;
    for (const [key, value] of entries) this.add(key, value);
  }

  /** Finds `text[start, end)` as written, or, when `fold` is set, ignoring ASCII case and apostrophe style. */
  find(text: string, start: number, end: number, fold: boolean): Value | undefined {
    return this.findHashed(text, start, end, fold, hashCodes(text, start, end, fold));
  }

  /** `find` ignoring case, for a word whose hash was made with `foldedHashStep` while it was read. */
  findFolded(text: string, start: number, end: number, hash: number): Value | undefined {
    return this.findHashed(text, start, end, true, hash);
  }

  private findHashed(text: string, start: number, end: number, fold: boolean, hash: number): Value | undefined {
    const { slots, mask, present } = this;
    const top = hash >>> (32 - FILTER_BITS);
    if ((present[top >>> 5]! & (1 << (top & 31))) === 0) return undefined;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = slots[slot * 2]!;
      if (index === EMPTY) return undefined;
      if (slots[slot * 2 + 1] === hash && this.matches(this.keys[index]!, text, start, end, fold)) return this.values[index];
    }
  }

  private add(key: string, value: Value): void {
    const hash = hashCodes(key, 0, key.length, false);
    const top = hash >>> (32 - FILTER_BITS);
    this.present[top >>> 5]! |= 1 << (top & 31);
    let slot = hash & this.mask;
    while (this.slots[slot * 2] !== EMPTY) slot = (slot + 1) & this.mask;
    this.slots[slot * 2] = this.keys.length;
    this.slots[slot * 2 + 1] = hash;
    this.keys.push(key);
    this.values.push(value);
  }

  private matches(key: string, text: string, start: number, end: number, fold: boolean): boolean {
    if (key.length !== end - start) return false;
    for (let offset = 0; offset < key.length; offset++) {
      const code = text.charCodeAt(start + offset);
      if (key.charCodeAt(offset) !== (fold ? folded(code) : code)) return false;
    }
    return true;
  }
}

/** The hash `findFolded` expects for `text[start, end)`, for a word not hashed while it was read. */
export function foldedHash(text: string, start: number, end: number): number {
  return hashCodes(text, start, end, true);
}

/** FNV-1a over UTF-16 code units; keys are stored folded already, so they hash the same either way. */
function hashCodes(text: string, start: number, end: number, fold: boolean): number {
  let hash = FOLDED_HASH_START;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    hash = Math.imul(hash ^ (fold ? folded(code) : code), FNV_PRIME);
  }
  return hash;
}

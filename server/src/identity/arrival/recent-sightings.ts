/**
 * Which keys were seen recently, as one bit each of a hashed set: a typed array, so nothing in it
 * is an object the collector copies or traces. A collision answers "seen" for a key seen never,
 * which the caller must be able to afford. Cleared after `capacity` sightings, so "seen" means
 * seen within about that many sightings.
 */
export class RecentSightings {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private sightings = 0;

  /** `bitCount` a power of two, some ten times `capacity` for collisions under one in ten. */
  constructor(
    private readonly capacity: number,
    bitCount: number,
  ) {
    if (bitCount < 32 || (bitCount & (bitCount - 1)) !== 0) throw new RangeError('bitCount must be a power of two, at least 32');
    this.bits = new Uint32Array(bitCount / 32);
    this.mask = bitCount - 1;
  }

  /** Whether the key was seen since the set was last cleared; it counts as seen from now on. */
  seenBefore(key: string): boolean {
    if (++this.sightings > this.capacity) {
      this.bits.fill(0);
      this.sightings = 1;
    }
    const slot = hashOf(key) & this.mask;
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    const seen = (this.bits[word]! & bit) !== 0;
    this.bits[word] = this.bits[word]! | bit;
    return seen;
  }
}

/**
 * FNV-1a over the key's UTF-16 code units, then MurmurHash3's final mix: FNV's low bits depend only
 * on the characters' low bits, and the set is indexed by the low bits.
 */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

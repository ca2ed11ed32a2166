/**
 * Blocking: only people who share at least one key are compared, never all pairs. Keys cover the
 * usual ways duplicates stay alike despite typos — an identifier (e-mail, phone, handle, id), a
 * phonetic name with part of the birth date, phonetic names in either order (swapped given and
 * family names) with part of the address, a postcode with an initial, the full birth date, the
 * street. Each key pairs a name with something else, so a common name alone makes no huge block.
 * A key shared by too many people ("smith" born 1980 in a huge file) is skipped: those people are
 * still reached through their other keys.
 */
import type { NormalisedPerson } from './person.js';
import { soundex } from './phonetic.js';

export function blockingKeys(person: NormalisedPerson): string[] {
  const keys: string[] = [];
  for (const email of person.emails) keys.push(`e:${email}`);
  for (const local of person.emailLocals) if (local.length >= 5) keys.push(`l:${local}`);
  for (const phone of person.phones) keys.push(`p:${phone}`);
  for (const handle of person.handles) keys.push(`h:${handle}`);
  if (person.nationalId !== null) keys.push(`i:${person.nationalId}`);
  const { birthDate, givenCode, familyCode, given } = person;
  if (birthDate !== null && familyCode !== null && given !== null) keys.push(`fy:${familyCode}${given.charAt(0)}${birthDate.slice(0, 4)}`);
  if (birthDate !== null && givenCode !== null && familyCode !== null) keys.push(`gm:${givenCode}${familyCode}${birthDate.slice(4)}`);
  if (givenCode !== null && familyCode !== null) {
    const names = [givenCode, familyCode].sort().join('');
    if (person.postcode !== null) keys.push(`gp:${names}${person.postcode.slice(0, 2)}`);
    if (person.street !== null) keys.push(`gs:${names}${soundex(person.street)}`);
  }
  if (person.birthDate !== null) keys.push(`d:${person.birthDate}`);
  if (person.postcode !== null) {
    if (person.family !== null) keys.push(`pf:${person.postcode}${person.family.charAt(0)}`);
    if (person.given !== null) keys.push(`pg:${person.postcode}${person.given.charAt(0)}`);
  }
  if (person.street !== null && person.streetNumber !== null) keys.push(`s:${person.streetNumber}${soundex(person.street)}`);
  return keys;
}

/** A 30-bit FNV-1a hash: small integer keys keep a million people's index compact. */
function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return hash & 0x3fffffff;
}

/**
 * Keys to people, for matching one person on arrival. Keys are stored as hashes, and a block of one
 * person as the bare position: a rare collision only adds a candidate, which scoring then rejects.
 * A block past the size cap stops growing and is skipped.
 */
export class BlockIndex {
  private readonly members = new Map<number, number | number[]>();

  constructor(private readonly maxBlockSize: number) {}

  add(position: number, keys: readonly string[]): void {
    for (const key of keys) {
      const hash = keyHash(key);
      const block = this.members.get(hash);
      if (block === undefined) this.members.set(hash, position);
      else if (typeof block === 'number') this.members.set(hash, [block, position]);
      else if (block.length <= this.maxBlockSize) block.push(position);
    }
  }

  /** Positions sharing a key with the given keys, each once, from blocks within the cap. */
  candidates(keys: readonly string[]): number[] {
    const found = new Set<number>();
    for (const key of keys) {
      const block = this.members.get(keyHash(key));
      if (block === undefined) continue;
      if (typeof block === 'number') found.add(block);
      else if (block.length <= this.maxBlockSize) for (const position of block) found.add(position);
    }
    return [...found];
  }
}

export interface CandidatePairs {
  /** Pairs as `left * count + right` with left < right, sorted, each once. */
  codes: Float64Array;
  /** Blocks skipped because they were larger than the cap. */
  skippedBlocks: number;
}

class PairBuffer {
  codes = new Float64Array(1 << 16);
  length = 0;

  push(code: number): void {
    if (this.length === this.codes.length) {
      const grown = new Float64Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.length++] = code;
  }
}

/** Sorted neighbourhood: people next to each other in name order, which catches typos after the first letters. */
function addNeighbours(
  people: readonly NormalisedPerson[],
  sortKey: (person: NormalisedPerson) => string,
  window: number,
  into: PairBuffer,
) {
  const order = people
    .map((person, position) => ({ key: sortKey(person), position }))
    .filter((entry) => entry.key.trim().length > 0)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < Math.min(order.length, i + window); j++) {
      const [a, b] = [order[i]!.position, order[j]!.position];
      into.push(a < b ? a * people.length + b : b * people.length + a);
    }
  }
}

export function candidatePairs(people: readonly NormalisedPerson[], maxBlockSize: number, window: number): CandidatePairs {
  const blocks = new Map<string, number[]>();
  people.forEach((person, position) => {
    for (const key of blockingKeys(person)) {
      const block = blocks.get(key);
      if (block) block.push(position);
      else blocks.set(key, [position]);
    }
  });
  const pairs = new PairBuffer();
  let skippedBlocks = 0;
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length > maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    for (let i = 0; i < block.length; i++) for (let j = i + 1; j < block.length; j++) pairs.push(block[i]! * people.length + block[j]!);
  }
  blocks.clear();
  // The birth date after the names orders a crowd of namesakes so that neighbours are born close together.
  addNeighbours(people, (person) => `${person.family ?? ''} ${person.given ?? ''} ${person.birthDate ?? ''}`, window, pairs);
  addNeighbours(people, (person) => `${person.given ?? ''} ${person.family ?? ''} ${person.birthDate ?? ''}`, window, pairs);
  const sorted = pairs.codes.subarray(0, pairs.length).sort();
  let unique = 0;
  for (let index = 0; index < sorted.length; index++)
    if (index === 0 || sorted[index] !== sorted[unique - 1]) sorted[unique++] = sorted[index]!;
  return { codes: sorted.slice(0, unique), skippedBlocks };
}

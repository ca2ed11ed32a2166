/**
 * Keys for looking one person up among stored contacts. The batch run's blocking keys pair a name
 * with a date or an address, which a channel author rarely has: an identity is often just a name,
 * a handle or an address. Two more keys reach the contacts such a person may be: both names'
 * phonetic codes, and a user name as written in an e-mail local part or a handle ("ana.berg",
 * "@anaberg"). A lookup skips a key shared by too many contacts, so a common name finds nobody
 * through it.
 */
import { blockingKeys } from './blocking.js';
import type { NormalisedPerson } from './person.js';

const SHORTEST_USER_NAME = 5;

export function arrivalKeys(person: NormalisedPerson): string[] {
  const keys = blockingKeys(person);
  if (person.givenCode !== null && person.familyCode !== null) keys.push(`n:${[person.givenCode, person.familyCode].sort().join('')}`);
  const users = new Set([...person.emailLocals, ...person.handleUsers].map((user) => user.replace(/[^a-z0-9]/g, '')));
  for (const user of users) if (user.length >= SHORTEST_USER_NAME) keys.push(`u:${user}`);
  return keys;
}

/**
 * Test fixture: a workspace's worth of generated contacts with duplicates planted among them, and
 * the pairs that must never be paired — a shared mailbox, placeholders, a common name with nothing
 * else in common. Written through the contacts use case, as the API would.
 */
import { createContact, type ContactInput } from '../../../crm/index.js';
import type { Ctx } from '../../../platform/context.js';

const GIVEN = ['john', 'mary', 'james', 'anna', 'oscar', 'liam', 'maja', 'noah', 'ella', 'hugo', 'ines', 'finn', 'lena', 'ida', 'axel'];
const FAMILY = ['smith', 'jones', 'berg', 'lind', 'holm', 'dahl', 'nyberg', 'strand', 'wall', 'falk', 'moberg', 'lund', 'hedlund'];
const STREETS = ['kings', 'harbour', 'mill', 'church', 'station', 'park', 'bridge', 'castle', 'garden', 'forest', 'meadow'];

const capital = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Person `index` of the background: "john" and "smith" come up far more often than the rest. */
function backgroundPerson(index: number): ContactInput {
  const given = index % 4 === 0 ? 'john' : GIVEN[(index * 7) % GIVEN.length]!;
  const family = index % 5 === 0 ? 'smith' : FAMILY[(index * 11) % FAMILY.length]!;
  return {
    firstName: capital(given),
    lastName: capital(family),
    emails: [{ address: `${given}.${family}.${index}@mail${index % 7}.io` }],
    phones: [{ number: `+44 7700 ${String(100000 + index * 37).slice(0, 6)}` }],
    address: {
      streetNumber: String(1 + index),
      street: `${STREETS[index % STREETS.length]} road`,
      postcode: String(4000 + ((index * 37) % 900)),
      locality: 'Leeds',
    },
  };
}

export interface PlantedWorkspace {
  contacts: number;
  /** [original, duplicate] contact ids of every planted duplicate. */
  duplicates: [string, string][];
  /** Pairs that are different people however alike they look. */
  neverPairs: { reason: string; ids: [string, string] }[];
}

export async function plantDuplicates(ctx: Ctx, background = 120): Promise<PlantedWorkspace> {
  const add = async (input: ContactInput) => (await createContact(ctx, input)).id;
  const duplicates: [string, string][] = [];
  for (let index = 0; index < background; index++) {
    const person = backgroundPerson(index);
    const id = await add(person);
    if (index % 15 !== 7) continue;
    // The same person again: a typo in the first name, no street number, the same e-mail and phone.
    const copy = await add({ ...person, firstName: `${person.firstName}e`, address: { ...person.address, streetNumber: undefined } });
    duplicates.push([id, copy]);
  }
  const margaret = await add({
    firstName: 'Margaret',
    lastName: 'Thistlewood',
    emails: [{ address: 'margaret.thistlewood@globex.net' }],
    phones: [{ number: '+44 7700 900123' }],
  });
  const margret = await add({ firstName: 'Margret', lastName: 'Thistlewood', phones: [{ number: '07700 900123' }] });
  duplicates.push([margaret, margret]);

  const neverPairs: PlantedWorkspace['neverPairs'] = [
    {
      reason: 'a shared mailbox',
      ids: [
        await add({ firstName: 'Ingrid', lastName: 'Featherstone', emails: [{ address: 'info@acme.io' }] }),
        await add({ firstName: 'Piotr', lastName: 'Kaczmarek', emails: [{ address: 'info@acme.io' }] }),
      ],
    },
    {
      reason: 'placeholders',
      ids: [
        await add({ firstName: 'N/A', lastName: 'Test', emails: [{ address: 'test@test.com' }] }),
        await add({ firstName: 'N/A', lastName: 'Test', emails: [{ address: 'test@test.com' }] }),
      ],
    },
    {
      reason: 'a common name alone',
      ids: [
        await add({ firstName: 'John', lastName: 'Smith', emails: [{ address: 'jsmith@hooli.com' }], address: { locality: 'Cardiff' } }),
        await add({ firstName: 'John', lastName: 'Smith', phones: [{ number: '+1 415 555 0100' }], address: { locality: 'Boston' } }),
      ],
    },
  ];
  return { contacts: background + duplicates.length - 1 + 2 + neverPairs.length * 2, duplicates, neverPairs };
}

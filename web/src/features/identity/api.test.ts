import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { identityKeys, refreshAfterMerge } from './api';

let client: QueryClient;
let asked: string[];
let stop: (() => void)[];

/** A query on screen (a mounted component's), that counts each time it asks the server. */
async function onScreen(queryKey: QueryKey) {
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: () => {
      asked.push(queryKey.join('/'));
      return {};
    },
  });
  stop.push(observer.subscribe(() => undefined));
  await expect.poll(() => observer.getCurrentResult().isSuccess).toBe(true);
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

beforeEach(() => {
  client = new QueryClient();
  asked = [];
  stop = [];
});

afterEach(() => {
  stop.forEach((unsubscribe) => unsubscribe());
  client.clear();
});

describe('after a merge', () => {
  it('drops the previews naming the deleted contact instead of asking for them again, and reloads the rest', async () => {
    await onScreen(identityKeys.preview('kate', 'katherine'));
    await onScreen(identityKeys.preview('katherine', 'kate'));
    await onScreen(identityKeys.preview('kate', 'kathy'));
    await onScreen(identityKeys.duplicate('p'));
    asked = [];

    refreshAfterMerge(client, 'katherine');
    await settled();

    expect(asked.sort()).toEqual(['duplicates/one/p', 'merges/preview/kate/kathy']);
    expect(
      client
        .getQueryCache()
        .findAll({ queryKey: identityKeys.previews })
        .map((query) => query.queryKey),
    ).toEqual([identityKeys.preview('kate', 'kathy')]);
  });

  it('after an unmerge, where no contact is deleted, reloads every preview', async () => {
    await onScreen(identityKeys.preview('kate', 'katherine'));
    asked = [];
    refreshAfterMerge(client, null);
    await settled();
    expect(asked).toEqual(['merges/preview/kate/katherine']);
  });
});

/**
 * A page's `includes`: the users, referenced tweets and media a tweet points to by id. Lookups
 * only ever return what the page itself carried.
 */
import { isObject, list, str, type JsonObject } from '../../parsing/json.js';

export class Expansions {
  private readonly users = new Map<string, JsonObject>();
  private readonly tweets = new Map<string, JsonObject>();
  private readonly media = new Map<string, JsonObject>();

  constructor(page: JsonObject) {
    const includes = isObject(page.includes) ? page.includes : {};
    index(this.users, includes.users, 'id');
    index(this.tweets, includes.tweets, 'id');
    index(this.media, includes.media, 'media_key');
  }

  user(id: string | undefined): JsonObject | undefined {
    return id === undefined ? undefined : this.users.get(id);
  }

  tweet(id: string | undefined): JsonObject | undefined {
    return id === undefined ? undefined : this.tweets.get(id);
  }

  mediaItem(key: string | undefined): JsonObject | undefined {
    return key === undefined ? undefined : this.media.get(key);
  }
}

function index(map: Map<string, JsonObject>, items: unknown, key: string): void {
  for (const item of list(items)) {
    const id = isObject(item) ? str(item[key]) : undefined;
    if (id !== undefined && isObject(item)) map.set(id, item);
  }
}

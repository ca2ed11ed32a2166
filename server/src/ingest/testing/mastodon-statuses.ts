/**
 * Mastodon statuses shaped like the API's (and the recorded corpus), for tests that need many or
 * specific ones: the CLI's crash test, the dead-letter tests and the isolation suites' seed.
 */
export interface StatusOptions {
  text?: string;
  inReplyTo?: string;
  account?: number;
  createdAt?: Date;
  /** The language the author's client declared; English unless said. */
  language?: string;
}

export function mastodonStatus(id: string, options: StatusOptions = {}): Record<string, unknown> {
  const account = options.account ?? 1;
  const text = options.text ?? `Status ${id} about the product`;
  return {
    id,
    created_at: (options.createdAt ?? new Date(Date.UTC(2026, 0, 1))).toISOString(),
    in_reply_to_id: options.inReplyTo ?? null,
    in_reply_to_account_id: null,
    visibility: 'public',
    language: options.language ?? 'en',
    uri: `https://example.social/users/user${account}/statuses/${id}`,
    url: `https://example.social/@user${account}/${id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    content: `<p>${text}</p>`,
    reblog: null,
    media_attachments: [],
    account: {
      id: String(account),
      username: `user${account}`,
      acct: `user${account}@example.social`,
      display_name: `User ${account}`,
      url: `https://example.social/@user${account}`,
      avatar: `https://example.social/avatars/${account}.png`,
      followers_count: account,
      following_count: 1,
      statuses_count: 10,
      note: '',
    },
  };
}

/** One status per line: `count` statuses, every fifth a reply to the one before it. */
export function mastodonJsonl(count: number, prefix = 's'): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const status = mastodonStatus(`${prefix}${i}`, {
      account: i % 500,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
      ...(i % 5 === 4 ? { inReplyTo: `${prefix}${i - 1}` } : {}),
    });
    lines.push(JSON.stringify(status));
  }
  return lines.join('\n') + '\n';
}

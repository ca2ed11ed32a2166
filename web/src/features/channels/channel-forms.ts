/**
 * The settings form of each channel kind: which fields it has, which are secrets (sent as
 * credentials, never shown again), which credentials are not secret (a user name, shown again) and
 * how the typed values become the request body. Field names are the server's own paths
 * ("config.feedUrl"), so its field problems land next to the input.
 */
import { NETWORKS } from '../../lib/types';
import type { FieldLabels } from '../../ui/form-problems';
import { NETWORK_META } from './networks';
import type { ChannelKind, StoredCredentials } from './types';

export type FieldType = 'text' | 'url' | 'number' | 'switch' | 'tags' | 'choices' | 'select' | 'secret';

export interface ChannelField {
  /** "config.x", "config.mapping.y" or "credentials.z". */
  path: string;
  label: string;
  type: FieldType;
  required?: boolean;
  description?: string;
  placeholder?: string;
  initial?: string | number | boolean | string[];
  options?: { value: string; label: string }[];
  min?: number;
  /** Sent only when this other field is filled (the IMAP settings of a mailbox that also receives). */
  onlyWith?: string;
}

const pollSeconds = (min: number, fallback: number): ChannelField => ({
  path: 'config.pollSeconds',
  label: 'Check every (seconds)',
  type: 'number',
  min,
  description: `At least ${min}; ${fallback} when left empty`,
});

const privateNetwork: ChannelField = {
  path: 'config.allowPrivateNetwork',
  label: 'Allow addresses on the private network',
  type: 'switch',
  description: 'Only for servers inside your own network (intranet, localhost)',
};

const security = (path: string, label: string): ChannelField => ({
  path,
  label,
  type: 'select',
  initial: 'tls',
  options: [
    { value: 'tls', label: 'TLS' },
    { value: 'starttls', label: 'STARTTLS' },
    { value: 'none', label: 'None (a server on your own network)' },
  ],
});

const outboundUrl: ChannelField = {
  path: 'config.outboundUrl',
  label: 'Reply endpoint',
  type: 'url',
  description: 'Where replies are POSTed; leave empty for a receive-only channel',
};

const pointer = (name: string, label: string, required = true): ChannelField => ({
  path: `config.mapping.${name}`,
  label,
  type: 'text',
  required,
  placeholder: `/${name}`,
  description: 'A JSON pointer into the incoming payload',
});

export const CHANNEL_FORMS: Partial<Record<ChannelKind, ChannelField[]>> = {
  rss: [
    { path: 'config.feedUrl', label: 'Feed URL', type: 'url', required: true, placeholder: 'https://example.org/feed.xml' },
    pollSeconds(60, 900),
    privateNetwork,
  ],
  email: [
    { path: 'config.address', label: 'E-mail address', type: 'text', required: true, placeholder: 'support@example.org' },
    { path: 'config.displayName', label: 'Sender name', type: 'text', description: 'Shown as the sender; the channel name when empty' },
    {
      path: 'config.imap.host',
      label: 'IMAP server',
      type: 'text',
      placeholder: 'imap.example.org',
      description: 'Leave empty for a send-only channel',
    },
    { path: 'config.imap.port', label: 'IMAP port', type: 'number', initial: 993, min: 1, onlyWith: 'config.imap.host' },
    { ...security('config.imap.security', 'IMAP security'), onlyWith: 'config.imap.host' },
    {
      path: 'config.imap.mailbox',
      label: 'IMAP folder',
      type: 'text',
      placeholder: 'INBOX',
      description: 'The folder to read; INBOX when empty',
      onlyWith: 'config.imap.host',
    },
    {
      path: 'credentials.imapUser',
      label: 'IMAP user name',
      type: 'text',
      description: 'The e-mail address is used when this is empty',
      onlyWith: 'config.imap.host',
    },
    { path: 'credentials.imapPassword', label: 'IMAP password', type: 'secret', onlyWith: 'config.imap.host' },
    { path: 'config.smtp.host', label: 'SMTP server', type: 'text', required: true, placeholder: 'smtp.example.org' },
    { path: 'config.smtp.port', label: 'SMTP port', type: 'number', required: true, initial: 465, min: 1 },
    security('config.smtp.security', 'SMTP security'),
    { path: 'credentials.smtpUser', label: 'SMTP user name', type: 'text' },
    { path: 'credentials.smtpPassword', label: 'SMTP password', type: 'secret' },
    privateNetwork,
  ],
  mastodon: [
    { path: 'config.instanceUrl', label: 'Server URL', type: 'url', required: true, placeholder: 'https://mastodon.social' },
    {
      path: 'config.sources',
      label: 'Read',
      type: 'choices',
      initial: ['notifications'],
      options: [
        { value: 'notifications', label: 'Mentions and direct messages' },
        { value: 'home', label: 'Home timeline' },
      ],
    },
    { path: 'config.hashtags', label: 'Hashtags to follow', type: 'tags', description: 'Without the #' },
    pollSeconds(30, 120),
    { path: 'credentials.accessToken', label: 'Access token', type: 'secret', required: true },
    privateNetwork,
  ],
  bluesky: [
    { path: 'config.handle', label: 'Handle', type: 'text', required: true, placeholder: 'you.bsky.social', description: 'Without the @' },
    {
      path: 'credentials.appPassword',
      label: 'App password',
      type: 'secret',
      required: true,
      description: 'Create one under Settings → Privacy and security → App passwords',
    },
    { path: 'config.keywords', label: 'Keywords', type: 'tags', description: 'Posts saying any of these words or phrases' },
    { path: 'config.accounts', label: 'Accounts to follow', type: 'tags', description: 'DIDs (did:plc:…); every post by them' },
    { path: 'config.jetstreamUrl', label: 'Jetstream URL', type: 'text', placeholder: 'wss://jetstream2.us-east.bsky.network/subscribe' },
    {
      path: 'config.serviceUrl',
      label: 'PDS URL',
      type: 'url',
      placeholder: 'https://bsky.social',
      description: 'Where the account signs in and posts replies',
    },
    privateNetwork,
  ],
  twitter: [
    { path: 'config.accountIds', label: 'Your account ids', type: 'tags', description: 'Posts by these accounts count as yours' },
    {
      path: 'credentials.consumerSecret',
      label: 'Consumer secret',
      type: 'secret',
      required: true,
      description: 'Answers the CRC check and verifies the webhook signatures',
    },
    {
      path: 'credentials.userAccessToken',
      label: 'User access token',
      type: 'secret',
      description: 'OAuth 2.0 user token with tweet.write and dm.write, to reply',
    },
  ],
  meta: [
    { path: 'config.pageIds', label: 'Your page ids', type: 'tags', description: 'Messages from these pages count as yours' },
    {
      path: 'credentials.verifyToken',
      label: 'Verify token',
      type: 'secret',
      required: true,
      description: 'The token you enter in the Meta app’s webhook settings (at least 8 characters)',
    },
    { path: 'credentials.appSecret', label: 'App secret', type: 'secret', required: true, description: 'Verifies the webhook signatures' },
    { path: 'credentials.pageAccessToken', label: 'Page access token', type: 'secret', description: 'To reply to messages and comments' },
  ],
  webhook: [
    pointer('externalId', 'Message id'),
    pointer('text', 'Text'),
    pointer('authorId', 'Author id'),
    pointer('authorName', 'Author name', false),
    pointer('authorEmail', 'Author e-mail', false),
    pointer('sentAt', 'Sent at', false),
    pointer('threadKey', 'Thread key', false),
    pointer('inReplyTo', 'In reply to', false),
    pointer('title', 'Title', false),
    pointer('url', 'Link', false),
    {
      path: 'config.itemsPath',
      label: 'List of messages',
      type: 'text',
      placeholder: '/items',
      description: 'A JSON pointer to the array of messages; empty when the body is one message or an array',
    },
    outboundUrl,
    privateNetwork,
    {
      path: 'credentials.secret',
      label: 'Signing secret',
      type: 'secret',
      required: true,
      description: 'Deliveries are signed with it (HMAC-SHA256, at least 16 characters)',
    },
  ],
  sandbox: [
    {
      path: 'config.network',
      label: 'Stands in for',
      type: 'select',
      required: true,
      initial: 'email',
      description: 'Conversations through this channel are of this network; replies to them are not sent to it',
      options: NETWORKS.map((network) => ({ value: network, label: NETWORK_META[network].label })),
    },
  ],
};

export const CONFIGURABLE_KINDS = Object.keys(CHANNEL_FORMS) as ChannelKind[];

/** The inputs every channel's dialog has, by API path: its kind's own follow from `channelLabels`. */
export const CHANNEL_LABELS = { name: 'Name', teamId: 'Team', purpose: 'Use for' } satisfies FieldLabels;

/** A channel dialog's inputs by API path: the common ones, then the settings of its kind. */
export function channelLabels(fields: ChannelField[]): FieldLabels {
  return { ...CHANNEL_LABELS, ...Object.fromEntries(fields.map((field) => [field.path, field.label])) };
}

export type FormValues = Record<string, string | number | boolean | string[] | undefined>;

function getPath(source: Record<string, unknown>, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    source,
  );
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  const last = path[path.length - 1]!;
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The form's starting values: a saved channel's settings and shown credentials, or each field's default. Secrets start empty. */
export function initialValues(fields: ChannelField[], config?: Record<string, unknown>, shown: Record<string, string> = {}): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.type === 'secret') continue;
    const [root, ...rest] = field.path.split('.');
    const saved = root === 'credentials' ? shown[rest.join('.')] : config ? getPath(config, rest) : undefined;
    values[field.path] = (saved as FormValues[string]) ?? field.initial ?? (field.type === 'switch' ? false : undefined);
  }
  return values;
}

/**
 * The request's config and credentials. Empty optional settings are left out; credentials are sent
 * only when one changed, and only those (the server keeps the others): a typed secret, or a shown
 * one (a user name) edited, or emptied to remove it. The config replaces the saved one, so an edit
 * carries over the `saved` settings this form has no field for (set through the API), rather than
 * dropping them.
 */
export function toRequest(
  fields: ChannelField[],
  values: FormValues,
  saved: Record<string, unknown> = {},
  shown: Record<string, string> = {},
): { config: Record<string, unknown>; credentials?: Record<string, string | null> } {
  const formRoots = new Set(fields.filter((f) => f.path.startsWith('config.')).map((f) => f.path.split('.')[1]));
  const config: Record<string, unknown> = Object.fromEntries(Object.entries(saved).filter(([key]) => !formRoots.has(key)));
  const credentials: Record<string, string | null> = {};
  for (const field of fields) {
    let value: unknown = values[field.path];
    if (typeof value === 'string') value = value.trim();
    if (field.type === 'number' && typeof value === 'string') value = value === '' ? undefined : Number(value);
    const [root, ...rest] = field.path.split('.');
    const name = rest.join('.');
    const inactive =
      field.onlyWith &&
      isEmpty(typeof values[field.onlyWith] === 'string' ? (values[field.onlyWith] as string).trim() : values[field.onlyWith]);
    if (root === 'credentials' && name in shown) {
      if (isEmpty(value) || inactive) credentials[name] = null;
      else if (value !== shown[name]) credentials[name] = String(value);
      continue;
    }
    if (isEmpty(value) || inactive) continue;
    if (root === 'credentials') credentials[name] = String(value);
    else setPath(config, rest, value);
  }
  return Object.keys(credentials).length > 0 ? { config, credentials } : { config };
}

/** The required fields still empty; a secret counts as filled on a saved channel that holds it, readable. */
export function missingFields(fields: ChannelField[], values: FormValues, stored: StoredCredentials | null): ChannelField[] {
  return fields.filter(
    (f) =>
      f.required &&
      isEmpty(typeof values[f.path] === 'string' ? (values[f.path] as string).trim() : values[f.path]) &&
      !(f.type === 'secret' && isStored(f, stored)),
  );
}

/** Whether the saved channel holds this secret and it can still be read. */
export function isStored(field: ChannelField, stored: StoredCredentials | null): boolean {
  return stored !== null && stored.readable && stored.names.includes(field.path.split('.').slice(1).join('.'));
}

/**
 * The settings form of each channel kind: which fields it has, which are secrets (sent as
 * credentials, never shown again) and how the typed values become the request body. Field names
 * are the server's own paths ("config.feedUrl"), so its field problems land next to the input.
 */
import type { ChannelKind } from './types';

export type FieldType = 'text' | 'url' | 'number' | 'switch' | 'tags' | 'choices' | 'secret';

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
    { path: 'config.imapHost', label: 'IMAP server', type: 'text', required: true, placeholder: 'imap.example.org' },
    { path: 'config.imapPort', label: 'IMAP port', type: 'number', required: true, initial: 993, min: 1 },
    { path: 'config.imapTls', label: 'IMAP over TLS', type: 'switch', initial: true },
    { path: 'config.smtpHost', label: 'SMTP server', type: 'text', required: true, placeholder: 'smtp.example.org' },
    { path: 'config.smtpPort', label: 'SMTP port', type: 'number', required: true, initial: 465, min: 1 },
    { path: 'config.smtpTls', label: 'SMTP over TLS', type: 'switch', initial: true },
    { path: 'config.username', label: 'User name', type: 'text', required: true },
    { path: 'credentials.password', label: 'Password', type: 'secret', required: true },
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
  ],
  bluesky: [
    { path: 'config.handle', label: 'Handle', type: 'text', required: true, placeholder: 'example.bsky.social' },
    { path: 'config.keywords', label: 'Keywords to listen for', type: 'tags' },
    { path: 'config.accounts', label: 'Accounts to follow', type: 'tags', description: 'Handles or DIDs' },
    { path: 'credentials.appPassword', label: 'App password', type: 'secret', required: true },
  ],
  twitter: [
    outboundUrl,
    {
      path: 'credentials.consumerSecret',
      label: 'Consumer secret',
      type: 'secret',
      required: true,
      description: 'Checks the webhook signatures',
    },
    { path: 'credentials.bearerToken', label: 'Bearer token', type: 'secret' },
  ],
  meta: [
    {
      path: 'config.verifyToken',
      label: 'Verify token',
      type: 'text',
      required: true,
      description: 'The token you enter in the Meta app’s webhook settings',
    },
    outboundUrl,
    { path: 'credentials.appSecret', label: 'App secret', type: 'secret', required: true, description: 'Checks the webhook signatures' },
    { path: 'credentials.pageAccessToken', label: 'Page access token', type: 'secret' },
  ],
  webhook: [
    pointer('externalId', 'Message id'),
    pointer('text', 'Text'),
    pointer('authorId', 'Author id'),
    pointer('authorName', 'Author name'),
    pointer('sentAt', 'Sent at'),
    pointer('threadKey', 'Thread key', false),
    pointer('inReplyTo', 'In reply to', false),
    outboundUrl,
    {
      path: 'credentials.secret',
      label: 'Signing secret',
      type: 'secret',
      required: true,
      description: 'Deliveries are signed with it (HMAC-SHA256)',
    },
  ],
};

export const CONFIGURABLE_KINDS = Object.keys(CHANNEL_FORMS) as ChannelKind[];

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

/** The form's starting values: a saved channel's settings, or each field's default. Secrets start empty. */
export function initialValues(fields: ChannelField[], config?: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.type === 'secret') continue;
    const saved = config ? getPath(config, field.path.split('.').slice(1)) : undefined;
    values[field.path] = (saved as FormValues[string]) ?? field.initial ?? (field.type === 'switch' ? false : undefined);
  }
  return values;
}

/**
 * The request's config and credentials. Empty optional settings are left out; credentials are sent
 * only when some secret was typed, so editing other settings keeps the stored secrets.
 */
export function toRequest(
  fields: ChannelField[],
  values: FormValues,
): { config: Record<string, unknown>; credentials?: Record<string, string> } {
  const config: Record<string, unknown> = {};
  const credentials: Record<string, string> = {};
  for (const field of fields) {
    let value: unknown = values[field.path];
    if (typeof value === 'string') value = value.trim();
    if (field.type === 'number' && typeof value === 'string') value = value === '' ? undefined : Number(value);
    if (isEmpty(value)) continue;
    const [root, ...rest] = field.path.split('.');
    if (root === 'credentials') credentials[rest.join('.')] = String(value);
    else setPath(config, rest, value);
  }
  return Object.keys(credentials).length > 0 ? { config, credentials } : { config };
}

/** The required fields still empty; secrets count as filled on a saved channel that has them. */
export function missingFields(fields: ChannelField[], values: FormValues, hasCredentials: boolean): ChannelField[] {
  return fields.filter(
    (f) =>
      f.required &&
      isEmpty(typeof values[f.path] === 'string' ? (values[f.path] as string).trim() : values[f.path]) &&
      !(f.type === 'secret' && hasCredentials),
  );
}

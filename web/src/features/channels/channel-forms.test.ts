import { describe, expect, it } from 'vitest';
import { CHANNEL_FORMS, initialValues, missingFields, toRequest } from './channel-forms';

const rss = CHANNEL_FORMS.rss!;
const webhook = CHANNEL_FORMS.webhook!;
const email = CHANNEL_FORMS.email!;
const sandbox = CHANNEL_FORMS.sandbox!;

describe('channel forms', () => {
  it('leaves out empty optional settings and converts numbers', () => {
    expect(
      toRequest(rss, { 'config.feedUrl': ' https://example.org/feed ', 'config.pollSeconds': '600', 'config.allowPrivateNetwork': false }),
    ).toEqual({
      config: { feedUrl: 'https://example.org/feed', pollSeconds: 600, allowPrivateNetwork: false },
    });
    expect(toRequest(rss, { 'config.feedUrl': 'https://example.org/feed', 'config.pollSeconds': '' })).toEqual({
      config: { feedUrl: 'https://example.org/feed' },
    });
  });

  it('nests the webhook mapping and sends the secret as a credential', () => {
    const values = { 'config.mapping.externalId': '/id', 'config.mapping.text': '/body', 'credentials.secret': 's3cret' };
    expect(toRequest(webhook, values)).toEqual({
      config: { mapping: { externalId: '/id', text: '/body' } },
      credentials: { secret: 's3cret' },
    });
  });

  it('starts from the saved settings, never from secrets, and reads nested ones', () => {
    const values = initialValues(webhook, { mapping: { text: '/message' } });
    expect(values['config.mapping.text']).toBe('/message');
    expect('credentials.secret' in values).toBe(false);
    expect(initialValues(email)['config.imap.port']).toBe(993);
  });

  it('sends a mailbox’s IMAP settings only when it has an IMAP server', () => {
    const base = { ...initialValues(email), 'config.address': 'help@example.org', 'config.smtp.host': 'smtp.example.org' };
    expect(toRequest(email, base).config).toEqual({
      address: 'help@example.org',
      smtp: { host: 'smtp.example.org', port: 465, security: 'tls' },
      allowPrivateNetwork: false,
    });
    const receiving = toRequest(email, { ...base, 'config.imap.host': 'imap.example.org', 'credentials.imapPassword': 'pw' });
    expect(receiving.config.imap).toEqual({ host: 'imap.example.org', port: 993, security: 'tls' });
    expect(receiving.credentials).toEqual({ imapPassword: 'pw' });
  });

  it('keeps, on an edit, the saved settings the form has no field for, and drops the emptied ones', () => {
    const saved = {
      mapping: { externalId: '/id', text: '/body', authorId: '/from', title: '/subject' },
      isPrivate: false,
      outboundUrl: 'https://example.org/replies',
    };
    const values = { ...initialValues(webhook, saved), 'config.mapping.text': '/message/body', 'config.outboundUrl': '' };
    expect(toRequest(webhook, values, saved)).toEqual({
      config: {
        isPrivate: false,
        mapping: { externalId: '/id', text: '/message/body', authorId: '/from', title: '/subject' },
        allowPrivateNetwork: false,
      },
    });
    const mailbox = {
      address: 'help@example.org',
      imap: { host: 'imap.example.org', port: 993, security: 'tls', mailbox: 'Support' },
      smtp: { host: 'smtp.example.org', port: 465, security: 'tls' },
    };
    expect(toRequest(email, initialValues(email, mailbox), mailbox).config.imap).toEqual(mailbox.imap);
  });

  it('counts a stored secret as filled when editing, unless it can no longer be read', () => {
    const values = { 'config.feedUrl': '' };
    expect(missingFields(rss, values, null).map((f) => f.path)).toEqual(['config.feedUrl']);
    const mapping = initialValues(webhook, { mapping: { externalId: '/a', text: '/b', authorId: '/c', authorName: '/d', sentAt: '/e' } });
    expect(missingFields(webhook, mapping, { readable: true, names: ['secret'], shown: {} })).toEqual([]);
    expect(missingFields(webhook, mapping, null).map((f) => f.path)).toEqual(['credentials.secret']);
    expect(missingFields(webhook, mapping, { readable: false, names: [], shown: {} }).map((f) => f.path)).toEqual(['credentials.secret']);
  });

  it('shows the stored user names on an edit and sends them only when changed or emptied', () => {
    const mailbox = {
      address: 'help@example.org',
      imap: { host: 'imap.example.org', port: 993, security: 'tls' },
      smtp: { host: 'smtp.example.org', port: 465, security: 'tls' },
    };
    const shown = { imapUser: 'help-login', smtpUser: 'relay-login' };
    const values = initialValues(email, mailbox, shown);
    expect(values['credentials.imapUser']).toBe('help-login');
    expect(values['credentials.smtpUser']).toBe('relay-login');
    expect('credentials.imapPassword' in values).toBe(false);
    expect(toRequest(email, values, mailbox, shown).credentials).toBeUndefined();
    expect(
      toRequest(email, { ...values, 'credentials.imapUser': 'new-login', 'credentials.smtpUser': ' ' }, mailbox, shown).credentials,
    ).toEqual({ imapUser: 'new-login', smtpUser: null });
  });

  it('asks a sandbox only which network it stands in for, e-mail unless chosen, and sends no credentials', () => {
    expect(sandbox.map((f) => f.path)).toEqual(['config.network']);
    expect(sandbox[0]!.options?.map((o) => o.value)).toEqual([
      'rss',
      'email',
      'mastodon',
      'bluesky',
      'twitter',
      'meta',
      'reddit',
      'webhook',
    ]);
    expect(toRequest(sandbox, initialValues(sandbox))).toEqual({ config: { network: 'email' } });
    expect(toRequest(sandbox, { 'config.network': 'meta' })).toEqual({ config: { network: 'meta' } });
    expect(initialValues(sandbox, { network: 'twitter' })['config.network']).toBe('twitter');
    expect(missingFields(sandbox, { 'config.network': undefined }, null).map((f) => f.path)).toEqual(['config.network']);
  });
});

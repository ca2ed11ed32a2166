import { describe, expect, it } from 'vitest';
import { channelKindLabel, defaultChannelName, healthLabel, receivesWebhooks, sandboxNetwork, sandboxReplyNotice } from './channel-kinds';

const sandbox = (config: Record<string, unknown>) => ({ kind: 'sandbox' as const, config, name: 'Demo e-mail (sandbox)' });

describe('channel kinds', () => {
  it('names a sandbox by the network it stands in for, and other channels by their network', () => {
    expect(channelKindLabel(sandbox({ network: 'email' }))).toBe('Sandbox for E-mail');
    expect(channelKindLabel(sandbox({ network: 'meta' }))).toBe('Sandbox for Facebook / Instagram');
    // Settings changed behind the API's back name no network: still plainly a sandbox.
    expect(channelKindLabel(sandbox({ network: 'myspace' }))).toBe('Sandbox');
    expect(channelKindLabel({ kind: 'mastodon', config: { instanceUrl: 'https://mastodon.social' } })).toBe('Mastodon');
  });

  it('reads the network only from a sandbox', () => {
    expect(sandboxNetwork(sandbox({ network: 'twitter' }))).toBe('twitter');
    expect(sandboxNetwork(sandbox({}))).toBeNull();
    expect(sandboxNetwork({ kind: 'webhook', config: { network: 'email' } })).toBeNull();
  });

  it('warns in the composer only for a sandbox channel, naming it', () => {
    expect(sandboxReplyNotice(sandbox({ network: 'email' }))).toBe(
      'This conversation came through “Demo e-mail (sandbox)”, a sandbox channel: your reply is kept inside Rapport and sent to no one.',
    );
    expect(sandboxReplyNotice({ kind: 'email', config: {}, name: 'Support' })).toBeNull();
    // The channel list not loaded yet, or the conversation has no channel.
    expect(sandboxReplyNotice(undefined)).toBeNull();
  });

  it('starts a new channel with a name for its kind', () => {
    expect(defaultChannelName('sandbox')).toBe('Sandbox');
    expect(defaultChannelName('rss')).toBe('RSS / Atom feed');
  });

  it('calls a sandbox ready before its first reply, where a connector is not synced yet', () => {
    expect(healthLabel('new', 'sandbox')).toBe('Ready');
    expect(healthLabel('new', 'rss')).toBe('Not synced yet');
    expect(healthLabel('ok', 'sandbox')).toBe('Healthy');
    expect(healthLabel('failing', 'sandbox')).toBe('Failing');
  });

  it('knows which kinds a network feeds through the webhook address, which pausing turns away', () => {
    for (const kind of ['webhook', 'twitter', 'meta'] as const) expect(receivesWebhooks(kind)).toBe(true);
    expect(receivesWebhooks('mastodon')).toBe(false);
    expect(receivesWebhooks('sandbox')).toBe(false);
  });
});

/** A contact's handles on social networks, each with an optional profile URL. */
import { Autocomplete, TextInput } from '@mantine/core';
import { isHttpUrl } from '../../lib/safe-url';
import { ListEditor } from '../../ui/ListEditor';
import type { SocialHandle } from './types';

const NETWORKS = ['mastodon', 'bluesky', 'x', 'linkedin', 'instagram', 'facebook', 'github', 'youtube', 'tiktok'];

export function SocialHandlesEditor({
  handles,
  onChange,
  errors,
}: {
  handles: SocialHandle[];
  onChange: (handles: SocialHandle[]) => void;
  errors: Record<string, string>;
}) {
  return (
    <ListEditor<SocialHandle>
      legend="Social profiles"
      itemName="profile"
      items={handles}
      onChange={onChange}
      blank={() => ({ network: '', handle: '' })}
      renderItem={(h, update, i) => (
        <>
          <Autocomplete
            label={`Network ${i + 1}`}
            data={NETWORKS}
            value={h.network}
            onChange={(network) => update({ network })}
            error={errors[`socialHandles.${i}.network`]}
            maw={150}
          />
          <TextInput
            label={`Handle ${i + 1}`}
            value={h.handle}
            onChange={(e) => update({ handle: e.currentTarget.value })}
            error={errors[`socialHandles.${i}.handle`]}
          />
          <TextInput
            label={`Profile URL ${i + 1}`}
            type="url"
            placeholder="https://"
            value={h.url ?? ''}
            onChange={(e) => update({ url: e.currentTarget.value })}
            error={errors[`socialHandles.${i}.url`] ?? (h.url && !isHttpUrl(h.url) ? 'Use an address starting with https://' : undefined)}
          />
        </>
      )}
    />
  );
}

/** A contact's handles on social networks, each with an optional profile URL. */
import { Autocomplete, TextInput } from '@mantine/core';
import { isHttpUrl } from '../../lib/safe-url';
import type { FieldErrors } from '../../ui/form-problems';
import { ListEditor } from '../../ui/ListEditor';
import { CONTACT_LABELS, ROW_LABELS } from './contact-labels';
import { PROFILE_NETWORK_NAMES, profileNetworkKey, profileNetworkName } from './profile-networks';
import type { SocialHandle } from './types';

export function SocialHandlesEditor({
  handles,
  onChange,
  errors,
}: {
  handles: SocialHandle[];
  onChange: (handles: SocialHandle[]) => void;
  errors: FieldErrors;
}) {
  return (
    <ListEditor<SocialHandle>
      legend={CONTACT_LABELS.socialHandles}
      itemName="profile"
      items={handles}
      onChange={onChange}
      blank={() => ({ network: '', handle: '' })}
      renderItem={(h, update, i) => (
        <>
          <Autocomplete
            label={ROW_LABELS.socialHandles.network(i)}
            data={PROFILE_NETWORK_NAMES}
            value={profileNetworkName(h.network)}
            onChange={(network) => update({ network: profileNetworkKey(network) })}
            error={errors[`socialHandles.${i}.network`]}
            maw={150}
          />
          <TextInput
            label={ROW_LABELS.socialHandles.handle(i)}
            value={h.handle}
            onChange={(e) => update({ handle: e.currentTarget.value })}
            error={errors[`socialHandles.${i}.handle`]}
          />
          <TextInput
            label={ROW_LABELS.socialHandles.url(i)}
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

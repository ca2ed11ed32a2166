/** Changes a channel's name, team and settings; secrets are replaced only when new ones are typed. */
import { useState } from 'react';
import { FormDialog } from '../../ui/FormDialog';
import { useChangeChannel } from './api';
import { CHANNEL_FORMS, channelLabels, initialValues, toRequest } from './channel-forms';
import { ChannelForm, type ChannelDraft } from './ChannelForm';
import type { Channel } from './types';

export function EditChannelDialog({ channel, opened, onClose }: { channel: Channel; opened: boolean; onClose: () => void }) {
  const change = useChangeChannel(channel.id);
  const fields = CHANNEL_FORMS[channel.kind] ?? [];
  const stored = channel.storedCredentials;
  const [draft, setDraft] = useState<ChannelDraft>(() => ({
    name: channel.name,
    teamId: channel.teamId,
    purpose: channel.purpose,
    values: initialValues(fields, channel.config, stored.shown),
  }));
  return (
    <FormDialog opened={opened} onClose={onClose} title={`Edit ${channel.name}`} size="lg" save={change}>
      {(form) => (
        <ChannelForm
          {...form}
          fields={fields}
          stored={stored}
          draft={draft}
          setDraft={setDraft}
          labels={channelLabels(fields)}
          submitLabel="Save channel"
          onSubmit={() =>
            form.onSubmit({
              name: draft.name.trim(),
              teamId: draft.teamId,
              purpose: draft.purpose,
              ...toRequest(fields, draft.values, channel.config, stored.shown),
            })
          }
        />
      )}
    </FormDialog>
  );
}

/** Whether a channel feeds the inbox or only listening: a hashtag search should not fill the agents' queue. */
import { Select } from '@mantine/core';
import { CHANNEL_LABELS } from './channel-forms';
import type { ChannelPurpose } from './types';

const OPTIONS = [
  { value: 'inbox', label: 'Inbox: conversations to answer' },
  { value: 'listening', label: 'Listening only: mentions, into the inbox when acted on' },
];

export function ChannelPurposeSelect({ value, onChange }: { value: ChannelPurpose; onChange: (purpose: ChannelPurpose) => void }) {
  return (
    <Select
      label={CHANNEL_LABELS.purpose}
      description="Listening channels feed mentions; their conversations reach the inbox when someone replies or hands them to a team"
      data={OPTIONS}
      value={value}
      allowDeselect={false}
      onChange={(next) => next && onChange(next as ChannelPurpose)}
    />
  );
}

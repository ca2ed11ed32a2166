/** Tells an agent, above the reply form, that a conversation's replies stay inside Rapport: it came through a sandbox channel. */
import { Alert } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useConversation } from '../inbox/api';
import { useChannels } from './api';
import { sandboxReplyNotice } from './channel-kinds';

export function SandboxReplyNotice({ conversationId }: { conversationId: string }) {
  // Both are cached already (the open conversation, the inbox's channel filter): this asks the server nothing more.
  const conversation = useConversation(conversationId);
  const channels = useChannels();
  const channelId = conversation.data?.channelId;
  const notice = sandboxReplyNotice(channelId ? channels.data?.find((channel) => channel.id === channelId) : undefined);
  if (!notice) return null;
  return (
    <Alert color="teal" variant="light" icon={<IconFlask size={16} aria-hidden />} p="xs" mb="xs" role="note">
      {notice}
    </Alert>
  );
}

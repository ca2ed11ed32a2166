/** Who the customer is: their identity on the network, and the contact it is linked to. */
import { Avatar, Group, Stack, Text, Title } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import { httpUrl } from '../../lib/safe-url';
import { DetailList, DetailRow } from '../../ui/DetailRow';
import { ExternalLink } from '../../ui/ExternalLink';
import { NETWORK_META } from '../channels/networks';
import { AddAuthorAsContact } from '../identity/AddAuthorAsContact';
import { SuggestedContacts } from '../identity/SuggestedContacts';
import { ContactAtAGlance } from '../relationship/ContactAtAGlance';
import { customerName } from './customer-name';
import { OtherConversations } from './OtherConversations';
import type { Conversation } from './types';

export function CustomerPanel({ conversation }: { conversation: Conversation }) {
  const { identity, contact } = conversation;
  const name = customerName(conversation);
  return (
    <Stack gap="md" p="sm" component="section" aria-labelledby="customer-panel-title">
      <Group gap="sm" wrap="nowrap">
        <Avatar
          src={httpUrl(identity?.avatarUrl)}
          name={name}
          color="initials"
          size={48}
          alt=""
          imageProps={{ referrerPolicy: 'no-referrer' }}
        />
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h5" id="customer-panel-title" lineClamp={2} dir="auto">
            {name}
          </Title>
          {identity?.handle && (
            <Text size="sm" c="dimmed" truncate dir="auto">
              {identity.handle}
            </Text>
          )}
        </div>
      </Group>
      <DetailList>
        {identity && <DetailRow label="Network">{NETWORK_META[identity.network]?.label ?? identity.network}</DetailRow>}
        {identity?.profileUrl && (
          <DetailRow label="Profile">
            <ExternalLink href={identity.profileUrl}>{httpUrl(identity.profileUrl) ? 'Open profile' : identity.profileUrl}</ExternalLink>
          </DetailRow>
        )}
        {identity?.followers !== null && identity?.followers !== undefined && (
          <DetailRow label="Followers">{formatNumber(identity.followers)}</DetailRow>
        )}
        {identity?.email && (
          <DetailRow label="E-mail">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {identity.email}
            </Text>
          </DetailRow>
        )}
        <DetailRow label="Contact">
          {contact ? (
            <ContactAtAGlance contactId={contact.id} name={contact.displayName} conversationId={conversation.id} />
          ) : (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                Not linked to a contact
              </Text>
              {identity && <SuggestedContacts identityId={identity.id} name={name} />}
              {identity && <AddAuthorAsContact identityId={identity.id} />}
            </Stack>
          )}
        </DetailRow>
        <DetailRow label="Messages">{formatNumber(conversation.messageCount)}</DetailRow>
      </DetailList>
      <OtherConversations conversation={conversation} />
    </Stack>
  );
}

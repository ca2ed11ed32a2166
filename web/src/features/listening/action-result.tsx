/**
 * Tells what an action on a mention did, with a link to where it led. Notifications live outside
 * the router, so the link navigates through the function it is given rather than a router link.
 */
import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MentionActionResult } from './types';

export function resultLink(result: MentionActionResult): { to: string; label: string } | null {
  if (result.conversationId) return { to: `/inbox/${result.conversationId}`, label: 'Open the conversation' };
  if (result.contactId) return { to: `/contacts/${result.contactId}`, label: 'Open the contact' };
  return null;
}

export function showActionResult(title: string, result: MentionActionResult, navigate: (to: string) => void) {
  const link = resultLink(result);
  const id = notifications.show({
    color: 'teal',
    title,
    autoClose: 10_000,
    message: (
      <Stack gap={2}>
        <Text size="sm">{result.summary}</Text>
        {link && (
          <Anchor
            href={link.to}
            size="sm"
            onClick={(event) => {
              event.preventDefault();
              notifications.hide(id);
              navigate(link.to);
            }}
          >
            {link.label}
          </Anchor>
        )}
      </Stack>
    ),
  });
}

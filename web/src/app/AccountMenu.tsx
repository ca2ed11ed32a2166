import { useState } from 'react';
import { Avatar, Indicator, Menu, UnstyledButton } from '@mantine/core';
import { IconBuilding, IconCheck, IconLogout, IconPlus, IconSettings, IconUserCircle, IconX } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { Session } from '../lib/types';
import { useSignOut, useSwitchWorkspace } from '../features/auth/session';
import { useAnswerInvitation, useReceivedInvitations } from '../features/members/api';
import { invitationText } from '../features/members/invitation-text';
import { ROLES } from '../features/members/types';
import { CreateWorkspaceDialog } from '../features/workspaces/CreateWorkspaceDialog';
import { notifyFailure } from '../ui/notify-failure';

/**
 * The letters on the avatar, which are all a sighted person sees of the button: its name includes
 * them first, so someone who speaks to their computer can say what they see.
 */
function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/);
  const letters =
    words.length > 1
      ? words
          .slice(0, 2)
          .map((word) => word[0])
          .join('')
      : name.trim().slice(0, 2);
  return letters.toUpperCase();
}

export function AccountMenu({ session }: { session: Session }) {
  const signOut = useSignOut();
  const switchWorkspace = useSwitchWorkspace();
  const navigate = useNavigate();
  const otherWorkspaces = session.workspaces.filter((w) => w.id !== session.workspace.id);
  const initials = initialsOf(session.user.name);
  // Invitations wait here, where workspaces are switched; the dot on the avatar says one has come.
  const invitations = useReceivedInvitations().data ?? [];
  const answer = useAnswerInvitation();
  const answerInvitation = (id: string, reply: 'accept' | 'decline') =>
    answer.mutate({ id, answer: reply }, { onError: (error) => notifyFailure('Could not answer the invitation', error) });
  const waiting = invitations.length > 0 ? `, ${invitations.length} invitation${invitations.length === 1 ? '' : 's'}` : '';
  // Outside the menu, which closes as the item is chosen.
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Menu position="bottom-end" width={260}>
        <Menu.Target>
          <UnstyledButton aria-label={`${initials}, Account: ${session.user.name}${waiting}`}>
            <Indicator disabled={invitations.length === 0} color="red" size={10} offset={4}>
              <Avatar name={session.user.name} color="initials" size={32}>
                {initials}
              </Avatar>
            </Indicator>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {session.user.name} · {ROLES.find((r) => r.value === session.role)?.label ?? session.role}
          </Menu.Label>
          {invitations.map((invitation) => (
            <div key={invitation.id} role="group" aria-label={invitationText(invitation)}>
              <Menu.Label>{invitationText(invitation)}</Menu.Label>
              <Menu.Item
                leftSection={<IconCheck size={16} />}
                disabled={answer.isPending}
                onClick={() => answerInvitation(invitation.id, 'accept')}
              >
                Accept invitation
              </Menu.Item>
              <Menu.Item
                leftSection={<IconX size={16} />}
                disabled={answer.isPending}
                onClick={() => answerInvitation(invitation.id, 'decline')}
              >
                Decline invitation
              </Menu.Item>
              <Menu.Divider />
            </div>
          ))}
          {otherWorkspaces.length > 0 && (
            <>
              <Menu.Label>In {session.workspace.name}</Menu.Label>
              {otherWorkspaces.map((workspace) => (
                <Menu.Item
                  key={workspace.id}
                  leftSection={<IconBuilding size={16} />}
                  disabled={switchWorkspace.isPending}
                  onClick={() => switchWorkspace.mutate(workspace.id)}
                >
                  Switch to {workspace.name}
                </Menu.Item>
              ))}
              <Menu.Divider />
            </>
          )}
          <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => void navigate('/settings/account')}>
            Your account
          </Menu.Item>
          <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => void navigate('/settings')}>
            Settings
          </Menu.Item>
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Create workspace
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

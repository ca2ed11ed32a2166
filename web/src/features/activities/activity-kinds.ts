/** How each kind of timeline entry is named and drawn. */
import { IconCalendarEvent, IconCheckbox, IconMail, IconNote, IconPhone, IconSettings, type Icon } from '@tabler/icons-react';
import type { ActivityType } from './types';

export const ACTIVITY_KINDS: Record<ActivityType, { label: string; plural: string; icon: Icon; color: string }> = {
  note: { label: 'Note', plural: 'Notes', icon: IconNote, color: 'yellow' },
  task: { label: 'Task', plural: 'Tasks', icon: IconCheckbox, color: 'green' },
  call: { label: 'Call', plural: 'Calls', icon: IconPhone, color: 'blue' },
  meeting: { label: 'Meeting', plural: 'Meetings', icon: IconCalendarEvent, color: 'violet' },
  email: { label: 'E-mail', plural: 'E-mails', icon: IconMail, color: 'cyan' },
  system: { label: 'Change', plural: 'Changes', icon: IconSettings, color: 'gray' },
};

/** How each kind of entry on the customer 360 timeline is named and drawn. */
import { IconAt, IconMessage, type Icon } from '@tabler/icons-react';
import { ACTIVITY_KINDS } from '../activities/activity-kinds';
import type { TimelineKind } from './types';

export const TIMELINE_KIND_META: Record<TimelineKind, { label: string; plural: string; icon: Icon; color: string }> = {
  message: { label: 'Message', plural: 'Messages', icon: IconMessage, color: 'indigo' },
  mention: { label: 'Mention', plural: 'Mentions', icon: IconAt, color: 'grape' },
  ...ACTIVITY_KINDS,
};

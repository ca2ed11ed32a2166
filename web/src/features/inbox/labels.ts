/** How statuses and priorities read in the interface. */
import type { ConversationStatus, Priority } from './types';

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  open: 'Open',
  pending: 'Pending',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
};
export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/** A status's name, for statuses that come as plain strings (a status this app does not know as it comes). */
export const statusLabel = (status: string): string =>
  Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status as ConversationStatus] : status;

/** Where a conversation stands against its response and resolution targets. */
import type { Conversation } from './types';

export type SlaState = { kind: 'breached'; names: string[] } | { kind: 'due'; dueAt: string; soon: boolean } | null;

const SOON_MS = 60 * 60 * 1000;

export function slaState(conversation: Pick<Conversation, 'sla' | 'status'>, now = Date.now()): SlaState {
  if (conversation.status === 'resolved') return null;
  const { sla } = conversation;
  if (sla.breached.length > 0) return { kind: 'breached', names: sla.breached };
  const due = [sla.firstRespondedAt ? null : sla.firstResponseDueAt, sla.nextResponseDueAt, sla.resolutionDueAt]
    .filter((d): d is string => Boolean(d))
    .sort()[0];
  if (!due) return null;
  const left = new Date(due).getTime() - now;
  if (left <= 0) return { kind: 'breached', names: [] };
  return { kind: 'due', dueAt: due, soon: left < SOON_MS };
}

/**
 * The relationship memory of a contact: what they want and had trouble with (from the stored
 * understanding of their messages), their open and past conversations, the mood over the months,
 * the channel they prefer, the last and next interaction, and important dates coming up. Every
 * part, the scores included, is made from what the member may see: a member limited to their own
 * or their teams' records sees the contact, but not the conversations of it that are not theirs.
 */
import { getContact, upcomingDates } from '../crm/index.js';
import type { Ctx } from '../platform/context.js';
import * as repo from './memory.repo.js';
import { plainPreview } from './plain-text.js';
import { contactScoreSeenBy } from './score.service.js';
import { timelinePage } from './timeline.repo.js';

const LISTED = 10;
const TEXT_CHARS = 200;
const TREND_MONTHS = 12;
const CHANNEL_DAYS = 365;
const DATES_AHEAD_DAYS = 60;
const DAY_MS = 86_400_000;

export interface Signal {
  text: string;
  intent: string | null;
  sentiment: string | null;
  conversationId: string;
  at: Date;
  conversationStatus: string;
  resolvedAt: Date | null;
}

/** A complaint or a negative message is a trouble, even when it also asks for something; else a want. */
export function sortSignals(signals: readonly Signal[]) {
  const wants = [];
  const troubles = [];
  for (const s of signals) {
    const text = plainPreview(s.text, TEXT_CHARS);
    if (s.intent === 'complaint' || s.sentiment === 'negative') {
      const resolved = s.conversationStatus === 'resolved' && s.resolvedAt !== null && new Date(s.resolvedAt) >= new Date(s.at);
      troubles.push({ text, conversationId: s.conversationId, at: s.at, resolved });
    } else if (s.intent && (repo.WANT_INTENTS as readonly string[]).includes(s.intent)) {
      wants.push({ text, intent: s.intent, conversationId: s.conversationId, at: s.at });
    }
  }
  return { wants: wants.slice(0, LISTED), troubles: troubles.slice(0, LISTED) };
}

export function preferredChannel(counts: readonly { network: string; count: number }[]) {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const top = counts[0];
  return top && total > 0 ? { network: top.network, share: Math.round((top.count / total) * 100) / 100 } : null;
}

function monthsBack(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
}

export async function contactRelationship(ctx: Ctx, contactId: string, now = new Date()) {
  const contact = await getContact(ctx, contactId);
  const { db, workspaceId, actor } = ctx;
  const [signals, open, past, trend, networks, last, task, score] = await Promise.all([
    repo.inboundSignals(db, workspaceId, actor, contactId, LISTED * 4),
    repo.conversationsOf(db, workspaceId, actor, contactId, false, LISTED),
    repo.conversationsOf(db, workspaceId, actor, contactId, true, LISTED),
    repo.sentimentByMonth(db, workspaceId, actor, contactId, monthsBack(now, TREND_MONTHS)),
    repo.messagesByNetwork(db, workspaceId, actor, contactId, new Date(now.getTime() - CHANNEL_DAYS * DAY_MS)),
    timelinePage(db, workspaceId, actor, {
      contactIds: [contactId],
      companyId: null,
      activityKinds: ['call', 'meeting', 'email'],
      messages: true,
      mentions: true,
      network: null,
      before: { at: now, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
      limit: 1,
    }),
    repo.nextTask(db, workspaceId, contactId),
    contactScoreSeenBy(ctx, contactId, now),
  ]);
  const today = now.toISOString().slice(0, 10);
  const dates = upcomingDates(
    [{ id: contact.id, displayName: contact.displayName, importantDates: contact.importantDates }],
    today,
    DATES_AHEAD_DAYS,
  );
  const upcoming = dates.map((d) => ({ label: d.label ?? d.kind, date: d.nextOccurrence, daysAway: d.daysAway }));
  const lastItem = last[0];
  const nextDate = upcoming[0];
  const taskFirst = task && (!nextDate || new Date(task.dueAt).toISOString().slice(0, 10) <= nextDate.date);
  return {
    memory: {
      ...sortSignals(signals),
      openConversations: open.map(({ resolvedAt: _r, ...c }) => c),
      pastConversations: past.map((c) => ({ id: c.id, subject: c.subject, status: c.status, network: c.network, closedAt: c.resolvedAt })),
      sentimentTrend: trend,
      preferredChannel: preferredChannel(networks),
      lastInteraction: lastItem ? { at: lastItem.occurredAt, kind: lastItem.kind, network: lastItem.network } : null,
      nextInteraction: taskFirst
        ? { at: new Date(task.dueAt).toISOString(), title: task.subject || 'Task', kind: 'task' as const }
        : nextDate
          ? { at: nextDate.date, title: nextDate.label, kind: 'date' as const }
          : null,
      upcomingDates: upcoming,
    },
    score,
  };
}

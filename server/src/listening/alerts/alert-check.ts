/**
 * Checking one alert: count the last hour's mentions (or negative ones, or ones with the keyword),
 * compare a spike against the same hour on the previous 14 days, and fire — record the firing
 * with expected vs observed and the reason, then deliver — unless the cool-down is running.
 */
import type { Config } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents } from '../../platform/events/event.js';
import * as repo from './alert.repo.js';
import type { AlertFiring, AlertRow } from './alert.schema.js';
import { callWebhook, notifyInApp, sendEmail, type Delivery } from './alert-delivery.js';
import { detectSpike } from './spike.js';

export const WINDOW_MS = 3_600_000;
const DAY = 86_400_000;
export const BASELINE_DAYS = 14;

/** The same window on each earlier day, skipping days before the first mention (listening had not begun). */
function seasonalWindows(end: Date, firstMention: Date | null): { from: Date; to: Date }[] {
  const windows = [];
  for (let d = 1; d <= BASELINE_DAYS; d++) {
    const to = new Date(end.getTime() - d * DAY);
    const from = new Date(to.getTime() - WINDOW_MS);
    if (firstMention && from >= firstMention) windows.push({ from, to });
  }
  return windows;
}

async function verdict(db: Db, workspaceId: string, alert: AlertRow, window: { from: Date; to: Date }) {
  const target = { queryId: alert.queryId, queryKind: alert.queryKind };
  if (alert.trigger === 'keyword') {
    // Only mentions since the last check count, so one burst of the keyword fires once.
    const since = alert.lastCheckedAt && alert.lastCheckedAt > window.from ? alert.lastCheckedAt : window.from;
    const observed = await repo.countMentions(db, workspaceId, target, { from: since, to: window.to }, { keyword: alert.keyword ?? '' });
    const mentions = observed === 1 ? 'mention contains' : 'mentions contain';
    return { fired: observed >= alert.minMentions, expected: 0, observed, reason: `${observed} new ${mentions} “${alert.keyword}”` };
  }
  const negativeOnly = alert.trigger === 'negative';
  const observed = await repo.countMentions(db, workspaceId, target, window, { negativeOnly });
  const history = await repo.pastCounts(
    db,
    workspaceId,
    target,
    seasonalWindows(window.to, await repo.firstMentionAt(db, workspaceId, target)),
    negativeOnly,
  );
  const spike = detectSpike({ observed, history, sensitivity: alert.sensitivity, minMentions: alert.minMentions });
  return { ...spike, reason: negativeOnly ? `Negative spike: ${spike.reason}` : `Volume spike: ${spike.reason}` };
}

/** Checks one alert now; returns the firing, or null when it did not fire (or was cooling down). */
export async function checkAlert(db: Db, config: Config, workspaceId: string, alertId: string, now: Date): Promise<AlertFiring | null> {
  const alert = await repo.findAlert(db, workspaceId, alertId);
  if (!alert || !alert.isActive) return null;
  const window = { from: new Date(now.getTime() - WINDOW_MS), to: now };
  const result = await verdict(db, workspaceId, alert, window);
  const cooling = alert.lastFiredAt !== null && now.getTime() - alert.lastFiredAt.getTime() < alert.cooldownMinutes * 60_000;
  const fires = result.fired && !cooling;
  const firing: AlertFiring | null = fires
    ? {
        id: newId(),
        alertId,
        alertName: alert.name,
        firedAt: now,
        windowStart: window.from,
        windowEnd: window.to,
        expected: result.expected,
        observed: result.observed,
        reason: result.reason,
        deliveries: [],
      }
    : null;
  await db.transaction(async (tx) => {
    await repo.markChecked(tx, workspaceId, alertId, now, fires);
    if (!firing) return;
    await repo.insertFiring(tx, workspaceId, firing);
    await recordEvents(tx, [
      {
        workspaceId,
        type: 'listening.alert_fired',
        subjectType: 'listening_alert',
        subjectId: alertId,
        actorId: null,
        data: { firingId: firing.id, expected: firing.expected, observed: firing.observed, reason: firing.reason },
      },
    ]);
  });
  if (!firing) return null;
  const deliveries: Delivery[] = [];
  if (alert.notifyInApp) deliveries.push(await notifyInApp(db, workspaceId, alert, firing));
  if (alert.notifyEmails.length) deliveries.push(await sendEmail(config, alert, firing));
  if (alert.webhookUrl) deliveries.push(await callWebhook(config, workspaceId, alert, firing));
  await repo.setDeliveries(db, workspaceId, firing.id, deliveries);
  return { ...firing, deliveries };
}

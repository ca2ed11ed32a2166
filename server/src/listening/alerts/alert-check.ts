/**
 * Checking one alert. A spike compares the mentions posted in the last hour (or the negative ones)
 * with the same hour on the previous 14 days; a keyword alert counts the mentions with the keyword
 * that Rapport stored since the last check, however late they arrived. It fires — records the
 * firing with expected vs observed and the reason, then delivers — unless the cool-down is running;
 * a spike check also holds back while a watched query's history is still being matched.
 */
import type { Config } from '../../platform/config/config.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { newId } from '../../platform/db/ids.js';
import { recordEvents } from '../../platform/events/event.js';
import * as repo from './alert.repo.js';
import type { AlertFiring, AlertRow } from './alert.schema.js';
import { callWebhook, notifyInApp, sendEmail, type Delivery } from './alert-delivery.js';
import { holdsKeyword, keywordQuery } from './keyword-match.js';
import { detectSpike } from './spike.js';

export const WINDOW_MS = 3_600_000;
const DAY = 86_400_000;
export const BASELINE_DAYS = 14;
/**
 * A mention is stamped as its row is written and committed a moment later, so a check that counted
 * right up to its own time could pass over one stamped before it and committed after. A keyword
 * alert counts up to this long before its check, so a mention counts at the first check at least
 * this long after it was stored.
 */
export const SETTLE_MS = 60_000;
/**
 * A keyword alert is about what is said now: a mention posted longer than this before its check
 * window, or before the alert was created, does not count however new it is to Rapport — so the
 * history a new query is matched against (backfill) does not fire alerts about old posts.
 */
const LATE_MS = DAY;

/**
 * A query's history is matched newest first, a page at a time (backfill): meanwhile the last hour
 * holds all its mentions and the earlier days only some, so a spike check would compare a full hour
 * with a partial baseline. A spike alert waits until every query it watches is matched. A matching
 * still unfinished this long after the query changed is taken as over — its job failed for good, or
 * is stuck — so the alert judges with the history there is rather than staying silent for ever.
 */
export const HISTORY_MATCHING_LIMIT_MS = 6 * 3_600_000;

type Watched = Pick<AlertRow, 'trigger' | 'queryId' | 'queryKind'>;

/**
 * For each alert, the names of the queries it watches whose history is still being matched (none for
 * a keyword alert: it ignores old posts anyway). One read serves every alert of the workspace.
 */
export async function historiesAwaited(db: Queryable, workspaceId: string, now: Date): Promise<(alert: Watched) => string[]> {
  const matching = await repo.queriesBeingMatched(db, workspaceId, new Date(now.getTime() - HISTORY_MATCHING_LIMIT_MS));
  return (alert) =>
    alert.trigger === 'keyword'
      ? []
      : matching.filter((q) => (alert.queryId ? q.id === alert.queryId : q.kind === alert.queryKind)).map((q) => q.name);
}

/** Plain language, as the firing reasons are. */
const awaitedReason = (names: readonly string[]) => `waiting for the history of ${names.map((n) => `“${n}”`).join(', ')} to be matched`;

interface Verdict {
  fired: boolean;
  expected: number;
  observed: number;
  reason: string;
  window: { from: Date; to: Date };
}

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

/** How far a check at `now` counts stored mentions. */
const countedUntil = (now: Date) => new Date(now.getTime() - SETTLE_MS);

/**
 * The mentions holding the keyword that were stored since the alert last counted (since it was
 * created or resumed), each message once. Each check counts on from where the last one stopped,
 * so every mention stored counts exactly once.
 */
async function keywordVerdict(db: Db, workspaceId: string, alert: AlertRow, now: Date): Promise<Verdict> {
  const keyword = alert.keyword ?? '';
  const stored = { from: alert.countedUntil ?? alert.createdAt, to: countedUntil(now) };
  const postedSince = new Date(Math.max(alert.createdAt.getTime(), stored.from.getTime() - LATE_MS));
  const query = keywordQuery(keyword);
  const messages =
    query.ok && stored.from < stored.to
      ? await repo.storedMentionTexts(db, workspaceId, { queryId: alert.queryId, queryKind: alert.queryKind }, stored, postedSince)
      : [];
  const observed = query.ok ? messages.filter((message) => holdsKeyword(query.query, message)).length : 0;
  const mentions = observed === 1 ? 'mention contains' : 'mentions contain';
  return {
    fired: observed >= alert.minMentions,
    expected: 0,
    observed,
    reason: `${observed} new ${mentions} “${keyword}”`,
    window: stored,
  };
}

/**
 * A spike is counted by when mentions were posted, not when they arrived: a backfill or a feed
 * catching up delivers hours of posts at once, which is no spike, and the baseline days hold every
 * post however late it came. A post arriving late still counts while it is within the last hour.
 */
async function spikeVerdict(db: Db, workspaceId: string, alert: AlertRow, now: Date): Promise<Verdict> {
  const target = { queryId: alert.queryId, queryKind: alert.queryKind };
  const window = { from: new Date(now.getTime() - WINDOW_MS), to: now };
  const negativeOnly = alert.trigger === 'negative';
  const awaited = (await historiesAwaited(db, workspaceId, now))(alert);
  if (awaited.length) return { fired: false, expected: 0, observed: 0, reason: awaitedReason(awaited), window };
  const observed = await repo.countMentions(db, workspaceId, target, window, negativeOnly);
  const history = await repo.pastCounts(
    db,
    workspaceId,
    target,
    seasonalWindows(window.to, await repo.firstMentionAt(db, workspaceId, target)),
    negativeOnly,
  );
  const spike = detectSpike({ observed, history, sensitivity: alert.sensitivity, minMentions: alert.minMentions });
  return { ...spike, reason: negativeOnly ? `Negative spike: ${spike.reason}` : `Volume spike: ${spike.reason}`, window };
}

/** Checks one alert now; returns the firing, or null when it did not fire (or was cooling down). */
export async function checkAlert(db: Db, config: Config, workspaceId: string, alertId: string, now: Date): Promise<AlertFiring | null> {
  const alert = await repo.findAlert(db, workspaceId, alertId);
  // A check at or before the last one (a job run that began before someone pressed "Check now") has nothing new to count.
  if (!alert || !alert.isActive || (alert.lastCheckedAt && now <= alert.lastCheckedAt)) return null;
  const result = await (alert.trigger === 'keyword' ? keywordVerdict : spikeVerdict)(db, workspaceId, alert, now);
  const cooling = alert.lastFiredAt !== null && now.getTime() - alert.lastFiredAt.getTime() < alert.cooldownMinutes * 60_000;
  const fires = result.fired && !cooling;
  const firing: AlertFiring | null = fires
    ? {
        id: newId(),
        alertId,
        alertName: alert.name,
        firedAt: now,
        windowStart: result.window.from,
        windowEnd: result.window.to,
        expected: result.expected,
        observed: result.observed,
        reason: result.reason,
        deliveries: [],
      }
    : null;
  const counted = await db.transaction(async (tx) => {
    // Spike checks move the count on too: an alert turned into a keyword alert counts from then, not from its creation.
    const check = { at: now, countedUntil: countedUntil(now), fired: fires };
    if (!(await repo.markChecked(tx, workspaceId, alertId, alert.lastCheckedAt, check))) return false;
    if (!firing) return true;
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
    return true;
  });
  // Another check counted this window meanwhile, and fired for it if it had to.
  if (!firing || !counted) return null;
  const deliveries: Delivery[] = [];
  if (alert.notifyInApp) deliveries.push(await notifyInApp(db, workspaceId, alert, firing));
  if (alert.notifyEmails.length) deliveries.push(await sendEmail(config, alert, firing));
  if (alert.webhookUrl) deliveries.push(await callWebhook(config, workspaceId, alert, firing));
  await repo.setDeliveries(db, workspaceId, firing.id, deliveries);
  return { ...firing, deliveries };
}

/**
 * Where a fired alert goes: in-app notifications to the workspace's agents and admins, e-mail
 * through the server's mail relay, and a signed JSON webhook (HMAC-SHA256 of the body under a
 * secret derived from the server secret and the alert id, so nothing secret is stored). Each
 * delivery's outcome is recorded with the firing; one failing does not stop the others.
 */
import { createHmac } from 'node:crypto';
import { PUBLIC_ONLY, safeFetch } from '../../channels/index.js';
import type { Config } from '../../platform/config/config.js';
import type { Queryable } from '../../platform/db/db.js';
import { notify } from '../../platform/notifications/notification.service.js';
import { membersToNotify } from './alert.repo.js';
import type { AlertFiring, AlertRow } from './alert.schema.js';

export type Delivery = AlertFiring['deliveries'][number];

export const SIGNATURE_HEADER = 'x-rapport-signature';

export function webhookSecret(serverSecret: string, alertId: string): string {
  return createHmac('sha256', serverSecret).update(`listening-alert-webhook:${alertId}`).digest('base64url');
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function notifyInApp(db: Queryable, workspaceId: string, alert: AlertRow, firing: AlertFiring): Promise<Delivery> {
  const members = await membersToNotify(db, workspaceId);
  for (const userId of members) {
    await notify(db, {
      workspaceId,
      userId,
      kind: 'listening.alert',
      title: `Alert: ${alert.name}`,
      body: firing.reason,
      subjectType: 'listening_alert',
      subjectId: alert.id,
      dedupeKey: `listening-alert:${firing.id}`,
    });
  }
  return { channel: 'in-app', ok: true, detail: `${members.length} members notified` };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 300) : 'failed';
}

export async function sendEmail(config: Config, alert: AlertRow, firing: AlertFiring): Promise<Delivery> {
  if (!config.smtpUrl) return { channel: 'email', ok: false, detail: 'no mail relay is configured (SMTP_URL)' };
  try {
    // Loaded on the first alert e-mail: most servers never send one, and the library is ~15 MB resident.
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport(config.smtpUrl);
    await transport.sendMail({
      from: config.mailFrom,
      to: alert.notifyEmails,
      subject: `[Rapport] Alert: ${alert.name}`,
      text: `${firing.reason}\n\nWindow: ${new Date(firing.windowStart).toISOString()} – ${new Date(firing.windowEnd).toISOString()}\n${config.baseUrl}/listening/alerts\n`,
    });
    transport.close();
    return { channel: 'email', ok: true, detail: `sent to ${alert.notifyEmails.length} addresses` };
  } catch (error) {
    return { channel: 'email', ok: false, detail: describe(error) };
  }
}

export async function callWebhook(config: Config, workspaceId: string, alert: AlertRow, firing: AlertFiring): Promise<Delivery> {
  const body = JSON.stringify({
    type: 'listening.alert',
    workspaceId,
    alert: { id: alert.id, name: alert.name, trigger: alert.trigger, queryId: alert.queryId, queryKind: alert.queryKind },
    firing: {
      id: firing.id,
      firedAt: firing.firedAt,
      windowStart: firing.windowStart,
      windowEnd: firing.windowEnd,
      expected: firing.expected,
      observed: firing.observed,
      reason: firing.reason,
    },
  });
  try {
    const response = await safeFetch(alert.webhookUrl!, alert.allowPrivateNetwork ? { allowPrivateNetwork: true } : PUBLIC_ONLY, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature(webhookSecret(config.secret, alert.id), body) },
      body,
      timeoutMs: 10_000,
      maxBytes: 64 * 1024,
      maxRedirects: 0,
    });
    const ok = response.status >= 200 && response.status < 300;
    return { channel: 'webhook', ok, detail: `HTTP ${response.status}` };
  } catch (error) {
    return { channel: 'webhook', ok: false, detail: describe(error) };
  }
}

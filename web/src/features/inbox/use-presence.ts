/**
 * Tells colleagues who has a conversation open: "viewing" on open and every RENEW_MS after (the
 * server forgets viewers who stop renewing), "replying" while the composer holds text, "left" on
 * close. Presence is a courtesy, so a failed report is not shown.
 */
import { useEffect } from 'react';
import { sendPresence } from './api';

const RENEW_MS = 10_000;

export function usePresence(conversationId: string, replying: boolean) {
  useEffect(() => {
    const activity = replying ? 'replying' : 'viewing';
    const report = () => void sendPresence(conversationId, activity).catch(() => undefined);
    report();
    const renew = setInterval(report, RENEW_MS);
    return () => clearInterval(renew);
  }, [conversationId, replying]);

  useEffect(() => () => void sendPresence(conversationId, 'left').catch(() => undefined), [conversationId]);
}

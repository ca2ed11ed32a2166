import { describe, expect, it } from 'vitest';
import { listeningKeys } from './api';
import { staleListeningKeys } from './listening-live';

describe('listening live updates', () => {
  it('refreshes the alerts and their history when an alert fires or changes', () => {
    expect(staleListeningKeys('listening.alert_fired')).toEqual([listeningKeys.alerts]);
    expect(staleListeningKeys('listening_alert.updated')).toEqual([listeningKeys.alerts]);
    expect(listeningKeys.history.slice(0, listeningKeys.alerts.length)).toEqual([...listeningKeys.alerts]);
  });

  it('refreshes the saved queries when one changes or its mentions arrive', () => {
    expect(staleListeningKeys('listening_query.created')).toEqual([listeningKeys.queries]);
    expect(staleListeningKeys('listening.mentions_added')).toEqual([listeningKeys.queries]);
  });

  it('leaves the mention list and unrelated data alone', () => {
    expect(staleListeningKeys('conversation.updated')).toEqual([]);
    expect(staleListeningKeys('mention.relevance_changed')).toEqual([]);
  });
});

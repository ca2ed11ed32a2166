import { describe, expect, it } from 'vitest';
import { undeliveredMentionsNotice } from './undelivered-mentions';

const hidden = (name: string) => ({ userId: name, name, reason: 'cannot_see_conversation' as const });

describe('undeliveredMentionsNotice', () => {
  it('says nothing when everyone named was notified', () => {
    expect(undeliveredMentionsNotice([])).toBeNull();
  });

  it('names the colleagues who cannot see the conversation', () => {
    expect(undeliveredMentionsNotice([hidden('Sky')])).toBe('Sky cannot see this conversation, so was not notified.');
    expect(undeliveredMentionsNotice([hidden('Sky'), hidden('Tess'), hidden('Ugo')])).toBe(
      'Sky, Tess and Ugo cannot see this conversation, so were not notified.',
    );
  });
});

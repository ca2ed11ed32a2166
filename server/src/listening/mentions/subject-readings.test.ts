import { describe, expect, it } from 'vitest';
import { sentimentAndIntent } from '../../nlp/analyze.js';
import { subjectReadings, type ReadPart } from './subject-readings.js';

const SUBJECTS = new Map([
  ['acme', ['acme']],
  ['globex', ['globex']],
]);

/** A reader that says which text it was given, so a test sees which sentences went to which subject. */
const echo: ReadPart = (part) => ({ sentiment: { label: 'neutral', score: 0 }, intent: { label: part, confidence: 1 } });
const partsRead = (text: string, subjects = SUBJECTS) =>
  Object.fromEntries([...subjectReadings(text, subjects, echo)].map(([queryId, reading]) => [queryId, reading.intent.label]));

describe('subjectReadings', () => {
  it('reads each subject from the sentences naming it and those after them that name none', () => {
    expect(partsRead('Ugh. Acme outage again?? Second time this week. Considering switching to Globex. Any tips?')).toEqual({
      acme: 'Ugh. Acme outage again?? Second time this week.',
      globex: 'Considering switching to Globex. Any tips?',
    });
  });

  it('gives a sentence naming both subjects to both, and reads #tags and @handles as names', () => {
    expect(partsRead('#acme is down. Acme or Globex, which is cheaper? @globex@mastodon.social answers fast.')).toEqual({
      acme: '#acme is down. Acme or Globex, which is cheaper?',
      globex: 'Acme or Globex, which is cheaper? @globex@mastodon.social answers fast.',
    });
  });

  it('cuts a sentence naming both where it turns from one to the other', () => {
    expect(partsRead('Switched from Acme to Globex last month. Best decision ever.')).toEqual({
      acme: 'Switched from Acme',
      globex: 'to Globex last month. Best decision ever.',
    });
    expect(partsRead('I left Acme for Globex because Acme support is terrible')).toEqual({
      acme: 'I left Acme because Acme support is terrible',
      globex: 'for Globex',
    });
    expect(partsRead('Acme is fine but Globex is amazing')).toEqual({ acme: 'Acme is fine', globex: 'but Globex is amazing' });
    // Without a turn, or without a verb of moving before "with", the sentence is about both.
    expect(partsRead('Acme works great with Globex')).toEqual({});
    expect(partsRead('Acme vs Globex: which one is cheaper?')).toEqual({});
  });

  it('leaves the message its own reading when the subjects share every sentence, or only one is named', () => {
    expect(partsRead('Acme and Globex are both down. Again.')).toEqual({});
    expect(partsRead('Acme is down. Again.')).toEqual({});
    expect(partsRead('Acme is down. Globex too.', new Map([['acme', ['acme']]]))).toEqual({});
    expect(partsRead('Acme is down, Globex too.')).toEqual({});
    // A query matched through a field or a prefix names no subject: the other one is read whole.
    expect(partsRead('Acme is down. Nothing else.', new Map([...SUBJECTS, ['rss', []]]))).toEqual({});
  });

  it('with the product’s reader: the brand left gets the complaint, the one chosen the buying signal', () => {
    const whole = sentimentAndIntent('Acme outage again?? This is the second time this week. Considering switching to Globex.');
    expect(whole).toMatchObject({ sentiment: { label: 'negative' }, intent: { label: 'purchase' } });
    const readings = subjectReadings(
      'Acme outage again?? This is the second time this week. Considering switching to Globex.',
      SUBJECTS,
      (part) => sentimentAndIntent(part),
    );
    expect(readings.get('acme')).toMatchObject({ sentiment: { label: 'negative' }, intent: { label: 'complaint' } });
    expect(readings.get('globex')).toMatchObject({ sentiment: { label: 'neutral' }, intent: { label: 'purchase' } });
  });
});

import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { attributeValues, renderMarkup } from '../../ui/render-markup.testing';
import { ContactPairReview } from './ContactPairReview';
import { contactSummary, duplicatePair } from './duplicate-pairs.testing';

const kate = contactSummary({
  id: 'kate',
  displayName: 'Kate Johnson',
  firstName: 'Kate',
  lastName: 'Johnson',
  emails: ['kate@nasa.example'],
});
const katherine = contactSummary({ id: 'katherine', displayName: 'Katherine Johnson', firstName: 'Katherine', title: 'Mathematician' });

const pair = duplicatePair({ left: kate, right: katherine, evidence: [{ field: 'family', level: 'exact', weight: 4.1 }] });

// The test renderer has no session, so the member is a viewer, as the app takes a member it does not know yet.
const asViewer = () => renderMarkup(createElement(ContactPairReview, { candidate: pair, left: kate, onDone: () => undefined }));

describe('an open contact pair, for a viewer', () => {
  it('compares the two contacts as the pair holds them, without asking for the merge preview a viewer may not have', () => {
    const markup = asViewer();
    expect(attributeValues(markup, 'aria-label')).toContain('The pair');
    for (const value of ['Kate Johnson', 'Katherine Johnson', 'kate@nasa.example', 'Mathematician', 'Match evidence'])
      expect(markup).toContain(value);
    expect(attributeValues(markup, 'aria-label')).not.toContain('Loading the merge preview');
    expect(markup).not.toContain('Fields to merge');
  });

  it('offers nothing to decide, and says nobody is kept', () => {
    const markup = asViewer();
    expect(markup).not.toContain('is kept');
    for (const action of ['>Merge<', 'Not a duplicate', 'instead']) expect(markup).not.toContain(action);
    expect(markup).toContain('needs the agent role or higher');
  });
});

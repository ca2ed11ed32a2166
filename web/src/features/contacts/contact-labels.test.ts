import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { fieldErrors, formErrorSummary } from '../../ui/form-problems';
import { draftOf } from './contact-draft';
import { contactLabels, errorsByRow } from './contact-labels';

const plan = {
  id: '01a24c3c-9463-7ad2-9ce1-aed21fbfc224',
  entity: 'contact' as const,
  key: 'plan',
  label: 'Plan',
  type: 'text' as const,
  options: [],
  required: false,
  position: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('the contact form’s labels', () => {
  it('names a list entry by its row in the form, though blank rows before it are not sent', () => {
    // The first row is blank: the server's emails.0 is the second row, "E-mail 2".
    const draft = draftOf(undefined, { emails: [{ address: '' }, { address: 'ada@' }] });
    const labels = contactLabels(draft, [plan]);
    const error = new ApiError(400, 'validation_failed', 'emails.0.address must be an e-mail address', [
      { field: 'emails.0.address', reason: 'must be an e-mail address' },
    ]);
    expect(formErrorSummary(error, labels)).toEqual(['E-mail 2: must be an e-mail address']);
    const byRow = errorsByRow(fieldErrors(error, labels), draft);
    expect(byRow['emails.0.address']).toBeUndefined();
    expect(byRow['emails.1.address']).toBe('must be an e-mail address');
  });

  it('names address parts and custom fields by their labels, and a removed custom field by its key', () => {
    const labels = contactLabels(draftOf(undefined), [plan]);
    const error = new ApiError(400, 'validation_failed', 'The request is not valid', [
      { field: 'address.postcode', reason: 'must be at most 20 characters' },
      { field: 'custom.plan', reason: 'must be text' },
      { field: 'custom.tier', reason: 'is not a custom field of this workspace' },
      { field: 'firstName', reason: 'a contact needs a name, an e-mail, a phone or a social handle' },
    ]);
    expect(formErrorSummary(error, labels)).toEqual([
      'First name: a contact needs a name, an e-mail, a phone or a social handle',
      'Postcode: must be at most 20 characters',
      'Plan: must be text',
      'custom.tier (not in this form): is not a custom field of this workspace',
    ]);
  });
});

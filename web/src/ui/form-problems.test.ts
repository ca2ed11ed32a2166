import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { actionFailure, CONNECTION_LOST, failureReference, fieldErrors, formErrorSummary, NO_FIELDS } from './form-problems';

const refused = (detail: string, ...fields: [string, string][]) =>
  new ApiError(
    400,
    'validation_failed',
    detail,
    fields.map(([field, reason]) => ({ field, reason })),
  );

const CALL = { subject: 'Subject', body: 'Summary', occurredAt: 'When', durationMinutes: 'Minutes' };

describe('a refused save in the form’s words', () => {
  it('names the refused input by its label, not by the API’s name in the detail', () => {
    const error = refused('durationMinutes must be at most 10,080', ['durationMinutes', 'must be at most 10,080']);
    expect(formErrorSummary(error, CALL)).toEqual(['Minutes: must be at most 10,080']);
    expect(fieldErrors(error, CALL)).toEqual({ durationMinutes: 'must be at most 10,080' });
  });

  it('keeps a problem on a field the form does not show, with the server’s name for it', () => {
    const error = refused(
      'The request is not valid',
      ['contactId', 'is not a contact of this workspace'],
      ['body', 'a note needs a subject or a body'],
    );
    expect(formErrorSummary(error, { body: 'Note' })).toEqual([
      'Note: a note needs a subject or a body',
      'contactId (not in this form): is not a contact of this workspace',
    ]);
    expect(fieldErrors(error, { body: 'Note' })).toEqual({ body: 'a note needs a subject or a body' });
    expect(formErrorSummary(error, NO_FIELDS)).toHaveLength(2);
  });

  it('lists the inputs in the form’s order, one line each, whatever order the server used', () => {
    const error = refused('', ['durationMinutes', 'must be at least 0'], ['subject', 'must not be blank']);
    expect(formErrorSummary(error, CALL)).toEqual(['Subject: must not be blank', 'Minutes: must be at least 0']);
  });

  it('puts a problem inside a list or object on the nearest labelled path', () => {
    const labels = { name: 'Name', domains: 'Domains', 'emails.0.address': 'E-mail', address: 'Address' };
    const error = refused(
      '',
      ['domains.2', 'must be a hostname such as example.com'],
      ['emails.0.address', 'must be an e-mail address'],
      ['address.postcode', 'must be at most 20 characters'],
      ['emails.1.address', 'must be an e-mail address'],
    );
    expect(fieldErrors(error, labels)).toEqual({
      domains: 'must be a hostname such as example.com',
      'emails.0.address': 'must be an e-mail address',
      address: 'must be at most 20 characters',
    });
    // A path whose start is labelled only by a sibling's longer path is not that sibling's.
    expect(formErrorSummary(error, labels)).toContain('emails.1.address (not in this form): must be an e-mail address');
  });

  it('reads paths written as JSON pointers, with or without the leading slash', () => {
    const error = refused('', ['/body', 'must not be empty'], ['emails/0/address', 'must be an e-mail address']);
    expect(fieldErrors(error, { body: 'Note', 'emails.0.address': 'E-mail' })).toEqual({
      body: 'must not be empty',
      'emails.0.address': 'must be an e-mail address',
    });
  });

  it('says each reason once for an input that two paths share or two entries repeat', () => {
    const labels = { queryId: 'Query or group', queryKind: 'Query or group', tags: 'Tags' };
    const error = refused(
      '',
      ['queryId', 'is not a query of this workspace'],
      ['queryKind', 'must be one of: brand, competitor'],
      ['tags.0', 'must be at most 50 characters'],
      ['tags.3', 'must be at most 50 characters'],
    );
    expect(formErrorSummary(error, labels)).toEqual([
      'Query or group: is not a query of this workspace; must be one of: brand, competitor',
      'Tags: must be at most 50 characters',
    ]);
  });

  it('keeps the message of a failure that names no field, and says nothing when nothing failed', () => {
    const conflict = new ApiError(409, 'shortcut_taken', 'A canned response already uses the shortcut /hi');
    expect(formErrorSummary(conflict, { shortcut: 'Shortcut' })).toEqual(['A canned response already uses the shortcut /hi']);
    expect(formErrorSummary(new TypeError('Failed to fetch'), CALL)).toEqual([CONNECTION_LOST]);
    expect(formErrorSummary(null, CALL)).toEqual([]);
    expect(fieldErrors(conflict, { shortcut: 'Shortcut' })).toEqual({});
  });
});

describe('a failed action in a confirmation’s words', () => {
  it('tells a refusal by a sentence and each field’s reason, not by the detail’s API paths', () => {
    const error = refused(
      'params.id must be a UUID; body.teamId must be a UUID',
      ['params.id', 'must be a UUID'],
      ['teamId', 'must be a UUID'],
      ['emails.0.address', 'must be an e-mail address'],
    );
    expect(actionFailure(error)).toEqual({
      message: 'The request was not accepted.',
      reasons: ['Id: must be a UUID', 'Team id: must be a UUID', 'Emails 1 address: must be an e-mail address'],
      reference: null,
    });
  });

  it('keeps the server’s own sentence for a refusal that names no field', () => {
    const lastOwner = new ApiError(409, 'last_owner', 'A workspace needs at least one owner');
    expect(actionFailure(lastOwner)).toEqual({ message: 'A workspace needs at least one owner', reasons: [], reference: null });
    expect(actionFailure(new ApiError(404, 'not_found', 'Contact not found'))?.message).toBe('Contact not found');
  });

  it('says in words what an unknown route or a proxy answered, not its technical message', () => {
    // The server's HTTP layer refuses in its own codes and words, kept as they are.
    const asText = new ApiError(415, 'unsupported_media_type', 'The body must be JSON sent as application/json, not text/plain');
    expect(actionFailure(asText)?.message).toBe('The body must be JSON sent as application/json, not text/plain');
    const noRoute = new ApiError(404, 'route_not_found', 'No route for DELETE /api/v1/segments/1');
    expect(actionFailure(noRoute)?.message).toBe('It was not found: it may have been removed meanwhile.');
    // No problem+json at all: the client keeps the status text.
    expect(actionFailure(new ApiError(502, 'error', 'Bad Gateway'))?.message).toBe(
      'Something went wrong on the server. Try again in a moment.',
    );
    expect(actionFailure(new SyntaxError('Unexpected token < in JSON at position 0'))?.message).toBe(
      'Something went wrong on the server. Try again in a moment.',
    );
  });

  it('says a lost connection in a sentence, and nothing when nothing failed', () => {
    expect(actionFailure(new TypeError('Failed to fetch'))).toEqual({ message: CONNECTION_LOST, reasons: [], reference: null });
    expect(actionFailure(new TypeError('NetworkError when attempting to fetch resource.'))?.message).toBe(CONNECTION_LOST);
    expect(actionFailure(null)).toBeNull();
    expect(actionFailure(undefined)).toBeNull();
  });

  it('keeps the request id of a failure the server answered, as the reference to quote when reporting it', () => {
    const id = '0b6c8a47-2f1e-4d3a-8c5b-9e7f6a5b4c3d';
    const internal = new ApiError(500, 'internal', 'Something went wrong on our side. Quote the request id when reporting it.', [], id);
    expect(failureReference(internal)).toBe(id);
    expect(actionFailure(internal)?.reference).toBe(id);
    const refusedWithFields = new ApiError(
      400,
      'validation_failed',
      'teamId must be a UUID',
      [{ field: 'teamId', reason: 'must be a UUID' }],
      id,
    );
    expect(actionFailure(refusedWithFields)?.reference).toBe(id);
    // A failure that never reached the server has no id to quote.
    expect(failureReference(new TypeError('Failed to fetch'))).toBeNull();
    expect(failureReference(null)).toBeNull();
  });
});

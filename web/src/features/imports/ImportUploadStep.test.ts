import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { renderMarkup } from '../../ui/render-markup.testing';
import { UploadProblem } from './ImportUploadStep';

const shown = (error: unknown) =>
  renderMarkup(createElement(UploadProblem, { error }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('a file the import refuses', () => {
  it('is titled as a file that could not be imported, with the reason on the file', () => {
    const id = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const reason = 'line 2 is longer than 100 kB; is this a CSV file?';
    const error = new ApiError(400, 'import_unreadable', reason, [{ field: 'content', reason }], id);
    expect(shown(error)).toBe(`Could not import the file File: ${reason} Reference: ${id}`);
  });
});

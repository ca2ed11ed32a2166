import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { FormError } from './FormError';

function shown(error: unknown): string {
  const form = createElement(FormError, { error, labels: { body: 'Note' } });
  const markup = renderToStaticMarkup(createElement(MantineProvider, { withGlobalClasses: false, withCssVariables: false }, form));
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('a form that could not save', () => {
  it('names the refused input, then the reference the server gave the request', () => {
    const id = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const error = new ApiError(400, 'validation_failed', 'body must not be empty', [{ field: 'body', reason: 'must not be empty' }], id);
    expect(shown(error)).toBe(`Could not save Note: must not be empty Reference: ${id}`);
  });

  it('has no reference to give for a failure that never reached the server', () => {
    expect(shown(new TypeError('Failed to fetch'))).toBe('Could not save Could not reach Rapport. Check your connection and try again.');
  });
});

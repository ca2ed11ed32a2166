import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { QueryError } from './QueryError';

const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function shown(error: unknown): string {
  return text(
    renderToStaticMarkup(
      createElement(
        MantineProvider,
        { withGlobalClasses: false, withCssVariables: false },
        createElement(QueryError, { title: 'Could not load contacts', error }),
      ),
    ),
  );
}

describe('a page whose data did not load', () => {
  it('says a lost connection in a sentence, not the browser’s TypeError', () => {
    const said = shown(new TypeError('Failed to fetch'));
    expect(said).toContain('Could not reach Rapport. Check your connection and try again.');
    expect(said).not.toContain('Failed to fetch');
  });

  it('shows the reference of a server failure, to quote to an admin', () => {
    const said = shown(new ApiError(502, 'error', 'Bad Gateway', [], '3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b'));
    expect(said).toContain('Something went wrong on the server. Try again in a moment.');
    expect(said).toContain('Reference: 3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b');
    expect(said).not.toContain('Bad Gateway');
  });
});

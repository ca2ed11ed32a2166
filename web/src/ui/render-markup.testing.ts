/**
 * For web unit tests: a component's server-rendered HTML, inside the providers the app gives it
 * (Mantine, a query client whose queries stay pending, a router at `path`).
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';

export function renderMarkup(element: ReactElement, path = '/'): string {
  const client = new QueryClient({ defaultOptions: { queries: { enabled: false } } });
  return renderToStaticMarkup(
    createElement(
      MantineProvider,
      { withGlobalClasses: false, withCssVariables: false },
      createElement(QueryClientProvider, { client }, createElement(MemoryRouter, { initialEntries: [path] }, element)),
    ),
  );
}

/** The values of an attribute on every element that has it, in document order. */
export function attributeValues(markup: string, attribute: string): string[] {
  return [...markup.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((match) => decodeEntities(match[1]!));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The `dir` of the element whose text starts with `text` (the innermost tag opened before it), or null. */
export function directionOf(markup: string, text: string): string | null {
  const at = markup.indexOf(`>${text}`);
  if (at < 0) throw new Error(`"${text}" is not in the markup`);
  const opened = markup.slice(markup.lastIndexOf('<', at), at + 1);
  return /\sdir="([^"]*)"/.exec(opened)?.[1] ?? null;
}

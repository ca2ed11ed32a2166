import { isValidElement, createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { cleanNotifications, notificationsStore } from '@mantine/notifications';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { notifyFailure } from './notify-failure';

afterEach(() => cleanNotifications());

/** The notification last shown, its message rendered as the user reads it. */
function lastShown() {
  const { notifications } = notificationsStore.getState();
  const shown = notifications.at(-1)!;
  const message = shown.message as ReactNode;
  expect(isValidElement(message)).toBe(true);
  const markup = renderToStaticMarkup(createElement(MantineProvider, { withGlobalClasses: false, withCssVariables: false }, message));
  return {
    ...shown,
    markup,
    text: markup
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

describe('a failed action told in a notification', () => {
  it('says a lost connection in a sentence, not “Failed to fetch”', () => {
    notifyFailure('Could not change the conversation', new TypeError('Failed to fetch'));
    const shown = lastShown();
    expect(shown.title).toBe('Could not change the conversation');
    expect(shown.color).toBe('red');
    expect(shown.text).toBe('Could not reach Rapport. Check your connection and try again.');
  });

  it('gives the server’s sentence and its reference, selectable whole, and stays until dismissed', () => {
    const id = 'c0ffee00-1234-4abc-8def-0123456789ab';
    notifyFailure('Could not change the conversation', new ApiError(409, 'conflict', 'The conversation was merged meanwhile', [], id));
    const shown = lastShown();
    expect(shown.text).toBe(`The conversation was merged meanwhile Reference: ${id}`);
    expect(shown.markup).toMatch(new RegExp(`user-select:all[^>]*>${id}<`));
    expect(shown.autoClose).toBe(false);
  });

  it('tells the server’s own failure in words rather than its status text', () => {
    notifyFailure('Could not replay', new ApiError(503, 'error', 'Service Unavailable', [], null));
    expect(lastShown().text).toBe('Something went wrong on the server. Try again in a moment.');
  });
});

/**
 * A message's HTML, sanitised once more in the browser although the server already did: a bug or
 * a bypass there must not become script in an agent's session. Links open in a new tab without
 * handing the opener or the referrer to the sender; inline styles and remote-loading elements
 * beyond images are dropped so a message cannot restyle or probe the app. A link left without an
 * address by the sanitising reads as plain text.
 */
import { useMemo } from 'react';
import { Typography } from '@mantine/core';
import DOMPurify from 'dompurify';
import classes from './SafeHtml.module.css';

const purifier = DOMPurify();

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('referrerpolicy', 'no-referrer');
    node.setAttribute('loading', 'lazy');
  }
});

const OPTIONS = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'object', 'embed', 'video', 'audio', 'source'],
  FORBID_ATTR: ['style', 'srcset', 'background'],
};

export function sanitizeHtml(html: string): string {
  return purifier.sanitize(html, OPTIONS);
}

export function SafeHtml({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeHtml(html), [html]);
  return (
    <Typography fz="sm" className={classes.body} style={{ overflowWrap: 'anywhere' }}>
      <div dir="auto" dangerouslySetInnerHTML={{ __html: clean }} />
    </Typography>
  );
}

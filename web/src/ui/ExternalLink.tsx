/** A link to somewhere outside Rapport, built from stored data: only http(s) URLs become links. */
import type { ReactNode } from 'react';
import { Anchor, Text } from '@mantine/core';
import { httpUrl } from '../lib/safe-url';

export function ExternalLink({
  href,
  children,
  size = 'sm',
  label: accessibleName,
}: {
  href: unknown;
  children?: ReactNode;
  size?: string;
  /** The link's name for assistive technology, where its text is the same on every row ("Profile"). */
  label?: string;
}) {
  const url = httpUrl(href);
  const label = children ?? (typeof href === 'string' ? href : '');
  if (!url) {
    return (
      <Text span size={size}>
        {label}
      </Text>
    );
  }
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer nofollow" size={size} aria-label={accessibleName}>
      {label}
    </Anchor>
  );
}

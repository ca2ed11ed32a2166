/** A link to somewhere outside Rapport, built from stored data: only http(s) URLs become links. */
import type { ReactNode } from 'react';
import { Anchor, Text } from '@mantine/core';
import { httpUrl } from '../lib/safe-url';

export function ExternalLink({ href, children, size = 'sm' }: { href: unknown; children?: ReactNode; size?: string }) {
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
    <Anchor href={url} target="_blank" rel="noopener noreferrer nofollow" size={size}>
      {label}
    </Anchor>
  );
}

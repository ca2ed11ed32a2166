/**
 * Labelled values in a details card, as a description list. Values (e-mail addresses, links, custom
 * values) can be long unbroken words, so they wrap anywhere rather than widen the card.
 */
import type { ReactNode } from 'react';
import { Box, Stack, Text } from '@mantine/core';

export function DetailList({ children }: { children: ReactNode }) {
  return (
    <Stack component="dl" gap="sm" m={0}>
      {children}
    </Stack>
  );
}

export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
        {label}
      </Text>
      <Box component="dd" m={0} fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </div>
  );
}

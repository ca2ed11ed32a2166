/** What is wrong with a query, in plain words, and where: the error, then the warnings. */
import { List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { TEXT_COLORS } from '../../ui/text-colors';
import type { QueryCheck, QueryProblem } from './types';

function where(problem: QueryProblem, text: string): string {
  const excerpt = text.slice(problem.position, problem.position + Math.max(problem.length, 1)).trim();
  return excerpt ? `at character ${problem.position + 1} (“${excerpt.slice(0, 40)}”)` : `at character ${problem.position + 1}`;
}

export function QueryProblems({ id, check, text }: { id: string; check: QueryCheck | null; text: string }) {
  return (
    <Stack gap={4} id={id} aria-live="polite">
      {check?.error && (
        <Text size="sm" c={TEXT_COLORS.danger} role="alert">
          {check.error.message} — {where(check.error, text)}
        </Text>
      )}
      {check && check.warnings.length > 0 && (
        <List
          size="sm"
          spacing={2}
          icon={<IconAlertTriangle size={14} color="var(--mantine-color-yellow-6)" aria-hidden />}
          aria-label="Warnings"
        >
          {check.warnings.map((warning) => (
            <List.Item key={`${warning.code}-${warning.position}`}>
              {warning.message}{' '}
              <Text span size="xs" c="dimmed">
                {where(warning, text)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

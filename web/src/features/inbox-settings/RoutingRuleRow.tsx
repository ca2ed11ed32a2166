/** One routing rule in the list: its place, what it matches and does, and the admin's buttons to move, edit or delete it. */
import { ActionIcon, Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import type { MoveDirection } from './rule-order';
import { describeActions, describeConditions, type RuleNames } from './rule-draft';
import type { RoutingRule } from './types';

/** Marks a move button, so the focus can go back to it once the list is shown in its new order. */
export const moveButtonId = (ruleId: string, direction: MoveDirection) => `move-rule-${direction}-${ruleId}`;

export function RoutingRuleRow({
  rule,
  place,
  count,
  names,
  editable,
  onMove,
  onEdit,
  onDelete,
}: {
  rule: RoutingRule;
  /** 1 for the rule tried first. */
  place: number;
  count: number;
  names: RuleNames;
  editable: boolean;
  onMove: (direction: MoveDirection) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <Paper component="li" withBorder p="sm" aria-label={`${place}. ${rule.name}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" c="dimmed" aria-hidden>
            {place}.
          </Text>
          <div style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {rule.name}
              </Text>
              {!rule.enabled && (
                <Badge color="gray" variant="light" size="sm">
                  Off
                </Badge>
              )}
            </Group>
            <Text size="sm">
              <Text span size="sm" c="dimmed">
                When:{' '}
              </Text>
              {describeConditions(rule, names)}
            </Text>
            <Text size="sm">
              <Text span size="sm" c="dimmed">
                Then:{' '}
              </Text>
              {describeActions(rule, names)}
            </Text>
          </div>
        </Group>
        {editable && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label="Move up">
              <ActionIcon
                id={moveButtonId(rule.id, 'up')}
                variant="subtle"
                color="gray"
                aria-label={`Move ${rule.name} up`}
                disabled={place === 1}
                onClick={() => onMove('up')}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon
                id={moveButtonId(rule.id, 'down')}
                variant="subtle"
                color="gray"
                aria-label={`Move ${rule.name} down`}
                disabled={place === count}
                onClick={() => onMove('down')}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Edit">
              <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${rule.name}`} onClick={onEdit}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Delete">
              <ActionIcon variant="subtle" color="red" aria-label={`Delete ${rule.name}`} onClick={onDelete}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

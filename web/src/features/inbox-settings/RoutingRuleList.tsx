/** The routing rules in the order they are tried, with creating, moving and deleting for admins. */
import { useEffect, useState } from 'react';
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { QueryError } from '../../ui/QueryError';
import { notifyFailure } from '../../ui/notify-failure';
import { useDeleteRoutingRule, useMoveRoutingRule, useRoutingRules } from './api';
import { moveRule, type MoveDirection } from './rule-order';
import { RoutingRuleDialog } from './RoutingRuleDialog';
import { moveButtonId, RoutingRuleRow } from './RoutingRuleRow';
import type { RoutingRule } from './types';
import { useRuleNames } from './use-rule-names';

export function RoutingRuleList({ editable }: { editable: boolean }) {
  const rules = useRoutingRules();
  const names = useRuleNames();
  const move = useMoveRoutingRule();
  const remove = useDeleteRoutingRule();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RoutingRule | null>(null);
  const [moved, setMoved] = useState<{ id: string; direction: MoveDirection } | null>(null);
  const list = rules.data ?? [];

  // The rule's row is put in its new place, which takes the focus from its button: it goes back to
  // the same button, or to the other one where the rule reached an end of the list.
  useEffect(() => {
    if (!moved || move.isPending) return;
    const same = document.getElementById(moveButtonId(moved.id, moved.direction));
    const other = document.getElementById(moveButtonId(moved.id, moved.direction === 'up' ? 'down' : 'up'));
    const target = same && !same.hasAttribute('disabled') ? same : other;
    target?.focus();
  }, [moved, move.isPending, rules.data]);

  const onMove = (index: number, direction: MoveDirection) => {
    if (move.isPending) return;
    const moves = moveRule(list, index, direction);
    const rule = list[index];
    if (!rule || moves.length === 0) return;
    setMoved({ id: rule.id, direction });
    move.mutate(moves, { onError: (error) => notifyFailure(`Could not move ${rule.name}`, error) });
  };

  return (
    <section aria-labelledby="routing-rules-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="routing-rules-heading">
          Routing rules
        </Title>
        {editable && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New rule
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Each new conversation is checked against the rules from the top; the first rule that matches wins and the rest are skipped.
      </Text>
      {rules.isPending && <Loader size="sm" aria-label="Loading routing rules" />}
      {rules.isError && <QueryError title="Could not load the routing rules" error={rules.error} onRetry={() => void rules.refetch()} />}
      {list.length === 0 && rules.isSuccess && (
        <Text size="sm" c="dimmed">
          No routing rules yet: a new conversation goes to its channel’s team, if the channel has one.
        </Text>
      )}
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Routing rules">
        {list.map((rule, index) => (
          <RoutingRuleRow
            key={rule.id}
            rule={rule}
            place={index + 1}
            count={list.length}
            names={names}
            editable={editable}
            onMove={(direction) => onMove(index, direction)}
            onEdit={() => setEditing(rule)}
            onDelete={() => setDeleting(rule)}
          />
        ))}
      </Stack>
      {editing && <RoutingRuleDialog rule={editing === 'new' ? undefined : editing} opened onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={`Delete rule ${deleting?.name ?? ''}?`}
        confirmLabel="Delete rule"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        New conversations are no longer routed by it. Conversations it already routed keep their team, priority, labels and assignee.
      </ConfirmDialog>
    </section>
  );
}

/** Logs a note, call, meeting or e-mail on a timeline. */
import { useState } from 'react';
import { Button, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { fieldErrors } from '../../lib/api';
import { fromLocalInput, toLocalInput } from '../../lib/local-time';
import { FormError } from '../../ui/FormError';
import { useLogActivity } from './api';
import { ACTIVITY_KINDS } from './activity-kinds';
import type { Direction, LoggableType, TimelineSubject } from './types';

export function LogActivityForm({ type, subject }: { type: LoggableType; subject: TimelineSubject }) {
  const log = useLogActivity();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [occurredAt, setOccurredAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [duration, setDuration] = useState<number | ''>('');
  const [direction, setDirection] = useState<Direction>('out');
  const errors = fieldErrors(log.error);
  const isNote = type === 'note';
  const hasDuration = type === 'call' || type === 'meeting';
  const hasDirection = type === 'call' || type === 'email';
  const kind = ACTIVITY_KINDS[type];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        log.mutate(
          {
            type,
            ...subject,
            body: body.trim(),
            ...(isNote ? {} : { subject: title.trim(), occurredAt: fromLocalInput(occurredAt) ?? undefined }),
            ...(hasDuration && duration !== '' ? { durationMinutes: duration } : {}),
            ...(hasDirection ? { direction } : {}),
          },
          {
            onSuccess: () => {
              setTitle('');
              setBody('');
              setDuration('');
              log.reset();
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        {!isNote && <TextInput label="Subject" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.subject} />}
        <Textarea
          label={isNote ? 'Note' : 'Summary'}
          placeholder={isNote ? 'What should the team remember?' : undefined}
          autosize
          minRows={isNote ? 3 : 2}
          maxRows={12}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
          required={isNote}
        />
        {!isNote && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="When"
              type="datetime-local"
              value={occurredAt}
              onChange={(e) => setOccurredAt(e.currentTarget.value)}
              error={errors.occurredAt}
            />
            {hasDuration && (
              <NumberInput
                label="Minutes"
                min={0}
                max={10080}
                // Out of range is refused by the server, named under the field: clamping would change what was typed without a word.
                clampBehavior="none"
                allowNegative={false}
                allowDecimal={false}
                value={duration}
                onChange={(v) => setDuration(typeof v === 'number' ? v : '')}
                error={errors.durationMinutes}
              />
            )}
            {hasDirection && (
              <div>
                <Text size="sm" fw={500} mb={4} id={`direction-${type}`}>
                  Direction
                </Text>
                <SegmentedControl
                  aria-labelledby={`direction-${type}`}
                  fullWidth
                  value={direction}
                  onChange={(v) => setDirection(v as Direction)}
                  data={[
                    { value: 'out', label: 'Outgoing' },
                    { value: 'in', label: 'Incoming' },
                  ]}
                />
              </div>
            )}
          </SimpleGrid>
        )}
        <FormError error={log.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={log.isPending} disabled={isNote ? !body.trim() : !(title.trim() || body.trim())}>
            {isNote ? 'Add note' : `Log ${kind.label.toLowerCase()}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

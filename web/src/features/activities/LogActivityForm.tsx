/** Logs a note, call, meeting or e-mail on a timeline. */
import { useState } from 'react';
import { Button, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { fromLocalInput, toLocalInput } from '../../lib/local-time';
import { FormError } from '../../ui/FormError';
import { fieldErrors } from '../../ui/form-problems';
import { OWN_DIRECTION } from '../../ui/own-direction';
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
  const isNote = type === 'note';
  const hasDuration = type === 'call' || type === 'meeting';
  const hasDirection = type === 'call' || type === 'email';
  const kind = ACTIVITY_KINDS[type];
  // Only the inputs this kind shows: a problem on another field is told as one the form does not show.
  const labels = {
    ...(isNote ? {} : { subject: 'Subject' }),
    body: isNote ? 'Note' : 'Summary',
    ...(isNote ? {} : { occurredAt: 'When' }),
    ...(hasDuration ? { durationMinutes: 'Minutes' } : {}),
    ...(hasDirection ? { direction: 'Direction' } : {}),
  };
  const errors = fieldErrors(log.error, labels);

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
        {!isNote && (
          <TextInput
            label={labels.subject}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.subject}
            attributes={OWN_DIRECTION}
          />
        )}
        <Textarea
          label={labels.body}
          placeholder={isNote ? 'What should the team remember?' : undefined}
          autosize
          minRows={isNote ? 3 : 2}
          maxRows={12}
          attributes={OWN_DIRECTION}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
          required={isNote}
        />
        {!isNote && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={labels.occurredAt}
              type="datetime-local"
              value={occurredAt}
              onChange={(e) => setOccurredAt(e.currentTarget.value)}
              error={errors.occurredAt}
            />
            {hasDuration && (
              <NumberInput
                label={labels.durationMinutes}
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
                  {labels.direction}
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
        <FormError error={log.error} labels={labels} />
        <Group justify="flex-end">
          <Button type="submit" loading={log.isPending} disabled={isNote ? !body.trim() : !(title.trim() || body.trim())}>
            {isNote ? 'Add note' : `Log ${kind.label.toLowerCase()}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Logs a note, call, meeting or e-mail on a timeline, or changes one logged before (the same form, filled in). */
import { useState } from 'react';
import { Button, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { fromLocalInput, toLocalInput } from '../../lib/local-time';
import { FormError } from '../../ui/FormError';
import { fieldErrors } from '../../ui/form-problems';
import { OWN_DIRECTION } from '../../ui/own-direction';
import { useChangeActivity, useLogActivity } from './api';
import { ACTIVITY_KINDS } from './activity-kinds';
import type { Activity, ActivityPatch, Direction, LoggableType, TimelineSubject } from './types';

/** A new entry on the subject's timeline; the form empties once it is logged. */
export function LogActivityForm({ type, subject }: { type: LoggableType; subject: TimelineSubject }) {
  const log = useLogActivity();
  return (
    <ActivityFields
      type={type}
      submitLabel={type === 'note' ? 'Add note' : `Log ${ACTIVITY_KINDS[type].label.toLowerCase()}`}
      pending={log.isPending}
      error={log.error}
      onSubmit={(entry, clear) =>
        log.mutate(
          { type, ...subject, ...entry },
          {
            onSuccess: () => {
              clear();
              log.reset();
            },
          },
        )
      }
    />
  );
}

/** An entry logged before, changed in place. */
export function EditActivityForm({ activity, onSaved }: { activity: Activity & { type: LoggableType }; onSaved: () => void }) {
  const change = useChangeActivity(activity.id);
  return (
    <ActivityFields
      type={activity.type}
      initial={activity}
      submitLabel="Save changes"
      pending={change.isPending}
      error={change.error}
      onSubmit={(patch) => change.mutate(patch, { onSuccess: onSaved })}
    />
  );
}

function ActivityFields({
  type,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  type: LoggableType;
  initial?: Activity;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** `clear` empties the form, for the next entry. */
  onSubmit: (entry: ActivityPatch, clear: () => void) => void;
}) {
  const [title, setTitle] = useState(initial?.subject ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [occurredAt, setOccurredAt] = useState(() => toLocalInput(initial?.occurredAt ?? new Date().toISOString()));
  const [duration, setDuration] = useState<number | ''>(initial?.durationMinutes ?? '');
  const [direction, setDirection] = useState<Direction>(initial?.direction ?? 'out');
  const isNote = type === 'note';
  const hasDuration = type === 'call' || type === 'meeting';
  const hasDirection = type === 'call' || type === 'email';
  // Only the inputs this kind shows: a problem on another field is told as one the form does not show.
  const labels = {
    ...(isNote ? {} : { subject: 'Subject' }),
    body: isNote ? 'Note' : 'Summary',
    ...(isNote ? {} : { occurredAt: 'When' }),
    ...(hasDuration ? { durationMinutes: 'Minutes' } : {}),
    ...(hasDirection ? { direction: 'Direction' } : {}),
  };
  const errors = fieldErrors(error, labels);
  const idPrefix = initial ? `edit-${initial.id}` : type;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(
          {
            body: body.trim(),
            ...(isNote ? {} : { subject: title.trim(), occurredAt: fromLocalInput(occurredAt) ?? undefined }),
            // A cleared duration is removed from an entry that had one; a new entry just has none.
            ...(hasDuration && duration !== '' ? { durationMinutes: duration } : {}),
            ...(hasDuration && duration === '' && initial?.durationMinutes != null ? { durationMinutes: null } : {}),
            ...(hasDirection ? { direction } : {}),
          },
          () => {
            setTitle('');
            setBody('');
            setDuration('');
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
            data-autofocus
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
          data-autofocus={isNote || undefined}
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
                <Text size="sm" fw={500} mb={4} id={`direction-${idPrefix}`}>
                  {labels.direction}
                </Text>
                <SegmentedControl
                  aria-labelledby={`direction-${idPrefix}`}
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
        <FormError error={error} labels={labels} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending} disabled={isNote ? !body.trim() : !(title.trim() || body.trim())}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Changing one's own password: the current one, then the new one twice. Other sessions end. */
import { useState } from 'react';
import { Alert, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldErrors, type FieldLabels } from '../../ui/form-problems';
import { useChangePassword } from './api';
import { passwordProblems } from './password-problems';

/** The repeated password is checked here and never sent. */
const LABELS = { currentPassword: 'Current password', newPassword: 'New password' } satisfies FieldLabels;

export function PasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeated, setRepeated] = useState('');
  const [checked, setChecked] = useState(false);
  const problems = passwordProblems({ currentPassword, newPassword, repeated });
  const errors: FieldErrors = { ...fieldErrors(change.error, LABELS), ...(checked ? problems : {}) };
  const ended = change.data?.sessionsEnded;
  return (
    <form
      aria-labelledby="password-title"
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.keys(problems).length) return;
        change.mutate(
          { currentPassword, newPassword },
          {
            onSuccess: () => {
              setCurrent('');
              setNew('');
              setRepeated('');
              setChecked(false);
            },
          },
        );
      }}
    >
      <Stack gap="sm" maw={420}>
        <Title order={2} size="h4" id="password-title">
          Password
        </Title>
        {change.isSuccess && ended !== undefined && (
          <Alert color="green" role="status" title="Password changed">
            {ended === 0 ? 'You were signed in nowhere else.' : `Signed out of ${ended} other session${ended === 1 ? '' : 's'}.`} API tokens
            keep working until revoked.
          </Alert>
        )}
        <FormError error={change.error} labels={LABELS} />
        <PasswordInput
          label={LABELS.currentPassword}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.currentPassword}
          required
        />
        <PasswordInput
          label={LABELS.newPassword}
          description="At least 10 characters. Your other sessions will be signed out."
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          error={errors.newPassword}
          required
        />
        <PasswordInput
          label="Repeat the new password"
          autoComplete="new-password"
          value={repeated}
          onChange={(e) => setRepeated(e.currentTarget.value)}
          error={errors.repeated}
          required
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          Change password
        </Button>
      </Stack>
    </form>
  );
}

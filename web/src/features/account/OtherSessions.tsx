/** Where else the person is signed in, and a way to end it all but here (a lost laptop, a shared computer). */
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { NO_FIELDS } from '../../ui/form-problems';
import { useSignOutOthers } from './api';

export function OtherSessions({ count }: { count: number }) {
  const signOut = useSignOutOthers();
  const ended = signOut.data?.sessionsEnded;
  return (
    <Stack gap="sm" maw={420} component="section" aria-labelledby="sessions-title">
      <Title order={2} size="h4" id="sessions-title">
        Sessions
      </Title>
      <FormError error={signOut.error} labels={NO_FIELDS} />
      {ended !== undefined && (
        <Alert color="green" role="status">
          Signed out of {ended} other session{ended === 1 ? '' : 's'}.
        </Alert>
      )}
      <Text size="sm">
        {count === 0
          ? 'You are signed in here only.'
          : `You are also signed in ${count === 1 ? 'in one other place' : `in ${count} other places`} (other browsers or devices).`}
      </Text>
      <Button
        variant="default"
        disabled={count === 0}
        loading={signOut.isPending}
        onClick={() => signOut.mutate()}
        style={{ alignSelf: 'flex-start' }}
      >
        Sign out everywhere else
      </Button>
    </Stack>
  );
}

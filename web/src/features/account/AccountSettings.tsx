/** Settings › Your account: every member's own name, password and sessions. */
import { Divider, Loader, Stack } from '@mantine/core';
import { QueryError } from '../../ui/QueryError';
import { useAccount } from './api';
import { OtherSessions } from './OtherSessions';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';

export function AccountSettings() {
  const account = useAccount();
  if (account.isPending) return <Loader size="sm" aria-label="Loading your account" />;
  if (account.isError) return <QueryError title="Could not load your account" error={account.error} />;
  return (
    <Stack gap="xl">
      <ProfileForm account={account.data} />
      <Divider />
      <PasswordForm />
      <Divider />
      <OtherSessions count={account.data.otherSessions} />
    </Stack>
  );
}

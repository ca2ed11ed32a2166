import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { FailureMessage } from '../../ui/FailureMessage';
import { useSignIn } from './session';
import { waitingInvitations } from './waiting-invitations';

export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const invitations = waitingInvitations(signIn.error);
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380} component="main">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            signIn.mutate({ email, password });
          }}
        >
          <Stack>
            <div>
              <Title order={1} size="h2">
                Rapport
              </Title>
              <Text c="dimmed" size="sm">
                Sign in to your workspace
              </Text>
            </div>
            {signIn.error && (
              <Alert color="red" role="alert">
                <FailureMessage error={signIn.error} />
              </Alert>
            )}
            {invitations.length > 0 && (
              <Stack gap="xs" aria-label="Invitations waiting for you" role="group">
                <Text size="sm">You are invited to join:</Text>
                {invitations.map((invitation) => (
                  <Button
                    key={invitation.id}
                    variant="light"
                    loading={signIn.isPending && signIn.variables?.acceptInvitation === invitation.id}
                    onClick={() => signIn.mutate({ email, password, acceptInvitation: invitation.id })}
                  >
                    Join {invitation.workspace.name} ({invitation.role}) and sign in
                  </Button>
                ))}
              </Stack>
            )}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              // Named for what it does, with its pressed state telling whether the password shows.
              visibilityToggleButtonProps={{ 'aria-label': 'Show password' }}
            />
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
            <Text size="xs" c="dimmed">
              Forgot your password? Ask whoever runs this server to set a new one (<code>rapport user password</code>).
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

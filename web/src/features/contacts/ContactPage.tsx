/** One contact: details on the side, the timeline in the middle. */
import { Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useContact, useUpdateContact } from './api';
import { ContactForm } from './ContactForm';

export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  const update = useUpdateContact(id);
  const [editing, { open, close }] = useDisclosure(false);
  if (contact.isPending) return <Text>Loading…</Text>;
  if (contact.error || !contact.data) return <Text role="alert">This contact does not exist or you cannot see it.</Text>;
  const c = contact.data;
  return (
    <>
      <Group justify="space-between" mb="md">
        <div>
          <Anchor component={Link} to="/contacts" size="sm">
            ← Contacts
          </Anchor>
          <Title order={2}>{c.displayName}</Title>
          <Text c="dimmed">{[c.title, c.companyName].filter(Boolean).join(' · ')}</Text>
        </div>
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={open}>
          Edit
        </Button>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder component="section" aria-label="Details">
            <Stack gap="xs">
              <Group gap="xs">
                <Badge>{c.lifecycleStage}</Badge>
                {c.tags.map((tag) => (
                  <Badge key={tag} variant="outline">
                    {tag}
                  </Badge>
                ))}
              </Group>
              {c.emails.map((e) => (
                <Anchor key={e.address} href={`mailto:${e.address}`} size="sm">
                  {e.address}
                </Anchor>
              ))}
              {c.phones.map((p) => (
                <Text key={p.number} size="sm">
                  {p.number}
                </Text>
              ))}
              {c.socialHandles.map((h) => (
                <Text key={h.network + h.handle} size="sm">
                  {h.network}:{' '}
                  {h.url ? (
                    <Anchor href={h.url} target="_blank" rel="noopener noreferrer nofollow">
                      {h.handle}
                    </Anchor>
                  ) : (
                    h.handle
                  )}
                </Text>
              ))}
              {c.importantDates.map((d) => (
                <Text key={d.kind + d.date} size="sm">
                  {d.label ?? d.kind}: {d.date}
                </Text>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder component="section" aria-label="Timeline">
            <Title order={3} size="h4">
              Timeline
            </Title>
          </Card>
        </Grid.Col>
      </Grid>
      <Modal opened={editing} onClose={close} title="Edit contact" size="lg">
        <ContactForm
          initial={c}
          submitLabel="Save"
          pending={update.isPending}
          error={update.error}
          onCancel={close}
          onSubmit={(input) => update.mutate(input, { onSuccess: close })}
        />
      </Modal>
    </>
  );
}

/** The contacts list: search, filters, and a virtualised table that loads pages as you scroll. */
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Group, Modal, MultiSelect, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link, useNavigate } from 'react-router';
import { LIFECYCLE_STAGES } from '../../lib/types';
import { useContactList, useCreateContact } from './api';
import { ContactForm } from './ContactForm';

const ROW_HEIGHT = 44;

export function ContactsPage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [stage, setStage] = useState<string[]>([]);
  const [sort, setSort] = useState('name');
  const list = useContactList({ q: q || undefined, stage, sort: q ? undefined : sort });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const [creating, { open, close }] = useDisclosure(false);
  const create = useCreateContact();
  const navigate = useNavigate();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (lastIndex >= rows.length - 20 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [lastIndex, rows.length, list]);

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Contacts</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={open}>
          New contact
        </Button>
      </Group>
      <Group mb="sm" align="flex-end">
        <TextInput
          aria-label="Search contacts"
          placeholder="Search by name, e-mail, company…"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
        <MultiSelect
          aria-label="Lifecycle stage"
          placeholder="Any stage"
          data={[...LIFECYCLE_STAGES]}
          value={stage}
          onChange={setStage}
          clearable
          w={260}
        />
        <Select
          aria-label="Sort by"
          data={[
            { value: 'name', label: 'Name A–Z' },
            { value: '-name', label: 'Name Z–A' },
            { value: '-createdAt', label: 'Newest first' },
            { value: 'createdAt', label: 'Oldest first' },
            { value: '-updatedAt', label: 'Recently changed' },
          ]}
          value={sort}
          onChange={(v) => setSort(v ?? 'name')}
          allowDeselect={false}
          disabled={Boolean(q)}
          w={180}
        />
      </Group>
      <Paper withBorder>
        <Table layout="fixed" verticalSpacing={0} striped={false} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th visibleFrom="sm">E-mail</Table.Th>
              <Table.Th visibleFrom="md">Company</Table.Th>
              <Table.Th>Stage</Table.Th>
            </Table.Tr>
          </Table.Thead>
        </Table>
        <div
          ref={scroller}
          style={{ height: 'calc(100vh - 250px)', minHeight: 300, overflow: 'auto' }}
          role="region"
          aria-label="Contact list"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            <Table
              layout="fixed"
              verticalSpacing={0}
              highlightOnHover
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${items[0]?.start ?? 0}px)` }}
            >
              <Table.Tbody>
                {items.map((item) => {
                  const contact = rows[item.index]!;
                  return (
                    <Table.Tr
                      key={contact.id}
                      style={{ height: ROW_HEIGHT, cursor: 'pointer' }}
                      onClick={() => navigate(`/contacts/${contact.id}`)}
                    >
                      <Table.Td>
                        <Link
                          to={`/contacts/${contact.id}`}
                          onClick={(e) => e.stopPropagation()}
                          style={{ color: 'inherit', fontWeight: 500 }}
                        >
                          {contact.displayName}
                        </Link>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm" truncate>
                          {contact.emails[0]?.address ?? ''}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="md">
                        <Text size="sm" truncate>
                          {contact.companyName ?? ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light">{contact.lifecycleStage}</Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
          {!list.isPending && rows.length === 0 && (
            <Text c="dimmed" ta="center" p="xl">
              No contacts match.
            </Text>
          )}
        </div>
      </Paper>
      <Modal opened={creating} onClose={close} title="New contact" size="lg">
        <ContactForm
          submitLabel="Create contact"
          pending={create.isPending}
          error={create.error}
          onCancel={close}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (contact) => {
                close();
                create.reset();
                void navigate(`/contacts/${contact.id}`);
              },
            })
          }
        />
      </Modal>
    </>
  );
}

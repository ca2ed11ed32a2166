/** The search field and its results as a combobox: arrows move, Enter opens, Escape closes. */
import { useId, useState, type KeyboardEvent } from 'react';
import { Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useSearch } from './api';
import { SearchOption, type SearchEntry } from './SearchOption';
import { FailureMessage } from '../../ui/FailureMessage';
import { TEXT_COLORS } from '../../ui/text-colors';

const PAGES: SearchEntry[] = [
  { key: 'page:/my-day', kind: 'page', title: 'My day', subtitle: 'Your tasks and dates', to: '/my-day' },
  { key: 'page:/contacts', kind: 'page', title: 'Contacts', subtitle: 'All people', to: '/contacts' },
  { key: 'page:/companies', kind: 'page', title: 'Companies', subtitle: 'All organisations', to: '/companies' },
  { key: 'page:/settings', kind: 'page', title: 'Settings', subtitle: 'Members, teams, fields, tokens', to: '/settings' },
];

export function SearchBox({ onDone }: { onDone: () => void }) {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 200);
  const [active, setActive] = useState(0);
  const search = useSearch(q);
  const navigate = useNavigate();
  const listId = useId();

  const entries: SearchEntry[] = q
    ? (search.data?.data ?? []).map((r) => ({
        key: `${r.type}:${r.id}`,
        kind: r.type,
        title: r.title,
        subtitle: r.subtitle,
        to: r.type === 'company' ? `/companies/${r.id}` : `/contacts/${r.id}`,
      }))
    : PAGES;
  const current = Math.min(active, Math.max(entries.length - 1, 0));

  const choose = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    onDone();
    void navigate(entry.to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((current + 1) % Math.max(entries.length, 1));
    else if (event.key === 'ArrowUp') setActive((current - 1 + entries.length) % Math.max(entries.length, 1));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(entries.length - 1);
    else if (event.key === 'Enter') choose(entries[current]);
    else return;
    event.preventDefault();
  };

  const optionId = (index: number) => `${listId}-${index}`;
  const waiting = Boolean(text.trim()) && (text.trim() !== q || search.isFetching);

  return (
    <Stack gap="xs">
      <TextInput
        aria-label="Search"
        placeholder="Name, e-mail, company, domain…"
        leftSection={<IconSearch size={16} />}
        rightSection={waiting ? <Loader size="xs" /> : null}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={entries.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={entries.length > 0 ? optionId(current) : undefined}
        autoComplete="off"
        data-autofocus
      />
      <Text size="xs" c="dimmed" id={`${listId}-label`}>
        {q ? 'Results' : 'Go to'}
      </Text>
      <Stack gap={2} role="listbox" id={listId} aria-labelledby={`${listId}-label`} mah="50vh" style={{ overflowY: 'auto' }}>
        {entries.map((entry, index) => (
          <SearchOption
            key={entry.key}
            id={optionId(index)}
            entry={entry}
            query={q}
            selected={index === current}
            onHover={() => setActive(index)}
            onChoose={() => choose(entry)}
          />
        ))}
      </Stack>
      {q && !search.isFetching && search.isSuccess && entries.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md" role="status">
          Nothing matches “{q}”.
        </Text>
      )}
      {search.isError && (
        <div role="alert">
          <Text size="sm" c={TEXT_COLORS.danger} fw={500}>
            Search failed
          </Text>
          <FailureMessage error={search.error} color={TEXT_COLORS.danger} />
        </div>
      )}
    </Stack>
  );
}

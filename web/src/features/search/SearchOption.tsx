import { useEffect, useRef } from 'react';
import { Group, Highlight, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconBuilding, IconUser } from '@tabler/icons-react';
import classes from './SearchOption.module.css';

export interface SearchEntry {
  key: string;
  kind: 'contact' | 'company' | 'page';
  title: string;
  subtitle: string | null;
  to: string;
}

const ICONS = { contact: IconUser, company: IconBuilding, page: IconArrowRight };
const KIND_LABELS = { contact: 'Contact', company: 'Company', page: 'Page' };

export function SearchOption({
  id,
  entry,
  query,
  selected,
  onHover,
  onChoose,
}: {
  id: string;
  entry: SearchEntry;
  query: string;
  selected: boolean;
  onHover: () => void;
  onChoose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const Icon = ICONS[entry.kind];
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <div
      ref={ref}
      id={id}
      role="option"
      aria-selected={selected}
      className={classes.option}
      onMouseMove={onHover}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
    >
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon variant="light" size="md" aria-hidden>
          <Icon size={16} />
        </ThemeIcon>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Highlight highlight={query ? query.split(/\s+/) : []} size="sm" fw={500} truncate dir="auto">
            {entry.title}
          </Highlight>
          {entry.subtitle && (
            <Text size="xs" c="dimmed" truncate dir="auto">
              {entry.subtitle}
            </Text>
          )}
        </div>
        <Text size="xs" c="dimmed">
          {KIND_LABELS[entry.kind]}
        </Text>
      </Group>
    </div>
  );
}

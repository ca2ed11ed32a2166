/** One menu of the bulk actions: a button that opens its choices, each applying its action to the selection. */
import { Fragment, type ReactNode } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { BulkChoice } from './bulk-choices';

export function BulkMenu({
  label,
  icon,
  groups,
  onChoose,
}: {
  label: string;
  icon: ReactNode;
  /** Choices in groups, a divider between each two. */
  groups: BulkChoice[][];
  onChoose: (choice: BulkChoice) => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="default" leftSection={icon} rightSection={<IconChevronDown size={12} />}>
          {label}
        </Button>
      </Menu.Target>
      {/* A workspace may have many members and teams: the list scrolls rather than run off the screen. */}
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        {groups.map((choices, i) => (
          <Fragment key={i}>
            {i > 0 && <Menu.Divider />}
            {choices.map((choice) => (
              <Menu.Item key={choice.key} onClick={() => onChoose(choice)}>
                {choice.label}
              </Menu.Item>
            ))}
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

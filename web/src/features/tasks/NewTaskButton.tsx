/** A task of one's own, not tied to a contact or company. */
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { TaskForm } from './TaskForm';
import { Dialog } from '../../ui/Dialog';

export function NewTaskButton() {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open}>
        New task
      </Button>
      <Dialog opened={opened} onClose={close} title="New task">
        <TaskForm link={{}} onCreated={close} />
      </Dialog>
    </>
  );
}

/** Adds to a timeline: a note, a logged call, meeting or e-mail, or a task. */
import { Paper, Tabs } from '@mantine/core';
import { TaskForm } from '../tasks/TaskForm';
import { ACTIVITY_KINDS } from './activity-kinds';
import { LogActivityForm } from './ActivityForm';
import type { LoggableType, TimelineSubject } from './types';

const LOGGABLE: LoggableType[] = ['note', 'call', 'meeting', 'email'];

export function Composer({ subject }: { subject: TimelineSubject }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label="Add to timeline">
      <Tabs defaultValue="note" keepMounted={false}>
        <Tabs.List mb="sm">
          {LOGGABLE.map((type) => {
            const { label, icon: Icon } = ACTIVITY_KINDS[type];
            return (
              <Tabs.Tab key={type} value={type} leftSection={<Icon size={16} aria-hidden />}>
                {type === 'note' ? 'Note' : `Log ${label.toLowerCase()}`}
              </Tabs.Tab>
            );
          })}
          <Tabs.Tab value="task" leftSection={<ACTIVITY_KINDS.task.icon size={16} aria-hidden />}>
            Task
          </Tabs.Tab>
        </Tabs.List>
        {LOGGABLE.map((type) => (
          <Tabs.Panel key={type} value={type}>
            <LogActivityForm type={type} subject={subject} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="task">
          <TaskForm link={subject} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

/** My day: what is overdue, due today and coming up for the signed-in member, and the dates that matter. */
import { Grid, Loader, Stack } from '@mantine/core';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useSession } from '../auth/session';
import { useMyDay } from './api';
import { NewTaskButton } from '../tasks/NewTaskButton';
import { TaskGroup } from './TaskGroup';
import { UpcomingDates } from './UpcomingDates';

const today = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

function greeting(hour: number) {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function MyDayPage() {
  const myDay = useMyDay();
  const session = useSession();
  const { canWrite } = usePermissions();
  const now = new Date();
  const firstName = session.data?.user.name.split(' ')[0] ?? '';
  return (
    <>
      <PageHeader
        title="My day"
        description={`${greeting(now.getHours())}${firstName ? `, ${firstName}` : ''} — ${today.format(now)}`}
        actions={canWrite && <NewTaskButton />}
      />
      {myDay.isPending && <Loader aria-label="Loading your day" />}
      {myDay.isError && <QueryError title="Could not load your day" error={myDay.error} onRetry={() => void myDay.refetch()} />}
      {myDay.data && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack>
              {myDay.data.overdue.length > 0 && (
                <TaskGroup id="overdue-heading" title="Overdue" tasks={myDay.data.overdue} empty="Nothing overdue." tone="danger" />
              )}
              <TaskGroup id="today-heading" title="Today" tasks={myDay.data.today} empty="Nothing due today." showTimeOnly />
              <TaskGroup id="upcoming-heading" title="Upcoming" tasks={myDay.data.upcoming} empty="Nothing planned yet." />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <UpcomingDates dates={myDay.data.dates} />
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}

/**
 * The unified inbox: the matching conversations, the open conversation and its customer side by
 * side, with the views and filters on the left where there is room (in a drawer otherwise). On
 * narrow screens one pane shows at a time.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  ActionIcon,
  Center,
  Checkbox,
  EmptyState,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconInbox, IconKeyboard, IconShieldX } from '@tabler/icons-react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { formatNumber } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { SearchInput } from '../../ui/SearchInput';
import { useMemberNames } from '../members/use-member-names';
import { useConversationCounts, useConversationList } from './api';
import { BulkActions } from './BulkActions';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { isSpamFolder } from './inbox-queries';
import { conversationAfter, conversationAfterDone, requestedConversation } from './requested-conversation';
import { FILTERS_PANE_FROM, TWO_PANES_FROM } from './inbox-layout';
import { InboxSidebar } from './InboxSidebar';
import { STATUS_LABELS } from './labels';
import { ShortcutsHelp } from './ShortcutsHelp';
import { CONVERSATION_STATUSES, type ConversationFilters, type ConversationStatus } from './types';
import { useInboxFilters } from './use-inbox-filters';
import { useShortcuts } from '../../lib/use-shortcuts';
import classes from './InboxPage.module.css';
import { SideDrawer } from '../../ui/SideDrawer';

const SEARCH_ID = 'inbox-search';
const NONE: ReadonlySet<string> = new Set();

export function InboxPage() {
  useDocumentTitle('Inbox · Rapport');
  const { conversationId } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const { filters, setFilters } = useInboxFilters();
  const list = useConversationList(filters);
  const counts = useConversationCounts(filters);
  const inSpam = isSpamFolder(filters);
  const assigneeName = useMemberNames();
  const wide = useMediaQuery(FILTERS_PANE_FROM);
  const twoPanes = useMediaQuery(TWO_PANES_FROM);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // A selection belongs to the list it was made in: another view or filter starts a new one.
  const [selection, setSelection] = useState<{ filters: ConversationFilters; ids: ReadonlySet<string> }>({ filters, ids: new Set() });
  const selected = selection.filters === filters ? selection.ids : NONE;
  const setSelected = (ids: ReadonlySet<string> | ((current: ReadonlySet<string>) => ReadonlySet<string>)) =>
    setSelection((current) => ({ filters, ids: typeof ids === 'function' ? ids(current.filters === filters ? current.ids : NONE) : ids }));

  const conversations = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const hrefOf = useCallback((id: string) => `/inbox/${id}${search}`, [search]);
  const open = useCallback((id: string) => void navigate(hrefOf(id)), [navigate, hrefOf]);
  const changeFilters = (next: Partial<ConversationFilters>) => setFilters(next);

  const step = (by: number) => {
    const from = requestedConversation();
    const ids = conversations.map((c) => c.id);
    const next = conversationAfter(ids, from, by);
    if (next && next !== from) open(next);
  };
  const onDone = () => {
    const from = requestedConversation();
    const next = conversationAfterDone(
      conversations.map((c) => c.id),
      from,
    );
    if (next) open(next);
  };
  useShortcuts({
    j: () => step(1),
    k: () => step(-1),
    '/': () => document.getElementById(SEARCH_ID)?.focus(),
    '?': () => setHelpOpen(true),
  });

  const select = (id: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = conversations.length > 0 && conversations.every((c) => selected.has(c.id));

  const sidebar = <InboxSidebar filters={filters} onChange={changeFilters} />;
  const showList = twoPanes || !conversationId;
  const showConversation = twoPanes || Boolean(conversationId);

  return (
    <div className={classes.layout}>
      {wide && (
        <aside className={classes.sidebar} aria-label="Inbox views and filters">
          <Group justify="space-between" mb="xs">
            <Title order={1} size="h3">
              Inbox
            </Title>
            <Tooltip label="Keyboard shortcuts (?)">
              <ActionIcon variant="subtle" color="gray" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts">
                <IconKeyboard size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
          {sidebar}
        </aside>
      )}
      {/* On a narrow screen the list and the conversation take turns; the page's heading stays either way. */}
      {!wide && (
        <VisuallyHidden>
          <h1>Inbox</h1>
        </VisuallyHidden>
      )}
      {!wide && (
        <SideDrawer
          opened={filtersOpen}
          onClose={() => setFiltersOpen(false)}
          title="Views and filters"
          size="xs"
          closeLabel="Close filters"
        >
          {sidebar}
        </SideDrawer>
      )}
      {showList && (
        <section className={classes.pane} aria-label="Conversation list">
          <Stack gap={6} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Group gap="xs" wrap="nowrap">
              {!wide && (
                <ActionIcon variant="default" size="lg" onClick={() => setFiltersOpen(true)} aria-label="Views and filters">
                  <IconAdjustmentsHorizontal size={18} />
                </ActionIcon>
              )}
              <SearchInput
                id={SEARCH_ID}
                aria-label="Search conversations"
                placeholder="Search conversations"
                value={filters.q ?? ''}
                onSearch={(q) => changeFilters({ q: q || undefined })}
                style={{ flex: 1 }}
                size="sm"
              />
            </Group>
            {inSpam ? (
              <Text size="xs" c="dimmed">
                Spam, whatever its status. “Not spam” puts a conversation back in the inbox.
              </Text>
            ) : (
              <SegmentedControl
                aria-label="Status"
                size="xs"
                fullWidth
                value={filters.status ?? 'open'}
                onChange={(status) => changeFilters({ status: status as ConversationStatus })}
                data={CONVERSATION_STATUSES.map((status) => {
                  const count = counts.data?.statuses[status];
                  return {
                    value: status,
                    label: count === undefined ? STATUS_LABELS[status] : `${STATUS_LABELS[status]} ${formatNumber(count)}`,
                  };
                })}
              />
            )}
            <Checkbox
              size="xs"
              label={selected.size > 0 ? `${selected.size} selected` : 'Select all'}
              aria-label="Select all"
              checked={allSelected}
              indeterminate={selected.size > 0 && !allSelected}
              disabled={conversations.length === 0}
              onChange={() => setSelected(allSelected ? new Set() : new Set(conversations.map((c) => c.id)))}
            />
            {selected.size > 0 && <BulkActions ids={[...selected]} viewingSpam={inSpam} onDone={() => setSelected(new Set())} />}
          </Stack>
          {list.isError && conversations.length === 0 ? (
            <QueryError title="Could not load conversations" error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <ConversationList
              conversations={conversations}
              activeId={conversationId}
              hrefOf={hrefOf}
              selected={selected}
              onSelect={select}
              assigneeName={assigneeName}
              hasMore={Boolean(hasNextPage)}
              loadingMore={isFetchingNextPage}
              onLoadMore={loadMore}
              loading={list.isPending}
              empty={
                <EmptyState
                  icon={inSpam ? <IconShieldX size={28} /> : <IconInbox size={28} />}
                  title={inSpam ? 'No spam' : 'No conversations here'}
                  description={inSpam ? 'Nothing marked as spam matches these filters.' : 'Nothing matches this view and these filters.'}
                />
              }
            />
          )}
        </section>
      )}
      {showConversation && (
        <div className={classes.conversation}>
          {conversationId ? (
            <ConversationView
              conversationId={conversationId}
              onOpen={open}
              onDone={onDone}
              onBack={twoPanes ? undefined : () => void navigate(`/inbox${search}`)}
            />
          ) : (
            <Center h="100%" p="xl">
              <Stack align="center" gap={4}>
                <IconInbox size={32} aria-hidden />
                <Text c="dimmed" size="sm">
                  Pick a conversation, or press <kbd>j</kbd> to open the first one.
                </Text>
                <Text c="dimmed" size="xs">
                  Press <kbd>?</kbd> for all keyboard shortcuts.
                </Text>
              </Stack>
            </Center>
          )}
        </div>
      )}
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

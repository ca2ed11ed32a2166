/**
 * The open conversation: header and controls, the thread, the composer, and the customer beside it
 * where the screen is wide enough for a third pane (in a drawer otherwise).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Center, Loader, ScrollArea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { notifyFailure } from '../../ui/notify-failure';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useChangeConversation, useConversation } from './api';
import { Composer, type ComposerMode } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { CustomerPanel } from './CustomerPanel';
import { MessageThread } from './MessageThread';
import { usePresence } from './use-presence';
import { requestedConversation } from './requested-conversation';
import type { ConversationChange } from './types';
import { useShortcuts } from '../../lib/use-shortcuts';
import { SideDrawer } from '../../ui/SideDrawer';
import { CUSTOMER_PANE_FROM, CUSTOMER_PANE_WIDTH } from './inbox-layout';

export function ConversationView({
  conversationId,
  onBack,
  onOpen,
  onDone,
}: {
  conversationId: string;
  onBack?: () => void;
  onOpen: (id: string) => void;
  /** The conversation was dealt with from the keyboard: on to the next one. */
  onDone: () => void;
}) {
  const conversation = useConversation(conversationId);
  const update = useChangeConversation();
  const { userId, canWrite: mayWrite } = usePermissions();
  // Nothing can be written to a merged conversation (the server refuses it); the header points to where it went.
  const canWrite = mayWrite && !conversation.data?.mergedIntoId;
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [drafting, setDrafting] = useState(false);
  const [customerOpen, setCustomerOpen] = useState(false);
  const wide = useMediaQuery(CUSTOMER_PANE_FROM);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const section = useRef<HTMLElement>(null);
  usePresence(conversationId, drafting);

  // The shortcuts act on the conversation last asked for: right after a j, the next one, though this one is still on screen.
  const target = () => requestedConversation() ?? conversationId;
  // The conversation whose composer r or n asked for, focused once that conversation is on screen.
  const focusFor = useRef<string | null>(null);
  const focusComposer = useCallback(() => {
    // Asked for on a conversation the user has since moved on from: its composer is not wanted any more.
    if (focusFor.current !== requestedConversation()) focusFor.current = null;
    if (focusFor.current !== conversationId || !textarea.current) return;
    focusFor.current = null;
    textarea.current.focus();
  }, [conversationId]);
  // A frame later: after this render's effects, among them the page's own focus on a new address (useFocusOnNavigate).
  useEffect(() => {
    if (focusFor.current) requestAnimationFrame(focusComposer);
  });
  const write = (next: ComposerMode) => {
    focusFor.current = target();
    setMode(next);
    // Once the mode's textarea is in place; the same mode again renders nothing, so no effect would run.
    requestAnimationFrame(focusComposer);
  };
  const change = (patch: ConversationChange, done: string) =>
    update.mutate(
      { id: target(), change: patch },
      {
        onSuccess: () => notifications.show({ message: done, autoClose: 2500 }),
        onError: (error) => notifyFailure('Could not change the conversation', error),
      },
    );

  useShortcuts(
    canWrite
      ? {
          a: () => change({ assigneeId: userId }, 'Assigned to you'),
          // As in Front or Zendesk: a resolved conversation is done with, so the next one opens.
          e: () => {
            change({ status: 'resolved' }, 'Resolved');
            onDone();
          },
          r: () => write('reply'),
          n: () => write('note'),
        }
      : {},
  );
  const onDraftingChange = useCallback((value: boolean) => setDrafting(value), []);

  if (conversation.isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" aria-label="Loading conversation" />
      </Center>
    );
  }
  if (conversation.isError) {
    return <QueryError title="Could not load the conversation" error={conversation.error} onRetry={() => void conversation.refetch()} />;
  }
  const data = conversation.data;
  return (
    <div style={{ display: 'flex', height: '100%', minWidth: 0 }}>
      <section
        ref={section}
        aria-label="Conversation"
        tabIndex={-1}
        style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, outline: 'none' }}
      >
        <ConversationHeader
          conversation={data}
          onBack={onBack}
          onShowCustomer={wide ? undefined : () => setCustomerOpen(true)}
          onMerged={onOpen}
        />
        <MessageThread conversationId={conversationId} />
        {canWrite && (
          <Composer
            key={conversationId}
            conversationId={conversationId}
            network={data.network}
            replyUnavailable={data.replyUnavailable}
            replyLimit={data.replyLimit}
            mode={mode}
            onModeChange={setMode}
            textareaRef={textarea}
            onDraftingChange={onDraftingChange}
            onLeave={() => section.current?.focus()}
          />
        )}
      </section>
      {wide ? (
        <ScrollArea w={CUSTOMER_PANE_WIDTH} style={{ borderLeft: '1px solid var(--mantine-color-default-border)', flexShrink: 0 }}>
          <CustomerPanel conversation={data} />
        </ScrollArea>
      ) : (
        <SideDrawer
          opened={customerOpen}
          onClose={() => setCustomerOpen(false)}
          position="right"
          size="sm"
          title="Customer"
          closeLabel="Close customer details"
        >
          <CustomerPanel conversation={data} />
        </SideDrawer>
      )}
    </div>
  );
}

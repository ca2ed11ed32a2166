/**
 * Writes to a conversation: a reply to the customer or an internal note for colleagues. "/" plus a
 * shortcut (or the picker) inserts a canned response rendered for this conversation; "@" in a note
 * mentions a colleague, who is notified if they can see the conversation (else the author is told).
 * Ctrl/⌘+Enter sends; Esc leaves the text for the conversation, where the shortcuts work again. A
 * reply counts its length the way its network does, and one too long to go out is not sent.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { ActionIcon, Alert, Button, Combobox, Group, Menu, Paper, Tabs, Text, Textarea, useCombobox } from '@mantine/core';
import { IconChevronUp, IconLock, IconMessageOff, IconMessageReply, IconTemplate } from '@tabler/icons-react';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { notifyFailure } from '../../ui/notify-failure';
import { OWN_DIRECTION } from '../../ui/own-direction';
import { renderCannedResponse } from '../canned-responses/api';
import { useCannedResponses } from '../canned-responses/api';
import { NETWORK_META } from '../channels/networks';
import { SandboxReplyNotice } from '../channels/SandboxReplyNotice';
import { useMembers } from '../members/api';
import { newIdempotencyKey, useAddNote, useSendReply } from './api';
import { findTrigger, mentionedIds, replaceTrigger, type Trigger } from './composer-trigger';
import { REPLY_UNAVAILABLE_MESSAGES } from './reply-availability';
import { replyRoom, roomInWords, tooLongReason } from './reply-room';
import { undeliveredMentionsNotice } from './undelivered-mentions';
import type { Network } from '../../lib/types';
import type { ReplyLimit, ReplyUnavailable } from './types';
import classes from './Composer.module.css';

export type ComposerMode = 'reply' | 'note';

const MAX_SUGGESTIONS = 8;

/** The text is the one input; who is mentioned and the status to set follow from it and the button pressed. */
const LABELS: Record<ComposerMode, FieldLabels> = {
  reply: { text: 'Reply to the customer' },
  note: { text: 'Internal note' },
};

interface Suggestion {
  value: string;
  label: string;
  detail: string;
}

export function Composer({
  conversationId,
  network,
  replyUnavailable,
  replyLimit,
  mode,
  onModeChange,
  textareaRef,
  onDraftingChange,
  onLeave,
}: {
  conversationId: string;
  network: Network;
  /** Why replies cannot be sent here; the Reply tab says so instead of offering a form. */
  replyUnavailable: ReplyUnavailable | null;
  /** The longest reply the network takes; null: no limit. Notes have none. */
  replyLimit: ReplyLimit | null;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onDraftingChange: (drafting: boolean) => void;
  /** Esc pressed in the text: the focus goes back to the conversation. */
  onLeave: () => void;
}) {
  const [drafts, setDrafts] = useState<Record<ComposerMode, string>>({ reply: '', note: '' });
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [notNotified, setNotNotified] = useState<string | null>(null);
  const picked = useRef(new Map<string, string>());
  const key = useRef(newIdempotencyKey());
  const canned = useCannedResponses();
  const members = useMembers();
  const reply = useSendReply(conversationId);
  const note = useAddNote(conversationId);
  const send = mode === 'reply' ? reply : note;
  const text = drafts[mode];
  const errors = fieldErrors(send.error, LABELS[mode]);
  const room = mode === 'reply' ? replyRoom(text, replyLimit) : null;
  const tooLong = tooLongReason(room, NETWORK_META[network]?.label ?? network);
  const canSend = text.trim() !== '' && !tooLong;
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  useEffect(() => onDraftingChange(text.trim() !== ''), [text, onDraftingChange]);

  const suggestions: Suggestion[] = useMemo(() => {
    if (!trigger) return [];
    const q = trigger.query.toLowerCase();
    if (trigger.kind === 'canned') {
      return (canned.data ?? [])
        .filter((c) => c.shortcut.startsWith(q) || c.name.toLowerCase().includes(q))
        .slice(0, MAX_SUGGESTIONS)
        .map((c) => ({ value: c.id, label: `/${c.shortcut}`, detail: c.name }));
    }
    return (members.data ?? [])
      .filter((m) => m.name.toLowerCase().includes(q))
      .slice(0, MAX_SUGGESTIONS)
      .map((m) => ({ value: m.id, label: m.name, detail: m.email }));
  }, [trigger, canned.data, members.data]);

  useEffect(() => {
    if (suggestions.length > 0) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
    // Only new suggestions open or close the list; the store object itself changes every render.
  }, [suggestions]);

  const setText = (next: string) => setDrafts((d) => ({ ...d, [mode]: next }));

  const placeCaret = (position: number) =>
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(position, position);
    });

  const readTrigger = (value: string, caret: number) => setTrigger(findTrigger(value, caret, mode === 'note'));

  const insertCanned = async (id: string, at: Trigger | null) => {
    const caret = textareaRef.current?.selectionStart ?? text.length;
    try {
      const { text: rendered } = await renderCannedResponse(id, conversationId);
      const next = replaceTrigger(text, at ?? { kind: 'canned', query: '', start: caret }, caret, rendered);
      setText(next.text);
      placeCaret(next.caret);
    } catch (error) {
      notifyFailure('Could not insert the canned response', error);
    }
  };

  const pick = (value: string) => {
    const current = trigger;
    setTrigger(null);
    combobox.closeDropdown();
    if (!current) return;
    if (current.kind === 'canned') {
      void insertCanned(value, current);
      return;
    }
    const member = members.data?.find((m) => m.id === value);
    if (!member) return;
    picked.current.set(member.name, member.id);
    const caret = textareaRef.current?.selectionStart ?? text.length;
    const next = replaceTrigger(text, current, caret, `@${member.name} `);
    setText(next.text);
    placeCaret(next.caret);
  };

  const submit = (status?: 'pending' | 'resolved') => {
    const body = text.trim();
    if (!canSend || send.isPending) return;
    const done = () => {
      setText('');
      key.current = newIdempotencyKey();
      if (mode === 'note') picked.current.clear();
    };
    if (mode === 'reply') reply.mutate({ key: key.current, text: body, status }, { onSuccess: done });
    else {
      setNotNotified(null);
      note.mutate(
        { key: key.current, text: body, mentions: mentionedIds(body, picked.current) },
        {
          onSuccess: (written) => {
            done();
            setNotNotified(undeliveredMentionsNotice(written.undeliveredMentions));
          },
        },
      );
    }
  };

  const form = (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Combobox store={combobox} onOptionSubmit={pick} position="top-start" withinPortal={false}>
        <Combobox.Target>
          <Textarea
            ref={textareaRef}
            aria-label={LABELS[mode].text}
            placeholder={mode === 'reply' ? 'Write a reply… ( / for canned responses)' : 'Write a note for your team… ( @ to mention)'}
            autosize
            minRows={3}
            maxRows={12}
            attributes={OWN_DIRECTION}
            value={text}
            error={tooLong ?? errors.text}
            styles={mode === 'note' ? { input: { background: 'var(--mantine-color-yellow-light)' } } : undefined}
            onChange={(event) => {
              setText(event.currentTarget.value);
              readTrigger(event.currentTarget.value, event.currentTarget.selectionStart);
            }}
            onClick={(event) => readTrigger(event.currentTarget.value, event.currentTarget.selectionStart)}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
              // An open suggestion list takes the first Esc (to close); the next leaves the text, kept as a draft.
              if (event.key === 'Escape' && !combobox.dropdownOpened) {
                event.preventDefault();
                onLeave();
              }
            }}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={suggestions.length === 0}>
          <Combobox.Options aria-label={trigger?.kind === 'mention' ? 'Members to mention' : 'Canned responses'}>
            {suggestions.map((s) => (
              <Combobox.Option key={s.value} value={s.value} className={classes.suggestion}>
                <Text size="sm" fw={500} span>
                  {s.label}
                </Text>{' '}
                <Text size="xs" span className={classes.detail}>
                  {s.detail}
                </Text>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <FormError error={send.error} labels={LABELS[mode]} />
      <Group justify="space-between" mt="xs">
        <Menu position="top-start" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Insert canned response" disabled={!canned.data?.length}>
              <IconTemplate size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
            {(canned.data ?? []).map((c) => (
              <Menu.Item
                key={c.id}
                onClick={() => void insertCanned(c.id, null)}
                rightSection={
                  <Text size="xs" c="dimmed">
                    /{c.shortcut}
                  </Text>
                }
              >
                {c.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        {mode === 'reply' ? (
          <Group gap="xs" wrap="nowrap">
            {room?.shown && (
              <Text size="xs" c={room.over ? 'red' : 'dimmed'} aria-label={`Reply length: ${roomInWords(room)} of ${room.max}`}>
                {roomInWords(room)}
              </Text>
            )}
            <Group gap={0} wrap="nowrap">
              <Button
                type="submit"
                loading={reply.isPending}
                disabled={!canSend}
                style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
              >
                Send reply
              </Button>
              <Menu position="top-end" withinPortal>
                <Menu.Target>
                  <ActionIcon
                    size={36}
                    variant="filled"
                    aria-label="More ways to send"
                    disabled={!canSend || reply.isPending}
                    style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid var(--mantine-color-body)' }}
                  >
                    <IconChevronUp size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => submit('pending')}>Send and mark pending</Menu.Item>
                  <Menu.Item onClick={() => submit('resolved')}>Send and resolve</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        ) : (
          <Button type="submit" color="yellow" autoContrast loading={note.isPending} disabled={!text.trim()}>
            Add note
          </Button>
        )}
      </Group>
    </form>
  );

  return (
    <Paper withBorder p="xs" component="section" aria-label="Composer" m="sm" mt={0}>
      <Tabs value={mode} onChange={(value) => value && onModeChange(value as ComposerMode)} keepMounted={false}>
        <Tabs.List mb="xs">
          <Tabs.Tab value="reply" leftSection={<IconMessageReply size={14} aria-hidden />}>
            Reply
          </Tabs.Tab>
          <Tabs.Tab value="note" leftSection={<IconLock size={14} aria-hidden />}>
            Note
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reply">
          {replyUnavailable ? (
            <Alert
              color="gray"
              variant="light"
              icon={<IconMessageOff size={18} aria-hidden />}
              title="Replying is not possible here"
              p="xs"
            >
              <Text size="sm">{REPLY_UNAVAILABLE_MESSAGES[replyUnavailable]} Internal notes still work.</Text>
              <Button
                size="xs"
                variant="default"
                mt="xs"
                leftSection={<IconLock size={14} aria-hidden />}
                onClick={() => onModeChange('note')}
              >
                Write a note
              </Button>
            </Alert>
          ) : (
            <>
              <SandboxReplyNotice conversationId={conversationId} />
              {form}
            </>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="note">
          {notNotified && (
            <Alert color="yellow" variant="light" p="xs" mb="xs" withCloseButton onClose={() => setNotNotified(null)}>
              <Text size="sm">{notNotified}</Text>
            </Alert>
          )}
          {form}
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

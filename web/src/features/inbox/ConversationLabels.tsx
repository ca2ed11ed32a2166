/**
 * The labels of the open conversation, edited in place. A label is at most 50 characters, which the
 * input says as the typing nears it; a label the server refuses is named by its text under the
 * input, beside the thing being edited rather than in a toast, and goes back into the input to fix.
 */
import { useState } from 'react';
import { TagsInput } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useLabelSuggestions, useUpdateConversation } from './api';
import { LABEL_MAX_LENGTH, labelsFailure, labelsToAdd, sameLabel } from './conversation-labels';
import type { Conversation } from './types';

/** How close to the limit the typing gets before the input says how much is left. */
const HINT_FROM = LABEL_MAX_LENGTH - 20;

const lengthHint = (length: number) =>
  length <= LABEL_MAX_LENGTH
    ? `${LABEL_MAX_LENGTH - length} of ${LABEL_MAX_LENGTH} characters left`
    : `${length - LABEL_MAX_LENGTH} characters over the ${LABEL_MAX_LENGTH} a label may have`;

export function ConversationLabels({ conversation, disabled }: { conversation: Conversation; disabled: boolean }) {
  const update = useUpdateConversation(conversation.id);
  const suggestions = useLabelSuggestions();
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const save = (labels: string[]) => {
    setFailure(null);
    update.mutate(
      { labels },
      {
        onError: (error) => {
          setFailure(labelsFailure(error, labels));
          const refused = labels.filter((label) => !conversation.labels.includes(label));
          if (refused.length > 0) setTyped(refused.join(', '));
        },
      },
    );
  };
  return (
    <TagsInput
      aria-label="Labels"
      size="xs"
      leftSection={<IconTag size={14} aria-hidden />}
      placeholder={conversation.labels.length ? undefined : 'Add a label'}
      value={conversation.labels}
      data={labelsToAdd(suggestions.data ?? [], conversation.labels)}
      isDuplicate={(label, current) => current.some((c) => sameLabel(c, label))}
      onChange={save}
      searchValue={typed}
      onSearchChange={setTyped}
      maxLength={LABEL_MAX_LENGTH}
      description={typed.length >= HINT_FROM ? lengthHint(typed.length) : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={failure}
      disabled={disabled}
    />
  );
}

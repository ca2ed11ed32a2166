/** The filters over the mention stream: sentiment, intent, channel, language, influence, relevance and dates (the text search is the page's). */
import { Button, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { NETWORKS } from '../../lib/types';
import { DateRangeSelect } from './DateRangeSelect';
import { rangeFromParams, rangeToParams } from './date-range';
import { INTENT_LABELS, RELEVANCE_LABELS, STREAM_SENTIMENT_LABELS } from './labels';
import { LANGUAGE_OPTIONS } from './languages';
import { hasStreamFilters, type StreamParams } from './mention-filters';
import { networkName } from './NetworkLabel';
import { INTENTS, RELEVANCES, STREAM_SENTIMENTS } from './types';

const INFLUENCE_OPTIONS = [20, 40, 60, 80].map((n) => ({ value: String(n), label: `${n} or more` }));

export function MentionFiltersBar({ params, onChange }: { params: StreamParams; onChange: (next: Partial<StreamParams>) => void }) {
  const set = (key: keyof StreamParams) => (value: string | null) => onChange({ [key]: value ?? undefined });
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="search" aria-label="Filter mentions">
      <Select
        label="Sentiment"
        placeholder="Any"
        size="xs"
        w={130}
        clearable
        data={STREAM_SENTIMENTS.map((s) => ({ value: s, label: STREAM_SENTIMENT_LABELS[s] }))}
        value={params.sentiment ?? null}
        onChange={set('sentiment')}
      />
      <Select
        label="Intent"
        placeholder="Any"
        size="xs"
        w={140}
        clearable
        data={INTENTS.map((i) => ({ value: i, label: INTENT_LABELS[i] }))}
        value={params.intent ?? null}
        onChange={set('intent')}
      />
      <Select
        label="Channel"
        placeholder="Any"
        size="xs"
        w={160}
        clearable
        data={NETWORKS.map((n) => ({ value: n, label: networkName(n) }))}
        value={params.network ?? null}
        onChange={set('network')}
      />
      <Select
        label="Language"
        placeholder="Any"
        size="xs"
        w={140}
        clearable
        searchable
        data={LANGUAGE_OPTIONS}
        value={params.language ?? null}
        onChange={set('language')}
      />
      <Select
        label="Influence"
        placeholder="Any"
        size="xs"
        w={120}
        clearable
        data={INFLUENCE_OPTIONS}
        value={params.minInfluence ?? null}
        onChange={set('minInfluence')}
      />
      <Select
        label="Relevance"
        placeholder="Any"
        size="xs"
        w={130}
        clearable
        data={RELEVANCES.map((r) => ({ value: r, label: RELEVANCE_LABELS[r] }))}
        value={params.relevance ?? null}
        onChange={set('relevance')}
      />
      <DateRangeSelect size="xs" allowAny value={rangeFromParams(params, null)} onChange={(range) => onChange(rangeToParams(range))} />
      {hasStreamFilters(params) && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconFilterOff size={14} aria-hidden />}
          onClick={() =>
            onChange({
              sentiment: undefined,
              intent: undefined,
              network: undefined,
              language: undefined,
              minInfluence: undefined,
              relevance: undefined,
              range: undefined,
              from: undefined,
              to: undefined,
              q: undefined,
            })
          }
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}

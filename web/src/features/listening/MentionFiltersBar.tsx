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

interface FilterSelect {
  param: 'sentiment' | 'intent' | 'network' | 'language' | 'minInfluence' | 'relevance';
  label: string;
  width: number;
  options: { value: string; label: string }[];
  searchable?: boolean;
}

const FILTER_SELECTS: FilterSelect[] = [
  {
    param: 'sentiment',
    label: 'Sentiment',
    width: 130,
    options: STREAM_SENTIMENTS.map((s) => ({ value: s, label: STREAM_SENTIMENT_LABELS[s] })),
  },
  { param: 'intent', label: 'Intent', width: 140, options: INTENTS.map((i) => ({ value: i, label: INTENT_LABELS[i] })) },
  { param: 'network', label: 'Channel', width: 160, options: NETWORKS.map((n) => ({ value: n, label: networkName(n) })) },
  { param: 'language', label: 'Language', width: 140, options: LANGUAGE_OPTIONS, searchable: true },
  {
    param: 'minInfluence',
    label: 'Influence',
    width: 120,
    options: [20, 40, 60, 80].map((n) => ({ value: String(n), label: `${n} or more` })),
  },
  { param: 'relevance', label: 'Relevance', width: 130, options: RELEVANCES.map((r) => ({ value: r, label: RELEVANCE_LABELS[r] })) },
];

/** Every filter unset; the scope (which stream) stays. */
const NO_FILTERS: Partial<StreamParams> = {
  ...Object.fromEntries(FILTER_SELECTS.map((select) => [select.param, undefined])),
  range: undefined,
  from: undefined,
  to: undefined,
  q: undefined,
};

export function MentionFiltersBar({ params, onChange }: { params: StreamParams; onChange: (next: Partial<StreamParams>) => void }) {
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="search" aria-label="Filter mentions">
      {FILTER_SELECTS.map((select) => (
        <Select
          key={select.param}
          label={select.label}
          placeholder="Any"
          size="xs"
          w={select.width}
          clearable
          searchable={select.searchable}
          data={select.options}
          value={params[select.param] ?? null}
          onChange={(value) => onChange({ [select.param]: value ?? undefined })}
        />
      ))}
      <DateRangeSelect size="xs" allowAny value={rangeFromParams(params, null)} onChange={(range) => onChange(rangeToParams(range))} />
      {hasStreamFilters(params) && (
        <Button size="xs" variant="subtle" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

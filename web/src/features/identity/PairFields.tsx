/** A pair's fields side by side, read only: a decided pair's record, or an open pair for a member who may only look. */
import { NetworkLabel } from '../listening/NetworkLabel';
import { pairFields } from './pair-fields';
import { linesOf, SideBySide } from './SideBySide';
import type { DuplicateCandidate } from './types';

const cell = (value: string | string[] | null) => (Array.isArray(value) ? linesOf(value) : value);

export function PairFields({ candidate, leftTitle, rightTitle }: { candidate: DuplicateCandidate; leftTitle: string; rightTitle: string }) {
  return (
    <SideBySide
      label="The pair"
      leftTitle={leftTitle}
      rightTitle={rightTitle}
      rows={pairFields(candidate).map(({ label, left, right }) => ({
        label,
        left: label === 'Network' && typeof left === 'string' ? <NetworkLabel network={left} /> : cell(left),
        right: cell(right),
      }))}
    />
  );
}

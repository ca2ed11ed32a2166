/** How lifecycle stages read for people: "Lead", never the stored "lead". */
import { LIFECYCLE_STAGES } from './types';

type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const STAGE_LABELS: Record<LifecycleStage, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  qualified: 'Qualified',
  opportunity: 'Opportunity',
  customer: 'Customer',
  advocate: 'Advocate',
  churned: 'Churned',
  other: 'Other',
};

/** The stages to choose from, in their order along the lifecycle. */
export const STAGE_OPTIONS = LIFECYCLE_STAGES.map((value) => ({ value, label: STAGE_LABELS[value] }));

/** A stage's name; one this app does not know yet (from a newer server) capitalised as it comes. */
export function stageLabel(stage: string): string {
  return Object.hasOwn(STAGE_LABELS, stage) ? STAGE_LABELS[stage as LifecycleStage] : stage.charAt(0).toUpperCase() + stage.slice(1);
}

/**
 * The SLA policy form: targets typed in minutes or hours, business hours as opening windows per
 * weekday, and the request it sends. Time inputs cannot show "24:00", so a window that closes at
 * midnight is shown closing at 00:00 and sent as "24:00".
 */
import { WEEKDAYS, type OpeningWindow, type SlaPolicy, type SlaPolicyInput, type SlaTargets, type Weekday } from './types';

export const TARGET_UNITS = ['minutes', 'hours'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export interface TargetDraft {
  /** '' for no target. */
  amount: number | '';
  unit: TargetUnit;
}
export type TargetsDraft = Record<keyof SlaTargets, TargetDraft>;

export interface DayDraft {
  open: boolean;
  windows: OpeningWindow[];
}

export interface SlaDraft {
  targets: TargetsDraft;
  /** Tiers with targets of their own, in the order they were added. */
  tierTargets: { tier: string; targets: TargetsDraft }[];
  /** Off: the clocks run around the clock. */
  businessHoursOn: boolean;
  timezone: string;
  days: Record<Weekday, DayDraft>;
}

/** What a new day opens with: a common office day. */
export const OFFICE_HOURS: OpeningWindow = ['09:00', '17:00'];

const MINUTES_PER_HOUR = 60;

export function targetDraft(minutes: number | null): TargetDraft {
  if (minutes === null) return { amount: '', unit: 'hours' };
  return minutes % MINUTES_PER_HOUR === 0 ? { amount: minutes / MINUTES_PER_HOUR, unit: 'hours' } : { amount: minutes, unit: 'minutes' };
}

/** Whole minutes, as the API counts; an hour and a half is 90. */
export function targetMinutes({ amount, unit }: TargetDraft): number | null {
  if (amount === '') return null;
  return Math.round(unit === 'hours' ? amount * MINUTES_PER_HOUR : amount);
}

const targetsDraft = (targets: SlaTargets): TargetsDraft => ({
  firstResponseMinutes: targetDraft(targets.firstResponseMinutes),
  nextResponseMinutes: targetDraft(targets.nextResponseMinutes),
  resolutionMinutes: targetDraft(targets.resolutionMinutes),
});

const targetsInput = (targets: TargetsDraft): SlaTargets => ({
  firstResponseMinutes: targetMinutes(targets.firstResponseMinutes),
  nextResponseMinutes: targetMinutes(targets.nextResponseMinutes),
  resolutionMinutes: targetMinutes(targets.resolutionMinutes),
});

export const emptyTargets = (): TargetsDraft =>
  targetsDraft({ firstResponseMinutes: null, nextResponseMinutes: null, resolutionMinutes: null });

const shown = ([from, to]: OpeningWindow): OpeningWindow => [from, to === '24:00' ? '00:00' : to];
const sent = ([from, to]: OpeningWindow): OpeningWindow => [from, to === '00:00' ? '24:00' : to];

/** `zone` is the one to start with when the policy has no business hours: the browser's own. */
export function slaDraft(policy: SlaPolicy, zone: string): SlaDraft {
  const hours = policy.businessHours;
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const windows = hours ? (hours.days[day] ?? []) : [];
      if (windows.length > 0) return [day, { open: true, windows: windows.map(shown) }];
      // With no business hours yet, weekdays start open 9 to 5, weekends closed.
      return [day, { open: !hours && day !== 'sat' && day !== 'sun', windows: [OFFICE_HOURS] }];
    }),
  ) as Record<Weekday, DayDraft>;
  return {
    targets: targetsDraft(policy),
    tierTargets: Object.entries(policy.tierTargets).map(([tier, targets]) => ({ tier, targets: targetsDraft(targets) })),
    businessHoursOn: hours !== null,
    timezone: hours?.timezone ?? zone,
    days,
  };
}

/** The whole policy: tier targets are sent too, so tiers taken off the form lose theirs. */
export function slaInput(draft: SlaDraft): SlaPolicyInput {
  const openDays = WEEKDAYS.filter((day) => draft.days[day].open).map((day) => [day, draft.days[day].windows.map(sent)]);
  return {
    ...targetsInput(draft.targets),
    businessHours: draft.businessHoursOn ? { timezone: draft.timezone, days: Object.fromEntries(openDays) } : null,
    tierTargets: Object.fromEntries(draft.tierTargets.map(({ tier, targets }) => [tier, targetsInput(targets)])),
  };
}

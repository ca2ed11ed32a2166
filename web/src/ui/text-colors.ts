/**
 * Text colours for states (overdue, rejected, imported) that keep 4.5:1 contrast in both colour
 * schemes; the theme defines the variables per scheme. Use as `c={TEXT_COLORS.danger}`.
 */
export const TEXT_COLOR_VARIABLES = {
  danger: '--rapport-text-danger',
  success: '--rapport-text-success',
  highlight: '--rapport-text-highlight',
} as const;

export const TEXT_COLORS = {
  danger: `var(${TEXT_COLOR_VARIABLES.danger})`,
  success: `var(${TEXT_COLOR_VARIABLES.success})`,
  highlight: `var(${TEXT_COLOR_VARIABLES.highlight})`,
} as const;

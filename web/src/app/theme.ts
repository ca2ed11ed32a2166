/** The Mantine theme, with text colours changed where the defaults miss WCAG AA contrast. */
import { DEFAULT_THEME, Menu, Notification, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { TEXT_COLOR_VARIABLES } from '../ui/text-colors';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 of indigo under white text is 4.3:1; shades 7 and 8 pass 4.5:1.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  // Those who ask their system for less motion get dialogs, menus and drawers without animations.
  respectReducedMotion: true,
  components: {
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
    // Mantine's placeholder that takes the first focus in an open menu is a focusable element with
    // no role inside role="menu", which assistive technology reads as a broken menu; the first item
    // takes the focus instead, as the ARIA menu pattern has it.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});

/**
 * In the light scheme, "light" variants (badges, light buttons, icons) draw shade 9 on shade 1,
 * under 4.5:1 for green, teal, orange and yellow, and "outline" variants draw shade 7 on white
 * (2.7:1 for green); text a third darker than shade 9 passes for every colour on both.
 */
const darkerLightVariantText = Object.fromEntries(
  Object.keys(DEFAULT_THEME.colors).flatMap((color) => {
    const darker = `color-mix(in srgb, var(--mantine-color-${color}-9), black 35%)`;
    return [
      [`--mantine-color-${color}-light-color`, darker],
      [`--mantine-color-${color}-outline`, darker],
    ];
  }),
);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6b7178',
    ...darkerLightVariantText,
    [TEXT_COLOR_VARIABLES.danger]: 'var(--mantine-color-red-9)',
    [TEXT_COLOR_VARIABLES.success]: 'color-mix(in srgb, var(--mantine-color-green-9), black 25%)',
    [TEXT_COLOR_VARIABLES.highlight]: 'var(--mantine-color-pink-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    // "outline" variants draw shade 4 on the body's shade 7: for the dark colour itself (the spam
    // intent's badge) 1.5:1; shade 1 gives it 7:1.
    '--mantine-color-dark-outline': 'var(--mantine-color-dark-1)',
    '--mantine-color-placeholder': '#9a9a9a',
    [TEXT_COLOR_VARIABLES.danger]: 'var(--mantine-color-red-4)',
    [TEXT_COLOR_VARIABLES.success]: 'var(--mantine-color-green-4)',
    [TEXT_COLOR_VARIABLES.highlight]: 'var(--mantine-color-pink-3)',
  },
});

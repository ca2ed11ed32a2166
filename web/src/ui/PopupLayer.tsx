/**
 * Keeps the menus, dropdowns, popovers and tooltips opened inside `children` inside them, in a layer
 * at their end. Mantine portals them to the end of <body>: out of every landmark, where someone who
 * moves through the page by landmarks cannot find an open menu (axe's `region` rule), and out of a
 * modal dialog, whose focus trap and accessibility tree then miss them. The layer keeps what the
 * portal is for: no scrolling container inside it clips them. Dialogs themselves stay at the end of
 * <body>: a modal dialog is a region of its own, and gives its popups a layer of its own.
 */
import { useId, useMemo, type ReactNode } from 'react';
import { MantineThemeProvider, type MantineThemeOverride } from '@mantine/core';

export function PopupLayer({ children }: { children: ReactNode }) {
  const id = useId();
  const theme = useMemo<MantineThemeOverride>(() => {
    // A selector, not the element: a nested layer's theme is deep-merged into the enclosing one's,
    // and merging one element into another walks into React's cyclic internals. The portal looks
    // the layer up when a popup opens, when the layer is in the page.
    const portalProps = { target: `[data-popup-layer="${id}"]` };
    // Menu, Select, Combobox and the date pickers open through Popover.
    return { components: { Popover: { defaultProps: { portalProps } }, Tooltip: { defaultProps: { portalProps } } } };
  }, [id]);
  return (
    <MantineThemeProvider theme={theme}>
      {children}
      <div data-popup-layer={id} />
    </MantineThemeProvider>
  );
}

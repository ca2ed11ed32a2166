/**
 * Keeps the menus, dropdowns, popovers and tooltips opened from inside a landmark in that landmark.
 * Mantine portals them to the end of <body>, outside every landmark, where someone who moves through
 * the page by landmarks cannot find an open menu (axe's `region` rule). Here they are portaled to a
 * layer at the end of the landmark instead, which keeps what the portal is for: no scrolling
 * container of the page clips them. Dialogs stay at the end of <body>: a modal dialog is a region of
 * its own.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { MantineThemeProvider, type MantineThemeOverride } from '@mantine/core';

export function LandmarkPopups({ children }: { children: ReactNode }) {
  const [layer, setLayer] = useState<HTMLDivElement | null>(null);
  const theme = useMemo<MantineThemeOverride>(() => {
    // Before the layer is mounted (the first render, when nothing is open yet) Mantine's default holds.
    if (!layer) return {};
    const portalProps = { target: layer };
    // Menu, Select, Combobox and the date pickers open through Popover.
    return { components: { Popover: { defaultProps: { portalProps } }, Tooltip: { defaultProps: { portalProps } } } };
  }, [layer]);
  return (
    <MantineThemeProvider theme={theme}>
      {children}
      <div ref={setLayer} />
    </MantineThemeProvider>
  );
}

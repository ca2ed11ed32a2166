/**
 * A drawer with a required title and a labelled close button, built from Drawer's parts as
 * `Dialog` is from Modal's: its header is a plain element, since a second <header> reads as
 * another page banner, and its menus and dropdowns open inside it.
 */
import type { ReactNode } from 'react';
import { Drawer, type DrawerRootProps } from '@mantine/core';
import { MODAL_CLASS_NAMES, ModalPopupLayer } from './ModalPopupLayer';

export function SideDrawer({
  title,
  closeLabel,
  children,
  ...props
}: Omit<DrawerRootProps, 'title' | 'children'> & { title: string; closeLabel: string; children: ReactNode }) {
  return (
    <Drawer.Root {...props} classNames={MODAL_CLASS_NAMES}>
      <Drawer.Overlay />
      <Drawer.Content>
        <ModalPopupLayer>
          <Drawer.Header {...({ component: 'div' } as object)}>
            <Drawer.Title fw={600}>{title}</Drawer.Title>
            <Drawer.CloseButton aria-label={closeLabel} />
          </Drawer.Header>
          <Drawer.Body>{children}</Drawer.Body>
        </ModalPopupLayer>
      </Drawer.Content>
    </Drawer.Root>
  );
}

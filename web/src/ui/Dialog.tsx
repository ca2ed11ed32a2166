/**
 * A modal dialog with a required title and a labelled close button. Built from Modal's parts so
 * its header is a plain element (a second <header> would read as another page banner) and its
 * menus and dropdowns open inside it.
 */
import { useLayoutEffect, type ReactNode } from 'react';
import { Modal, type ModalRootProps } from '@mantine/core';
import { MODAL_CLASS_NAMES, ModalPopupLayer } from './ModalPopupLayer';

export function Dialog({ title, children, ...props }: Omit<ModalRootProps, 'title' | 'children'> & { title: string; children: ReactNode }) {
  useFocusReturnToOpener(props.opened);
  return (
    <Modal.Root {...props} classNames={MODAL_CLASS_NAMES}>
      <Modal.Overlay />
      <Modal.Content>
        <ModalPopupLayer>
          <Modal.Header {...({ component: 'div' } as object)}>
            <Modal.Title fw={600}>{title}</Modal.Title>
            <Modal.CloseButton aria-label="Close dialog" />
          </Modal.Header>
          <Modal.Body>{children}</Modal.Body>
        </ModalPopupLayer>
      </Modal.Content>
    </Modal.Root>
  );
}

/**
 * Mantine returns the focus only when a mounted dialog's `opened` turns false. Dialogs mounted
 * already open, or remounted on close to start their form afresh, would leave the focus on the page
 * body, and keyboard users back at the top of the page; this puts it back on what opened them.
 */
function useFocusReturnToOpener(opened: boolean) {
  // A layout effect runs before the dialog's focus trap (a timer) moves the focus inside.
  useLayoutEffect(() => {
    if (!opened) return;
    const opener = openerOf(document.activeElement);
    return () => {
      // At once, not after the closing transition as Mantine does: until then the keys typed next
      // (an inbox shortcut just after Escape) went to the dialog fading out. After the commit, since
      // React puts the focus back where it was before one.
      queueMicrotask(() => {
        const inside = document.activeElement;
        if (!(inside instanceof HTMLElement) || !inside.closest('[role="dialog"]')) return;
        if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus({ preventScroll: true });
        else inside.blur();
      });
      // After Mantine's own return (10 ms), and only where it did not happen.
      window.setTimeout(() => {
        const current = document.activeElement;
        const lost = !current || current === document.body || !current.isConnected;
        if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
      }, 20);
    };
  }, [opened]);
}

/**
 * What opened a dialog. An item of a menu closes with its menu as the dialog opens, so the focus
 * goes back to the button that opened the menu (the menu is labelled by it), as after any item.
 */
function openerOf(active: Element | null): Element | null {
  const menuButtonId = active?.closest('[role="menu"]')?.getAttribute('aria-labelledby');
  return (menuButtonId && document.getElementById(menuButtonId)) || active;
}

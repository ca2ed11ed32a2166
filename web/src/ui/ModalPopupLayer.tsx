/**
 * Keeps the popups opened in a modal dialog or drawer inside it: in its focus trap and its
 * accessibility tree (outside, `aria-modal` hides them from screen readers), and drawn above it.
 * Mantine's modal box scrolls its content, and would clip a layer inside it; here the header and
 * body scroll in a box of their own and the popups' layer follows it, in a modal box that clips
 * nothing.
 */
import type { ReactNode } from 'react';
import { PopupLayer } from './PopupLayer';
import classes from './ModalPopupLayer.module.css';

/** `classNames` for the modal's or drawer's Root, whose Content holds a `ModalPopupLayer`. */
export const MODAL_CLASS_NAMES = { content: classes.content };

export function ModalPopupLayer({ children }: { children: ReactNode }) {
  return (
    <PopupLayer>
      <div className={classes.scroll}>{children}</div>
    </PopupLayer>
  );
}

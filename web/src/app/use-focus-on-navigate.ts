/**
 * After moving to another page, focus goes to the page's main region, as a full page load would reset
 * it. A page whose code loads first shows late, a second after the click: by then the person may
 * have opened the search palette or a field and started typing, and focus stays where they put it.
 */
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** Where focus went last, and on which address: the address changes at the click, the page only when it shows. */
interface LastFocus {
  element: EventTarget | null;
  pathname: string;
}

/** Whether focus is somewhere the person chose after moving to `pathname`, or in a dialog, which keeps its own focus. */
function focusChosenSince(active: Element | null, last: LastFocus, pathname: string): boolean {
  if (!active || active === active.ownerDocument.body) return false;
  if (active.closest('[role="dialog"], [aria-modal="true"]')) return true;
  return last.element === active && last.pathname === pathname;
}

export function useFocusOnNavigate(targetId: string) {
  const { pathname } = useLocation();
  const first = useRef(true);
  const last = useRef<LastFocus>({ element: null, pathname: '' });
  useEffect(() => {
    const remember = (event: FocusEvent) => {
      last.current = { element: event.target, pathname: window.location.pathname };
    };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    if (focusChosenSince(document.activeElement, last.current, pathname)) return;
    document.getElementById(targetId)?.focus({ preventScroll: true });
  }, [pathname, targetId]);
}

/** After moving to another page, focus goes to the page's main region, as a full page load would reset it. */
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

export function useFocusOnNavigate(targetId: string) {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(targetId)?.focus({ preventScroll: false });
    window.scrollTo({ top: 0 });
  }, [pathname, targetId]);
}

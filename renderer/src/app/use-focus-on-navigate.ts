import { useEffect, useRef } from 'react';
import { requestHeadingFocus } from '../components/focus';

/** After navigating (not on first load), focus moves to the new screen's heading. */
export function useFocusOnNavigate(location: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestHeadingFocus();
  }, [location]);
}

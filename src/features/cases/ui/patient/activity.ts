import { useEffect, useState } from 'react';

/**
 * Whether the person has used the page (pointer, keys, touch, scroll) within the last
 * `windowMs`. Every request to the server keeps the session alive, so background polling
 * runs only while someone is actually there: an unattended page still times out (A2, WCAG 2.2.1).
 */
export function useUserActive(windowMs: number): boolean {
  const [active, setActive] = useState(true);
  useEffect(() => {
    let last = Date.now();
    let current = true;
    const onInput = () => {
      last = Date.now();
      if (!current) {
        current = true;
        setActive(true);
      }
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'scroll', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onInput, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (current && Date.now() - last > windowMs) {
        current = false;
        setActive(false);
      }
    }, 5_000);
    return () => {
      for (const name of events) window.removeEventListener(name, onInput, { capture: true });
      window.clearInterval(timer);
    };
  }, [windowMs]);
  return active;
}

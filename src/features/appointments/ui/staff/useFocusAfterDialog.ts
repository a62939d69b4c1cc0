import { useCallback, useEffect, useRef } from 'react';

/** How long after a dialog closed a vanished focus is still ours to put back. */
const SETTLE_MS = 10_000;

const focusIsLost = () => {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
};

/**
 * A closed dialog gives focus back to what opened it — but in Tidbok that is often gone a
 * moment later: the free time just booked becomes a booking, a moved or cancelled booking
 * leaves its place when the calendar reloads. A keyboard or screen-reader user would then
 * start again from the top of the page. After a dialog closes, and once more when the
 * calendar's data next changes, a lost focus goes to `target()` (the booking, or the heading).
 */
export function useFocusAfterDialog(target: () => HTMLElement | null, calendarData: unknown) {
  const closedAt = useRef<number | null>(null);
  const targetRef = useRef(target);
  targetRef.current = target;

  const settle = useCallback((last: boolean) => {
    if (closedAt.current === null) return;
    if (Date.now() - closedAt.current > SETTLE_MS) {
      closedAt.current = null;
      return;
    }
    if (focusIsLost()) targetRef.current()?.focus();
    if (last) closedAt.current = null;
  }, []);

  useEffect(() => settle(true), [calendarData, settle]);

  /** Call when a dialog has closed. */
  return useCallback(() => {
    closedAt.current = Date.now();
    requestAnimationFrame(() => settle(false));
  }, [settle]);
}

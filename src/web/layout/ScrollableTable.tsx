import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways on a narrow screen. WCAG 2.1.1: what scrolls must be
 * reachable by keyboard, so the box takes focus (arrow keys then scroll it) and has a
 * name that screen readers announce.
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

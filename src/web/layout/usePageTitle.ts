import { useEffect } from 'react';

/** WCAG 2.4.2: every page has a title that says what it is; the tab shows "<page> – Nära". */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – Nära` : 'Nära';
  }, [title]);
}

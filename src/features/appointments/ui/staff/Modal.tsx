import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: the browser keeps focus inside, makes the page behind inert,
 * closes on Escape and gives focus back to what opened it. Always mounted, so closing is
 * the browser's own close() (which restores focus) rather than removing the element.
 */
export function Modal({ open, onClose, labelledBy, className, children }: { open: boolean; onClose: () => void; labelledBy: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={`tidbok-dialog ${className ?? ''}`} aria-labelledby={labelledBy} onClose={onClose}>
      {open && children}
    </dialog>
  );
}

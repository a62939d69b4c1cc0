import { useEffect, useRef } from 'react';
import { useTexts } from '../../../../web/i18n/i18n.tsx';

/**
 * Between choosing a time and confirming it: the chosen slot travels in the address
 * (so a reload keeps it), and a time someone else took first sends the patient back to
 * the refreshed list with a message.
 */
export const confirmSearch = (slot: { resourceId: string; startsAt: string }, pickerDate: string | null) =>
  new URLSearchParams({ resurs: slot.resourceId, start: slot.startsAt, ...(pickerDate ? { datum: pickerDate } : {}) }).toString();

/** Back to the list of times as it was (the date chosen there, if any). */
export const pickerPath = (path: string, pickerDate: string | null) => (pickerDate ? `${path}?${new URLSearchParams({ datum: pickerDate })}` : path);

export type SlotTakenState = { slotTaken: true };
export const slotTakenState: SlotTakenState = { slotTaken: true };

const texts = {
  sv: { taken: 'Tiden du valde hann bokas av någon annan. Här är de lediga tiderna nu – välj en annan tid.' },
  en: { taken: 'Someone else booked the time you chose just before you. Here are the free times now – please choose another.' },
};

/** The message after slot_taken, focused so a screen reader says it at once. */
export function SlotTakenNotice({ state }: { state: unknown }) {
  const t = useTexts(texts);
  const taken = typeof state === 'object' && state !== null && (state as Partial<SlotTakenState>).slotTaken === true;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (taken) ref.current?.focus();
  }, [taken]);
  if (!taken) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="alert alert--error">
      {t.taken}
    </div>
  );
}

import { useEffect, useState, type ReactNode } from 'react';
import { useTexts } from '../i18n/i18n.tsx';
import './fields.css';

/**
 * Form fields for the whole web app: a label, a hint, an error linked with
 * aria-describedby (WCAG 1.3.1, 3.3.1), and for long texts a counter that is read out
 * only when the limit is near and the typing has paused.
 */

const texts = {
  sv: {
    count: (n: number, max: number) => `${n} av ${max} tecken`,
    left: (n: number) => (n === 1 ? 'Ett tecken kvar' : `${n} tecken kvar`),
    over: (n: number) => (n === 1 ? 'Ett tecken för mycket' : `${n} tecken för mycket`),
    choose: 'Välj …',
  },
  en: {
    count: (n: number, max: number) => `${n} of ${max} characters`,
    left: (n: number) => (n === 1 ? 'One character left' : `${n} characters left`),
    over: (n: number) => (n === 1 ? 'One character too many' : `${n} characters too many`),
    choose: 'Choose …',
  },
};

const describedBy = (...ids: (string | false | undefined | null)[]) => ids.filter(Boolean).join(' ') || undefined;
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** Moves focus to a field by id; a group (fieldset) gives focus to its checked or first input. */
export function focusField(id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  if (element instanceof HTMLFieldSetElement) {
    const target = element.querySelector<HTMLInputElement>('input:checked') ?? element.querySelector<HTMLInputElement>('input');
    target?.focus();
    return;
  }
  element.focus();
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  const t = useTexts(texts);
  const left = max - length;
  const near = left <= Math.max(20, Math.round(max / 10));
  const spoken = useDebounced(near ? (left < 0 ? t.over(-left) : t.left(left)) : '', 1500);
  return (
    <>
      <span id={id} className={`form-counter${left < 0 ? ' form-counter--over' : ''}`}>
        {left < 0 ? t.over(-left) : t.count(length, max)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {spoken}
      </span>
    </>
  );
}

type TextFieldProps = {
  id: string;
  label: ReactNode;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  kind: 'text' | 'textarea' | 'tel' | 'date';
  max?: number;
  /** Shows the characters used (long texts and the short message). */
  counter?: boolean;
  rows?: number;
  /** Stops typing at `max` (the counter then never goes over). */
  hardLimit?: boolean;
  className?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'tel';
};

export function TextField({ id, label, hint, error, value, onChange, kind, max, counter, rows, hardLimit, className, autoComplete, inputMode }: TextFieldProps) {
  const countId = `${id}-count`;
  const describe = describedBy(hint && hintId(id), counter && max !== undefined && countId, error && errorId(id));
  const common = {
    id,
    value,
    'aria-describedby': describe,
    'aria-invalid': error ? true : undefined,
    autoComplete,
    inputMode,
    maxLength: hardLimit ? max : undefined,
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId(id)} className="hint">
          {hint}
        </span>
      )}
      {kind === 'textarea' ? (
        <textarea {...common} className={className ?? 'form-textarea'} rows={rows ?? 5} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} className={className} type={kind} onChange={(event) => onChange(event.target.value)} />
      )}
      {counter && max !== undefined && <Counter id={countId} length={value.trim().length} max={max} />}
      {error && (
        <span id={errorId(id)} className="error-text">
          {error}
        </span>
      )}
    </div>
  );
}

type Option = { value: string; label: string };

/** Ja/Nej and other one-of-several choices: a fieldset of radio buttons with its question as legend. */
export function RadioGroup({ id, legend, hint, error, options, value, onChange }: { id: string; legend: ReactNode; hint?: string; error?: string; options: Option[]; value: string; onChange: (value: string) => void }) {
  return (
    <fieldset id={id} className={`field form-choice${error ? ' field--invalid' : ''}`} aria-describedby={describedBy(hint && hintId(id), error && errorId(id))}>
      <legend>{legend}</legend>
      {hint && (
        <span id={hintId(id)} className="hint">
          {hint}
        </span>
      )}
      <div className={`form-choice__options${options.length <= 3 && options.every((option) => option.label.length <= 14) ? ' form-choice__options--inline' : ''}`}>
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="radio" name={id} value={option.value} checked={value === option.value} aria-invalid={error ? true : undefined} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <span id={errorId(id)} className="error-text">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Several of several: checkboxes in a fieldset. */
export function CheckboxGroup({ id, legend, hint, error, options, value, onChange }: { id: string; legend: ReactNode; hint?: string; error?: string; options: Option[]; value: string[]; onChange: (value: string[]) => void }) {
  return (
    <fieldset id={id} className={`field form-choice${error ? ' field--invalid' : ''}`} aria-describedby={describedBy(hint && hintId(id), error && errorId(id))}>
      <legend>{legend}</legend>
      {hint && (
        <span id={hintId(id)} className="hint">
          {hint}
        </span>
      )}
      <div className="form-choice__options">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((item) => item !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <span id={errorId(id)} className="error-text">
          {error}
        </span>
      )}
    </fieldset>
  );
}

export function SelectField({ id, label, hint, error, options, value, onChange }: { id: string; label: ReactNode; hint?: string; error?: string; options: Option[]; value: string; onChange: (value: string) => void }) {
  const t = useTexts(texts);
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId(id)} className="hint">
          {hint}
        </span>
      )}
      <select id={id} value={value} aria-describedby={describedBy(hint && hintId(id), error && errorId(id))} aria-invalid={error ? true : undefined} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t.choose}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <span id={errorId(id)} className="error-text">
          {error}
        </span>
      )}
    </div>
  );
}

import { type Ref, useId } from 'react';

// A group of checkboxes for a code list (regions, employment, …), with its error tied to the group.
export function CodeChecks({
  legend,
  hint,
  codes,
  label,
  value,
  onChange,
  error,
  ref,
}: {
  /** The first box, so a form can focus the group when it is in error. */
  ref?: Ref<HTMLInputElement>;
  legend: string;
  hint?: string;
  codes: readonly string[];
  label: (code: string) => string;
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const toggle = (code: string) =>
    onChange(value.includes(code) ? value.filter((c) => c !== code) : [...value, code]);
  return (
    <fieldset className={`pref${error ? ' field-invalid' : ''}`} aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="note">
          {hint}
        </p>
      )}
      <div className="staff-checks">
        {codes.map((code, i) => (
          <label key={code} className="inline-check">
            <input
              ref={i === 0 ? ref : undefined}
              type="checkbox"
              value={code}
              checked={value.includes(code)}
              onChange={() => toggle(code)}
            />{' '}
            {label(code)}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

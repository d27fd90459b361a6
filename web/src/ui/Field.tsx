import { type ComponentProps, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import './Field.css';

interface FrameProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (control: { id: string; describedBy: string | undefined }) => ReactNode;
}

// The label, hint and error around one control, tied to it by id and aria-describedby, as KRDS form
// fields are. Controls take a ref (React 19), so react-hook-form's register() can be spread on them.
function FieldFrame({ label, hint, error, required, children }: FrameProps) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <span className="field-required"> {t('common.requiredMark')}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children({ id, describedBy })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface Labelled {
  label: string;
  hint?: ReactNode;
  error?: string;
}

export function TextField({ label, hint, error, required, ...input }: ComponentProps<'input'> & Labelled) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy }) => (
        <input
          id={id}
          className="input"
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

/** A labelled multi-line field; `className` adds to the input style. */
export function TextArea({
  label,
  hint,
  error,
  required,
  className,
  ...area
}: ComponentProps<'textarea'> & Labelled) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          className={`input${className ? ` ${className}` : ''}`}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...area}
        />
      )}
    </FieldFrame>
  );
}

export function Checkbox({
  label,
  description,
  error,
  ...input
}: ComponentProps<'input'> & { label: ReactNode; description?: ReactNode; error?: string }) {
  const id = useId();
  return (
    <div className={`checkbox${error ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {description && <div className="checkbox-description">{description}</div>}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  required,
  children,
  ...select
}: ComponentProps<'select'> & Labelled) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy }) => (
        <select
          id={id}
          className="input"
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...select}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

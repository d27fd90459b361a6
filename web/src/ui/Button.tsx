import type { ComponentProps } from 'react';
import './Button.css';

type Variant = 'primary' | 'secondary' | 'tertiary' | 'danger';

export function Button({
  variant = 'primary',
  className,
  type = 'button',
  ...rest
}: ComponentProps<'button'> & { variant?: Variant }) {
  return (
    <button
      type={type}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      {...rest}
    />
  );
}

import type { ComponentChildren } from 'preact';
import { Link } from '../router/Link.js';
import type { Route } from '../router/routes.js';
import { Spinner } from './Spinner.js';
import './controls.css';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'plain' | 'critical';

interface ButtonProps {
  children: ComponentChildren;
  variant?: ButtonVariant;
  /** Red text for a destructive plain button. */
  destructive?: boolean;
  type?: 'button' | 'submit';
  disabled?: boolean;
  loading?: boolean;
  onClick?: () => void;
  accessibilityLabel?: string;
  'data-testid'?: string;
}

function buttonClass(variant: ButtonVariant, destructive?: boolean, loading?: boolean): string {
  let name = 'Button';
  if (variant !== 'secondary') name += ` Button--${variant}`;
  if (destructive) name += ' Button--critical-text';
  if (loading) name += ' Button--loading';
  return name;
}

export function Button({
  children,
  variant = 'secondary',
  destructive,
  type = 'button',
  disabled,
  loading,
  onClick,
  accessibilityLabel,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      class={buttonClass(variant, destructive, loading)}
      disabled={disabled || loading}
      aria-busy={loading ? 'true' : undefined}
      aria-label={accessibilityLabel}
      onClick={onClick}
      data-testid={rest['data-testid']}
    >
      {loading && <Spinner size={16} />}
      {children}
    </button>
  );
}

/** Navigation that looks like a button stays a link, so it can open in a new tab. */
export function LinkButton({
  to,
  children,
  variant = 'secondary',
  ...rest
}: {
  to: Route;
  children: ComponentChildren;
  variant?: ButtonVariant;
  'data-testid'?: string;
}) {
  return (
    <Link to={to} class={buttonClass(variant)} data-testid={rest['data-testid']}>
      {children}
    </Link>
  );
}

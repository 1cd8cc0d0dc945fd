import type { ComponentChildren } from 'preact';
import './feedback.css';

export type BadgeTone = 'neutral' | 'success' | 'info' | 'attention' | 'warning' | 'critical';

export function Badge({
  tone = 'neutral',
  children,
  ...rest
}: {
  tone?: BadgeTone;
  children: ComponentChildren;
  'data-testid'?: string;
}) {
  const name = tone === 'neutral' ? 'Badge' : `Badge Badge--${tone}`;
  return (
    <span class={name} data-testid={rest['data-testid']}>
      {children}
    </span>
  );
}

import type { ComponentChildren } from 'preact';
import './feedback.css';

interface EmptyStateProps {
  heading: string;
  children: ComponentChildren;
  action?: ComponentChildren;
}

export function EmptyState({ heading, children, action }: EmptyStateProps) {
  return (
    <div class="EmptyState" data-testid="empty-state">
      <Illustration />
      <h2 class="EmptyState-heading">{heading}</h2>
      <div class="EmptyState-text">{children}</div>
      {action && <div class="EmptyState-actions">{action}</div>}
    </div>
  );
}

/** A drawn offer card with a tag, in token colours, instead of Polaris's CDN-hosted images. */
function Illustration() {
  return (
    <svg width="160" height="120" viewBox="0 0 160 120" aria-hidden="true" focusable="false">
      <ellipse cx="80" cy="108" rx="58" ry="6" fill="var(--p-color-bg-fill-tertiary)" />
      <rect
        x="30"
        y="18"
        width="100"
        height="80"
        rx="10"
        fill="var(--p-color-bg-surface)"
        stroke="var(--p-color-border-tertiary)"
        stroke-width="2"
      />
      <rect
        x="42"
        y="32"
        width="28"
        height="28"
        rx="6"
        fill="var(--p-color-bg-fill-info-secondary)"
      />
      <rect x="78" y="34" width="40" height="7" rx="3.5" fill="var(--p-color-bg-fill-tertiary)" />
      <rect x="78" y="47" width="28" height="7" rx="3.5" fill="var(--p-color-bg-fill-secondary)" />
      <rect x="42" y="72" width="76" height="14" rx="7" fill="var(--p-color-bg-fill-brand)" />
      <path
        d="M112 6h22l10 10v22l-20 20-32-32L112 6Z"
        fill="var(--p-color-bg-fill-success-secondary)"
        stroke="var(--p-color-bg-fill-success)"
        stroke-width="2"
        stroke-linejoin="round"
      />
      <circle cx="132" cy="18" r="4" fill="var(--p-color-bg-fill-success)" />
    </svg>
  );
}

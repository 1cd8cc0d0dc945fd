import type { ComponentChildren } from 'preact';
import './layout.css';

interface CardProps {
  title?: string;
  /** Controls on the right of the title, e.g. a plain button. */
  headerActions?: ComponentChildren;
  /** No padding, for tables that run edge to edge. */
  flush?: boolean;
  children: ComponentChildren;
  'data-testid'?: string;
}

export function Card({ title, headerActions, flush, children, ...rest }: CardProps) {
  return (
    <section class={flush ? 'Card Card--flush' : 'Card'} data-testid={rest['data-testid']}>
      {(title || headerActions) && (
        <div class="Card-header">
          {title && <h2 class="Card-title">{title}</h2>}
          {headerActions}
        </div>
      )}
      {children}
    </section>
  );
}

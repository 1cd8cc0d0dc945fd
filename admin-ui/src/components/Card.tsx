import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import './layout.css';

interface CardProps {
  title?: string;
  /** Controls on the right of the title, e.g. a plain button. */
  headerActions?: ComponentChildren;
  /** No padding, for tables that run edge to edge. */
  flush?: boolean;
  children: ComponentChildren;
  'data-testid'?: string;
  /** Extra attributes for tests to tell cards apart, e.g. the arm of a content variant. */
  'data-key'?: string;
}

/** A titled card is a named region, so assistive tech and tests can find a field inside it. */
export function Card({ title, headerActions, flush, children, ...rest }: CardProps) {
  const id = useId();
  return (
    <section
      class={flush ? 'Card Card--flush' : 'Card'}
      aria-labelledby={title ? `${id}-title` : undefined}
      data-testid={rest['data-testid']}
      data-key={rest['data-key']}
    >
      {(title || headerActions) && (
        <div class="Card-header">
          {title && (
            <h2 class="Card-title" id={`${id}-title`}>
              {title}
            </h2>
          )}
          {headerActions}
        </div>
      )}
      {children}
    </section>
  );
}

import type { ComponentChildren } from 'preact';
import './layout.css';

interface StackProps {
  inline?: boolean;
  children: ComponentChildren;
}

/** Vertical (default) or wrapping horizontal spacing between children. */
export function Stack({ inline, children }: StackProps) {
  return <div class={inline ? 'Stack Stack--inline' : 'Stack'}>{children}</div>;
}

/** A primary column and a narrower secondary column that collapse to one on small screens. */
export function Layout({ main, aside }: { main: ComponentChildren; aside: ComponentChildren }) {
  return (
    <div class="Layout">
      <div>{main}</div>
      <div>{aside}</div>
    </div>
  );
}

export function FormGrid({ children }: { children: ComponentChildren }) {
  return <div class="FormGrid">{children}</div>;
}

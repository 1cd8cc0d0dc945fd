import type { ComponentChildren } from 'preact';
import { isPlainLeftClick } from './href.js';
import { linkHref, navigate } from './router-store.js';
import type { Route } from './routes.js';

interface LinkProps {
  to: Route;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page';
  'data-testid'?: string;
}

/** A real anchor (so it can open in a new tab) that navigates in-app on a plain click. */
export function Link({ to, children, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={linkHref(to)}
      onClick={(event) => {
        if (!isPlainLeftClick(event)) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

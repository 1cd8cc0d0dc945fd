import type { ComponentChildren } from 'preact';
import { Link } from '../router/Link.js';
import type { Route } from '../router/routes.js';
import { ArrowLeftIcon } from './icons.js';
import { Toaster } from './Toaster.js';
import './layout.css';

interface PageProps {
  title: string;
  subtitle?: string;
  /** Shown beside the title, e.g. a status badge. */
  titleMetadata?: ComponentChildren;
  back?: { to: Route; label: string };
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/** The Shopify admin page frame: back arrow, title, actions on the right, then the body. */
export function Page({ title, subtitle, titleMetadata, back, actions, children }: PageProps) {
  return (
    <main class="Page">
      <header class="Page-header">
        {back && (
          <Link to={back.to} class="Page-back" data-testid="page-back">
            <ArrowLeftIcon />
            <span class="visually-hidden">{back.label}</span>
          </Link>
        )}
        <div class="Page-titles">
          <h1 class="Page-title">
            {title}
            {titleMetadata}
          </h1>
          {subtitle && <p class="Page-subtitle">{subtitle}</p>}
        </div>
        {actions && <div class="Page-actions">{actions}</div>}
      </header>
      <div class="Page-body">{children}</div>
      {/* Every page has one, so a toast raised before a navigation shows on the next page. */}
      <Toaster />
    </main>
  );
}

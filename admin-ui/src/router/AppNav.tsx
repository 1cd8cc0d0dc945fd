import { Link } from './Link.js';
import type { Route } from './routes.js';
import { type Section, sectionOf } from './sections.js';
import './app-nav.css';

const SECTIONS: readonly { section: Section; to: Route; label: string }[] = [
  { section: 'home', to: { name: 'home' }, label: 'Home' },
  { section: 'offers', to: { name: 'offers' }, label: 'Offers' },
];

/**
 * The app's own navigation, shown in every page. Inside Shopify's admin the sidebar can carry the
 * same links (App Bridge's nav menu); outside it (demo mode, a plain tab) this is the only way
 * from Home to the offers list and back.
 */
export function AppNav({ route }: { route: Route }) {
  const current = sectionOf(route);
  return (
    <nav class="AppNav" aria-label="Closer">
      <ul class="AppNav-list">
        {SECTIONS.map((item) => (
          <li key={item.section}>
            <Link
              to={item.to}
              class={item.section === current ? 'AppNav-link is-current' : 'AppNav-link'}
              aria-current={
                item.section === current && route.name === item.to.name ? 'page' : undefined
              }
              data-testid={`nav-${item.section}`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

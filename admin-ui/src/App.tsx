import { useEffect } from 'preact/hooks';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { HomePage } from './pages/home/HomePage.js';
import { NotFoundPage } from './pages/not-found/NotFoundPage.js';
import { KindPickerPage } from './pages/offer-editor/KindPickerPage.js';
import { OfferResultsPage } from './pages/offer-results/OfferResultsPage.js';
import { OffersListPage } from './pages/offers-list/OffersListPage.js';
import { AppNav } from './router/AppNav.js';
import { lazyPage } from './router/lazy-page.js';
import { followHistory, useRoute } from './router/router-store.js';
import { type Route, routePath } from './router/routes.js';

/** The editor and its contract schemas (zod) load apart from the first page; see lazy-page.tsx. */
const OfferEditorPage = lazyPage('Offer', () =>
  import('./pages/offer-editor/OfferEditorPage.js').then((module) => module.OfferEditorPage),
);

function renderRoute(route: Route) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'offers':
      return <OffersListPage />;
    case 'offer-new':
      return <KindPickerPage />;
    case 'offer-create':
      return <OfferEditorPage kind={route.kind} />;
    case 'offer-edit':
      return <OfferEditorPage id={route.id} />;
    case 'offer-results':
      return <OfferResultsPage id={route.id} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

export function App() {
  const route = useRoute();
  useEffect(followHistory, []);
  // Keyed by path: a crash on one page must not stick after navigating to another.
  return (
    <>
      <AppNav route={route} />
      <ErrorBoundary key={routePath(route)}>{renderRoute(route)}</ErrorBoundary>
    </>
  );
}

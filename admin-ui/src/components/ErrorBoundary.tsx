import { Component, type ComponentChildren } from 'preact';
import { Banner } from './Banner.js';
import { Button } from './Button.js';
import { Page } from './Page.js';

interface ErrorBoundaryState {
  failed: boolean;
}

/**
 * A rendering bug in one page shows a recoverable error instead of a blank iframe. Keyed by the
 * route in App, so navigating elsewhere starts a fresh boundary.
 */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static override getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // The console is the only place a merchant's developer can see the cause.
    console.error('Closer admin UI failed to render', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Page title="Something went wrong">
        <Banner tone="critical" title="This page could not be displayed" data-testid="page-crash">
          <p>Reload the page. If it happens again, contact Closer support.</p>
          <div>
            <Button onClick={() => location.reload()}>Reload</Button>
          </div>
        </Banner>
      </Page>
    );
  }
}

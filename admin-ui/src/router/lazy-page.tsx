import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Banner } from '../components/Banner.js';
import { Button } from '../components/Button.js';
import { Card } from '../components/Card.js';
import { Loading } from '../components/Loading.js';
import { Page } from '../components/Page.js';

/**
 * A page whose code loads when it is first shown. The offer editor carries the contract's zod
 * schemas; loading it apart keeps the first page (the offers list) inside the initial-JS budget.
 */
export function lazyPage<P extends object>(
  title: string,
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () => {
    pending ??= load().then(
      (page) => {
        loaded = page;
        return page;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };

  return function LazyPage(props: P) {
    const [, setReady] = useState(false);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      start().then(
        () => live && setReady(true),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    const back = { to: { name: 'offers' }, label: 'Offers' } as const;
    return (
      <Page title={title} back={back}>
        {failed ? (
          // Usually a new release replaced the file this page asked for; a reload fetches it.
          <Banner
            tone="critical"
            title="This page could not be loaded"
            data-testid="page-load-error"
          >
            <p>Check your connection, then reload.</p>
            <div>
              <Button onClick={() => location.reload()}>Reload</Button>
            </div>
          </Banner>
        ) : (
          <Card>
            <Loading label="Loading" />
          </Card>
        )}
      </Page>
    );
  };
}

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Card.js';
import { Loading } from '../../../components/Loading.js';
import type { OfferPreviewProps } from './OfferPreview.js';

let loaded: ComponentType<OfferPreviewProps> | null = null;
let pending: Promise<ComponentType<OfferPreviewProps>> | null = null;

/**
 * The preview's code — the extension's renderers, the checkout element stand-ins and its locale
 * files — loads only when an editor is open, apart from the editor itself.
 */
function loadPreview(): Promise<ComponentType<OfferPreviewProps>> {
  pending ??= import('./OfferPreview.js').then(
    (module) => {
      loaded = module.OfferPreview;
      return module.OfferPreview;
    },
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** The editor's live preview card, loaded on first use. */
export function LivePreview(props: OfferPreviewProps) {
  const [, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadPreview().then(
      () => live && setReady(true),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [failed]);
  if (loaded) {
    const Preview = loaded;
    return <Preview {...props} />;
  }
  return (
    <Card title="Checkout preview" data-testid="offer-preview">
      {failed ? (
        <div>
          <p>The preview could not be loaded. Check your connection and try again.</p>
          <Button onClick={() => setFailed(false)}>Try again</Button>
        </div>
      ) : (
        <Loading label="Loading the preview" />
      )}
    </Card>
  );
}

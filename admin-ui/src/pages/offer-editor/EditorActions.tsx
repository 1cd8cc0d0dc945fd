import { Button, LinkButton } from '../../components/Button.js';
import type { OfferEditorStore } from './offer-editor-store.js';
import './editor.css';

/**
 * The saved offer's page actions: its results, a copy, and the status changes that do not save
 * the form (activating does, so it stays beside Save at the bottom).
 */
export function EditorActions({
  store,
  onArchive,
}: {
  store: OfferEditorStore;
  onArchive: () => void;
}) {
  const saved = store.saved.value;
  const busy = store.busy.value;
  if (!saved) return null;
  return (
    <div class="EditorActions">
      <LinkButton to={{ name: 'offer-results', id: saved.id }} data-testid="offer-view-results">
        View results
      </LinkButton>
      <Button
        loading={busy === 'duplicate'}
        disabled={busy !== null && busy !== 'duplicate'}
        onClick={() => void store.duplicate()}
        data-testid="offer-duplicate"
      >
        Duplicate
      </Button>
      {saved.status === 'active' && (
        <Button
          loading={busy === 'pause'}
          disabled={busy !== null && busy !== 'pause'}
          onClick={() => void store.pause()}
          data-testid="offer-pause"
        >
          Pause
        </Button>
      )}
      {saved.status !== 'archived' && (
        <Button
          destructive
          disabled={busy !== null}
          onClick={onArchive}
          data-testid="offer-archive"
        >
          Archive
        </Button>
      )}
    </div>
  );
}

import { ConfirmDialog } from '../../components/ConfirmDialog.js';

interface ArchiveDialogProps {
  /** The offer to archive; null keeps the dialog closed. */
  offer: { name: string; status: string; discountCode?: string | null } | null;
  loading: boolean;
  /** Unsaved edits in the editor are dropped by archiving; say so. */
  unsavedChanges?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Archiving cannot be undone (there is no unarchive), so it asks first and says what follows. */
export function ArchiveDialog({
  offer,
  loading,
  unsavedChanges,
  onConfirm,
  onCancel,
}: ArchiveDialogProps) {
  return (
    <ConfirmDialog
      open={offer !== null}
      title={offer ? `Archive “${offer.name}”?` : 'Archive offer?'}
      confirmLabel="Archive"
      destructive
      loading={loading}
      onConfirm={onConfirm}
      onCancel={onCancel}
      data-testid="archive-dialog"
    >
      <p>
        {offer?.status === 'active' ? 'It leaves checkout at once and ' : 'It '}
        can’t be edited or activated again.
        {offer?.discountCode ? ' Its discount code stops working.' : ''}
      </p>
      <p>Its results stay available under the Archived tab. To run it again, duplicate it.</p>
      {unsavedChanges && <p class="text-strong">Your unsaved changes will be lost.</p>}
    </ConfirmDialog>
  );
}

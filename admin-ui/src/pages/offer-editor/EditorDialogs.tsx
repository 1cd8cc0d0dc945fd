import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatPercent } from '../../lib/format.js';
import type { SplitChange } from './experiment-change.js';

interface SplitChangeDialogProps {
  change: SplitChange | null;
  open: boolean;
  /** Saving also activates the offer. */
  activating: boolean;
  loading: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says what a holdout (or variant count) change does to a running offer before it happens. */
export function SplitChangeDialog({
  change,
  open,
  activating,
  loading,
  onConfirm,
  onCancel,
}: SplitChangeDialogProps) {
  const parts: string[] = [];
  if (change && change.fromHoldout !== change.toHoldout) {
    parts.push(
      `the holdout from ${formatPercent(change.fromHoldout)} to ${formatPercent(change.toHoldout)}`,
    );
  }
  if (change && change.fromVariants !== change.toVariants) {
    parts.push(`the content variants from ${change.fromVariants} to ${change.toVariants}`);
  }
  return (
    <ConfirmDialog
      open={open && change !== null}
      title="Start a new experiment?"
      confirmLabel={activating ? 'Save, activate and start' : 'Save and start new experiment'}
      loading={loading}
      onConfirm={onConfirm}
      onCancel={onCancel}
      data-testid="split-change-dialog"
    >
      <p>
        Changing {parts.join(' and ')} starts a new experiment: shoppers are split again under the
        new shares, and results start again from zero, because checkouts split one way cannot be
        compared with checkouts split another.
      </p>
      <p>
        The results so far are kept. On the results page, pick the earlier experiment to read them.
      </p>
    </ConfirmDialog>
  );
}

/** Leaving the editor with unsaved changes. */
export function LeaveDialog({
  open,
  onLeave,
  onStay,
}: {
  open: boolean;
  onLeave: () => void;
  onStay: () => void;
}) {
  return (
    <ConfirmDialog
      open={open}
      title="Leave without saving?"
      confirmLabel="Leave without saving"
      cancelLabel="Keep editing"
      destructive
      onConfirm={onLeave}
      onCancel={onStay}
      data-testid="leave-dialog"
    >
      <p>Your changes to this offer have not been saved. If you leave now, they are lost.</p>
    </ConfirmDialog>
  );
}

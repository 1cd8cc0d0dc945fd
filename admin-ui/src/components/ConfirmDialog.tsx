import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { Button } from './Button.js';
import './dialog.css';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  /** A red confirm button, for what cannot be undone. */
  destructive?: boolean;
  /** The confirmed action is running: the confirm button spins and nothing else can be pressed. */
  loading?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  'data-testid'?: string;
}

/**
 * A modal question built on the native `<dialog>`: the browser traps focus, makes the rest of the
 * page inert and closes it on Escape (reported here as a cancel), so keyboard and screen-reader
 * users get the platform's behaviour.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  destructive,
  loading,
  onConfirm,
  onCancel,
  ...rest
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      class="Dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-testid={rest['data-testid']}
      onCancel={(event) => {
        // Escape: the page decides (it may keep the dialog while the action runs).
        event.preventDefault();
        if (!loading) onCancel();
      }}
    >
      {open && (
        <>
          <h2 class="Dialog-title" id={`${id}-title`}>
            {title}
          </h2>
          <div class="Dialog-body" id={`${id}-body`}>
            {children}
          </div>
          <div class="Dialog-actions">
            <Button onClick={onCancel} disabled={loading} data-testid="dialog-cancel">
              {cancelLabel}
            </Button>
            <Button
              variant={destructive ? 'critical' : 'primary'}
              loading={loading}
              onClick={onConfirm}
              data-testid="dialog-confirm"
            >
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}

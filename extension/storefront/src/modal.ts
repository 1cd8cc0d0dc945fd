import type { ModalStrings, StorefrontContent } from '../../../core/storefront/config';
import { MODAL_CSS } from './modal-css';

type Child = string | Node;

function el(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const name in attributes) node.setAttribute(name, attributes[name]!);
  // Text nodes only: offer text is merchant content and never parsed as HTML.
  node.append(...children);
  return node;
}

/**
 * Shows the coupon as a modal dialog: labelled by its heading and described by its body, focus
 * moved in and kept in (Tab wraps), closed by Esc, the close button or a click on the backdrop,
 * and focus handed back to where it was. Motion only when the visitor has not asked for less
 * (see modal-css.ts).
 */
export function openModal(
  content: StorefrontContent,
  code: string,
  strings: ModalStrings,
  applyHref: string,
): void {
  const opener = document.activeElement as HTMLElement | null;
  const close = el(
    'button',
    { type: 'button', class: 'closer-x', 'aria-label': strings.close },
    '×',
  );
  const copy = el('button', { type: 'button', class: 'closer-c' }, strings.copy);
  // The merchant's button label when the offer has one, else the embed's translated default.
  const apply = el(
    'a',
    { class: 'closer-c', href: applyHref },
    content.buttonLabel || strings.apply,
  );
  const status = el('p', { role: 'status' });
  const dialog = el(
    'div',
    {
      class: 'closer-dialog',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'closer-heading',
      'aria-describedby': 'closer-body',
      tabindex: '-1',
    },
    close,
    el('h2', { id: 'closer-heading' }, content.heading),
    el('p', { id: 'closer-body' }, content.body),
    el('p', {}, strings.code_label, el('strong', {}, code)),
    copy,
    apply,
    status,
  );
  const backdrop = el('div', { class: 'closer-backdrop' }, el('style', {}, MODAL_CSS), dialog);

  function onKey(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      shut();
    } else if (event.key === 'Tab') {
      const active = document.activeElement;
      const inside = dialog.contains(active) && active !== dialog;
      const wrap = event.shiftKey ? !inside || active === close : !inside || active === apply;
      if (wrap) {
        event.preventDefault();
        (event.shiftKey ? apply : close).focus();
      }
    }
  }

  function shut() {
    document.removeEventListener('keydown', onKey, true);
    backdrop.remove();
    if (opener?.isConnected) opener.focus();
  }

  close.addEventListener('click', shut);
  backdrop.addEventListener('click', (event) => {
    if (event.target === backdrop) shut();
  });
  copy.addEventListener('click', () => {
    navigator.clipboard?.writeText(code).then(
      () => {
        status.textContent = strings.copied;
      },
      () => {},
    );
  });
  document.addEventListener('keydown', onKey, true);
  document.body.append(backdrop);
  dialog.focus();
}

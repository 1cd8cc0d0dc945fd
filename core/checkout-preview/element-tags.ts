/**
 * Every Polaris web component the checkout extension renders. The emulation defines a stand-in
 * for each (elements.ts); test/sandbox checks the shipped bundle uses no tag missing from this list.
 */
export const CHECKOUT_ELEMENT_TAGS = [
  's-banner',
  's-button',
  's-clipboard-item',
  's-grid',
  's-heading',
  's-icon',
  's-link',
  's-product-thumbnail',
  's-stack',
  's-text',
] as const;

export type CheckoutElementTag = (typeof CHECKOUT_ELEMENT_TAGS)[number];

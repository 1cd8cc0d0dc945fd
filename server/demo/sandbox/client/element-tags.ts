/**
 * Every Polaris web component the checkout extension renders. The sandbox defines a stand-in for
 * each; test/sandbox checks the shipped bundle uses no tag missing from this list.
 */
export const SANDBOX_ELEMENT_TAGS = [
  's-banner',
  's-button',
  's-grid',
  's-heading',
  's-icon',
  's-link',
  's-product-thumbnail',
  's-stack',
  's-text',
] as const;

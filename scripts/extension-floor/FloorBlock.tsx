import '@shopify/ui-extensions/preact';
import { render } from 'preact';

/**
 * The framework floor: the smallest Preact + `@shopify/ui-extensions` checkout extension, one
 * `s-text`. scripts/build-extension.ts bundles it exactly like Closer's extension, so the ratio
 * between the two says what Closer itself costs on top of what any Preact extension pays.
 */
export default async function renderFloorBlock() {
  render(<s-text>Hello</s-text>, document.body);
}

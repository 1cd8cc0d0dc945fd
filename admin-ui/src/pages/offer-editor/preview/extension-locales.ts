/// <reference types="vite/client" />
import type { Messages } from '../../../../../core/checkout-preview/messages.js';

/**
 * The checkout extension's locale files, by file name (`en.default.json`, `fr.json`), bundled into
 * the preview's chunk: a language added to the extension shows up here with no edit.
 */
const MODULES = import.meta.glob<Messages>('../../../../../extension/checkout/locales/*.json', {
  eager: true,
  import: 'default',
});

export const EXTENSION_LOCALE_FILES: Readonly<Record<string, Messages>> = Object.fromEntries(
  Object.entries(MODULES).map(([path, messages]) => [
    path.slice(path.lastIndexOf('/') + 1),
    messages,
  ]),
);

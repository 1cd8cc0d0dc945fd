import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type EmbedData,
  MODAL_STRING_KEYS,
  type ModalStrings,
  type StorefrontConfig,
} from '../../../core/storefront/config.js';

const LOCALES_DIR = resolve(import.meta.dirname, '../../../extension/storefront/locales');

/** The modal's strings from the embed's own locale file, as its `t` filters would render them. */
export function readModalStrings(locale = 'en.default'): ModalStrings {
  const file = JSON.parse(readFileSync(join(LOCALES_DIR, `${locale}.json`), 'utf8')) as {
    closer?: { modal?: Record<string, unknown> };
  };
  const modal = file.closer?.modal ?? {};
  return Object.fromEntries(
    MODAL_STRING_KEYS.map((key) => [key, String(modal[key] ?? '')]),
  ) as ModalStrings;
}

/**
 * What blocks/closer-embed.liquid renders for a page, built from the same values: the published
 * config, the locale's strings, the page type, and the path the shop's routes start at. Null when
 * the embed would render nothing (no storefront offer published).
 */
export function buildEmbedData(
  config: StorefrontConfig,
  strings: ModalStrings,
  page: string,
  root: string,
): EmbedData | null {
  return config.offers.length > 0 ? { config, strings, page, root } : null;
}

/** JSON for a <script> element: `<` escaped so no value can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

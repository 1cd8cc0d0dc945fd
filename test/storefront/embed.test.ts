import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildStorefrontConfig } from '../../core/storefront/build-config.js';
import { MODAL_STRING_KEYS, STOREFRONT_CONFIG_KEY } from '../../core/storefront/config.js';
import { MODAL_CSS } from '../../extension/storefront/src/modal-css.js';
import { STOREFRONT_DIR, STOREFRONT_SCRIPT } from '../../scripts/build-storefront.js';
import {
  buildEmbedData,
  readModalStrings,
  scriptJson,
} from '../../server/demo/storefront/embed-data.js';
import { EXIT_OFFER } from './fixtures.js';

const liquid = readFileSync(join(STOREFRONT_DIR, 'blocks/closer-embed.liquid'), 'utf8');
const readLocale = (name: string) =>
  JSON.parse(readFileSync(join(STOREFRONT_DIR, 'locales', name), 'utf8')) as Record<
    string,
    Record<string, Record<string, string>>
  >;
const schema = JSON.parse(/{% schema %}([\s\S]*){% endschema %}/.exec(liquid)![1]!) as {
  name: string;
  target: string;
  settings: { id: string; label: string; default: unknown }[];
};
/** What the embed renders only when the shop has a storefront offer. */
const guarded = /{%- if closer_config\.offers\.size > 0 -%}([\s\S]*?){%- endif -%}/.exec(
  liquid,
)![1]!;

function lookup(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], tree);
}

describe('the app embed block', () => {
  test('is an app embed on the body reading the app-owned storefront config metafield', () => {
    expect(schema.target).toBe('body');
    expect(liquid).toContain(`shop.metafields['$app'].${STOREFRONT_CONFIG_KEY}.value`);
  });

  test('renders the JSON and exactly one deferred script, and only when an offer is published', () => {
    expect(guarded).toContain('<script type="application/json" id="closer-embed">');
    const scripts = liquid.match(/<script\b[^>]*\bsrc=[^>]*>/g) ?? [];
    expect(scripts).toEqual([
      `<script src="{{ '${basename(STOREFRONT_SCRIPT)}' | asset_url }}" defer>`,
    ]);
    expect(guarded).toContain(scripts[0]);
  });

  test('renders the same fields the demo storefront builds, strings through the t filter', () => {
    const data = buildEmbedData(
      buildStorefrontConfig('shop-a.myshopify.com', [EXIT_OFFER], 0),
      readModalStrings(),
      'product',
      '/',
    );
    for (const key of Object.keys(data!)) expect(guarded).toContain(`"${key}": `);
    for (const key of MODAL_STRING_KEYS) {
      expect(guarded).toContain(`"${key}": {{ 'closer.modal.${key}' | t | json }}`);
    }
  });

  test('its colour settings feed CSS variables the modal reads', () => {
    const assigned = [...guarded.matchAll(/(--closer-[a-z-]+): {{ block\.settings\.(\w+) }}/g)];
    expect(assigned.map((m) => m[2]).sort()).toEqual(schema.settings.map((s) => s.id).sort());
    for (const [, variable] of assigned) expect(MODAL_CSS).toContain(`var(${variable},`);
  });
});

describe('locales', () => {
  const english = readLocale('en.default.json');
  const french = readLocale('fr.json');

  test('English and French carry every modal string, non-empty', () => {
    for (const locale of [english, french]) {
      for (const key of MODAL_STRING_KEYS) {
        expect(lookup(locale, `closer.modal.${key}`), key).toEqual(expect.stringMatching(/\S/));
      }
    }
    expect(Object.keys(french.closer!.modal!).sort()).toEqual(
      Object.keys(english.closer!.modal!).sort(),
    );
  });

  test('no string holds a character the t filter would HTML-escape', () => {
    for (const locale of [english, french]) {
      for (const value of Object.values(locale.closer!.modal!))
        expect(value).not.toMatch(/[&<>"']/);
    }
  });

  test('every schema label is translated in both schema locales', () => {
    const labels = [schema.name, ...schema.settings.map((s) => s.label)];
    for (const file of ['en.default.schema.json', 'fr.schema.json']) {
      const locale = readLocale(file);
      for (const label of labels) {
        expect(label.startsWith('t:'), label).toBe(true);
        expect(lookup(locale, label.slice(2)), `${file} ${label}`).toEqual(expect.any(String));
      }
    }
  });

  test('the demo reads the embed’s own strings', () => {
    expect(readModalStrings()).toEqual(english.closer!.modal);
  });
});

test('inline JSON cannot close its script element', () => {
  const json = scriptJson({ heading: '</script><script>alert(1)</script>' });
  expect(json).not.toContain('</');
  expect(JSON.parse(json)).toEqual({ heading: '</script><script>alert(1)</script>' });
});

test('every file Shopify would upload sits where a theme app extension allows it', () => {
  // Shopify CLI refuses to deploy a theme extension with files outside these folders and types;
  // the TypeScript sources stay behind through .shopifyignore.
  const allowed: Record<string, RegExp> = {
    assets: /\.(jpe?g|json|js|css|png|svg|wasm)$/,
    blocks: /\.liquid$/,
    locales: /\.json$/,
    snippets: /\.liquid$/,
  };
  const ignored = readFileSync(join(STOREFRONT_DIR, '.shopifyignore'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  expect(ignored).toEqual(['src/**']);
  for (const entry of readdirSync(STOREFRONT_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'src') continue;
    const rule = allowed[entry.name];
    expect(rule, entry.name).toBeDefined();
    for (const file of readdirSync(join(STOREFRONT_DIR, entry.name))) {
      expect(file, `${entry.name}/${file}`).toMatch(rule!);
    }
  }
});

// The editor's live preview carries the checkout extension's renderers, the s-* stand-ins and the
// extension's locale files; it must load on its own, after the editor, never with the first page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { beforeAll, expect, test } from 'vitest';

const CONFIG = fileURLToPath(new URL('../../admin-ui/vite.config.ts', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../dist/admin-ui', import.meta.url));

beforeAll(async () => {
  // `npm test` builds first; a lone `vitest run` of this file builds it here.
  if (!existsSync(join(OUT_DIR, 'index.html'))) {
    await build({ configFile: CONFIG, logLevel: 'silent' });
  }
}, 120_000);

test('the preview’s code is a chunk of its own: not in the first page, not in the editor', () => {
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  const scripts = readdirSync(join(OUT_DIR, 'assets')).filter((file) => file.endsWith('.js'));
  // The stand-in elements observe this attribute; the extension's French locale has this text.
  const holding = (text: string) =>
    scripts.filter((file) => readFileSync(join(OUT_DIR, 'assets', file), 'utf8').includes(text));
  const withElements = holding('gridtemplatecolumns');
  expect(withElements).toHaveLength(1);
  expect(holding('Ajouter {{title}} à votre commande')).toEqual(withElements);
  const [chunk] = withElements;
  expect(html).not.toContain(chunk);
  expect(chunk).not.toMatch(/^OfferEditorPage-/);
  expect(chunk).not.toMatch(/^index-/);
});

import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

/**
 * The embedded admin UI. The server reads dist/admin-ui/index.html for every `/app/*` page (it
 * injects App Bridge at `<!--app-bridge-->`) and serves dist/admin-ui/assets at the URL prefix
 * below, so the base mirrors the folder on disk: /admin-ui/assets/<hashed file>.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin-ui/',
  plugins: [preact(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../dist/admin-ui', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // One small entry chunk; every browser that runs the Shopify admin supports module preload.
    modulePreload: { polyfill: false },
  },
});

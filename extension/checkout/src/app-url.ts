/**
 * Where the app backend lives. Checkout extensions run on Shopify's origin and have no runtime
 * configuration for this, so it is a build-time constant: Shopify CLI (and
 * scripts/build-extension.ts) replace `process.env.APP_URL` with the value from the app's `.env`
 * or the build shell. A build without it falls back to the origin the script was served from —
 * right for the demo sandbox, which serves the bundle from the app itself.
 */
export function resolveAppUrl(scriptUrl: string, configured = readBuildTimeAppUrl()): string {
  if (configured) return configured.replace(/\/+$/, '');
  try {
    return new URL(scriptUrl).origin;
  } catch {
    return '';
  }
}

function readBuildTimeAppUrl(): string {
  try {
    return process.env.APP_URL ?? '';
  } catch {
    // No bundler replaced it and there is no `process` in the checkout worker.
    return '';
  }
}

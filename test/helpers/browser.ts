import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless. The background-networking flags matter here: this machine has no
 * network beyond loopback, and Chromium's own update/sync traffic would otherwise fail noisily.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

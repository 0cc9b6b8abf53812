/**
 * Headless Chromium for tests that drive a real page: Debian's `chromium`
 * driven by playwright-core (whose own browser downloads cannot be fetched
 * here). Skips loudly when it is absent; ZONGJIE_REQUIRE_TOOLS=1 makes that a
 * failure (see {@link requireCommands}).
 */
import { chromium, type Browser } from 'playwright-core';
import { requireCommands } from './tools.js';

export const CHROMIUM = process.env.ZONGJIE_CHROMIUM ?? '/usr/bin/chromium';

export function hasChromium(suite: string): boolean {
  return requireCommands(suite, process.env.ZONGJIE_CHROMIUM ?? 'chromium');
}

/**
 * Starts Chromium with a fresh profile (playwright-core makes a new
 * user-data-dir for every launch). The new headless mode is asked for
 * directly, not Playwright's headless default, because only it has the PDF
 * viewer the page shows drafts in; the background-networking flags keep it
 * from calling out of a machine with no internet.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: false,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

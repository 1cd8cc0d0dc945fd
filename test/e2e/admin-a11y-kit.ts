import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What the accessibility acceptance run does on every page state: axe-core injected into the
 * page and run, the critical and serious violations reported with where they are, and the page's
 * width measured against the window. Screenshots go to SCREENSHOT_DIR (gitignored, named in the
 * README).
 */
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const WIDTHS = [DESKTOP, PHONE] as const;
export const SCREENSHOT_DIR = 'test-results/screenshots';
export const WAIT = { timeout: 15_000 };

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** One line per violating element: rule, impact, selector and axe's own "fix any of" summary. */
function describe(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact}] ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${n.html.slice(0, 160)}` +
          (n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 240)}` : ''),
      ),
    )
    .join('\n');
}

/** axe's critical and serious violations on the page as it is now (injected once per document). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<unknown> } }
    ).axe;
    // Every rule runs; only the violations' details are collected (the passes cost time).
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        html: n.html,
        failureSummary: n.failureSummary,
      })),
    }));
  });
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

export interface StateCheck {
  state: string;
  width: number;
  violations: AxeViolation[];
  scrollWidth: number;
}

/** Every state checked in this run, for the summary printed at the end of the file. */
export const checked: StateCheck[] = [];

/**
 * The page in its current state at 1280 and at 390 px: axe finds no critical or serious
 * violation, and at 390 px nothing is wider than the window. Soft assertions, so one run lists
 * every fault. Takes the named screenshot at each width when asked. Ends at desktop width.
 */
export async function checkState(page: Page, state: string, screenshot?: string) {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    // Layout after a resize settles within two frames.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const violations = await seriousViolations(page);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    checked.push({ state, width: viewport.width, violations, scrollWidth });
    expect
      .soft(violations, `${state} at ${viewport.width}px:\n${describe(violations)}`)
      .toEqual([]);
    const clipped = await clippedOutsideWindow(page);
    expect
      .soft(
        clipped,
        `${state} at ${viewport.width}px: content outside the window that no scroller reaches`,
      )
      .toEqual([]);
    if (viewport === PHONE) {
      expect
        .soft(scrollWidth, `${state} at ${innerWidth}px is ${scrollWidth}px wide`)
        .toBeLessThanOrEqual(innerWidth);
    }
    if (screenshot) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `${screenshot}-${viewport.width}.png`),
        fullPage: true,
      });
    }
  }
  await page.setViewportSize(DESKTOP);
}

/**
 * Elements that reach past the window's left or right edge without a scroller between them and
 * the page: content cut off by an `overflow: hidden` ancestor (or simply off screen) that a
 * person cannot get to. Inside a sideways-scrolling region is fine — the region itself is then
 * checked like any element. Returns a short description of the first few.
 */
async function clippedOutsideWindow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrolls = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX);
    const found: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right <= width + 0.5 && box.left >= -0.5) continue;
      let reachable = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (scrolls(up)) {
          reachable = true;
          break;
        }
      }
      if (reachable) continue;
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      found.push(`${name} spans ${Math.round(box.left)}…${Math.round(box.right)} px`);
      if (found.length >= 5) break;
    }
    return found;
  });
}

/** Waits until the page shows its title and no loading indicator is left. */
export async function settled(page: Page, ready?: string) {
  await expect.poll(() => page.locator('.Page-title').count(), WAIT).toBeGreaterThan(0);
  if (ready) await expect.poll(() => page.locator(ready).count(), WAIT).toBeGreaterThan(0);
  await expect.poll(() => page.locator('[data-testid=loading], .Spinner').count(), WAIT).toBe(0);
}

/** The summary line for the run: states × widths checked, violations found. */
export function summary(): string {
  const faults = checked.filter((c) => c.violations.length > 0);
  return `${checked.length} page states checked (${new Set(checked.map((c) => c.state)).size} states × 1280/390 px); ${faults.length} with critical/serious axe violations`;
}

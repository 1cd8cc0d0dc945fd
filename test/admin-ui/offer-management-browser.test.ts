import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { experiments, offers } from '../../drizzle/schema.js';
import {
  activate,
  expectFitsBothWidths,
  fillCopy,
  type Journey,
  openAdmin,
  saveNewOffer,
  startOffer,
  useJourney,
  WAIT,
} from '../e2e/journey-kit.js';

/**
 * Offer management in Chromium against the real demo server, as a merchant does it: targeting
 * built from rules (saved as the GrowthBook condition), the page's own toasts (demo mode has no
 * App Bridge toast), a holdout change on a live offer confirmed first and its old experiment
 * still readable, the unsaved-changes prompt on the back arrow, duplicate, archive, and the
 * archived offer read-only with its results reachable from the Archived tab.
 */
const journey = useJourney('closer-admin-manage-');

async function storedOffer(j: Journey, id: string) {
  const [row] = await j.server.ctx.db
    .select()
    .from(offers)
    .where(and(eq(offers.shop, j.shop), eq(offers.id, id)));
  if (!row) throw new Error(`no offer ${id}`);
  return row;
}

async function experimentsOf(j: Journey, id: string) {
  return j.server.ctx.db
    .select()
    .from(experiments)
    .where(and(eq(experiments.shop, j.shop), eq(experiments.offerId, id)));
}

async function expectToast(j: Journey, text: string) {
  await expect
    .poll(() => j.page.getByTestId('toast').allTextContents(), WAIT)
    .toContainEqual(expect.stringContaining(text));
}

async function addCondition(j: Journey, type: string) {
  await j.page.getByTestId('targeting-add-type').selectOption(type);
  await j.page.getByTestId('targeting-add').click();
}

describe('managing offers in the admin', { timeout: 60_000 }, () => {
  let offerId = '';
  let copyId = '';

  test('targeting is built from rules and saved as the condition; saving and activating confirm', async () => {
    const j = journey();
    await startOffer(j, 'cta');
    await j.page.getByTestId('offer-name-input').fill('Managed banner');
    await fillCopy(j, { heading: 'Free returns', body: 'Within 30 days.' });
    await j.page.getByTestId('offer-holdout-input').fill('10');
    // Customer tags cannot be read in checkout, so checkout offers do not offer them.
    const types = await j.page
      .getByTestId('targeting-add-type')
      .locator('option')
      .allTextContents();
    expect(types).toContain('Cart subtotal');
    expect(types).not.toContain('Customer tags');

    await addCondition(j, 'subtotal');
    await j.page.getByTestId('rule-subtotal-amount').fill('50');
    await addCondition(j, 'country');
    await j.page.getByTestId('rule-country-add').selectOption('CA');
    await j.page.locator('[data-testid=condition-json] summary').click();
    expect(JSON.parse(await j.page.getByTestId('offer-condition-input').inputValue())).toEqual({
      currency: 'USD',
      subtotal: { $gte: 5000 },
      country: { $in: ['CA'] },
    });
    await expectFitsBothWidths(j.page, 'editor with rules');

    offerId = await saveNewOffer(j);
    await expectToast(j, 'Offer created as a draft');
    expect((await storedOffer(j, offerId)).condition).toEqual({
      currency: 'USD',
      subtotal: { $gte: 5000 },
      country: { $in: ['CA'] },
    });
    await activate(j);
    await expectToast(j, 'Offer activated');
  });

  test('a holdout change on the live offer is confirmed first; the old experiment stays readable', async () => {
    const j = journey();
    await j.page.getByTestId('offer-holdout-input').fill('0');
    expect(await j.page.getByTestId('holdout-zero-warning').textContent()).toContain(
      'nothing will be measured',
    );
    await j.page.getByTestId('offer-holdout-input').fill('20');
    await j.page.getByTestId('offer-save').click();
    const dialog = j.page.getByTestId('split-change-dialog');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    expect(await dialog.textContent()).toContain('starts a new experiment');
    expect((await storedOffer(j, offerId)).holdout).toBe(0.1);
    await dialog.getByTestId('dialog-confirm').click();
    await expectToast(j, 'Offer saved');
    await expect.poll(async () => (await storedOffer(j, offerId)).holdout, WAIT).toBe(0.2);
    const runs = await experimentsOf(j, offerId);
    expect(runs).toHaveLength(2);

    await j.page.getByTestId('offer-view-results').click();
    const picker = j.page.getByTestId('experiment-picker');
    await expect.poll(() => picker.locator('option').count(), WAIT).toBe(2);
    const old = runs.find((run) => run.stoppedAt !== null);
    await picker.selectOption(old!.key);
    await expect.poll(() => picker.inputValue(), WAIT).toBe(old!.key);
    expect(await j.page.getByTestId('report-error').count()).toBe(0);
  });

  test('leaving with unsaved changes asks; keeping editing stays, leaving goes', async () => {
    const j = journey();
    await openAdmin(j, `/offers/${offerId}`);
    await j.page.getByTestId('offer-name-input').fill('Renamed, not saved');
    await j.page.getByTestId('page-back').click();
    const dialog = j.page.getByTestId('leave-dialog');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    await dialog.getByTestId('dialog-cancel').click();
    expect(new URL(j.page.url()).pathname).toBe(`/app/offers/${offerId}`);
    expect(await j.page.getByTestId('offer-name-input').inputValue()).toBe('Renamed, not saved');

    await j.page.getByTestId('page-back').click();
    await dialog.getByTestId('dialog-confirm').click();
    await expect.poll(() => new URL(j.page.url()).pathname, WAIT).toBe('/app/offers');
    expect((await storedOffer(j, offerId)).name).toBe('Managed banner');
  });

  test('duplicating from the list opens the draft copy', async () => {
    const j = journey();
    const row = j.page.locator(`[data-testid=offer-row][data-key="${offerId}"]`);
    await expect.poll(() => row.count(), WAIT).toBe(1);
    await row.getByTestId('offer-action-duplicate').click();
    await expect.poll(() => new URL(j.page.url()).pathname, WAIT).not.toBe('/app/offers');
    copyId = new URL(j.page.url()).pathname.split('/')[3] ?? '';
    expect(copyId).not.toBe(offerId);
    await expectToast(j, 'Duplicated as “Managed banner (copy)”');
    const copy = await storedOffer(j, copyId);
    expect(copy).toMatchObject({ status: 'draft', name: 'Managed banner (copy)', holdout: 0.2 });
    expect(copy.condition).toEqual((await storedOffer(j, offerId)).condition);
  });

  test('archiving asks first; the archived offer is read-only and its results stay reachable', async () => {
    const j = journey();
    await openAdmin(j);
    const row = j.page.locator(`[data-testid=offer-row][data-key="${offerId}"]`);
    await row.getByTestId('offer-action-archive').click();
    const dialog = j.page.getByTestId('archive-dialog');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    await dialog.getByTestId('dialog-confirm').click();
    await expectToast(j, 'Offer archived');
    await expect.poll(async () => (await storedOffer(j, offerId)).status, WAIT).toBe('archived');
    await expect.poll(() => row.count(), WAIT).toBe(0);

    await j.page.getByTestId('tab-archived').click();
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.getByTestId('offer-results-link').count()).toBe(1);
    await expectFitsBothWidths(j.page, 'archived tab');

    await row.getByTestId('offer-name').click();
    await expect.poll(() => j.page.getByTestId('offer-archived').count(), WAIT).toBe(1);
    expect(await j.page.getByTestId('offer-save').count()).toBe(0);
    expect(await j.page.getByTestId('offer-activate').count()).toBe(0);
    expect(await j.page.getByTestId('offer-name-input').isDisabled()).toBe(true);
    await j.page.getByTestId('offer-view-results').click();
    await expect
      .poll(() => new URL(j.page.url()).pathname, WAIT)
      .toBe(`/app/offers/${offerId}/results`);
  });
});

// Offer management against the real admin API (real routes, contract, database; Shopify emulated
// by msw): duplicate, pause and archive from the list and the offer page, archived offers
// read-only with their results still reachable, the confirmation a split change needs on a running
// offer (and that the old experiment's results stay reachable), and the toast every action shows
// outside Shopify.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type ApiClient, createApiClient } from '../../admin-ui/src/api/client.js';
import {
  fetchExperimentReport,
  fetchOffer,
  fetchOfferExperiments,
  fetchOffers,
} from '../../admin-ui/src/api/endpoints.js';
import {
  createOfferEditorStore,
  type OfferEditorStore,
} from '../../admin-ui/src/pages/offer-editor/offer-editor-store.js';
import { offerToForm } from '../../admin-ui/src/pages/offer-editor/offer-form.js';
import { offersInTab, slotConflicts } from '../../admin-ui/src/state/offer-list-view.js';
import { createOffersStore } from '../../admin-ui/src/state/offers-store.js';
import { currentToasts, dismissToast } from '../../admin-ui/src/state/toast-store.js';
import type { Offer } from '../../core/offers/contract.js';
import { adminCall, crossSellInput, crossSellVariant, ctaInput } from '../helpers/offers.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let client: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
  client = createApiClient({
    baseUrl: '/api/admin',
    fetch: (input, init) => Promise.resolve(t.app.request(String(input), init)),
    idToken: () => t.idToken(SHOP_A),
  });
});
afterAll(() => t.close());
beforeEach(() => {
  for (const toast of currentToasts()) dismissToast(toast.id);
});

/** Without App Bridge (demo mode, a plain tab) a toast is the page's own. */
function toasts(): string[] {
  return currentToasts().map((toast) => toast.message);
}

async function created(input: Record<string, unknown>): Promise<Offer> {
  const answer = await adminCall(t, SHOP_A, 'POST', '/offers', input);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.offer as Offer;
}

async function activated(input: Record<string, unknown>): Promise<Offer> {
  const offer = await created(input);
  const answer = await adminCall(t, SHOP_A, 'POST', `/offers/${offer.id}/activate`);
  expect(answer.status).toBe(200);
  return answer.body.offer as Offer;
}

function editorFor(
  offer: Offer,
  extra: Partial<Parameters<typeof createOfferEditorStore>[0]> = {},
) {
  return createOfferEditorStore({
    initial: offerToForm(offer, 'USD'),
    offer,
    currency: 'USD',
    client,
    ...extra,
  });
}

function setHoldout(store: OfferEditorStore, percent: string): void {
  store.updateCommon('holdoutPercent', percent);
}

describe('the offers list', () => {
  test('duplicates an offer as a draft copy with the same content, and says so', async () => {
    const original = await activated(
      crossSellInput({ name: 'Care kit', discount: { type: 'percentage', value: 15 } }),
    );
    const list = createOffersStore(() => client);
    await list.load();
    const copy = await list.duplicate(original);
    expect(copy).not.toBeNull();
    expect(copy).toMatchObject({
      name: 'Care kit (copy)',
      status: 'draft',
      kind: 'cross_sell',
      variants: original.variants,
      discount: { type: 'percentage', value: 15 },
      holdout: original.holdout,
      condition: original.condition,
    });
    expect(copy!.id).not.toBe(original.id);
    expect(copy!.experiment.key).not.toBe(original.experiment.key);
    expect(toasts()).toEqual(['Duplicated as “Care kit (copy)”']);
    // The copy is in the list's Draft tab; the original is still active.
    const live = list.live.value;
    expect(live.status === 'ready' && offersInTab(live.data, 'draft', 'care kit copy')).toEqual([
      copy,
    ]);
    expect((await fetchOffer(client, original.id)).status).toBe('active');
  });

  test('archives an offer: it leaves the list for the Archived tab, its results stay reachable', async () => {
    const offer = await activated(ctaInput({ name: 'Archive me' }));
    const list = createOffersStore(() => client);
    await list.load();
    await list.loadArchived();
    const archived = await list.applyAction(offer.id, 'archive');
    expect(archived?.status).toBe('archived');
    expect(toasts()).toEqual(['Offer archived']);

    const live = list.live.value;
    expect(live.status === 'ready' && live.data.some((o) => o.id === offer.id)).toBe(false);
    const old = list.archived.value;
    expect(old?.status === 'ready' && old.data[0]?.id).toBe(offer.id);
    // The server agrees: only ?status=archived lists it.
    expect((await fetchOffers(client)).some((o) => o.id === offer.id)).toBe(false);
    expect((await fetchOffers(client, 'archived')).some((o) => o.id === offer.id)).toBe(true);
    // Its results (offer page, per-arm results, report) still answer.
    expect((await adminCall(t, SHOP_A, 'GET', `/offers/${offer.id}/results`)).status).toBe(200);
    const report = await fetchExperimentReport(client, offer.experiment.key, null);
    expect(report.experimentKey).toBe(offer.experiment.key);
  });

  test('pauses and activates with a confirmation each; a refused action is shown, not toasted', async () => {
    const offer = await activated(ctaInput({ name: 'Pause me' }));
    const list = createOffersStore(() => client);
    await list.load();
    expect((await list.applyAction(offer.id, 'pause'))?.status).toBe('paused');
    expect((await list.applyAction(offer.id, 'activate'))?.status).toBe('active');
    expect(toasts()).toEqual(['Offer paused', 'Offer activated']);

    await list.applyAction(offer.id, 'archive');
    // An archived offer cannot be activated: the list says why.
    expect(await list.applyAction(offer.id, 'activate')).toBeNull();
    expect(list.actionError.value).toMatch(/archived/);
  });

  test('names the active offers that compete for one slot', async () => {
    const first = await activated(ctaInput({ name: 'Slot one', priority: 77 }));
    const second = await activated(ctaInput({ name: 'Slot two', priority: 77 }));
    await created(ctaInput({ name: 'Slot draft', priority: 77 }));
    const conflicts = slotConflicts(await fetchOffers(client)).filter((c) => c.priority === 77);
    expect(conflicts).toEqual([
      {
        target: first.target,
        priority: 77,
        offers: expect.arrayContaining([
          { id: first.id, name: 'Slot one' },
          { id: second.id, name: 'Slot two' },
        ]),
      },
    ]);
    expect(conflicts[0]?.offers).toHaveLength(2);
  });
});

describe('the offer page', () => {
  test('pauses an active offer and keeps the edits not yet saved', async () => {
    const offer = await activated(ctaInput({ name: 'Paused from its page' }));
    const store = editorFor(offer);
    store.updateCommon('name', 'Renamed, not saved');
    await store.pause();
    expect(store.saved.value?.status).toBe('paused');
    expect(store.values.value.common.name).toBe('Renamed, not saved');
    expect(store.dirty.value).toBe(true);
    expect(toasts()).toEqual(['Offer paused']);
    await store.save();
    expect((await fetchOffer(client, offer.id)).name).toBe('Renamed, not saved');
  });

  test('archives: the page turns read-only, edits are dropped and nothing more is sent', async () => {
    const offer = await activated(ctaInput({ name: 'Archived from its page' }));
    const store = editorFor(offer);
    store.updateCommon('name', 'Lost edit');
    await store.archive();
    expect(store.saved.value?.status).toBe('archived');
    expect(store.readOnly.value).toBe(true);
    expect(store.changed.value).toBe(false);
    expect(store.values.value.common.name).toBe('Archived from its page');
    expect(toasts()).toEqual(['Offer archived']);

    const version = (await fetchOffer(client, offer.id)).version;
    store.updateCommon('name', 'Typed into a read-only page');
    await store.save();
    await store.activate();
    expect(store.formError.value).toBeNull();
    expect((await fetchOffer(client, offer.id)).version).toBe(version);
  });

  test('an archived offer opens read-only; the server refuses edits with 409 offer_archived', async () => {
    const offer = await created(ctaInput({ name: 'Archived elsewhere' }));
    const stale = editorFor(offer);
    await adminCall(t, SHOP_A, 'POST', `/offers/${offer.id}/archive`);
    expect(editorFor(await fetchOffer(client, offer.id)).readOnly.value).toBe(true);

    const patch = await adminCall(t, SHOP_A, 'PATCH', `/offers/${offer.id}`, { name: 'No' });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('offer_archived');

    // A tab opened before the archive learns it on saving, and shows the offer read-only.
    stale.updateCommon('name', 'Too late');
    await stale.save();
    expect(stale.formError.value).toMatch(/archived/);
    expect(stale.conflict.value).toBe(false);
    expect(stale.readOnly.value).toBe(true);
    expect(toasts()).toEqual([]);
  });

  test('duplicates the saved offer and hands the copy to the page', async () => {
    const offer = await activated(ctaInput({ name: 'Copied from its page' }));
    const copies: Offer[] = [];
    const store = editorFor(offer, { onDuplicated: (copy) => copies.push(copy) });
    store.updateCommon('name', 'Unsaved name is not copied');
    const copy = await store.duplicate();
    expect(copies).toEqual([copy]);
    expect(copy).toMatchObject({ name: 'Copied from its page (copy)', status: 'draft' });
    expect(toasts()).toEqual(['Duplicated as “Copied from its page (copy)”']);
  });

  test('saving and activating each confirm', async () => {
    const offer = await created(ctaInput({ name: 'Confirm me' }));
    const store = editorFor(offer);
    store.updateCommon('name', 'Confirmed');
    await store.save();
    await store.activate();
    expect(toasts()).toEqual(['Offer saved', 'Offer activated']);
  });
});

describe('changing the split of a running offer', () => {
  test('asks first, and on confirmation starts a new experiment; the old one stays reachable', async () => {
    const offer = await activated(ctaInput({ name: 'Holdout change', holdout: 0.1 }));
    const store = editorFor(offer);
    setHoldout(store, '20');
    expect(store.splitChange.value).toEqual({
      fromHoldout: 0.1,
      toHoldout: 0.2,
      fromVariants: offer.variants.length,
      toVariants: offer.variants.length,
    });

    await store.save();
    expect(store.awaitingConfirmation.value).toBe('save');
    expect((await fetchOffer(client, offer.id)).version).toBe(offer.version);
    expect(toasts()).toEqual([]);

    // Cancelling keeps the edit and sends nothing.
    store.cancelSplitChange();
    expect(store.awaitingConfirmation.value).toBeNull();
    expect(store.values.value.common.holdoutPercent).toBe('20');
    expect((await fetchOffer(client, offer.id)).version).toBe(offer.version);

    await store.save();
    await store.confirmSplitChange();
    expect(store.awaitingConfirmation.value).toBeNull();
    expect(store.formError.value).toBeNull();
    const saved = await fetchOffer(client, offer.id);
    expect(saved.holdout).toBe(0.2);
    expect(saved.experiment.key).not.toBe(offer.experiment.key);
    expect(toasts()).toEqual(['Offer saved']);

    const experiments = await fetchOfferExperiments(client, offer.id);
    expect(experiments).toEqual([
      expect.objectContaining({
        key: saved.experiment.key,
        holdout: 0.2,
        current: true,
        stoppedAt: null,
      }),
      expect.objectContaining({ key: offer.experiment.key, holdout: 0.1, current: false }),
    ]);
    expect(experiments[1]?.stoppedAt).toEqual(expect.any(Number));
    // The old experiment's report is still there to read.
    const old = await fetchExperimentReport(client, offer.experiment.key, null);
    expect(old.experimentKey).toBe(offer.experiment.key);
  });

  test('adding a variant to a paused offer asks too; saving and activating goes on after it', async () => {
    const offer = await activated(crossSellInput({ name: 'Variant change' }));
    await adminCall(t, SHOP_A, 'POST', `/offers/${offer.id}/pause`);
    const store = editorFor(await fetchOffer(client, offer.id));
    const spec = store.values.value.spec;
    store.updateSpec(
      { ...spec, variants: [...spec.variants, spec.variants[0]!] } as typeof spec,
      'variants',
    );
    expect(store.splitChange.value).toMatchObject({ fromVariants: 1, toVariants: 2 });
    await store.activate();
    expect(store.awaitingConfirmation.value).toBe('activate');
    expect((await fetchOffer(client, offer.id)).status).toBe('paused');
    await store.confirmSplitChange();
    const saved = await fetchOffer(client, offer.id);
    expect(saved.status).toBe('active');
    expect(saved.variants).toHaveLength(2);
    expect(toasts()).toEqual(['Offer activated']);
  });

  test('a draft, or an unchanged split, saves without asking', async () => {
    const draft = await created(crossSellInput({ name: 'Draft holdout', holdout: 0.1 }));
    const store = editorFor(draft);
    setHoldout(store, '30');
    expect(store.splitChange.value).toBeNull();
    await store.save();
    expect(store.awaitingConfirmation.value).toBeNull();
    expect((await fetchOffer(client, draft.id)).holdout).toBe(0.3);

    const live = await activated(crossSellInput({ name: 'Copy edit', holdout: 0.1 }));
    const edit = editorFor(live);
    const spec = edit.values.value.spec;
    edit.updateSpec(
      { ...spec, variants: [crossSellVariant({ heading: 'New words' })] } as typeof spec,
      'variants.0.heading',
    );
    setHoldout(edit, '10');
    expect(edit.splitChange.value).toBeNull();
    await edit.save();
    expect(edit.awaitingConfirmation.value).toBeNull();
    expect((await fetchOffer(client, live.id)).experiment.key).toBe(live.experiment.key);
  });

  test('an invalid form is reported before anything is asked', async () => {
    const offer = await activated(ctaInput({ name: 'Invalid and split', holdout: 0.1 }));
    const store = editorFor(offer);
    setHoldout(store, '20');
    store.updateCommon('name', '');
    await store.save();
    expect(store.awaitingConfirmation.value).toBeNull();
    expect(store.errors.value.name).toBe('Enter a name for this offer.');
  });
});

describe('GET /offers/:id/experiments', () => {
  test('lists one shop’s experiments only', async () => {
    const offer = await created(ctaInput({ name: 'Mine' }));
    const mine = await adminCall(t, SHOP_A, 'GET', `/offers/${offer.id}/experiments`);
    expect(mine.status).toBe(200);
    expect(mine.body.experiments).toHaveLength(1);
    const theirs = await adminCall(t, SHOP_B, 'GET', `/offers/${offer.id}/experiments`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('offer_not_found');
  });
});

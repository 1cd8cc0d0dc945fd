import type { CouponAnswer, EmbedData, StorefrontContent } from '../../../core/storefront/config';
import { chooseOffer } from './choose-offer';
import { createIntentDetector, type IntentEvent, isCheckoutPath } from './intent-detector';
import { couponUrl, discountUrl } from './links';
import { openModal } from './modal';
import { readValue, writeValue } from './storage';
import { LAST_FIRED_KEY, VISITOR_KEY, visitorId } from './visitor';

/**
 * The exit-intent script the app embed loads (deferred). Everything up to intent is local: the
 * config is inlined by the embed, the visitor id is first-party, the arm comes from the shared
 * decide code. The only request is the App Proxy call once intent fires — the treatment gets its
 * code there; the holdout makes the same call (the exposure) and is shown nothing.
 */
async function reveal(
  data: EmbedData,
  offerId: string,
  content: StorefrontContent | undefined,
  visitor: string,
) {
  // Both arms: the visitor id becomes a cart attribute (Shopify's AJAX cart API), so the order's
  // note_attributes link it to this visitor's experiment. Sent only now, after intent.
  fetch(`${data.root}cart/update.js`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ attributes: { [VISITOR_KEY]: visitor } }),
  }).catch(() => {});
  try {
    // Same-origin through the shop's domain: Shopify adds the signature on the way to the app.
    const response = await fetch(couponUrl(data.root, offerId, visitor));
    if (!response.ok || !content) return;
    const { code } = (await response.json()) as CouponAnswer;
    if (code) openModal(content, code, data.strings, discountUrl(data.root, code));
  } catch {
    // A storefront must never break because of us: no code, no modal.
  }
}

function start() {
  const data = JSON.parse(
    document.getElementById('closer-embed')?.textContent || 'null',
  ) as EmbedData | null;
  if (data?.config?.v !== 1 || isCheckoutPath(location.pathname)) return;
  const startedAt = Date.now();
  const visitor = visitorId();
  const choice = chooseOffer(data.config, data.page, visitor, startedAt);
  if (!choice) return;
  const { offer, arm } = choice;
  // Within the frequency cap the detector never fires (holdout alike), so nothing is sent.
  const detector = createIntentDetector(offer.intent, {
    startedAt,
    touch: matchMedia('(pointer:coarse)').matches,
    lastFiredAt: Number(readValue(LAST_FIRED_KEY)) || null,
  });
  const listening = new AbortController();
  const idleTimer = setInterval(() => feed({ type: 'tick', t: Date.now() }), 1000);

  function feed(event: IntentEvent) {
    if (!detector.feed(event)) return;
    listening.abort();
    clearInterval(idleTimer);
    writeValue(LAST_FIRED_KEY, String(event.t));
    void reveal(data!, offer.id, arm.holdout ? undefined : offer.variants[arm.key], visitor);
  }

  const on = <E extends Event>(
    target: EventTarget,
    type: string,
    toEvent: (e: E) => IntentEvent | null,
  ) =>
    target.addEventListener(
      type,
      (e) => {
        const event = toEvent(e as E);
        if (event) feed(event);
      },
      { passive: true, signal: listening.signal },
    );
  on<MouseEvent>(document, 'mousemove', (e) => ({ type: 'move', t: Date.now(), y: e.clientY }));
  on<MouseEvent>(document, 'mouseout', (e) =>
    e.relatedTarget ? null : { type: 'leave', t: Date.now(), y: e.clientY },
  );
  on(window, 'scroll', () => ({ type: 'scroll', t: Date.now(), y: scrollY }));
  on(document, 'visibilitychange', () => ({
    type: document.hidden ? 'hidden' : 'visible',
    t: Date.now(),
  }));
  for (const type of ['keydown', 'pointerdown']) {
    on(document, type, () => ({ type: 'activity', t: Date.now() }));
  }
}

try {
  start();
} catch {
  // Malformed embed data or a browser without what we need: show nothing, break nothing.
}

import { useState } from 'preact/hooks';
import type { HostCartLine } from '../../../../../core/checkout-host.js';
import type { Messages } from '../../../../../core/checkout-preview/messages.js';
import type { OfferKind } from '../../../../../core/offers/catalog.js';
import type { PublishedOffer } from '../../../../../core/offers/published-config.js';
import { RENDERERS } from '../../../../../extension/checkout/src/kinds/index.js';
import type {
  KindRenderer,
  Notice,
} from '../../../../../extension/checkout/src/kinds/kind-props.js';
import { NO_TRACKING } from '../../../../../extension/checkout/src/tracker.js';
import { applyPreviewLineChange, type PreviewVariant, previewCartLines } from './preview-cart.js';
import { createPreviewHost, previewPlacement } from './preview-host.js';

/** Checkout takes a moment to change the cart; the renderer's loading state shows meanwhile. */
const CHANGE_LATENCY_MS = 250;

export interface PreviewSlotProps {
  offer: PublishedOffer;
  /** Every product the form picked, for the preview's cart. */
  variants: ReadonlyMap<string, PreviewVariant>;
  shop: string;
  currency: string;
  language: string;
  messages: Messages;
  /** Changes whenever the offer or language does: the cart and the notices start over. */
  revision: string;
}

interface Session {
  revision: string;
  lines: HostCartLine[];
  notices: Notice[];
}

/**
 * The extension's slot for one offer, inside the preview frame: the kind's real renderer over the
 * preview's cart, with the outcome banners the slot keeps (the extension's OfferSlot does the
 * same; it is not reused because it reads the `shopify` global and picks the arm by checkout
 * token, where the preview names the arm). Nothing is tracked; an add or upgrade changes only this
 * cart, so the merchant sees what the shopper sees next.
 */
export function PreviewSlot(props: PreviewSlotProps) {
  const { offer, variants, shop, currency, language, messages, revision } = props;
  const fresh = (): Session => ({
    revision,
    lines: previewCartLines(offer, variants, currency),
    notices: [],
  });
  const [saved, setSaved] = useState<Session>(fresh);
  const session = saved.revision === revision ? saved : fresh();
  const update = (change: (current: Session) => Session) =>
    setSaved((current) => change(current.revision === revision ? current : fresh()));

  const host = createPreviewHost({
    offer,
    shop,
    currency,
    language,
    messages,
    lines: session.lines,
    async applyCartLinesChange(change) {
      await new Promise((resolve) => setTimeout(resolve, CHANGE_LATENCY_MS));
      update((current) => ({
        ...current,
        lines: applyPreviewLineChange(current.lines, change, variants, currency),
      }));
      return { type: 'success' };
    },
  });
  const placement = previewPlacement(host, offer);
  const notify = (notice: Notice) =>
    update((current) => ({
      ...current,
      notices: [...current.notices.filter((n) => n.text !== notice.text), notice],
    }));

  const content = placement && offer.variants[placement.decision.arm];
  const Renderer = RENDERERS[offer.kind] as KindRenderer<OfferKind> | undefined;
  const drawn = placement && content && Renderer && (
    <Renderer
      key={offer.id}
      host={host}
      placement={placement}
      content={content}
      tracker={NO_TRACKING}
      notify={notify}
    />
  );
  if (!drawn && session.notices.length === 0) return null;
  return (
    <s-stack gap="base">
      {session.notices.map((notice) => (
        <s-banner key={notice.text} tone={notice.tone}>
          {notice.text}
        </s-banner>
      ))}
      {drawn}
    </s-stack>
  );
}

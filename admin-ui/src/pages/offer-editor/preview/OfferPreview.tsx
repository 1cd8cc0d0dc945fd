import { useMemo, useState } from 'preact/hooks';
import { messagesFrom } from '../../../../../core/checkout-preview/messages.js';
import { armLabel, type OfferTarget, TARGET_INFO } from '../../../../../core/offers/catalog.js';
import { canRender } from '../../../../../extension/checkout/src/kinds/index.js';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Card.js';
import { Select } from '../../../components/Select.js';
import { useShop } from '../../../state/shop-store.js';
import type { OfferForm } from '../offer-form.js';
import { EXTENSION_LOCALE_FILES } from './extension-locales.js';
import { PreviewFrame, type PreviewPlacement } from './PreviewFrame.js';
import { PreviewSlot } from './PreviewSlot.js';
import { type PreviewVariant, previewCartLines } from './preview-cart.js';
import { previewGap } from './preview-gap.js';
import { createPreviewHost, previewPlacement } from './preview-host.js';
import { previewLanguages, primaryLocale } from './preview-languages.js';
import { compilePreviewOffer, previewSourceOf } from './preview-offer.js';
import './preview.css';

type Device = 'desktop' | 'mobile';

/** Where each target's slot sits on the checkout page; a target not listed is drawn boxed. */
const PLACEMENTS: Partial<Record<OfferTarget, PreviewPlacement>> = {
  checkout_block: 'main',
  cart_line_list_after: 'summary',
};

/**
 * The frame widths: the column checkout gives the block (plus the page's gutters) in a 1280 px
 * wide desktop checkout — main column 520 px, order summary 440 px, as the sandbox checkout — and
 * the whole width of a 390 px phone.
 */
const DEVICES: Record<Device, { label: string; widths: Record<PreviewPlacement, number> }> = {
  desktop: { label: 'Desktop', widths: { main: 560, summary: 480 } },
  mobile: { label: 'Mobile', widths: { main: 390, summary: 390 } },
};

function caption(device: Device, placement: PreviewPlacement): string {
  if (device === 'mobile') return 'On a phone 390 px wide.';
  return placement === 'main'
    ? 'In the main column of a 1280 px wide checkout (520 px).'
    : 'In the order summary of a 1280 px wide checkout (440 px).';
}

export interface OfferPreviewProps {
  form: OfferForm;
  currency: string;
}

/**
 * What shoppers will see: the checkout extension's own renderer for this kind, drawn with the form
 * as it is typed, at desktop and phone widths, in each language the shop sells in. Buttons work on
 * a cart of the preview's own; nothing is sent anywhere.
 */
export function OfferPreview({ form, currency }: OfferPreviewProps) {
  const shop = useShop();
  const shopData = shop.status === 'ready' ? shop.data : null;
  const shopLocales = shopData?.locales ?? null;
  const languages = useMemo(
    () => previewLanguages(shopLocales, Object.keys(EXTENSION_LOCALE_FILES)),
    [shopLocales],
  );
  const [device, setDevice] = useState<Device>('desktop');
  const [picked, setLanguage] = useState<string | null>(null);
  const [arm, setArm] = useState<string | undefined>(undefined);
  const [followed, setFollowed] = useState<string | null>(null);
  const [restarts, setRestarts] = useState(0);
  const language =
    languages.find((l) => l.locale === picked)?.locale ?? languages[0]?.locale ?? 'en';
  const shopLocale = primaryLocale(shopLocales);
  const messages = useMemo(
    () => messagesFrom(EXTENSION_LOCALE_FILES, language, { shopLocale }),
    [language, shopLocale],
  );

  const source = previewSourceOf(form, currency);
  const { offer, arms } = compilePreviewOffer(source, { currency, ...(arm && { arm }) });
  const shownArm = offer.experiment.arms[0]?.key ?? '';
  const variants = new Map<string, PreviewVariant>(
    source.details.map((d) => [d.variantId, d] as const),
  );
  const shopDomain = shopData?.shop ?? 'shop.myshopify.com';
  const placement = PLACEMENTS[offer.target] ?? 'main';
  const languageLabel = languages.find((l) => l.locale === language)?.label ?? language;
  const revision = `${restarts}|${language}|${JSON.stringify(offer)}`;
  const initialHost = createPreviewHost({
    offer,
    shop: shopDomain,
    currency,
    language,
    messages,
    lines: previewCartLines(offer, variants, currency),
    applyCartLinesChange: async () => ({ type: 'success' }),
  });
  const gap = previewGap(offer, previewPlacement(initialHost, offer));

  if (!canRender(offer.kind)) {
    // Offers drawn by another extension (the storefront's) have no checkout renderer to preview.
    return (
      <Card title="Checkout preview" data-testid="offer-preview">
        <p class="text-secondary" data-testid="offer-preview-gap">
          This offer shows outside checkout ({TARGET_INFO[offer.target].label}); the checkout
          preview cannot draw it.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Checkout preview" data-testid="offer-preview">
      <p class="text-secondary">
        What shoppers see in checkout, drawn by the checkout extension itself. Try the buttons: they
        change only this preview, and nothing is sent.
      </p>
      <div class="Preview-controls">
        <fieldset class="Preview-devices">
          <legend class="visually-hidden">Screen size</legend>
          {(Object.keys(DEVICES) as Device[]).map((key) => (
            <label key={key} class="Preview-device">
              <input
                type="radio"
                name="offer-preview-device"
                value={key}
                checked={device === key}
                onChange={() => setDevice(key)}
                data-testid={`offer-preview-device-${key}`}
              />
              <span>{DEVICES[key].label}</span>
            </label>
          ))}
        </fieldset>
        <Select
          label="Buyer language"
          options={languages.map((l) => ({ value: l.locale, label: l.label }))}
          value={language}
          onChange={setLanguage}
          data-testid="offer-preview-language"
        />
        {arms.length > 1 && (
          <Select
            label="Content variant"
            options={arms.map((key) => ({ value: key, label: armLabel(key) }))}
            value={shownArm}
            onChange={setArm}
            data-testid="offer-preview-variant"
          />
        )}
      </div>
      <p class="text-secondary Preview-note">
        Your copy shows as you typed it in every language; prices and Closer’s own words (labels for
        screen readers, “… more”, confirmations and errors) follow the buyer’s language.
      </p>
      {gap && (
        <p class="Preview-gap" data-testid="offer-preview-gap">
          {gap}
        </p>
      )}
      <PreviewFrame
        width={DEVICES[device].widths[placement]}
        device={device}
        placement={placement}
        language={language}
        title={`Checkout preview: ${DEVICES[device].label}, ${languageLabel}`}
        onFollowLink={setFollowed}
      >
        <PreviewSlot
          offer={offer}
          variants={variants}
          shop={shopDomain}
          currency={currency}
          language={language}
          messages={messages}
          revision={revision}
        />
      </PreviewFrame>
      <div class="Preview-footer">
        <p class="text-secondary">
          {caption(device, placement)} {TARGET_INFO[offer.target].label}.
        </p>
        <Button
          variant="plain"
          onClick={() => {
            setRestarts((n) => n + 1);
            setFollowed(null);
          }}
          data-testid="offer-preview-restart"
        >
          Start over
        </Button>
      </div>
      {followed && (
        <p class="text-secondary" role="status" data-testid="offer-preview-followed">
          Shoppers would open {followed} in a new tab.
        </p>
      )}
    </Card>
  );
}

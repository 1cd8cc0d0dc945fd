import type { CtaIcon } from '../../../../../core/offers/catalog.js';
import { type FieldKey, variantField } from '../form-fields.js';
import type { KindFormModule } from './kind-form.js';

export interface CtaVariantForm {
  heading: string;
  body: string;
  icon: CtaIcon;
  /** The link fields keep their text while switched off, so a mis-click loses nothing. */
  hasLink: boolean;
  linkUrl: string;
  linkLabel: string;
}

export interface CtaForm {
  kind: 'cta';
  variants: CtaVariantForm[];
}

const CTA_VARIANT_FIELDS = ['heading', 'body', 'icon', 'linkUrl', 'linkLabel'] as const;

export const ctaForm: KindFormModule<'cta', CtaForm> = {
  empty: () => ({
    kind: 'cta',
    variants: [
      {
        heading: 'Free returns within 30 days',
        body: '',
        icon: 'return',
        hasLink: false,
        linkUrl: '',
        linkLabel: '',
      },
    ],
  }),
  fromOffer: (offer) => ({
    kind: 'cta',
    variants: offer.variants.map((variant) => ({
      heading: variant.heading,
      body: variant.body,
      icon: variant.icon,
      hasLink: variant.link !== null,
      linkUrl: variant.link?.url ?? '',
      linkLabel: variant.link?.label ?? '',
    })),
  }),
  toInput: (form) => ({
    fields: {
      variants: form.variants.map((variant) => ({
        heading: variant.heading,
        body: variant.body,
        icon: variant.icon,
        link: variant.hasLink ? { url: variant.linkUrl, label: variant.linkLabel } : null,
      })),
    },
    errors: {},
  }),
  fieldKeys: (form) => [
    'variants',
    ...form.variants.flatMap((_, index): FieldKey[] =>
      CTA_VARIANT_FIELDS.map((field) => variantField(index, field)),
    ),
  ],
};

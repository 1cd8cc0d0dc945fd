import {
  KIND_INFO,
  OFFER_KINDS,
  type OfferKind,
  TARGET_INFO,
} from '../../../../core/offers/catalog.js';

export interface KindChoice {
  kind: OfferKind;
  label: string;
  summary: string;
  /** Where the kind can show, one entry per placement. */
  where: string[];
}

/** One card per kind, in the catalogue's order, worded by the catalogue. */
export function kindChoices(): KindChoice[] {
  return OFFER_KINDS.map((kind) => ({
    kind,
    label: KIND_INFO[kind].label,
    summary: KIND_INFO[kind].summary,
    where: KIND_INFO[kind].targets.map((target) => TARGET_INFO[target].label),
  }));
}

/** "Create cross-sell", "Create upsell", "Create trust banner". */
export function createTitle(kind: OfferKind): string {
  return `Create ${KIND_INFO[kind].label.toLowerCase()}`;
}

import { assignArm } from '../decide/decide-offers';
import type { StorefrontOfferSpec } from './build-config';

/**
 * The code the App Proxy hands a visitor who asked after intent fired, or null: unknown or
 * unscheduled offer, a visitor outside coverage, or the holdout (which is exposed but shown
 * nothing). The arm is re-derived here with the same decide code the script ran, so a visitor
 * cannot talk their way into the treatment.
 */
export function sharedCodeFor(
  specs: readonly StorefrontOfferSpec[],
  offerId: string,
  visitorId: string,
  now: number,
): string | null {
  const spec = specs.find((s) => s.id === offerId);
  if (!spec) return null;
  if (spec.startsAt != null && now < spec.startsAt) return null;
  if (spec.endsAt != null && now >= spec.endsAt) return null;
  const arm = assignArm(spec.experiment, visitorId);
  if (!arm || arm.holdout || !spec.variants[arm.key]) return null;
  return spec.sharedCode;
}

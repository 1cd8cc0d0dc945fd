import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { armLabel, LIMITS, VARIANT_ARMS } from '../../../../../core/offers/catalog.js';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Card.js';
import { AlertIcon } from '../../../components/icons.js';
import { type FieldErrors, type FieldKey, variantField } from '../form-fields.js';

interface VariantCardsProps<V> {
  variants: readonly V[];
  errors: FieldErrors;
  onChange: (next: V[], field: FieldKey) => void;
  /** One variant's inputs; `update` hands back the variant and the name of its changed input. */
  children: (
    variant: V,
    index: number,
    update: (next: V, field: string) => void,
  ) => ComponentChildren;
}

/**
 * A/B/n content: one card per variant ("Variant A", "Variant B"… as the report names its arms),
 * each removable while more than one is left, and a button that adds a copy of the last.
 */
export function VariantCards<V>({ variants, errors, onChange, children }: VariantCardsProps<V>) {
  // Stable keys, so removing variant A does not hand B's open search to A's inputs.
  const keys = useRef<number[]>([]);
  const nextKey = useRef(0);
  while (keys.current.length < variants.length) keys.current.push(nextKey.current++);
  keys.current.length = variants.length;

  const nextArm = VARIANT_ARMS[variants.length];
  const last = variants[variants.length - 1];
  const error = errors.variants;
  return (
    <>
      {variants.map((variant, index) => {
        const arm = VARIANT_ARMS[index] ?? `variant_${index}`;
        const label = armLabel(arm);
        return (
          <Card
            key={keys.current[index]}
            title={label}
            data-testid="offer-variant"
            data-key={arm}
            headerActions={
              variants.length > 1 && (
                <Button
                  variant="plain"
                  destructive
                  onClick={() => {
                    keys.current.splice(index, 1);
                    onChange(
                      variants.filter((_, at) => at !== index),
                      'variants',
                    );
                  }}
                  accessibilityLabel={`Remove ${label}`}
                  data-testid="offer-variant-remove"
                >
                  Remove
                </Button>
              )
            }
          >
            {children(variant, index, (next, field) =>
              onChange(
                variants.map((item, at) => (at === index ? next : item)),
                variantField(index, field),
              ),
            )}
          </Card>
        );
      })}
      <div class="VariantAdd">
        {nextArm && last !== undefined && (
          <Button
            onClick={() => onChange([...variants, { ...last }], 'variants')}
            data-testid="offer-variant-add"
          >
            {`Add ${armLabel(nextArm).replace('Variant', 'variant')}`}
          </Button>
        )}
        <p class="Field-help">
          {`Up to ${LIMITS.variants} content variants. Shoppers in the experiment each see one, at random; the report compares every variant with the holdout.`}
        </p>
        {error && (
          <p class="Field-error" role="alert" data-testid="field-error">
            <AlertIcon />
            {error}
          </p>
        )}
      </div>
    </>
  );
}

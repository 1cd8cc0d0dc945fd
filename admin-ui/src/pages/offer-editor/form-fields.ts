/**
 * The editor names each input by a key close to the contract's path ("name", "variants.1.heading",
 * "discount.value", "triggers"), so a contract issue or a server 400 lands on the input at fault.
 */
export type FieldKey = string;
export type FieldErrors = Partial<Record<FieldKey, string>>;

/** The key of one content variant's input: `variantField(1, 'heading')` → "variants.1.heading". */
export function variantField(index: number, field: string): FieldKey {
  return `variants.${index}.${field}`;
}

/** Fields whose whole subtree is one input: any issue inside lands on it. */
const WHOLE_FIELDS = new Set([
  'condition',
  'triggers',
  'replacement',
  'name',
  'target',
  'kind',
  // A hesitation coupon's settings.
  'delaySeconds',
  'skipIfCodeApplied',
  'minimumSubtotal',
  // An exit-intent coupon's settings.
  'codeExpiryHours',
  'combinesWith',
  'intent',
  'pages',
]);

/**
 * A contract issue path → the editor input that shows it, or null when no input owns it (the
 * message then goes to the form's banner).
 */
export function fieldForPath(path: readonly PropertyKey[]): FieldKey | null {
  const [head, index, field, sub] = path;
  if (typeof head !== 'string') return null;
  if (head === 'holdout') return 'holdoutPercent';
  if (head === 'discount') return 'discount.value';
  if (WHOLE_FIELDS.has(head)) return head;
  if (head === 'priority' || head === 'startsAt' || head === 'endsAt') {
    return path.length === 1 ? head : null;
  }
  if (head !== 'variants') return null;
  const variant = typeof index === 'number' ? index : Number(index);
  if (index === undefined || !Number.isInteger(variant)) return 'variants';
  if (typeof field !== 'string') return 'variants';
  if (field === 'link') return variantField(variant, sub === 'label' ? 'linkLabel' : 'linkUrl');
  return variantField(variant, field);
}

/** "variants.2.heading" from the server → ['variants', 2, 'heading'], as zod reports it. */
export function parsePath(dotted: string): PropertyKey[] {
  return dotted.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

// GrowthBook's hashing, written here because @growthbook/growthbook 1.8.0 does not export
// it from its package entry (its `exports` map also blocks deep imports of `util`). It must
// stay bit-for-bit identical to GrowthBook's so that the assignments we report match the
// ones any GrowthBook SDK would compute; the reference suite in test/decide pins that.

/** FNV-1a 32-bit over UTF-16 code units (not UTF-8 bytes), as GrowthBook computes it. */
export function hashFnv1a32(input: string): number {
  let hval = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hval ^= input.charCodeAt(i);
    // Multiplying by the FNV prime 16777619 as shifts keeps the value inside int32 maths.
    hval += (hval << 1) + (hval << 4) + (hval << 7) + (hval << 8) + (hval << 24);
  }
  return hval >>> 0;
}

/**
 * Maps (seed, value) to a number in [0, 1).
 * v2 hashes twice because v1's single pass is biased for seeds sharing a prefix;
 * v1 is kept only so that old GrowthBook cases stay comparable. Unknown versions → null.
 */
export function hash(seed: string, value: string, version: number): number | null {
  if (version === 2) return (hashFnv1a32(String(hashFnv1a32(seed + value))) % 10000) / 10000;
  if (version === 1) return (hashFnv1a32(value + seed) % 1000) / 1000;
  return null;
}

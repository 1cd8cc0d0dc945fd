/**
 * The demo shop's catalog: 20 products with variants, prices (minor units, USD) and inline SVG
 * images, so the demo renders offline with no external URL.
 */
export interface DemoVariant {
  id: string;
  title: string;
  price: number;
  available: boolean;
}

export interface DemoProduct {
  id: string;
  title: string;
  vendor: string;
  productType: string;
  imageUrl: string;
  variants: DemoVariant[];
}

const ROWS: [
  title: string,
  type: string,
  color: string,
  prices: number[],
  variantNames?: string[],
][] = [
  ['Everyday Canvas Tote', 'Bags', '#2f6f4f', [3400]],
  ['Merino Crew Socks', 'Accessories', '#8a5a44', [1400, 1400, 1400], ['S', 'M', 'L']],
  ['Waxed Cotton Cap', 'Accessories', '#3b4a6b', [2800]],
  ['Leather Card Wallet', 'Accessories', '#6b3b2f', [4500]],
  ['Organic Tee', 'Apparel', '#c0504d', [3000, 3000, 3200], ['S', 'M', 'XL']],
  ['Heavyweight Hoodie', 'Apparel', '#4f5b66', [7800, 7800], ['M', 'L']],
  ['Linen Shirt', 'Apparel', '#d9b382', [6400, 6400], ['M', 'L']],
  ['Trail Runner Shoes', 'Footwear', '#1f7a8c', [12900, 12900], ['42', '44']],
  ['Shoe Care Kit', 'Care', '#5c4033', [1900]],
  ['Water-Repellent Spray', 'Care', '#4a7c59', [1200]],
  ['Insulated Bottle 750 ml', 'Outdoor', '#2b59c3', [3200]],
  ['Packable Rain Jacket', 'Outdoor', '#f2a541', [11900, 11900], ['M', 'L']],
  ['Wool Beanie', 'Accessories', '#7a306c', [2400]],
  ['Gift Card', 'Gift', '#e07a5f', [2500, 5000, 10000], ['$25', '$50', '$100']],
  ['Premium Gift Wrap', 'Gift', '#b5179e', [500]],
  ['Extended Warranty (2 years)', 'Service', '#264653', [1500]],
  ['Travel Pouch Set', 'Bags', '#3d405b', [2200]],
  ['Reflective Strap', 'Outdoor', '#81b29a', [900]],
  ['Cotton Bandana', 'Accessories', '#e63946', [1100]],
  ['Recycled Laces (2 pairs)', 'Footwear', '#457b9d', [600]],
  // The upsell demo: one bag in the cart, the 2-pack offered in its place.
  ['House Coffee Beans', 'Pantry', '#6f4e37', [1800, 2600], ['1 bag', '2-pack']],
];

function svgImage(title: string, color: string): string {
  const initials = title
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0])
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160"><rect width="160" height="160" rx="16" fill="${color}"/><text x="80" y="98" font-family="sans-serif" font-size="56" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export const DEMO_CATALOG: DemoProduct[] = ROWS.map(
  ([title, productType, color, prices, names], i) => ({
    id: `gid://shopify/Product/${1001 + i}`,
    title,
    vendor: 'Closer Demo Goods',
    productType,
    imageUrl: svgImage(title, color),
    variants: prices.map((price, j) => ({
      id: `gid://shopify/ProductVariant/${20_001 + i * 10 + j}`,
      title: names?.[j] ?? 'Default Title',
      price,
      // One sold-out variant, so "unavailable" paths have something to show.
      available: !(i === 11 && j === 1),
    })),
  }),
);

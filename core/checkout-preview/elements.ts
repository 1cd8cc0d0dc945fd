import { CHECKOUT_ELEMENT_TAGS, type CheckoutElementTag } from './element-tags';

/**
 * Stand-ins for the Polaris web components the extension renders, close enough to Shopify's
 * checkout look to judge an offer by. Preact sets unknown props on custom elements as (lower-cased)
 * attributes, so each element reads attributes only and defines no properties of its own.
 *
 * Used by the demo sandbox's extension frames and by the admin's live preview. Both draw into a
 * frame of their own, so the definitions go into that frame's registry (a custom element class
 * must extend the `HTMLElement` of the window it is defined in).
 */
const SPACE: Record<string, string> = {
  none: '0',
  'small-500': '2px',
  'small-400': '4px',
  'small-300': '6px',
  'small-200': '8px',
  'small-100': '10px',
  small: '8px',
  base: '12px',
  'large-100': '16px',
  large: '16px',
  'large-200': '20px',
  'large-300': '24px',
};
const space = (value: string | null) => SPACE[value ?? 'none'] ?? '0';

const STYLES: Record<CheckoutElementTag, string> = {
  's-stack': ':host{display:flex;flex-direction:column;min-width:0}',
  // Holds text for a button's `--copy` command; draws nothing.
  's-clipboard-item': ':host{display:none}',
  's-grid': ':host{display:grid;min-width:0}',
  's-heading': ':host{display:block;font-size:16px;font-weight:600;line-height:1.3;color:#000}',
  's-text':
    ':host{display:block;font-size:14px;line-height:1.45;color:#000}:host([type=strong]){font-weight:600}:host([color=subdued]){color:#707070}:host([type=redundant]){text-decoration:line-through}',
  's-icon':
    ':host{display:inline-flex;width:24px;height:24px;color:#1773b0}svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}',
  's-link':
    ':host{display:inline}a{color:#1773b0;text-decoration:underline;cursor:pointer;font-size:14px}',
  's-product-thumbnail':
    ':host{display:block;position:relative;width:64px;height:64px;border-radius:8px;background:#ebebeb}img{width:64px;height:64px;border-radius:8px;border:1px solid rgba(0,0,0,.1);object-fit:cover;background:#fff;box-sizing:border-box}',
  's-button': `:host{display:inline-block}
    button{font:inherit;font-size:14px;font-weight:600;padding:11px 18px;border-radius:5px;cursor:pointer;position:relative;
      border:1px solid #1773b0;background:#fff;color:#1773b0;min-width:72px}
    :host([variant=primary]) button{background:#1773b0;color:#fff}
    button:hover{background:#f0f6fb}:host([variant=primary]) button:hover{background:#135f91}
    button:disabled{cursor:default;opacity:.55}
    :host([loading]) button{opacity:1}:host([loading]) .label{visibility:hidden}
    .spinner{display:none;position:absolute;inset:0;margin:auto;width:16px;height:16px;border-radius:50%;
      border:2px solid currentColor;border-right-color:transparent;animation:spin .7s linear infinite}
    :host([loading]) .spinner{display:block}@keyframes spin{to{transform:rotate(360deg)}}`,
  's-banner': `:host{display:block}
    div{padding:12px 14px;border-radius:5px;font-size:14px;line-height:1.45;background:#eaf4ff;color:#00325c;border:1px solid #b6d8fb}
    :host([tone=critical]) div{background:#fdeceb;color:#8e1f0b;border-color:#f7c3bd}
    :host([tone=warning]) div{background:#fff5d6;color:#5e4200;border-color:#f0d68a}
    :host([tone=success]) div{background:#eaf6ec;color:#0c5132;border-color:#b4dfbf}
    strong{display:block;margin-bottom:2px}`,
};

const TEMPLATES: Partial<Record<CheckoutElementTag, string>> = {
  's-product-thumbnail': '<img alt="">',
  's-button':
    '<button type="button"><span class="spinner"></span><span class="label"><slot></slot></span></button>',
  's-banner': '<div role="status"><strong hidden></strong><slot></slot></div>',
  's-icon': '<svg viewBox="0 0 24 24" aria-hidden="true"><path></path></svg>',
  's-link': '<a><slot></slot></a>',
};

/** Outlines of the Polaris icons the extension asks for (by `type`); others draw a circle. */
const ICON_PATHS: Record<string, string> = {
  'check-circle': 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 12.5l2.7 2.7L16 9.8',
  truck:
    'M2 6h11v10H2zM13 9h4l4 4v3h-8zM6 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM17 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  return: 'M9 7H4V2M4.5 7A8.5 8.5 0 1 1 3.5 13',
  lock: 'M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4',
  star: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9z',
};
const CIRCLE = 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z';

export interface ElementOptions {
  /** Where a followed `s-link` is reported; neither the sandbox nor the preview navigates away. */
  onFollowLink(href: string, target: string | null): void;
}

/** A window whose registry receives the elements: the page's own, or a frame's. */
export type ElementWindow = Pick<typeof globalThis, 'HTMLElement' | 'customElements'>;

function createElementClass(win: ElementWindow, options: ElementOptions) {
  return class CheckoutElement extends win.HTMLElement {
    static observedAttributes = [
      'gap',
      'gridtemplatecolumns',
      'alignitems',
      'direction',
      'src',
      'alt',
      'loading',
      'disabled',
      'accessibilitylabel',
      'heading',
      'type',
      'href',
    ];

    constructor() {
      super();
      const tag = this.localName as CheckoutElementTag;
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${STYLES[tag]}</style>${TEMPLATES[tag] ?? '<slot></slot>'}`;
      // Like Polaris: a disabled or loading button swallows clicks before app handlers see them.
      this.addEventListener(
        'click',
        (event) => {
          if (this.hasAttribute('disabled') || this.hasAttribute('loading'))
            event.stopImmediatePropagation();
        },
        { capture: true },
      );
      // Like Polaris: the app's click handler runs, then the link is followed — here reported
      // instead of leaving the page. On the host, so a click anywhere on it counts.
      // Like Polaris: `command="--copy"` copies the text of the `s-clipboard-item` named by
      // `commandFor`, which then fires `copy` (or `copyerror`).
      if (this.localName === 's-button') {
        this.addEventListener('click', () => {
          if (this.getAttribute('command') !== '--copy') return;
          const id = this.getAttribute('commandfor') ?? '';
          const item = this.ownerDocument.getElementById(id);
          if (item?.localName !== 's-clipboard-item') return;
          const text = item.getAttribute('text') ?? '';
          const clipboard = this.ownerDocument.defaultView?.navigator.clipboard;
          Promise.resolve(clipboard ? clipboard.writeText(text) : Promise.reject()).then(
            () => item.dispatchEvent(new Event('copy')),
            () => item.dispatchEvent(new Event('copyerror')),
          );
        });
      }
      if (this.localName === 's-link') {
        this.addEventListener('click', (event) => {
          event.preventDefault();
          const href = this.getAttribute('href');
          if (href) queueMicrotask(() => options.onFollowLink(href, this.getAttribute('target')));
        });
      }
    }

    connectedCallback() {
      this.sync();
    }

    attributeChangedCallback() {
      this.sync();
    }

    private sync() {
      const root = this.shadowRoot;
      if (!root) return;
      this.style.gap = space(this.getAttribute('gap'));
      if (this.localName === 's-stack' && this.getAttribute('direction') === 'inline')
        this.style.flexDirection = 'row';
      const columns = this.getAttribute('gridtemplatecolumns');
      if (columns) this.style.gridTemplateColumns = columns;
      const align = this.getAttribute('alignitems');
      if (align) this.style.alignItems = align;
      const img = root.querySelector('img');
      if (img) {
        // Without a source Shopify shows a neutral placeholder, not a broken image.
        const src = this.getAttribute('src');
        if (src) img.src = src;
        else img.removeAttribute('src');
        img.alt = this.getAttribute('alt') ?? '';
        img.style.visibility = src ? 'visible' : 'hidden';
      }
      const button = root.querySelector('button');
      if (button) {
        button.disabled = this.hasAttribute('disabled') || this.hasAttribute('loading');
        const label = this.getAttribute('accessibilitylabel');
        if (label) button.setAttribute('aria-label', label);
        button.setAttribute('aria-busy', String(this.hasAttribute('loading')));
      }
      const path = this.localName === 's-icon' ? root.querySelector('path') : null;
      path?.setAttribute('d', ICON_PATHS[this.getAttribute('type') ?? ''] ?? CIRCLE);
      const anchor = root.querySelector('a');
      if (anchor) anchor.href = this.getAttribute('href') ?? '';
      const heading = root.querySelector('strong');
      if (heading) {
        heading.textContent = this.getAttribute('heading') ?? '';
        heading.hidden = !this.getAttribute('heading');
      }
    }
  };
}

/** Defines every stand-in in `win`'s registry; tags the window already has are left alone. */
export function defineCheckoutElements(win: ElementWindow, options: ElementOptions) {
  const Element = createElementClass(win, options);
  for (const tag of CHECKOUT_ELEMENT_TAGS) {
    if (!win.customElements.get(tag)) win.customElements.define(tag, class extends Element {});
  }
}

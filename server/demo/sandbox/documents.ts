import { html, raw } from 'hono/html';
import { FAVICON_LINK } from '../../routes/favicon.js';
import type { SandboxData } from './client/sandbox-types.js';

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

// Checkout's look: system font, white main column, grey summary column, Shopify's blue. On a
// phone (≤ 750 px) one column, summary first, and the debug panel joins the page's flow after
// *Pay now* instead of floating over it.
const PAGE_CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#000;background:#fff}
.shop-header{display:flex;justify-content:space-between;align-items:center;padding:20px max(24px,calc(50% - 560px));border-bottom:1px solid #dedede}
.logo{font-size:22px;font-weight:600;letter-spacing:-.01em}.badge{font-size:12px;color:#707070;border:1px solid #dedede;border-radius:99px;padding:2px 10px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);min-height:calc(100vh - 73px)}
.main{padding:32px 40px 48px max(24px,calc(100% - 560px));display:flex;flex-direction:column;gap:28px;max-width:100%}
.main>*{max-width:520px;width:100%}
.summary{background:#f5f5f5;border-left:1px solid #dedede;padding:32px max(24px,calc(100% - 520px)) 32px 40px;display:flex;flex-direction:column;gap:20px}
.summary>*{max-width:440px}
h1{font-size:24px;margin:0 0 8px}h2{font-size:18px;font-weight:600;margin:0 0 12px}
.crumbs{font-size:13px;color:#707070}.muted{color:#707070;font-size:13px;margin:0 0 10px}
.field{font:inherit;width:100%;padding:12px 11px;border:1px solid #dedede;border-radius:5px;background:#fff}
.fields{display:grid;grid-template-columns:1fr 1fr;gap:12px}.fields .wide{grid-column:1/-1}.card{background:#f5f5f5;padding:14px;border:1px solid #dedede;border-radius:5px}
.option{display:flex;justify-content:space-between;padding:14px;border:1px solid #1773b0;background:#f0f6fb;border-radius:5px}
.pay{font:inherit;font-size:16px;font-weight:600;padding:18px;border:0;border-radius:5px;background:#1773b0;color:#fff;cursor:pointer}
.pay:disabled{opacity:.6}.secondary{font:inherit;padding:12px 16px;border:1px solid #1773b0;color:#1773b0;background:#fff;border-radius:5px;cursor:pointer}
.error{color:#8e1f0b}
.extension-slot{display:block;width:100%;border:0;height:0;background:transparent}
.main .extension-slot:not(.filled){margin-top:-28px}.summary .extension-slot:not(.filled){margin-top:-20px}
.main .extension-slot.filled{border:1px solid #dedede;border-radius:5px;padding:0}
.lines{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:14px}
.line{display:grid;grid-template-columns:64px 1fr auto;gap:14px;align-items:center}
.thumb{position:relative;width:64px;height:64px}.thumb img{width:64px;height:64px;border-radius:8px;border:1px solid rgba(0,0,0,.1);background:#fff}
.qty{position:absolute;top:-8px;right:-8px;min-width:21px;height:21px;border-radius:11px;background:#666;color:#fff;font-size:12px;display:flex;align-items:center;justify-content:center;padding:0 6px}
.line-price{display:flex;flex-direction:column;align-items:flex-end}.line-price .was{color:#707070;font-size:12px}
.line-title{font-weight:500}.line-title small{display:block;color:#707070;font-weight:400;font-size:12px}.line-title .tag{color:#0c5132}
.totals{display:grid;grid-template-columns:1fr auto;gap:8px;margin:0}.totals dt,.totals dd{margin:0}.totals dd{text-align:right}
.totals .total{font-size:18px;font-weight:600;padding-top:8px}.totals .total small{font-size:12px;color:#707070;font-weight:400}
.thanks h1{font-size:26px}
.debug{position:fixed;right:16px;bottom:16px;width:360px;max-height:45vh;overflow:auto;background:#1f2124;color:#e8e8e8;border-radius:10px;padding:12px 14px;font-size:12px;box-shadow:0 6px 24px rgba(0,0,0,.25)}
.debug h2{font-size:13px;margin:0 0 6px;color:#fff}.debug .muted{color:#a9a9a9;font-size:11px;margin:6px 0}
.debug-row{display:flex;gap:6px;flex-wrap:wrap;align-items:center;margin-bottom:6px}.debug input[name=token]{width:150px;font:inherit;padding:2px 4px}
.debug button{font:inherit;padding:2px 8px;border-radius:4px;border:1px solid #555;background:#2c2f33;color:#fff;cursor:pointer}
.debug ul,.debug ol{margin:4px 0;padding-left:18px}.debug code{color:#9cdcfe}.debug strong{color:#ffd479}
.debug select{max-width:170px;font:inherit}
@media (max-width:750px){
.shop-header{padding:16px}.layout{grid-template-columns:minmax(0,1fr)}
.main{padding:24px 16px 48px}.summary{order:-1;padding:24px 16px;border-left:0;border-bottom:1px solid #dedede}
.fields{grid-template-columns:minmax(0,1fr)}
.debug{position:static;width:auto;max-height:none;margin:0 16px 16px}
}
`;

export function renderSandboxPage(data: SandboxData) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Checkout — ${data.shopName} (Closer sandbox)</title>
    ${raw(FAVICON_LINK)}
    <style>${raw(PAGE_CSS)}</style>
    <script id="sandbox-data" type="application/json">${raw(scriptJson(data))}</script>
    <script type="module" src="/sandbox/assets/page.js"></script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`;
}

/** The document each extension target runs in; its body is the extension's `document.body`. */
export function renderSandboxFrame() {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <style>
      html,body{margin:0;padding:0;background:transparent;overflow:hidden}
      body{display:flow-root;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
      body[data-placement=main]:has(> *){padding:16px}
    </style>
    <script type="module" src="/sandbox/assets/frame.js"></script>
  </head>
  <body></body>
</html>`;
}

/**
 * The modal's styles. Themable through CSS custom properties (the embed's settings set them on
 * :root; a theme may override them on `.closer-backdrop`): --closer-bg, --closer-fg,
 * --closer-accent, --closer-accent-fg, --closer-radius, --closer-font, --closer-backdrop.
 * The entrance animation runs only under `prefers-reduced-motion: no-preference`.
 */
export const MODAL_CSS =
  '.closer-backdrop{--a:var(--closer-accent,#222);--r:var(--closer-radius,12px);position:fixed;inset:0;z-index:2147483000;display:grid;place-items:center;padding:1rem;background:var(--closer-backdrop,#0009)}' +
  '.closer-dialog{position:relative;display:grid;gap:.75rem;max-width:26rem;padding:2rem 1.5rem 1.5rem;border-radius:var(--r);background:var(--closer-bg,#fff);color:var(--closer-fg,#222);font:var(--closer-font,inherit);text-align:center}' +
  '.closer-dialog>*{margin:0;color:inherit}' +
  '.closer-dialog strong{display:block;font:700 1.3em monospace;letter-spacing:.08em}' +
  '.closer-x{position:absolute;top:.5rem;right:.5rem;border:0;background:none;font-size:1.5em;cursor:pointer}' +
  '.closer-c{padding:.75rem;border:2px solid var(--a);border-radius:var(--r);background:none;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}' +
  '.closer-dialog a{background:var(--a);color:var(--closer-accent-fg,#fff)}' +
  '.closer-dialog :focus-visible{outline:2px solid var(--a);outline-offset:2px}' +
  '@media (prefers-reduced-motion:no-preference){.closer-dialog{animation:closer-in .25s}}' +
  '@keyframes closer-in{from{opacity:0;transform:translateY(1rem)}}';

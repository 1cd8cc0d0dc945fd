import { type ComponentChildren, render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  defineCheckoutElements,
  type ElementWindow,
} from '../../../../../core/checkout-preview/elements.js';

export type PreviewPlacement = 'main' | 'summary';

/**
 * The frame's own page: checkout's font and colours, the block boxed in the main column or flush in
 * the order summary, as the sandbox checkout lays them out. Its width is set from outside.
 */
const FRAME_CSS = `
html,body{margin:0}
body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#000;background:#fff;padding:16px 20px;overflow:hidden}
body[data-device=mobile]{padding:16px}
body[data-placement=summary]{background:#f5f5f5}
.slot{display:block}
body[data-placement=main] .slot{border:1px solid #dedede;border-radius:5px;padding:16px}
.slot:empty,.slot:has(> s-stack:empty){display:none}
`;
const FRAME_DOCUMENT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout preview</title><style>${FRAME_CSS}</style></head><body></body></html>`;

interface PreviewFrameProps {
  /** CSS pixels the frame's page is wide: the column a checkout of that size gives the block. */
  width: number;
  device: string;
  placement: PreviewPlacement;
  language: string;
  title: string;
  onFollowLink(href: string): void;
  children: ComponentChildren;
}

/**
 * An isolated page for the extension's markup: its own document (so neither the admin's styles nor
 * checkout's reach the other) and its own custom element registry (so the `s-*` stand-ins never
 * meet the admin's elements). The children are rendered into it by this page's Preact, so they
 * update with the form; the frame grows with what they draw and shrinks to fit a narrow screen.
 */
export function PreviewFrame(props: PreviewFrameProps) {
  const { width, device, placement, language, title, children } = props;
  const frameRef = useRef<HTMLIFrameElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  const [height, setHeight] = useState(0);
  const [scale, setScale] = useState(1);
  const followLink = useRef(props.onFollowLink);
  followLink.current = props.onFollowLink;

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    let observer: ResizeObserver | null = null;
    const ready = () => {
      const win = frame.contentWindow as (Window & ElementWindow) | null;
      const doc = frame.contentDocument;
      if (!win || !doc?.body) return;
      defineCheckoutElements(win, { onFollowLink: (href) => followLink.current(href) });
      const page = doc.body;
      observer?.disconnect();
      observer = new ResizeObserver(() =>
        setHeight(Math.ceil(page.getBoundingClientRect().height)),
      );
      observer.observe(page);
      setBody(page);
    };
    frame.addEventListener('load', ready);
    return () => {
      frame.removeEventListener('load', ready);
      observer?.disconnect();
    };
  }, []);

  useEffect(() => {
    if (!body) return;
    body.ownerDocument.documentElement.lang = language;
    body.dataset.device = device;
    body.dataset.placement = placement;
    render(<main class="slot">{children}</main>, body);
  });
  useEffect(() => () => body && render(null, body), [body]);

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const fitToStage = () => setScale(Math.min(1, stage.clientWidth / width));
    const observer = new ResizeObserver(fitToStage);
    observer.observe(stage);
    fitToStage();
    return () => observer.disconnect();
  }, [width]);

  return (
    <div class="Preview-stage" ref={stageRef} style={{ height: `${Math.ceil(height * scale)}px` }}>
      <iframe
        ref={frameRef}
        class="Preview-frame"
        title={title}
        srcdoc={FRAME_DOCUMENT}
        data-testid="offer-preview-frame"
        data-device={device}
        style={{
          width: `${width}px`,
          height: `${height}px`,
          transform: scale < 1 ? `scale(${scale})` : 'none',
        }}
      />
    </div>
  );
}

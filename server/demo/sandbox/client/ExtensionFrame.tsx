import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A slot where checkout renders an extension target. The frame grows with what the extension
 * draws, and takes no space when it draws nothing (the holdout).
 */
export function ExtensionFrame({ target }: { target: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(0);

  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    let observer: ResizeObserver | null = null;
    const watch = () => {
      const body = frame.contentDocument?.body;
      if (!body) return;
      observer?.disconnect();
      observer = new ResizeObserver(() => setHeight(body.scrollHeight));
      observer.observe(body);
    };
    frame.addEventListener('load', watch);
    watch();
    return () => {
      frame.removeEventListener('load', watch);
      observer?.disconnect();
    };
  }, []);

  return (
    <iframe
      ref={ref}
      class={height > 0 ? 'extension-slot filled' : 'extension-slot'}
      data-target={target}
      title={`Extension target ${target}`}
      src={`/sandbox/frame?target=${encodeURIComponent(target)}`}
      style={{ height: `${height}px` }}
    />
  );
}

import { useEffect, useRef, useState } from 'react';

/** Long side of an image as previewed (device pixels): enough to read a scanned document. */
export const PREVIEW_EDGE = 2000;

/**
 * An image decoded by the browser (createImageBitmap, off the main thread where it can) and drawn
 * into a canvas no larger than PREVIEW_EDGE: a 40-megapixel scan becomes a few megabytes on
 * screen. Only bitmap types reach here (the store takes PNG, JPEG and WebP: never SVG, which could
 * carry script).
 */
export function ImagePreview({ bytes, mediaType, title }: { bytes: Uint8Array; mediaType: string; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [info, setInfo] = useState<string>('Opening the image…');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const bitmap = await createImageBitmap(new Blob([bytes.slice().buffer], { type: mediaType }));
        const scale = Math.min(1, PREVIEW_EDGE / Math.max(bitmap.width, bitmap.height));
        const c = canvas.current;
        if (!c || cancelled) return bitmap.close();
        c.width = Math.max(1, Math.round(bitmap.width * scale));
        c.height = Math.max(1, Math.round(bitmap.height * scale));
        const ctx = c.getContext('2d');
        ctx?.drawImage(bitmap, 0, 0, c.width, c.height);
        setInfo(scale < 1 ? `${bitmap.width} × ${bitmap.height} pixels, shown at ${c.width} × ${c.height}` : `${bitmap.width} × ${bitmap.height} pixels`);
        bitmap.close();
      } catch {
        if (!cancelled) setInfo('This image could not be shown: its content is damaged or not an image.');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [bytes, mediaType]);
  return (
    <figure className="image-preview">
      <canvas ref={canvas} role="img" aria-label={title} width={1} height={1} />
      <figcaption className="hint">{info}</figcaption>
    </figure>
  );
}

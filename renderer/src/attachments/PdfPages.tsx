import { useEffect, useRef, useState } from 'react';
import { openPdf } from './pdfjs';

/** Pages are drawn at most this wide (CSS pixels), times the screen's pixel ratio (up to 2). */
const PAGE_WIDTH = 820;

/**
 * A PDF drawn page by page into canvases (pdf.js): no plugin, no viewer, nothing in the PDF runs.
 * Used for a record's preview before signing and for attached PDFs.
 */
export function PdfPages({ bytes, title }: { bytes: Uint8Array; title: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages?: number; drawn: number; error?: string }>({ drawn: 0 });

  useEffect(() => {
    let cancelled = false;
    const el = host.current;
    if (!el) return;
    el.replaceChildren();
    setState({ drawn: 0 });
    void (async () => {
      try {
        const doc = await openPdf(bytes);
        if (cancelled) return void doc.loadingTask.destroy();
        setState({ pages: doc.numPages, drawn: 0 });
        const ratio = Math.min(2, window.devicePixelRatio || 1);
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          const page = await doc.getPage(n);
          const base = page.getViewport({ scale: 1 });
          const cssWidth = Math.min(PAGE_WIDTH, el.clientWidth || PAGE_WIDTH);
          const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${title}, page ${n} of ${doc.numPages}`);
          canvas.className = 'pdf-page';
          el.append(canvas);
          await page.render({ canvas, viewport }).promise;
          page.cleanup();
          if (!cancelled) setState((s) => ({ ...s, drawn: n }));
        }
        await doc.loadingTask.destroy();
      } catch (err) {
        if (!cancelled) setState((s) => ({ ...s, error: `This PDF could not be shown: ${err instanceof Error ? err.message : String(err)}` }));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [bytes, title]);

  return (
    <div className="pdf-pages">
      <p className="hint" role="status">
        {state.error ?? (state.pages === undefined ? 'Opening the PDF…' : state.drawn < state.pages ? `Drawing page ${state.drawn + 1} of ${state.pages}…` : `${state.pages} ${state.pages === 1 ? 'page' : 'pages'}`)}
      </p>
      {/* Focusable, so the pages can be scrolled from the keyboard where the host scrolls. */}
      <div ref={host} className="pdf-canvas-host" role="region" aria-label={`${title}: pages`} tabIndex={0} />
    </div>
  );
}

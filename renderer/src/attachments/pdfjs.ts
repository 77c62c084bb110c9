/**
 * pdf.js, loaded only when a PDF is first shown (it is ~450 KB; the initial bundle stays small).
 * Under the app's CSP: the worker is a file of the app itself (worker-src 'self'), pdf.js 6 has no
 * eval path, WebAssembly decoders are off (no 'wasm-unsafe-eval'), PDF scripts, XFA forms and
 * every network fetch are off, so a PDF is only ever drawn, never run.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

let loading: Promise<typeof import('pdfjs-dist')> | undefined;

export function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loading;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await loadPdfjs();
  return lib.getDocument({
    // pdf.js transfers the buffer to its worker: give it a copy, so the caller's bytes stay usable.
    data: bytes.slice(),
    enableXfa: false,
    useWasm: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: true,
    stopAtErrors: false,
  }).promise;
}

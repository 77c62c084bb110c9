/**
 * Observable Plot under the app's CSP (style-src 'self': no inline <style>). Plot appends one
 * <style> element to every chart; we draw in a detached document, take that element out before
 * the chart reaches the page (so the browser never sees it), and give the same rules from
 * dashboard.css. Plot's own inline styles are set through the CSSOM, which CSP allows.
 * docs/decisions/manager-02-dashboard-charts.md says why Plot.
 */
import * as Plot from '@observablehq/plot';

export { Plot };

/** Chart colours: the app's palette, distinct for colour-blind readers (Okabe–Ito order). */
export const palette = { met: '#1d6b35', departed: '#b26b00', missing: '#8a1c1c', child: '#0b5a7a', adult: '#7a2e8a', neutral: '#4a5561' } as const;

let scratch: Document | undefined;

export function renderPlot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  scratch ??= document.implementation.createHTMLDocument('plot');
  const node = Plot.plot({ ...options, document: scratch, className: 'plot' });
  for (const style of node.querySelectorAll('style')) style.remove();
  return document.importNode(node, true);
}

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { renderPlot, type Plot } from './plot';

/**
 * One chart: a heading, the picture, its text alternative in words (shown, and what the picture is
 * labelled by), then its data table (children). The picture is decoration for the words and the
 * table, which say everything it says.
 */
export function Chart({ title, alt, plot, children }: { title: string; alt: string; plot: () => Plot.PlotOptions; children?: ReactNode }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const svg = renderPlot(plot());
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', `${id}-title ${id}-alt`);
    // The marks' own labels would be read one by one; the words below say it once.
    for (const g of svg.querySelectorAll('[aria-label]')) if (g !== svg) g.removeAttribute('aria-label');
    svg.removeAttribute('aria-label');
    el.replaceChildren(svg);
    return () => el.replaceChildren();
  }, [plot, id]);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <div ref={box} className="chart-picture" />
      <p id={`${id}-alt`} className="chart-alt">
        {alt}
      </p>
      {children}
    </figure>
  );
}

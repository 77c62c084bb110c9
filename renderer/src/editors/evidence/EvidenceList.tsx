import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';

/** A first guess at one evidence card's height; each card is measured once drawn. */
const ESTIMATE_PX = 900;
/** Cards drawn beyond the window, above and below. */
const OVERSCAN = 1;

interface Props {
  count: number;
  /** The item's stable id (the card keeps its state while items before it come and go). */
  keyOf(index: number): string;
  /** What the jump list calls the item ("Evidence 4: Tazkira"). */
  labelOf(index: number): string;
  /**
   * An item that must be drawn now and scrolled to: the one a refused save names (so its message
   * is on the page when the error summary looks for it) or the one just added. `seq` repeats a request.
   */
  reveal?: { index: number; seq: number };
  children(index: number): ReactNode;
}

/**
 * The evidence cards, virtualised against the page's own scroll (TanStack Virtual): only the cards
 * in view (and one beyond each edge) exist, so a case with 200 items opens as fast as one with 3
 * (issue 13.3; 200 cards at once took over a second to draw).
 *
 * Every item stays reachable by keyboard: the card holding focus and its neighbours are always
 * drawn, so Tab from the last control of a card lands in the next card (and Shift+Tab in the one
 * before), and the browser scrolls it into view, which draws the next one again. "Go to item"
 * jumps straight to any card and focuses its first control. Cards are in the DOM in item order.
 */
export function EvidenceList({ count, keyOf, labelOf, reveal, children }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  const [focused, setFocused] = useState<number>();
  const [focusFirstOf, setFocusFirstOf] = useState<number>();

  // The list's distance from the top of the page: what the window scroll is measured against.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - margin) >= 1) setMargin(top);
  });

  const pinned = useMemo(() => {
    const out = new Set<number>();
    if (focused !== undefined) for (const i of [focused - 1, focused, focused + 1]) out.add(i);
    if (reveal) out.add(reveal.index);
    if (focusFirstOf !== undefined) out.add(focusFirstOf);
    return [...out].filter((i) => i >= 0 && i < count);
  }, [focused, reveal, focusFirstOf, count]);

  const rangeExtractor = useCallback((range: Range) => [...new Set([...defaultRangeExtractor(range), ...pinned])].sort((a, b) => a - b), [pinned]);

  const virtual = useWindowVirtualizer({
    count,
    estimateSize: () => ESTIMATE_PX,
    overscan: OVERSCAN,
    scrollMargin: margin,
    rangeExtractor,
    getItemKey: keyOf,
  });

  useEffect(() => {
    if (reveal && reveal.index < count) virtual.scrollToIndex(reveal.index, { align: 'start' });
    // Only a new request scrolls (`virtual` is the same object from render to render).
  }, [reveal?.seq]);

  // After a jump: focus the first control of the card once it is drawn.
  useEffect(() => {
    if (focusFirstOf === undefined) return;
    const card = list.current?.querySelector<HTMLElement>(`[data-index="${focusFirstOf}"]`);
    const control = card?.querySelector<HTMLElement>('select, input, textarea, button');
    if (!control) return;
    control.focus();
    setFocusFirstOf(undefined);
  });

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const card = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (card) setFocused(Number(card.dataset.index));
  };

  return (
    <>
      {count > 3 ? <JumpTo count={count} labelOf={labelOf} onGo={(i) => (virtual.scrollToIndex(i, { align: 'start' }), setFocusFirstOf(i))} /> : null}
      <div ref={list} className="evidence-list" style={{ position: 'relative', height: virtual.getTotalSize() }} onFocus={onFocus}>
        {virtual.getVirtualItems().map((v) => (
          <div
            key={v.key}
            data-index={v.index}
            ref={virtual.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start - virtual.options.scrollMargin}px)` }}
          >
            {children(v.index)}
          </div>
        ))}
      </div>
    </>
  );
}

/** One tab stop that reaches any item: a list of them and a button (no move on a mere arrow key). */
function JumpTo({ count, labelOf, onGo }: { count: number; labelOf(i: number): string; onGo(i: number): void }) {
  const id = useId();
  const [choice, setChoice] = useState(0);
  const at = Math.min(choice, count - 1);
  return (
    <div className="evidence-jump">
      <label htmlFor={id}>Go to item</label>
      <select id={id} value={at} onChange={(e) => setChoice(Number(e.target.value))}>
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i}>
            {labelOf(i)}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={() => onGo(at)}>
        Go
      </button>
      <p className="hint">
        {count} items. Only the items near where you are are drawn: Tab and Shift+Tab move through all of them, and scrolling shows the rest.
      </p>
    </div>
  );
}

/** Layout for the part forms: fields side by side where there is room, one under another where there is not. */
import type { ReactNode } from 'react';

/**
 * A grid of fields (the shared `inline-fields` class caps inputs at 10rem, which cuts off names
 * and organisations).
 */
export function FieldGrid({ children }: { children: ReactNode }) {
  return <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(15rem, 1fr))', columnGap: '1.25rem', alignItems: 'start' }}>{children}</div>;
}

/** Fields in a wrapping row, each cell wide enough for a date and time (FieldCell). */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1.5rem', alignItems: 'flex-end' }}>{children}</div>;
}

export function FieldCell({ children, width = '16rem' }: { children: ReactNode; width?: string }) {
  return <div style={{ flex: `0 1 ${width}`, minWidth: 0 }}>{children}</div>;
}

/** The title of one item in a list (a participant, an indicator): sized like a field group, below the section heading. */
export function ItemTitle({ children }: { children: ReactNode }) {
  return <h5 style={{ fontSize: '1rem', margin: '0.5rem 0 0' }}>{children}</h5>;
}

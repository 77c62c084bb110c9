/**
 * The add and remove buttons of the part forms' lists of items (reasons, sessions, indicators,
 * copies, requests...): one place for their look and behaviour, so every list works the same way.
 * The names carry the item's number ("Remove session 2"), so a screen-reader user hears which.
 */
import type { ReactNode } from 'react';

function ActionButton({ onClick, children }: { onClick(): void; children: ReactNode }) {
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={onClick}>
        {children}
      </button>
    </div>
  );
}

/** Under an item: removes it from the list ("Remove reason 2"). */
export function RemoveItemButton({ onRemove, children }: { onRemove(): void; children: ReactNode }) {
  return <ActionButton onClick={onRemove}>{children}</ActionButton>;
}

/** Under the list: adds an item at its end ("Add a reason"). */
export function AddItemButton({ onAdd, children }: { onAdd(): void; children: ReactNode }) {
  return <ActionButton onClick={onAdd}>{children}</ActionButton>;
}

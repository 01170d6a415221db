import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

/** A row's height before it is measured: one tap's height with a line beneath. */
const ROW_ESTIMATE_PX = 64;

export interface WindowListProps<T> {
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string;
  readonly renderItem: (item: T) => ReactNode;
  /** What a screen reader calls the list. */
  readonly label: string;
  /** An ordered list (a timeline) or not (a set of people). */
  readonly ordered?: boolean;
  readonly id?: string;
}

/**
 * A list virtualised against the page's scroll (@tanstack/react-virtual): only the rows in
 * view, and a few either side, are in the DOM, so 50,000 rows scroll as smoothly as 50 and
 * a sync that adds thousands does not lay out thousands. Rows are measured as they render,
 * so they may be of any height; each says its place in the whole list to screen readers.
 */
export function WindowList<T>({ items, itemKey, renderItem, label, ordered = false, id }: WindowListProps<T>) {
  const listRef = useRef<HTMLUListElement & HTMLOListElement>(null);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    // Where the list starts on the page, read at each render (a scroll re-renders): the
    // sections above it may grow as their data arrives.
    scrollMargin: listRef.current === null ? 0 : listRef.current.getBoundingClientRect().top + window.scrollY,
    getItemKey: (index) => {
      const item = items[index];
      return item === undefined ? index : itemKey(item);
    },
  });
  const rows = virtualizer.getVirtualItems().map((row) => {
    const item = items[row.index];
    if (item === undefined) return null;
    return (
      <li
        key={row.key}
        ref={virtualizer.measureElement}
        data-index={row.index}
        aria-setsize={items.length}
        aria-posinset={row.index + 1}
        style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
      >
        {renderItem(item)}
      </li>
    );
  });
  const props = { id, ref: listRef, className: 'list virtual-list', 'aria-label': label, style: { height: virtualizer.getTotalSize() } };
  return ordered ? <ol {...props}>{rows}</ol> : <ul {...props}>{rows}</ul>;
}

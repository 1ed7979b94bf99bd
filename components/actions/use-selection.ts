"use client";

// Which rows of the explorer are chosen: a click toggles one, a shift-click the range from the last one
// clicked, "all matching" the whole view (including rows on other pages). A new view starts empty.

import { useCallback, useEffect, useMemo, useState } from "react";

export interface Selection {
  readonly ids: ReadonlySet<number>;
  /** Every job matching the view, not only the chosen rows. */
  readonly allMatching: boolean;
  isSelected(id: number): boolean;
  /** `index` in the rows as shown; with `range`, every row from the last toggled one takes its new state. */
  toggle(index: number, range: boolean): void;
  setAll(checked: boolean): void;
  selectAllMatching(): void;
  clear(): void;
}

export function useSelection(rowIds: readonly number[], viewKey: string): Selection {
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [allMatching, setAllMatching] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new view (the key) is the reason to clear
  useEffect(() => {
    setIds(new Set());
    setAnchor(null);
    setAllMatching(false);
  }, [viewKey]);

  const toggle = useCallback(
    (index: number, range: boolean) => {
      const id = rowIds[index];
      if (id === undefined) return;
      setAllMatching(false);
      setIds((current) => {
        const next = new Set(current);
        const on = !current.has(id);
        const [from, to] =
          range && anchor !== null ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
        for (let i = from; i <= to; i++) {
          const rowId = rowIds[i];
          if (rowId === undefined) continue;
          if (on) next.add(rowId);
          else next.delete(rowId);
        }
        return next;
      });
      setAnchor(index);
    },
    [rowIds, anchor],
  );

  return useMemo(
    () => ({
      ids,
      allMatching,
      isSelected: (id: number) => allMatching || ids.has(id),
      toggle,
      setAll: (checked: boolean) => {
        setAllMatching(false);
        setIds(checked ? new Set(rowIds) : new Set());
      },
      selectAllMatching: () => setAllMatching(true),
      clear: () => {
        setAllMatching(false);
        setIds(new Set());
      },
    }),
    [ids, allMatching, toggle, rowIds],
  );
}

"use client";

import { useLayoutEffect, useRef, useState } from "react";

/**
 * How many rows of `rowVh` (percent of the screen's height) fit in an element whose height the layout
 * decides: a wall shows as many jobs as fit and says "+N more", never a scrollbar. Re-measured when the
 * element or the window changes size (a TV switching from 1080p to 4K, a browser zoom).
 */
export function useFitRows(rowVh: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState({ rows: 0, rowPx: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const rowPx = Math.max(1, Math.floor((window.innerHeight * rowVh) / 100));
      const rows = Math.max(0, Math.floor(element.clientHeight / rowPx));
      setFit((current) => (current.rows === rows && current.rowPx === rowPx ? current : { rows, rowPx }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [rowVh]);
  return { ref, ...fit };
}

"use client";

import { useEffect, useState } from "react";

/**
 * The time, ticking every second, so "updated 8 s ago" and relative times stay true. Null until mounted,
 * so the server's render and the browser's first one agree.
 */
export function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

"use client";

import { useEffect, useState } from "react";
import { isLive, latestNotice, onAlive, subscribeView, type ViewNotice } from "@/lib/client/view-stream";

/** How often a page looks again at whether the stream has gone quiet (nothing else would tell it). */
const LIVENESS_CHECK_MS = 5000;

/**
 * The push channel's word on a view: whether the stream is alive (while it is not, the page polls) and the
 * last notice heard for the view (its newest entity tag, or a problem). `view` null watches nothing.
 */
export function useViewStream(view: string | null): {
  readonly live: boolean;
  readonly notice: ViewNotice | null;
} {
  const [notice, setNotice] = useState<ViewNotice | null>(() => (view ? latestNotice(view) : null));
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (view === null) return;
    setNotice(latestNotice(view));
    return subscribeView(view, setNotice);
  }, [view]);
  useEffect(() => {
    if (view === null) return;
    const check = () => setLive(isLive());
    check();
    const timer = setInterval(check, LIVENESS_CHECK_MS);
    const stop = onAlive(check);
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [view]);
  return { live, notice };
}

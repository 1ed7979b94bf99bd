"use client";

import { useEffect, useRef } from "react";
import { noticeDelayMs } from "@/lib/client/notice-spread";
import type { ViewNotice } from "@/lib/client/view-stream";

/**
 * Refreshes a polled view when the push channel says it has a new answer: each notice whose tag is not the
 * one held is acted on once, no sooner than `minGapMs` after the last fetch (the same freshness rules as
 * polling: never more often than the page's refresh interval). `stream` is useViewStream's word on the
 * view, asked before the query so that the query polls only while the stream is not alive. A hidden tab
 * that `skipsWhenHidden` waits to be looked at.
 */
export function usePushedRefresh({
  stream: { live, notice },
  heldTag,
  fetchedAt,
  minGapMs,
  refetch,
  onUnchanged,
  skipsWhenHidden,
}: {
  readonly stream: { readonly live: boolean; readonly notice: ViewNotice | null };
  readonly heldTag: () => string | null;
  /** When the page last had an answer (React Query's dataUpdatedAt), in ms. */
  readonly fetchedAt: number;
  readonly minGapMs: number;
  readonly refetch: () => void;
  /** A notice of the tag held: the view was refreshed and found unchanged at `fetchedAt` (if it says). */
  readonly onUnchanged?: (fetchedAt: string | null) => void;
  readonly skipsWhenHidden: boolean;
}): void {
  const acted = useRef<object | null>(null);
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;
  const heldTagRef = useRef(heldTag);
  heldTagRef.current = heldTag;
  const onUnchangedRef = useRef(onUnchanged);
  onUnchangedRef.current = onUnchanged;
  useEffect(() => {
    if (!live || !notice || acted.current === notice) return;
    if ("etag" in notice && notice.etag === heldTagRef.current()) {
      acted.current = notice;
      onUnchangedRef.current?.(notice.fetchedAt ?? null);
      return;
    }
    const timer = setTimeout(
      () => {
        if (skipsWhenHidden && document.hidden) return;
        acted.current = notice;
        refetchRef.current();
      },
      // A notice reaches every screen of a view at once: each waits a moment of its own (noticeDelayMs).
      Math.max(noticeDelayMs(notice), fetchedAt + minGapMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [live, notice, fetchedAt, minGapMs, skipsWhenHidden]);
}

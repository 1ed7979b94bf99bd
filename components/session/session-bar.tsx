import type { Viewer } from "@/lib/api/viewer";
import { SignOutButton } from "./sign-out-button";

/** Which CommCell this is and who is looking: the demo says so plainly. */
export function SessionBar({ demo, host, viewer }: { demo: boolean; host: string; viewer: Viewer }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-[var(--muted)]">
      <span data-testid="upstream">{demo ? "Demo CommCell (simulated)" : `CommCell ${host}`}</span>
      <span>
        {viewer.kind === "user" ? (
          <>
            Signed in as <strong data-testid="user">{viewer.name}</strong> · <SignOutButton />
          </>
        ) : (
          // A plain link: signing in is a full page change anyway, and next/link would weigh on every
          // page's first load (about 3.5 KB gzipped) for this one rarely used link.
          <a href="/login" className="underline">
            Sign in
          </a>
        )}
      </span>
    </div>
  );
}

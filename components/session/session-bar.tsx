import Link from "next/link";
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
          <Link href="/login" className="underline">
            Sign in
          </Link>
        )}
      </span>
    </div>
  );
}

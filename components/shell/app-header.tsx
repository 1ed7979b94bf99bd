import type { Viewer } from "@/lib/api/viewer";
import { SignOutButton } from "../session/sign-out-button";
import { NAV_ITEMS, type NavKey } from "./nav-items";
import { ThemeSwitch } from "./theme-switch";

/**
 * The one header of every page but the wall (an unattended screen has no use for navigation): the
 * product, which CommCell this is (the demo says so plainly), the pages, the theme and who is looking.
 */
export function AppHeader({
  current,
  demo,
  host,
  viewer,
}: {
  current: NavKey | null;
  demo: boolean;
  /** The CommCell's host, for a signed-in user only (null hides it). */
  host: string | null;
  viewer: Viewer | null;
}) {
  return (
    <header className="border-b border-[var(--border)] bg-[var(--surface)]">
      <div className="mx-auto flex max-w-[1440px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 text-sm">
        {/* Plain links: next/link would weigh on every page's first load for a few header links. */}
        <a href="/" className="font-semibold">
          CommCell Job Monitor
        </a>
        <nav aria-label="Main">
          <ul className="flex gap-4">
            {NAV_ITEMS.map((item) => (
              <li key={item.key}>
                <a
                  href={item.href}
                  aria-current={item.key === current ? "page" : undefined}
                  className={
                    item.key === current ? "font-medium underline underline-offset-4" : "text-[var(--muted)]"
                  }
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span data-testid="upstream" className="text-[var(--muted)]">
          {demo ? "Demo CommCell (simulated)" : host ? `CommCell ${host}` : "CommCell"}
        </span>
        <span className="ml-auto flex items-center gap-4">
          <ThemeSwitch />
          {viewer?.kind === "user" ? (
            <span>
              Signed in as <strong data-testid="user">{viewer.name}</strong> · <SignOutButton />
            </span>
          ) : viewer ? (
            <a href="/login" className="underline">
              Sign in
            </a>
          ) : null}
        </span>
      </div>
    </header>
  );
}

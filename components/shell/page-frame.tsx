import type { ReactNode } from "react";
import { getRuntime } from "@/lib/api/runtime";
import type { Viewer } from "@/lib/api/viewer";
import { AppHeader } from "./app-header";
import type { NavKey } from "./nav-items";

/** Every page's frame: the header, then the page in one width and spacing. Server components only. */
export function PageFrame({
  current,
  viewer,
  children,
}: {
  current: NavKey | null;
  viewer: Viewer | null;
  children: ReactNode;
}) {
  const { upstream } = getRuntime();
  // Where the CommCell is, only for someone signed in to it: a stranger learns nothing of it here.
  const host = viewer?.kind === "user" ? new URL(upstream.root).host : null;
  return (
    <>
      <AppHeader current={current} demo={upstream.demo} host={host} viewer={viewer} />
      <main className="mx-auto max-w-[1440px] space-y-4 px-4 py-4">{children}</main>
    </>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { JobsExplorer } from "@/components/jobs/jobs-explorer";
import { SessionBar } from "@/components/session/session-bar";
import { pageViewer } from "@/lib/api/page-viewer";
import { getRuntime } from "@/lib/api/runtime";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const viewer = await pageViewer("/jobs");
  const { upstream, server } = getRuntime();
  return (
    <main className="space-y-4 p-4">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">Jobs</h1>
        <SessionBar demo={upstream.demo} host={new URL(upstream.root).host} viewer={viewer} />
      </header>
      {/* nuqs reads the URL with useSearchParams, which needs a Suspense boundary to build. */}
      <Suspense fallback={<p className="text-[var(--muted)]">Loading jobs…</p>}>
        <JobsExplorer refreshFloorSeconds={server.refreshFloorMs / 1000} />
      </Suspense>
    </main>
  );
}

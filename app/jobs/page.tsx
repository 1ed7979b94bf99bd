import type { Metadata } from "next";
import { Suspense } from "react";
import { JobsExplorer } from "@/components/jobs/jobs-explorer";
import { PageFrame } from "@/components/shell/page-frame";
import { pageViewer } from "@/lib/api/page-viewer";
import { getRuntime } from "@/lib/api/runtime";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const viewer = await pageViewer("/jobs");
  const { server } = getRuntime();
  return (
    <PageFrame current="jobs" viewer={viewer}>
      <h1 className="text-xl font-semibold">Jobs</h1>
      {/* nuqs reads the URL with useSearchParams, which needs a Suspense boundary to build. */}
      <Suspense fallback={<p className="text-[var(--muted)]">Loading jobs…</p>}>
        <JobsExplorer
          refreshFloorSeconds={server.refreshFloorMs / 1000}
          mayAct={viewer.kind === "user" && server.actionsEnabled}
        />
      </Suspense>
    </PageFrame>
  );
}

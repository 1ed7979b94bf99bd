import type { Metadata } from "next";
import { Suspense } from "react";
import { CoveragePage } from "@/components/coverage/coverage-page";
import { PageFrame } from "@/components/shell/page-frame";
import { pageViewer } from "@/lib/api/page-viewer";
import { getRuntime } from "@/lib/api/runtime";

export const metadata: Metadata = { title: "Coverage" };
export const dynamic = "force-dynamic";

export default async function Coverage() {
  const viewer = await pageViewer("/coverage");
  const { server } = getRuntime();
  return (
    <PageFrame current="coverage" viewer={viewer}>
      <h1 className="text-xl font-semibold">Coverage</h1>
      <p className="text-sm text-[var(--muted)]">
        By Commvault's SLA rules: a client is protected when every subclient had a successful backup in the
        period (for databases, "completed with errors" is a failure); synthetic fulls do not count; disabled
        subclients are left out.
      </p>
      <Suspense fallback={<p className="text-[var(--muted)]">Loading coverage…</p>}>
        <CoveragePage
          defaultWithin={server.coverageWithin}
          refreshSeconds={Math.max(30, server.refreshFloorMs / 1000)}
        />
      </Suspense>
    </PageFrame>
  );
}

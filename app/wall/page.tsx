import type { Metadata } from "next";
import { Suspense } from "react";
import { WallScreen } from "@/components/wall/wall-screen";
import { pageViewer } from "@/lib/api/page-viewer";
import { getRuntime } from "@/lib/api/runtime";
import { searchParamsOf } from "@/lib/jobs/url-params";

export const metadata: Metadata = { title: "Wall" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * An unattended operations screen: no navigation, configured by its URL alone (see lib/jobs/wall-params.ts),
 * signed in once by a display key.
 */
export default async function WallPage({ searchParams }: Props) {
  const params = searchParamsOf(await searchParams);
  const query = params.toString();
  await pageViewer(query ? `/wall?${query}` : "/wall");
  const { server } = getRuntime();
  return (
    // useSearchParams needs a Suspense boundary to build.
    <Suspense fallback={<div className="h-screen w-screen" />}>
      <WallScreen refreshFloorSeconds={server.refreshFloorMs / 1000} />
    </Suspense>
  );
}

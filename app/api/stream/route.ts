// GET /api/stream?view=jobs:<query>&view=wall:<query>: the push channel. Server-Sent Events telling a
// browser when the views it shows have a new answer (their entity tag), so it fetches them once per change
// instead of polling. One stream per browser, shared by its tabs (lib/client/view-stream.ts).

import { withViewer } from "@/lib/api/handle";
import { eventStream, parseStreamViews } from "@/lib/api/view-stream";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withViewer(request, async (viewer) => {
    const views = parseStreamViews(new URL(request.url).searchParams);
    return eventStream(request, viewer, views);
  });
}

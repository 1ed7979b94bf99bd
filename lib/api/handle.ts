// The frame of every API route: the viewer from the session, the error shape for every failure, and an
// expired user token ending that user's session instead of failing forever.

import "server-only";
import type { IronSession } from "iron-session";
import { isCommCellError } from "@/lib/commcell/errors";
import { ApiError, errorResponse } from "./api-error";
import { getRuntime } from "./runtime";
import { assertSameOrigin } from "./same-origin";
import { DISPLAY_RENEW_MS, getSession, isSecure, revokeSession, type SessionData } from "./session";
import { type Viewer, viewerFor } from "./viewer";

export async function withViewer(
  request: Request,
  answer: (viewer: Viewer) => Promise<Response>,
  options: { readonly stateChanging?: boolean } = {},
): Promise<Response> {
  let session: IronSession<SessionData> | null = null;
  try {
    // A state-changing request from another site is refused before its session is even read.
    if (options.stateChanging) assertSameOrigin(request, getRuntime().server.trustedProxyHops);
    session = await getSession(isSecure(request));
    let viewer: Viewer;
    try {
      viewer = viewerFor(session);
    } catch (error) {
      // An ended session's cookie is cleared, so the browser stops presenting it.
      if (error instanceof ApiError && error.code === "session_ended") session.destroy();
      throw error;
    }
    if (session.display && Date.now() - (session.displayRenewedAt ?? 0) > DISPLAY_RENEW_MS) {
      session.displayRenewedAt = Date.now();
      await session.save();
    }
    try {
      return await answer(viewer);
    } catch (error) {
      if (viewer.kind === "user" && isCommCellError(error) && error.kind === "auth") {
        revokeSession(session);
        throw new ApiError(401, "session_expired", "Your CommCell session has expired: sign in again.");
      }
      throw error;
    }
  } catch (error) {
    return errorResponse(error);
  }
}

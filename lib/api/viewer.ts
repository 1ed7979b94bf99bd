// Who is asking, and with which CommCell identity their jobs are fetched: a signed-in user with their own
// token (so the CommCell's permissions apply), or the service identity for a display key or, when the
// operator allows it, anonymous viewers. Cache entries are per identity.

import "server-only";
import { type CommCellError, isCommCellError, kindAlone } from "@/lib/commcell/errors";
import type { UpstreamSession } from "@/lib/commcell/session";
import { TokenSource } from "@/lib/commcell/token-source";
import { upstreamSession } from "@/lib/commcell/upstream";
import { ApiError } from "./api-error";
import { getRuntime } from "./runtime";
import { type SessionData, USER_SESSION_MS, userIdentity } from "./session";
import { sessionHonoured } from "./session-check";

export interface Viewer {
  readonly kind: "user" | "service";
  /** The user's name, or null for the service identity. */
  readonly name: string | null;
  /** Cache partition: one per CommCell identity. */
  readonly cacheKey: string;
  readonly upstream: UpstreamSession;
  /** The session's id (a signed-in user or a display screen): what is held open ends when it is revoked. */
  readonly sessionId: string | null;
}

export function viewerFor(session: SessionData): Viewer {
  const { upstream, server } = getRuntime();
  const { revocations } = getRuntime();
  if (!sessionHonoured(session, { revocations, displayKey: server.displayKey })) {
    throw new ApiError(401, "session_ended", "This session has ended: sign in again.");
  }
  if (session.user && Date.now() - session.user.signedInAt > USER_SESSION_MS) {
    throw new ApiError(401, "session_expired", "Your sign-in is more than 12 hours old: sign in again.");
  }
  if (session.user) {
    return {
      kind: "user",
      name: session.user.name,
      sessionId: session.sid ?? null,
      cacheKey: userIdentity(session.user),
      // A user's token cannot be renewed without their password: a 401 ends the session.
      upstream: upstreamSession(upstream, new TokenSource(null, session.user.token)),
    };
  }
  if (upstream.service && (server.allowAnonymousView || session.display)) {
    return {
      kind: "service",
      name: null,
      cacheKey: "service",
      upstream: upstream.service,
      sessionId: session.display ? (session.sid ?? null) : null,
    };
  }
  throw new ApiError(401, "unauthenticated", "Sign in with your CommCell account to see jobs.");
}

/**
 * What a viewer may learn of a CommCell failure: a signed-in user its words (they are the CommCell's
 * admins); the service identity (anonymous visitors, wall screens anyone in the room reads) its kind alone.
 */
export function seenBy(viewer: Viewer, error: CommCellError): CommCellError {
  return viewer.kind === "user" ? error : kindAlone(error);
}

/** `work`, with a CommCell failure it throws as `viewer` may see it. */
export async function asSeenBy<T>(viewer: Viewer, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw isCommCellError(error) ? seenBy(viewer, error) : error;
  }
}

// /api/session: GET who is signed in, POST sign in with CommCell credentials, DELETE sign out.

import { z } from "zod";
import { ApiError, errorResponse, NO_STORE } from "@/lib/api/api-error";
import { clientAddress } from "@/lib/api/client-address";
import { readJsonBody } from "@/lib/api/json-body";
import { getRuntime } from "@/lib/api/runtime";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { getSession, isSecure, newSessionId, revokeSession, USER_SESSION_MS } from "@/lib/api/session";
import { sessionHonoured } from "@/lib/api/session-check";
import { slowedDown } from "@/lib/api/sign-in-limiter";
import { isCommCellError } from "@/lib/commcell/errors";
import { login, logout } from "@/lib/commcell/login";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const session = await getSession(isSecure(request));
    const { upstream, server, revocations } = getRuntime();
    // The check every other route makes: a copy of a cookie signed out on any instance, a display session
    // of an old key or a sign-in past its 12 hours answers signed out, and its cookie is cleared.
    const expired = session.user !== undefined && Date.now() - session.user.signedInAt > USER_SESSION_MS;
    const honoured = !expired && sessionHonoured(session, { revocations, displayKey: server.displayKey });
    if (!honoured) session.destroy();
    return Response.json(
      {
        user:
          honoured && session.user
            ? { name: session.user.name, signedInAt: new Date(session.user.signedInAt).toISOString() }
            : null,
        display: honoured && session.display === true,
        anonymousView: Boolean(upstream.service) && server.allowAnonymousView,
        demo: upstream.demo,
      },
      { headers: NO_STORE },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

/** A sign-in body is a user name and a password; anything larger is not one. */
const SIGN_IN_MAX_BYTES = 4096;
const SignIn = z.object({
  username: z
    .string({ error: "Enter your CommCell user name." })
    .trim()
    .min(1, "Enter your CommCell user name.")
    .max(256, "The user name is longer than 256 characters."),
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(1024, "The password is longer than 1024 characters."),
});

export async function POST(request: Request): Promise<Response> {
  try {
    const { upstream, signIns, server } = getRuntime();
    assertSameOrigin(request, server.trustedProxyHops);
    const { username, password } = await readJsonBody(request, SignIn, SIGN_IN_MAX_BYTES);
    const attempt = await signIns.attempt(username, clientAddress(request, server.trustedProxyHops));
    if (!attempt.allowed) throw slowedDown(attempt.waitMs, "failed sign-ins");
    let result: Awaited<ReturnType<typeof login>>;
    try {
      result = await login(upstream.root, username, password, upstream.config.timeoutMs);
    } catch (error) {
      if (isCommCellError(error) && error.kind === "auth") {
        throw new ApiError(
          401,
          error.code === "locked" ? "account_locked" : "sign_in_refused",
          error.message,
        );
      }
      // No verdict on the password (the CommCell is down): not a guess.
      await signIns.undecided(attempt);
      throw error;
    }
    await signIns.succeeded(attempt);
    const session = await getSession(isSecure(request));
    // A fresh id per sign-in: a session id fixed before signing in must not carry over.
    session.sid = newSessionId();
    session.user = {
      name: result.userName,
      ...(result.userGuid ? { guid: result.userGuid } : {}),
      token: result.token,
      signedInAt: Date.now(),
    };
    session.display = undefined;
    session.displayKeyId = undefined;
    await session.save();
    return Response.json({ user: { name: result.userName } }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request, getRuntime().server.trustedProxyHops);
    const session = await getSession(isSecure(request));
    const token = session.user?.token;
    revokeSession(session);
    // Ending the token on the CommCell too; if that fails, the session is gone here all the same.
    if (token) await logout(getRuntime().upstream.root, token);
    return Response.json({ user: null }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

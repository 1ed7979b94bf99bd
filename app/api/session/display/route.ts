// GET /api/session/display?key=...&next=/wall: a display key signs an unattended screen in once; the
// screen then carries a session cookie, and the key leaves the address bar.

import { timingSafeEqual } from "node:crypto";
import { ApiError, errorResponse } from "@/lib/api/api-error";
import { clientAddress } from "@/lib/api/client-address";
import { getRuntime } from "@/lib/api/runtime";
import {
  displayKeyId,
  dropUserAnswers,
  getSession,
  isSecure,
  newSessionId,
  sessionEndsAt,
  userIdentity,
} from "@/lib/api/session";
import { slowedDown } from "@/lib/api/sign-in-limiter";
import { safeNext } from "@/lib/session/safe-next";

export const dynamic = "force-dynamic";

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function GET(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const { server, signIns, revocations } = getRuntime();
    const key = url.searchParams.get("key") ?? "";
    // Guessed keys are slowed as guessed passwords are, counted per address (a name of its own per
    // address, so wrong keys from one place never hold back the screens of another).
    const address = clientAddress(request, server.trustedProxyHops);
    const attempt = await signIns.attempt(`display-key@${address}`, address);
    if (!attempt.allowed) throw slowedDown(attempt.waitMs, "wrong display keys");
    if (!server.displayKey || !sameKey(key, server.displayKey)) {
      throw new ApiError(403, "invalid_display_key", "This display key is not valid.");
    }
    await signIns.succeeded(attempt);
    const session = await getSession(isSecure(request));
    // Whatever this browser was signed in as ends here and everywhere a copy of its cookie went.
    if (session.sid) revocations.revoke(session.sid, sessionEndsAt(session));
    if (session.user) dropUserAnswers(userIdentity(session.user));
    // A screen's session is its own, bound to this key: a new DISPLAY_KEY ends it.
    session.sid = newSessionId();
    session.user = undefined;
    session.display = true;
    session.displayKeyId = displayKeyId(server.displayKey);
    session.displayRenewedAt = Date.now();
    await session.save();
    return new Response(null, {
      status: 303,
      headers: { Location: safeNext(url.searchParams.get("next")), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

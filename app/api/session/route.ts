// /api/session: GET who is signed in, POST sign in with CommCell credentials, DELETE sign out.

import { ApiError, errorResponse, NO_STORE } from "@/lib/api/api-error";
import { clientAddress } from "@/lib/api/client-address";
import { getRuntime } from "@/lib/api/runtime";
import { getSession, isSecure } from "@/lib/api/session";
import { isCommCellError } from "@/lib/commcell/errors";
import { exchange } from "@/lib/commcell/http";
import { login } from "@/lib/commcell/login";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const session = await getSession(isSecure(request));
    const { upstream, server } = getRuntime();
    return Response.json(
      {
        user: session.user
          ? { name: session.user.name, signedInAt: new Date(session.user.signedInAt).toISOString() }
          : null,
        display: session.display === true,
        anonymousView: Boolean(upstream.service) && server.allowAnonymousView,
        demo: upstream.demo,
      },
      { headers: NO_STORE },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

async function credentials(request: Request): Promise<{ username: string; password: string }> {
  const type = request.headers.get("content-type") ?? "";
  let username: unknown;
  let password: unknown;
  if (type.includes("application/json")) {
    const body = (await request.json().catch(() => null)) as {
      username?: unknown;
      password?: unknown;
    } | null;
    username = body?.username;
    password = body?.password;
  } else {
    const form = await request.formData().catch(() => null);
    username = form?.get("username");
    password = form?.get("password");
  }
  if (typeof username !== "string" || username.trim() === "" || username.length > 256) {
    throw new ApiError(400, "invalid_parameter", "Enter your CommCell user name.", "username");
  }
  if (typeof password !== "string" || password === "" || password.length > 1024) {
    throw new ApiError(400, "invalid_parameter", "Enter your password.", "password");
  }
  return { username: username.trim(), password };
}

export async function POST(request: Request): Promise<Response> {
  try {
    const { upstream, signIns } = getRuntime();
    const address = clientAddress(request);
    const wait = signIns.waitFor(address);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ApiError(
        429,
        "too_many_attempts",
        `Too many failed sign-ins: try again in ${seconds} s.`,
        undefined,
        {
          "Retry-After": String(seconds),
        },
      );
    }
    const { username, password } = await credentials(request);
    let result: Awaited<ReturnType<typeof login>>;
    try {
      result = await login(upstream.root, username, password, upstream.config.timeoutMs);
    } catch (error) {
      if (isCommCellError(error) && error.kind === "auth") {
        signIns.failed(address);
        throw new ApiError(
          401,
          error.code === "locked" ? "account_locked" : "sign_in_refused",
          error.message,
        );
      }
      throw error;
    }
    signIns.succeeded(address);
    const session = await getSession(isSecure(request));
    session.user = { name: result.userName, token: result.token, signedInAt: Date.now() };
    await session.save();
    return Response.json({ user: { name: result.userName } }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request): Promise<Response> {
  try {
    const session = await getSession(isSecure(request));
    const token = session.user?.token;
    session.destroy();
    if (token) {
      // Ending the token on the CommCell too; if that fails, the session is gone here all the same.
      const { upstream } = getRuntime();
      await exchange({
        url: new URL("Logout", upstream.root).href,
        method: "POST",
        headers: { Authtoken: token },
        timeoutMs: 5000,
      }).catch(() => undefined);
    }
    return Response.json({ user: null }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

// Runs before every page and route: a request for a host this server does not answer for is refused
// (DNS rebinding, lib/api/allowed-hosts.ts); then, for pages, a per-request nonce for a
// Content-Security-Policy without inline scripts, and a display key in a page address sent to be
// exchanged for a session cookie (so it leaves the URL).

import { type NextRequest, NextResponse } from "next/server";
import { hostAllowed, readAllowedHosts } from "@/lib/api/allowed-hosts";
import { behindTrustedProxy, cameOverHttps, HSTS } from "@/lib/api/proxy-trust";

let allowed: ReadonlySet<string> | null = null;

function hostRefusal(request: NextRequest): NextResponse | null {
  // Checked at start by the server's config (server-config.ts): here it cannot fail.
  allowed ??= readAllowedHosts(process.env);
  const forwarded = behindTrustedProxy() ? request.headers.get("x-forwarded-host") : null;
  if (hostAllowed(allowed, request.headers.get("host"), forwarded)) return null;
  return NextResponse.json(
    {
      error: {
        code: "host_not_allowed",
        message:
          "This server does not answer for that host name: open it at its own address (PUBLIC_ORIGIN, ALLOWED_HOSTS).",
      },
    },
    { status: 421, headers: { "Cache-Control": "no-store" } },
  );
}

export function proxy(request: NextRequest): NextResponse {
  const response = answer(request);
  if (cameOverHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

function answer(request: NextRequest): NextResponse {
  const refused = hostRefusal(request);
  if (refused) return refused;
  // Routes and prefetches need no page policy.
  if (request.nextUrl.pathname.startsWith("/api/") || request.headers.has("next-router-prefetch"))
    return NextResponse.next();

  const key = request.nextUrl.searchParams.get("key");
  if (key !== null && !request.nextUrl.pathname.startsWith("/api/")) {
    const next = new URL(request.nextUrl);
    next.searchParams.delete("key");
    const exchange = new URL("/api/session/display", request.url);
    exchange.searchParams.set("key", key);
    exchange.searchParams.set("next", `${next.pathname}${next.search}`);
    return NextResponse.redirect(exchange, 303);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const development = process.env.NODE_ENV === "development";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (progress bars, chart sizes) need this; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};

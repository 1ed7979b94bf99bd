// Runs before every page: a per-request nonce for a Content-Security-Policy without inline scripts, and a
// display key in a page address sent to be exchanged for a session cookie (so it leaves the URL).

import { type NextRequest, NextResponse } from "next/server";

export function proxy(request: NextRequest): NextResponse {
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
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|icon.svg).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};

// Every state-changing route asks this first: a request another site's page made the browser send (a
// cross-site form post signing the browser in as the attacker, a sign-out, later a job action) is refused
// with 403 before anything else happens. Browsers say where a request comes from in `Sec-Fetch-Site`
// (all current ones) and `Origin` (on every POST and DELETE); a request that carries neither is not from
// a browser page we can vouch for, and is refused too, with a message saying what to send.

import { ApiError } from "./api-error";

/** The hosts this server is reached at: the Host header, and the proxy's X-Forwarded-Host behind one. */
function hostsOf(request: Request, trustedProxyHops: number): Set<string> {
  const hosts = new Set<string>();
  const host = request.headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  if (trustedProxyHops > 0) {
    const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) hosts.add(forwarded.toLowerCase());
  }
  return hosts;
}

export function assertSameOrigin(request: Request, trustedProxyHops = 0): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") {
    throw new ApiError(
      403,
      "cross_origin",
      `Refused: this request came from another site (Sec-Fetch-Site: ${site}).`,
    );
  }
  const origin = request.headers.get("origin");
  if (origin === null) {
    if (site === "same-origin") return;
    throw new ApiError(
      403,
      "cross_origin",
      "Refused: a request that changes something must say where it comes from (an Origin header of this site).",
    );
  }
  let host: string | null = null;
  try {
    host = origin === "null" ? null : new URL(origin).host.toLowerCase();
  } catch {
    host = null;
  }
  if (host === null || !hostsOf(request, trustedProxyHops).has(host)) {
    throw new ApiError(
      403,
      "cross_origin",
      `Refused: this request came from another site (Origin: ${origin.slice(0, 100)}).`,
    );
  }
}

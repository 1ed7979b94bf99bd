// Whether this server sits behind proxies it trusts (TRUSTED_PROXY_HOPS > 0, checked at start by
// server-config.ts). Only then are X-Forwarded-Proto and X-Forwarded-Host read: without a proxy that
// rewrites them, they are whatever the client sent.

export function behindTrustedProxy(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return Number(env.TRUSTED_PROXY_HOPS ?? 0) > 0;
}

/**
 * Whether the request came over HTTPS, through a trusted proxy that says so. `next start` serves plain HTTP
 * only, so HTTPS is always a proxy's; and the request's URL is no witness: Next builds its scheme from the
 * client's own X-Forwarded-Proto.
 */
export function cameOverHttps(request: Request, env?: Readonly<Record<string, string | undefined>>): boolean {
  return (
    behindTrustedProxy(env) && request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https"
  );
}

/** Sent on every answer over HTTPS: browsers then never try this host over plain HTTP again. */
export const HSTS = "max-age=31536000";

// Which Host names this server answers for. Over plain HTTP a DNS-rebinding page (evil.example resolving
// to this server's address) is same-origin with itself and would pass the Origin check: so a request for
// any other host is refused before a route runs. Loopback names are always allowed (the demo, the tests);
// PUBLIC_ORIGIN (the URL people open) and ALLOWED_HOSTS (more names, comma-separated) add the rest.

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

export class HostConfigError extends Error {}

/** The allowed host names (lower case, no port) from PUBLIC_ORIGIN and ALLOWED_HOSTS. */
export function readAllowedHosts(env: Readonly<Record<string, string | undefined>>): ReadonlySet<string> {
  const hosts = new Set(LOOPBACK);
  const origin = env.PUBLIC_ORIGIN?.trim();
  if (origin) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new HostConfigError(
        `PUBLIC_ORIGIN is not a URL (got "${origin.slice(0, 80)}"); use https://host[:port]`,
      );
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      throw new HostConfigError(`PUBLIC_ORIGIN must start with https:// or http:// (got "${url.protocol}")`);
    hosts.add(url.hostname.toLowerCase());
  }
  for (const name of (env.ALLOWED_HOSTS ?? "").split(",")) {
    const host = name.trim().toLowerCase();
    if (!host) continue;
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(host))
      throw new HostConfigError(`ALLOWED_HOSTS holds "${host.slice(0, 80)}", which is not a host name`);
    hosts.add(host);
  }
  return hosts;
}

/** The name in a Host header, without its port; null for a value that is no host. */
export function hostName(header: string | null): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.exec(value);
  return match?.[1] ?? null;
}

/** Whether a request for `hostHeader` (and, behind trusted proxies, `forwardedHost`) may be answered. */
export function hostAllowed(
  allowed: ReadonlySet<string>,
  hostHeader: string | null,
  forwardedHost: string | null,
): boolean {
  const name = hostName(forwardedHost?.split(",")[0] ?? hostHeader);
  return name !== null && allowed.has(name);
}
